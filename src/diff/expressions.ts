/**
 * SQL expressions (defaults, generated columns, checks, index expressions and predicates,
 * policies) compared as parsed SQL, normalized in ONE batched call, then compared by lookup.
 *
 * Only what can differ is parsed: an expression compared with the very same text (and
 * column type) is equal without parsing, and tables that are created or dropped are never
 * compared. So the batch holds, per paired table, the expressions one side has and the
 * other does not; a comparison that still meets an expression outside it normalizes that
 * one on the spot. Measured on 2,000 identical tables: 1,796 distinct expressions, of
 * which 775 are ever compared with another text.
 *
 * NOTE: pg-query-emscripten 5.1.0 has a fixed heap that leaks per `parse` call
 * (DESIGN.md); `normalizeExpressions` batches, so collecting first and normalizing once
 * is what keeps a 2,000-table verify to a few parser calls.
 */
import type { ColumnType, Table } from '../catalog/model.js';
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

const inputOf = (sql: string, type: ColumnType | null): ExpressionInput => (type === null ? { sql } : { sql, columnType: type });

/** The expressions of a table, by key, each with the column type it belongs to (defaults only). */
const collect = (table: Table): Map<string, ExpressionInput> => {
  const into = new Map<string, ExpressionInput>();
  const add = (sql: string | null, type: ColumnType | null = null): void => {
    if (sql === null) return;
    const key = keyOf(sql, type);
    if (!into.has(key)) into.set(key, inputOf(sql, type));
  };
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
  return into;
};

/** `tables`: each paired table as [schema side, database side], the only ones compared. */
export const indexExpressions = (tables: readonly (readonly [Table, Table])[], normalize: Normalize): ExpressionIndex => {
  const canonical = new Map<string, NormalizedExpression>();
  const normalizeInto = (inputs: ReadonlyMap<string, ExpressionInput>): void => {
    const keys = [...inputs.keys()].sort();
    if (keys.length === 0) return;
    const results = normalize(keys.map((key) => inputs.get(key) as ExpressionInput));
    keys.forEach((key, i) => {
      const result = results[i];
      if (result !== undefined) canonical.set(key, result);
    });
  };

  const oneSided = new Map<string, ExpressionInput>();
  for (const [schemaTable, databaseTable] of tables) {
    const schemaSide = collect(schemaTable);
    const databaseSide = collect(databaseTable);
    for (const [key, input] of schemaSide) if (!databaseSide.has(key)) oneSided.set(key, input);
    for (const [key, input] of databaseSide) if (!schemaSide.has(key)) oneSided.set(key, input);
  }
  normalizeInto(oneSided);

  return {
    compare: (a, aType, b, bType) => {
      // One text, one column type: the same canonical form, or the same text when it does not parse.
      if (a === b && typeKey(aType) === typeKey(bType)) return { equal: true };
      const aKey = keyOf(a, aType);
      const bKey = keyOf(b, bType);
      const missing = new Map<string, ExpressionInput>();
      if (!canonical.has(aKey)) missing.set(aKey, inputOf(a, aType));
      if (!canonical.has(bKey)) missing.set(bKey, inputOf(b, bType));
      normalizeInto(missing);
      const left = canonical.get(aKey);
      const right = canonical.get(bKey);
      if (left?.ok === true && right?.ok === true) return left.canonical === right.canonical ? { equal: true } : { equal: false, unparsed: false };
      return a.trim() === b.trim() ? { equal: true } : { equal: false, unparsed: true };
    },
  };
};
