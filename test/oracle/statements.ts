/**
 * Reads back the SQL statements drizzle-kit 0.31 push emits for PostgreSQL, just enough to
 * say which object each one touches. drizzle-kit joins some pairs with
 * `--> statement-breakpoint`; `splitStatements` separates them.
 */

export type StatementTarget =
  | { readonly kind: 'create-schema'; readonly schema: string }
  | { readonly kind: 'create-enum' | 'drop-enum' | 'alter-enum'; readonly schema: string; readonly name: string; readonly detail: string }
  | { readonly kind: 'create-table' | 'drop-table'; readonly schema: string; readonly table: string }
  | { readonly kind: 'rename-table'; readonly schema: string; readonly table: string; readonly to: string }
  | { readonly kind: 'add-column' | 'drop-column'; readonly schema: string; readonly table: string; readonly column: string }
  | { readonly kind: 'rename-column'; readonly schema: string; readonly table: string; readonly column: string; readonly to: string }
  | {
      readonly kind: 'alter-column';
      readonly schema: string;
      readonly table: string;
      readonly column: string;
      /** What changes: `set default`, `drop default`, `set not null`, `drop not null`, `set data type`, identity options... */
      readonly change: string;
      /** The rest of the statement after the change keywords (the new default, type...). */
      readonly detail: string;
    }
  | { readonly kind: 'add-constraint'; readonly schema: string; readonly table: string; readonly constraint: string; readonly constraintType: 'primary key' | 'unique' | 'foreign key' | 'check'; readonly detail: string }
  | { readonly kind: 'drop-constraint'; readonly schema: string; readonly table: string; readonly constraint: string }
  | { readonly kind: 'create-index'; readonly schema: string; readonly table: string; readonly index: string; readonly detail: string }
  | { readonly kind: 'drop-index'; readonly schema: string; readonly index: string }
  | { readonly kind: 'create-sequence' | 'drop-sequence' | 'alter-sequence'; readonly schema: string; readonly sequence: string }
  | { readonly kind: 'other'; readonly detail: string };

export interface ParsedStatement {
  readonly sql: string;
  readonly target: StatementTarget;
}

/** drizzle-kit statements, one SQL command each (pairs joined by `--> statement-breakpoint` split). */
export const splitStatements = (statements: readonly string[]): string[] =>
  statements.flatMap((s) => s.split('--> statement-breakpoint')).map((s) => s.trim()).filter((s) => s !== '');

const IDENT = '"((?:[^"]|"")*)"';
const QUALIFIED = `(?:${IDENT}\\.)?${IDENT}`;
const unquote = (text: string | undefined): string => (text ?? '').replaceAll('""', '"');

