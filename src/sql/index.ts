/**
 * SQL expressions compared as parsed SQL (pg-query-emscripten), never as strings.
 *
 * Defaults, checks, generated columns, index expressions and predicates and policy
 * expressions come from two sources that spell the same SQL differently: the
 * database (`pg_get_expr`, which prints the analyzed expression with every implicit
 * cast and parenthesis) and drizzle-kit (the SQL as the schema author wrote it).
 * Each expression is parsed, its tree normalized by the rules in `rules/`, and
 * printed as canonical JSON: two expressions are equivalent iff both are `ok` and
 * their `canonical` strings are equal.
 *
 * Identifiers need no rule: the parser folds unquoted identifiers to lower case and
 * keeps quoted ones, as PostgreSQL resolves them. So `"userId"` ≠ `userId` (which is
 * `userid`), and `"users"` = `users`.
 *
 * What holds and what does not is listed with the tests (test/sql/equivalences.test.ts).
 */
import type { ColumnType } from '../catalog/model.js';
import { parseExpressions } from './batch.js';
import { canonicalExpression, probedType } from './normalize.js';
import { sharedSqlParser, type SqlParser } from './parser.js';
import { validateStatementsWith } from './statements.js';
import type { TypeInfo } from './types.js';

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
export const normalizeExpressions = (inputs: readonly ExpressionInput[]): readonly NormalizedExpression[] =>
  normalizeExpressionsWith(sharedSqlParser(), inputs);

/** `normalizeExpressions` with a given parser (tests use their own to observe recycling). */
export const normalizeExpressionsWith = (
  parser: SqlParser,
  inputs: readonly ExpressionInput[],
): readonly NormalizedExpression[] => {
  const columnTypes = resolveColumnTypes(parser, inputs);
  const parsed = parseExpressions(
    parser,
    inputs.map((input) => input.sql),
  );
  return parsed.map((result, index): NormalizedExpression => {
    if (!result.ok) return result;
    const columnType = inputs[index]?.columnType;
    try {
      return { ok: true, canonical: canonicalExpression(result.node, columnType && columnTypes.get(columnTypeSql(columnType))) };
    } catch (error) {
      // A fault of ours (say, recursion on a pathologically deep tree) stays with its input.
      return { ok: false, error: `could not normalize: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
};

/**
 * Validates statements for the plan writer: null when a string is exactly one
 * statement PostgreSQL's parser accepts, else the error message.
 */
export const validateStatements = (statements: readonly string[]): readonly (string | null)[] =>
  validateStatementsWith(sharedSqlParser(), statements);

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * SQL spelling of a column type: `character varying(50)`, `"app"."mood"[]`. A user-defined
 * type's name is quoted (it is a plain name, which may hold capitals: `"ticketStatus"`);
 * a built-in's is a `format_type` spelling, which must stay as it is.
 */
const columnTypeSql = (type: ColumnType): string =>
  `${type.schema === null ? type.name : `${quoted(type.schema)}.${quoted(type.name)}`}${'[]'.repeat(type.dimensions)}`;

/**
 * Each distinct column type, parsed as `NULL::<type>` so that it reads exactly like a
 * cast does (same aliases, same schema rules). A type that does not parse gives no
 * column context: its defaults are then normalized like any expression.
 */
const resolveColumnTypes = (parser: SqlParser, inputs: readonly ExpressionInput[]): ReadonlyMap<string, TypeInfo | undefined> => {
  const spellings = [
    ...new Set(inputs.flatMap((input) => (input.columnType === undefined ? [] : [columnTypeSql(input.columnType)]))),
  ].sort();
  const parsed = parseExpressions(
    parser,
    spellings.map((spelling) => `NULL::${spelling}`),
  );
  return new Map(
    spellings.map((spelling, index) => {
      const result = parsed[index];
      if (result === undefined || !result.ok) return [spelling, undefined];
      return [spelling, probedType(result.node)];
    }),
  );
};

export { PgQueryParser, type SqlParser } from './parser.js';
