/**
 * What drizzle-kit push says after one drift of the database (`mutations.ts`), as observed
 * with drizzle-kit 0.31: a "created or renamed?" prompt for renames, else the statement that
 * undoes the drift. These are drizzle-kit's answers, recorded; they are what our verify is
 * compared with.
 */
import type { DrizzleKitPrompt } from './push.js';
import type { Mutation } from './mutations.js';
import { indexName, qualified, sqlType, type SchemaSpec } from './schema-spec.js';
import type { StatementTarget } from './statements.js';

export type DrizzleKitExpectation =
  | { readonly kind: 'prompt'; readonly prompt: DrizzleKitPrompt }
  | { readonly kind: 'statement'; readonly description: string; readonly matches: (target: StatementTarget) => boolean };

const sameColumn = (t: StatementTarget, m: { schema: string; table: string; column: string }): boolean =>
  'column' in t && 'table' in t && t.schema === m.schema && t.table === m.table && t.column === m.column;

/** drizzle-kit's spelling of a type in SET DATA TYPE (`varchar(20)`, `numeric(5, 2)`, `timestamp(3) with time zone`). */
const drizzleKitType = (m: Extract<Mutation, { kind: 'change-type' }>): string => {
  const type = m.from;
  switch (type.kind) {
    case 'varchar':
      return type.length === null ? 'varchar' : `varchar(${type.length})`;
    case 'numeric':
      return type.precision === null ? 'numeric' : `numeric(${type.precision}, ${type.scale})`;
    case 'timestamp':
      return `timestamp${type.precision === null ? '' : `(${type.precision})`}${type.withTimezone ? ' with time zone' : ''}`;
    default:
      return sqlType(type);
  }
};

export const drizzleKitExpectation = (m: Mutation, spec: SchemaSpec): DrizzleKitExpectation => {
  switch (m.kind) {
    case 'rename-column':
      return {
        kind: 'prompt',
        prompt: {
          entity: 'column',
          name: m.column,
          table: m.table,
          options: [
            { kind: 'create', name: m.column },
            { kind: 'rename', from: m.to, to: m.column },
          ],
        },
      };
    case 'rename-table': {
      const name = qualified(m.schema, m.table);
      return {
        kind: 'prompt',
        prompt: { entity: 'table', name, table: null, options: [{ kind: 'create', name }, { kind: 'rename', from: qualified(m.schema, m.to), to: name }] },
      };
    }
    case 'drop-column':
      return { kind: 'statement', description: `ADD COLUMN ${m.column}`, matches: (t) => t.kind === 'add-column' && sameColumn(t, m) };
    case 'change-type': {
      const type = drizzleKitType(m);
      return {
        kind: 'statement',
        description: `SET DATA TYPE ${type} on ${m.column}`,
        matches: (t) => t.kind === 'alter-column' && sameColumn(t, m) && t.change === 'set data type' && t.detail === type,
      };
    }
    case 'set-not-null':
      return { kind: 'statement', description: `DROP NOT NULL on ${m.column}`, matches: (t) => t.kind === 'alter-column' && sameColumn(t, m) && t.change === 'drop not null' };
    case 'drop-not-null':
      return { kind: 'statement', description: `SET NOT NULL on ${m.column}`, matches: (t) => t.kind === 'alter-column' && sameColumn(t, m) && t.change === 'set not null' };
    case 'set-default': {
      const column = spec.tables.find((t) => t.schema === m.schema && t.name === m.table)?.columns.find((c) => c.name === m.column);
      const change = column?.default ? 'set default' : 'drop default';
      return { kind: 'statement', description: `${change.toUpperCase()} on ${m.column}`, matches: (t) => t.kind === 'alter-column' && sameColumn(t, m) && t.change === change };
    }
    case 'drop-default':
      return { kind: 'statement', description: `SET DEFAULT on ${m.column}`, matches: (t) => t.kind === 'alter-column' && sameColumn(t, m) && t.change === 'set default' };
    case 'add-enum-value': {
      // NOTE: drizzle-kit removes an enum value by moving its columns (and their defaults) to
      // text, dropping and re-creating the type, and moving the columns back (USING col::type).
      const users = new Set(
        spec.tables.flatMap((t) =>
          t.columns.filter((c) => c.type.kind === 'enum' && c.type.schema === m.schema && c.type.name === m.enum).map((c) => `${t.schema}.${t.name}.${c.name}`),
        ),
      );
      return {
        kind: 'statement',
        description: `DROP TYPE + CREATE TYPE ${m.enum}`,
        matches: (t) =>
          ((t.kind === 'drop-enum' || t.kind === 'create-enum') && t.schema === m.schema && t.name === m.enum) ||
          (t.kind === 'alter-column' && (t.change === 'set data type' || t.change === 'set default') && users.has(`${t.schema}.${t.table}.${t.column}`)),
      };
    }
    case 'remove-enum-value':
      return {
        kind: 'statement',
        description: `ALTER TYPE ${m.enum} ADD VALUE '${m.value}'`,
        matches: (t) => t.kind === 'alter-enum' && t.schema === m.schema && t.name === m.enum && t.detail.startsWith(`ADD VALUE '${m.value.replaceAll("'", "''")}'`),
      };
    case 'drop-index': {
      const table = spec.tables.find((t) => t.schema === m.schema && t.name === m.table);
      const ix = table?.indexes.find((i) => table && indexName(table, i).startsWith(m.index));
      const full = table && ix ? indexName(table, ix) : m.index;
      return { kind: 'statement', description: `CREATE INDEX ${full}`, matches: (t) => t.kind === 'create-index' && t.schema === m.schema && t.index === full };
    }
  }
};
