/**
 * The canonical order of a Catalog (see the model's spelling rules): every list sorted
 * by schema then name, except where order has meaning (columns by position, key
 * columns, index keys, enum values). Comparison is by UTF-16 code unit, never by
 * locale, so the order is the same on every machine.
 */
import type { Catalog, QualifiedName, Table } from './model.js';

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const compareQualified = (a: QualifiedName, b: QualifiedName): number =>
  compareStrings(a.schema, b.schema) || compareStrings(a.name, b.name);

const byName = <T extends { readonly name: string }>(items: readonly T[]): readonly T[] =>
  [...items].sort((a, b) => compareStrings(a.name, b.name));

const byQualifiedName = <T extends QualifiedName>(items: readonly T[]): readonly T[] =>
  [...items].sort(compareQualified);

const sortTable = (table: Table): Table => ({
  ...table,
  columns: [...table.columns].sort((a, b) => a.position - b.position),
  uniques: byName(table.uniques),
  foreignKeys: byName(table.foreignKeys),
  checks: byName(table.checks),
  indexes: byName(table.indexes),
  policies: byName(table.policies).map((policy) => ({ ...policy, roles: [...policy.roles].sort(compareStrings) })),
});

/** A copy of `catalog` in canonical order. Idempotent. */
export const sortCatalog = (catalog: Catalog): Catalog => ({
  schemas: [...new Set(catalog.schemas)].sort(compareStrings),
  tables: byQualifiedName(catalog.tables).map(sortTable),
  enums: byQualifiedName(catalog.enums),
  domains: byQualifiedName(catalog.domains).map((domain) => ({ ...domain, checks: byName(domain.checks) })),
  sequences: byQualifiedName(catalog.sequences),
  views: byQualifiedName(catalog.views),
  extensions: byName(catalog.extensions),
});
