import type { ColumnType } from '../../src/catalog/model.js';
import { normalizeExpressions, type NormalizedExpression } from '../../src/sql/index.js';

/** A ColumnType as capture would record it. */
export const columnType = (
  name: string,
  options: { readonly schema?: string; readonly category?: ColumnType['category']; readonly dimensions?: number } = {},
): ColumnType => ({
  name,
  schema: options.schema ?? null,
  category: options.category ?? (options.schema === undefined ? 'base' : 'enum'),
  dimensions: options.dimensions ?? 0,
});

export const canonical = (sql: string, type?: ColumnType): NormalizedExpression =>
  normalizeExpressions([type === undefined ? { sql } : { sql, columnType: type }])[0] as NormalizedExpression;

/** Whether two expressions normalize to the same canonical string (both must parse). */
export const equivalent = (a: string, b: string, type?: ColumnType): boolean => {
  const [x, y] = normalizeExpressions(
    [a, b].map((sql) => (type === undefined ? { sql } : { sql, columnType: type })),
  ) as [NormalizedExpression, NormalizedExpression];
  if (!x.ok) throw new Error(`${a}: ${x.error}`);
  if (!y.ok) throw new Error(`${b}: ${y.error}`);
  return x.canonical === y.canonical;
};
