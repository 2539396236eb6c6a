/**
 * Every SQL expression of both catalogs (defaults, generated columns, checks, index
 * expressions and predicates, policies) normalized in ONE batched call, then compared by lookup.
 *
 * NOTE: pg-query-emscripten 5.1.0 has a fixed heap that leaks per `parse` call
 * (DESIGN.md); `normalizeExpressions` batches, so collecting first and normalizing once
 * is what keeps a 2,000-table verify to a few parser calls.
 */
import type { Catalog, ColumnType } from '../catalog/model.js';
import type { ExpressionInput, NormalizedExpression } from '../sql/index.js';

export type Normalize = (inputs: readonly ExpressionInput[]) => readonly NormalizedExpression[];

export type Equivalence =
  | { readonly equal: true }
  | { readonly equal: false; readonly unparsed: boolean };

export interface ExpressionIndex {
  /** Whether two expressions are the same as parsed SQL; falls back to trimmed text when one does not parse. */
  readonly compare: (a: string, aType: ColumnType | null, b: string, bType: ColumnType | null) => Equivalence;
}

const typeKey = (type: ColumnType | null): string =>
  type === null ? '' : `${type.schema ?? ''}.${type.name}${'[]'.repeat(type.dimensions)}`;

const keyOf = (sql: string, type: ColumnType | null): string => `${typeKey(type)}\u0000${sql}`;

/** The expressions of a catalog, each with the column type it belongs to (defaults only). */
const collect = (catalog: Catalog, into: Map<string, ExpressionInput>): void => {
  const add = (sql: string | null, type: ColumnType | null = null): void => {
    if (sql === null) return;
    const key = keyOf(sql, type);
    if (!into.has(key)) into.set(key, type === null ? { sql } : { sql, columnType: type });
  };
  for (const table of catalog.tables) {
    for (const column of table.columns) {
      add(column.default, column.type);
      add(column.generated);
    }
    for (const c of table.checks) add(c.expression);
    for (const p of table.policies) {
      add(p.using);
      add(p.withCheck);
    }
    for (const index of table.indexes) {
      add(index.predicate);
      for (const key of index.keys) if (key.kind === 'expression') add(key.expression);
    }
  }
};

export const indexExpressions = (catalogs: readonly Catalog[], normalize: Normalize): ExpressionIndex => {
  const inputs = new Map<string, ExpressionInput>();
  for (const catalog of catalogs) collect(catalog, inputs);
  const keys = [...inputs.keys()].sort();
  const results = keys.length === 0 ? [] : normalize(keys.map((key) => inputs.get(key) as ExpressionInput));
  const canonical = new Map<string, NormalizedExpression>();
  keys.forEach((key, i) => {
    const result = results[i];
    if (result !== undefined) canonical.set(key, result);
  });
  return {
    compare: (a, aType, b, bType) => {
      const left = canonical.get(keyOf(a, aType));
      const right = canonical.get(keyOf(b, bType));
      if (left?.ok === true && right?.ok === true) return left.canonical === right.canonical ? { equal: true } : { equal: false, unparsed: false };
      return a.trim() === b.trim() ? { equal: true } : { equal: false, unparsed: true };
    },
  };
};
