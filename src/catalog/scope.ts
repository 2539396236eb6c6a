/**
 * The part of a database catalog that drizzle-kit push would look at, so verify compares
 * like with like.
 *
 * NOTE: drizzle-kit 0.31's push introspects only the schemas in `schemaFilter` (default
 * `['public']`) and applies `tablesFilter` to the database's tables only, never to the
 * schema files (see src/config/tables-filter.ts). Its own migrations journal table is not
 * part of the user's schema either.
 */
import type { Catalog, QualifiedName } from './model.js';

export interface CatalogScope {
  /** Schemas to keep; every schema when null. */
  readonly schemas: readonly string[] | null;
  /** Table names (without schema) to keep. */
  readonly tableFilter: (tableName: string) => boolean;
  /** Tables never compared, e.g. drizzle's `drizzle.__drizzle_migrations`. */
  readonly excludedTables: readonly QualifiedName[];
}

export const scopeCatalog = (catalog: Catalog, scope: CatalogScope): Catalog => {
  const inSchema = (schema: string): boolean => scope.schemas === null || scope.schemas.includes(schema);
  const excluded = new Set(scope.excludedTables.map((t) => JSON.stringify([t.schema, t.name])));
  return {
    schemas: catalog.schemas.filter(inSchema),
    tables: catalog.tables.filter(
      (t) => inSchema(t.schema) && scope.tableFilter(t.name) && !excluded.has(JSON.stringify([t.schema, t.name])),
    ),
    enums: catalog.enums.filter((e) => inSchema(e.schema)),
    domains: catalog.domains.filter((d) => inSchema(d.schema)),
    sequences: catalog.sequences.filter(
      (s) => inSchema(s.schema) && (s.ownedBy === null || !excluded.has(JSON.stringify([s.ownedBy.schema, s.ownedBy.name]))),
    ),
    views: catalog.views.filter((v) => inSchema(v.schema) && scope.tableFilter(v.name)),
    extensions: catalog.extensions,
  };
};
