import type { SqlParser } from './parser.js';

/**
 * Checks that each string is exactly one SQL statement PostgreSQL's parser accepts:
 * null when it is, else the reason. Parsing is syntax only: names are not resolved.
 * Statements are parsed one per call (plans are small; one error must not hide
 * another).
 */
export const validateStatementsWith = (parser: SqlParser, statements: readonly string[]): readonly (string | null)[] =>
  statements.map((statement) => {
    if (statement.includes('\0')) return 'statement contains a NUL character';
    const result = parser.parse(statement);
    if (!result.ok) return result.cursor > 0 ? `${result.error} (at character ${result.cursor})` : result.error;
    const count = result.tree.stmts.length;
    if (count === 0) return 'no SQL statement';
    return count === 1 ? null : `expected one SQL statement, found ${count}`;
  });