const rules: readonly [RegExp, (m: RegExpExecArray) => StatementTarget][] = [
  [new RegExp(`^CREATE SCHEMA ${IDENT}`, 'i'), (m) => ({ kind: 'create-schema', schema: unquote(m[1]) })],
  [new RegExp(`^CREATE TYPE ${QUALIFIED} AS ENUM\\s*(.*)$`, 'is'), (m) => ({ kind: 'create-enum', schema: unquote(m[1]) || 'public', name: unquote(m[2]), detail: m[3] ?? '' })],
  [new RegExp(`^DROP TYPE ${QUALIFIED}(.*)$`, 'is'), (m) => ({ kind: 'drop-enum', schema: unquote(m[1]) || 'public', name: unquote(m[2]), detail: m[3] ?? '' })],
  [new RegExp(`^ALTER TYPE ${QUALIFIED} (.*)$`, 'is'), (m) => ({ kind: 'alter-enum', schema: unquote(m[1]) || 'public', name: unquote(m[2]), detail: m[3] ?? '' })],
  [new RegExp(`^CREATE TABLE (?:IF NOT EXISTS )?${QUALIFIED}`, 'i'), (m) => ({ kind: 'create-table', schema: unquote(m[1]) || 'public', table: unquote(m[2]) })],
  [new RegExp(`^DROP TABLE (?:IF EXISTS )?${QUALIFIED}`, 'i'), (m) => ({ kind: 'drop-table', schema: unquote(m[1]) || 'public', table: unquote(m[2]) })],
  [new RegExp(`^ALTER TABLE ${QUALIFIED} RENAME TO ${IDENT}`, 'i'), (m) => ({ kind: 'rename-table', schema: unquote(m[1]) || 'public', table: unquote(m[2]), to: unquote(m[3]) })],
  [
    new RegExp(`^ALTER TABLE ${QUALIFIED} RENAME COLUMN ${IDENT} TO ${IDENT}`, 'i'),
    (m) => ({ kind: 'rename-column', schema: unquote(m[1]) || 'public', table: unquote(m[2]), column: unquote(m[3]), to: unquote(m[4]) }),
  ],
  [new RegExp(`^ALTER TABLE ${QUALIFIED} ADD COLUMN ${IDENT}`, 'i'), (m) => ({ kind: 'add-column', schema: unquote(m[1]) || 'public', table: unquote(m[2]), column: unquote(m[3]) })],
  [new RegExp(`^ALTER TABLE ${QUALIFIED} DROP COLUMN ${IDENT}`, 'i'), (m) => ({ kind: 'drop-column', schema: unquote(m[1]) || 'public', table: unquote(m[2]), column: unquote(m[3]) })],
  [
    new RegExp(`^ALTER TABLE ${QUALIFIED} ALTER COLUMN ${IDENT} (SET DEFAULT|DROP DEFAULT|SET NOT NULL|DROP NOT NULL|SET DATA TYPE|DROP IDENTITY|ADD GENERATED|SET GENERATED|DROP EXPRESSION|SET)\\s*(.*)$`, 'is'),
    (m) => ({
      kind: 'alter-column',
      schema: unquote(m[1]) || 'public',
      table: unquote(m[2]),
      column: unquote(m[3]),
      change: (m[4] ?? '').toLowerCase(),
      detail: (m[5] ?? '').replace(/;\s*$/, ''),
    }),
  ],
  [
    new RegExp(`^ALTER TABLE ${QUALIFIED} ADD CONSTRAINT ${IDENT} (PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK)(.*)$`, 'is'),
    (m) => ({
      kind: 'add-constraint',
      schema: unquote(m[1]) || 'public',
      table: unquote(m[2]),
      constraint: unquote(m[3]),
      constraintType: (m[4] ?? '').toLowerCase() as 'primary key' | 'unique' | 'foreign key' | 'check',
      detail: (m[5] ?? '').replace(/;\s*$/, ''),
    }),
  ],
  [
    new RegExp(`^ALTER TABLE ${QUALIFIED} DROP CONSTRAINT ${IDENT}`, 'i'),
    (m) => ({ kind: 'drop-constraint', schema: unquote(m[1]) || 'public', table: unquote(m[2]), constraint: unquote(m[3]) }),
  ],
  [
    new RegExp(`^CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?${IDENT} ON (?:ONLY )?${QUALIFIED}(.*)$`, 'is'),
    (m) => ({ kind: 'create-index', index: unquote(m[1]), schema: unquote(m[2]) || 'public', table: unquote(m[3]), detail: m[4] ?? '' }),
  ],
  [new RegExp(`^DROP INDEX (?:CONCURRENTLY )?(?:IF EXISTS )?${QUALIFIED}`, 'i'), (m) => ({ kind: 'drop-index', schema: unquote(m[1]) || 'public', index: unquote(m[2]) })],
  [new RegExp(`^CREATE SEQUENCE ${QUALIFIED}`, 'i'), (m) => ({ kind: 'create-sequence', schema: unquote(m[1]) || 'public', sequence: unquote(m[2]) })],
  [new RegExp(`^DROP SEQUENCE ${QUALIFIED}`, 'i'), (m) => ({ kind: 'drop-sequence', schema: unquote(m[1]) || 'public', sequence: unquote(m[2]) })],
  [new RegExp(`^ALTER SEQUENCE ${QUALIFIED}`, 'i'), (m) => ({ kind: 'alter-sequence', schema: unquote(m[1]) || 'public', sequence: unquote(m[2]) })],
];

export const parseStatement = (sql: string): ParsedStatement => {
  const text = sql.trim();
  for (const [pattern, build] of rules) {
    const match = pattern.exec(text);
    if (match) return { sql: text, target: build(match) };
  }
  return { sql: text, target: { kind: 'other', detail: text } };
};

export const parseStatements = (statements: readonly string[]): ParsedStatement[] => splitStatements(statements).map(parseStatement);
