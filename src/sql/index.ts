/**
 * SQL expressions compared as parsed SQL (pg-query-emscripten), never as strings.
 *
 * CONTRACT STUB: signatures are fixed; implementations land with the verify issue.
 */
import type { ColumnType } from '../catalog/model.js';

export interface ExpressionInput {
  readonly sql: string;
  /** The column the expression belongs to (a default), so casts to its own type can be dropped. */
  readonly columnType?: ColumnType;
}

export type NormalizedExpression =
  | { readonly ok: true; readonly canonical: string }
  | { readonly ok: false; readonly error: string };

/**
 * Normalizes many expressions in few parser calls. Two expressions are equivalent iff
 * both are `ok` and their `canonical` strings are equal.
 */
export const normalizeExpressions = (_inputs: readonly ExpressionInput[]): readonly NormalizedExpression[] => {
  throw new Error('sql: not implemented yet');
};
