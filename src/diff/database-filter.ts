/**
 * What drizzle-kit push would see of the database: only the schemas of `schemaFilter`
 * (default `['public']`) and only the tables and views `tablesFilter` lets through.
 *
 * NOTE: drizzle-kit 0.31 (`pgPushIntrospect` → `fromDatabase`) filters what it reads from
 * the database, never the schema files (those are limited to `schemaFilter` by its
 * serializer); objects outside the filters are neither compared nor dropped. verify
 * applies the same narrowing to the snapshot, so it reports no drop for them either.
 */
import type { Catalog } from '../catalog/model.js';

export interface DatabaseFilter {
  /** drizzle-kit's `schemaFilter`; absent: every schema in the snapshot. */
  readonly schemas?: readonly string[];
  /** drizzle-kit's `tablesFilter` as a predicate on table (and view) names without schema. */
  readonly tables?: (name: string) => boolean;
}

export const filterDatabase = (catalog: Catalog, filter: DatabaseFilter): Catalog => {
  const inSchema = filter.schemas === undefined ? () => true : (schema: string) => filter.schemas?.includes(schema) === true;
  const tablePasses = filter.tables ?? (() => true);
  return {
    ...catalog,
    schemas: catalog.schemas.filter(inSchema),
    tables: catalog.tables.filter((t) => inSchema(t.schema) && tablePasses(t.name)),
    enums: catalog.enums.filter((e) => inSchema(e.schema)),
    domains: catalog.domains.filter((d) => inSchema(d.schema)),
    sequences: catalog.sequences.filter((s) => inSchema(s.schema)),
    views: catalog.views.filter((v) => inSchema(v.schema) && tablePasses(v.name)),
  };
};
