/**
 * Phase 1 of verify: pair every named object of the schema with the database's, by name
 * only (no expressions needed): schemas, then tables within paired schemas, columns
 * within paired tables, enums, standalone sequences and views within paired schemas.
 */
import type { Catalog, Column, Enum, Sequence, Table, View } from '../catalog/model.js';
import { matchByName, type Ambiguity, type Matching, type Pair } from './match.js';

export interface TablePair extends Pair<Table, Table> {
  readonly columns: Matching<Column, Column>;
}

export interface TableMatching extends Omit<Matching<Table, Table>, 'pairs'> {
  readonly pairs: readonly TablePair[];
}

export interface CatalogMatch {
  readonly schemas: Matching<string, string>;
  readonly tables: TableMatching;
  readonly enums: Matching<Enum, Enum>;
  readonly sequences: Matching<Sequence, Sequence>;
  readonly views: Matching<View, View>;
}

/** `schema.name`: the key of a table, enum, sequence or view. */
export const keyOf = (item: { readonly schema: string; readonly name: string }): string => `${item.schema}.${item.name}`;

/** Standalone sequences only: drizzle-kit ignores those owned by a column (serial, identity). */
const standalone = (sequences: readonly Sequence[]): readonly Sequence[] => sequences.filter((s) => s.ownedBy === null);

/** Matches objects within each paired schema; objects of unpaired schemas are created or dropped. */
const matchWithinSchemas = <T extends { readonly schema: string; readonly name: string }>(
  schemas: Matching<string, string>,
  schemaItems: readonly T[],
  databaseItems: readonly T[],
): Matching<T, T> => {
  const pairs: Pair<T, T>[] = [];
  const created: T[] = [];
  const dropped: T[] = [];
  const ambiguities: Ambiguity<T, T>[] = [];
  const pairedSchemas = new Set(schemas.pairs.map((p) => p.schema));
  const pairedDatabaseSchemas = new Set(schemas.pairs.map((p) => p.database));
  for (const pair of schemas.pairs) {
    const result = matchByName(
      schemaItems.filter((t) => t.schema === pair.schema),
      databaseItems.filter((t) => t.schema === pair.database),
      (t) => t.name,
      (t) => t.name,
    );
    pairs.push(...result.pairs);
    created.push(...result.created);
    dropped.push(...result.dropped);
    ambiguities.push(...result.ambiguities);
  }
  created.push(...schemaItems.filter((t) => !pairedSchemas.has(t.schema)));
  dropped.push(...databaseItems.filter((t) => !pairedDatabaseSchemas.has(t.schema)));
  // Each key built once, not on every comparison of the sort.
  const keys = new Map<T, string>();
  const key = (item: T): string => {
    let k = keys.get(item);
    if (k === undefined) keys.set(item, (k = keyOf(item)));
    return k;
  };
  const byKey = (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return {
    pairs: pairs.sort((a, b) => byKey(a.schema, b.schema)),
    created: created.sort(byKey),
    dropped: dropped.sort(byKey),
    ambiguities,
  };
};

/** NOTE: drizzle-kit never creates, drops or renames `public`: it is on both sides, always. */
const withPublic = (schemas: readonly string[]): readonly string[] => (schemas.includes('public') ? schemas : ['public', ...schemas]);

export const matchCatalogs = (schema: Catalog, database: Catalog): CatalogMatch => {
  const schemas = matchByName(withPublic(schema.schemas), withPublic(database.schemas), (s) => s, (s) => s);
  const tables = matchWithinSchemas(schemas, schema.tables, database.tables);
  return {
    schemas,
    tables: {
      ...tables,
      pairs: tables.pairs.map((pair) => ({
        ...pair,
        columns: matchByName(pair.schema.columns, pair.database.columns, (c) => c.name, (c) => c.name),
      })),
    },
    enums: matchWithinSchemas(schemas, schema.enums, database.enums),
    sequences: matchWithinSchemas(schemas, standalone(schema.sequences), standalone(database.sequences)),
    views: matchWithinSchemas(schemas, schema.views, database.views),
  };
};
