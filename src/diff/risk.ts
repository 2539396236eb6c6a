/**
 * Risk rules (DESIGN.md "Risk levels", refined by issue 4 with what the snapshot knows):
 *
 * - low: create a table, a nullable/defaulted column (or any column on an empty table),
 *   an index, an enum value; a widening type change; DROP NOT NULL; renames of
 *   constraints, indexes and enums.
 * - medium: rename a table or column, naming-convention mismatches, default changes,
 *   SET NOT NULL / drops / narrowing type changes on EMPTY tables, constraints that can
 *   fail validation on tables with rows, reinterpreting type changes.
 * - high: anything that drops or rewrites data or fails on existing rows: drop a table
 *   or column with rows, narrowing casts on a table with rows, casts PostgreSQL refuses
 *   without USING (on any table), SET NOT NULL on a table with rows,
 *   a NOT NULL column without default added to a table with rows, a primary key change
 *   on a table with rows, columns split into casing variants, an enum value removed.
 *
 * Unknown row estimates (never analyzed) count as populated.
 */
import type { Column, RowEstimate } from '../catalog/model.js';
import type { Risk } from './finding-kinds.js';
import type { Evidence } from './findings.js';
import type { TypeChangeClass } from './type-change.js';

export const isPopulated = (rows: RowEstimate): boolean => rows === 'unknown' || rows > 0;

export const rowsEvidence = (rows: RowEstimate): Evidence => ({
  kind: 'rows',
  detail:
    rows === 'unknown'
      ? 'row count unknown (never analyzed): counted as having rows'
      : rows === 0
        ? 'the table is empty (estimate)'
        : `the table has about ${rows.toLocaleString('en-US')}${rows >= 10 ? '+' : ''} rows (estimate)`,
});

/** Dropping a table or a column. */
export const dropRisk = (rows: RowEstimate): Risk => (isPopulated(rows) ? 'high' : 'medium');

/** A column PostgreSQL must fill for existing rows but has nothing to fill it with. */
export const needsValue = (column: Column): boolean =>
  column.notNull && column.default === null && column.identity === null && column.generated === null;

/** Adding a column: a NOT NULL column without default fails on a table with rows. */
export const createColumnRisk = (column: Column, rows: RowEstimate): Risk =>
  needsValue(column) && isPopulated(rows) ? 'high' : 'low';

/**
 * Changing a column's type: what it does to stored values, and whether there are any.
 *
 * NOTE: a conversion without an implicit or assignment cast (`text` → `integer`) fails on
 * an EMPTY table too: PostgreSQL refuses `ALTER COLUMN ... SET DATA TYPE` without USING
 * before it reads a row ("column cannot be cast automatically"), and drizzle-kit writes no
 * USING (except for enums). So it is high whatever the row estimate.
 */
export const typeChangeRisk = (change: TypeChangeClass, rows: RowEstimate): Risk => {
  if (change === 'same' || change === 'widening') return 'low';
  if (change === 'incompatible') return 'high';
  if (!isPopulated(rows)) return change === 'reinterpreting' ? 'low' : 'medium';
  return change === 'reinterpreting' ? 'medium' : 'high';
};

/** SET NOT NULL fails on NULLs; DROP NOT NULL never loses anything. */
export const nullabilityRisk = (setNotNull: boolean, rows: RowEstimate): Risk =>
  !setNotNull ? 'low' : isPopulated(rows) ? 'high' : 'medium';

/** Adding a unique, foreign key or check constraint (or a unique index): validation may fail on existing rows. */
export const addConstraintRisk = (rows: RowEstimate): Risk => (isPopulated(rows) ? 'medium' : 'low');

/** Adding, dropping or changing a primary key. */
export const primaryKeyRisk = (rows: RowEstimate): Risk => (isPopulated(rows) ? 'high' : 'medium');

export type EnumValueChange = 'added' | 'removed' | 'reordered';

export const enumChangeRisk = (change: EnumValueChange): Risk =>
  change === 'added' ? 'low' : change === 'removed' ? 'high' : 'medium';
