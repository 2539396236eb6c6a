/**
 * A Catalog in the form two sources of it can be compared with `toEqual`: expressions as
 * their canonical parse (src/sql), names as PostgreSQL keeps them (63 bytes), constraint and
 * index lists sorted by name, and what only a database knows (row estimates, index and view
 * definition texts, extensions) left out.
 *
 * Until verify lands this is how the oracle asks "do we see a difference?".
 */
import type { Catalog, ColumnType } from '../../src/catalog/model.js';
import { normalizeExpressions, type ExpressionInput } from '../../src/sql/index.js';
import { truncateIdentifier } from './schema-spec.js';

const byName = <T extends { readonly name: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export const comparableCatalog = (catalog: Catalog): unknown => {
  const inputs: ExpressionInput[] = [];
  const expressions: number[] = [];
  // Expressions are collected first and normalized in one batch (the parser is costly per call).
  const slot = (sql: string | null, columnType?: ColumnType): string | null => {
    if (sql === null) return null;
    inputs.push(columnType ? { sql, columnType } : { sql });
    expressions.push(inputs.length - 1);
    return `\u0000${inputs.length - 1}`;
  };
  const name = truncateIdentifier;
  const shaped = {
    schemas: catalog.schemas,
    enums: catalog.enums,
    domains: catalog.domains,
    sequences: catalog.sequences.map((s) => ({ ...s, name: name(s.name) })),
    views: catalog.views.map((v) => ({ ...v, definition: '<view>' })),
    tables: catalog.tables.map((t) => ({
      ...t,
      rows: 'unknown',
      columns: t.columns.map((c) => ({ ...c, default: slot(c.default, c.type), generated: slot(c.generated) })),
      primaryKey: t.primaryKey && { ...t.primaryKey, name: name(t.primaryKey.name) },
      uniques: byName(t.uniques.map((u) => ({ ...u, name: name(u.name) }))),
      foreignKeys: byName(t.foreignKeys.map((f) => ({ ...f, name: name(f.name) }))),
      checks: byName(t.checks.map((c) => ({ ...c, expression: slot(c.expression) }))),
      indexes: byName(
        t.indexes.map((i) => ({
          ...i,
          name: name(i.name),
          constraint: i.constraint && name(i.constraint),
          definition: null,
          predicate: slot(i.predicate),
          keys: i.keys.map((k) => (k.kind === 'expression' ? { ...k, expression: slot(k.expression) } : k)),
        })),
      ),
    })),
  };
  const normalized = normalizeExpressions(inputs);
  return JSON.parse(JSON.stringify(shaped), (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith('\u0000')) return value;
    const result = normalized[Number(value.slice(1))];
    return result?.ok ? result.canonical : `unparsable: ${result?.error ?? '?'}`;
  });
};
