/**
 * Where drizzle-kit 0.31 push is wrong about a database it just created itself: statements
 * it emits on every push although the database already matches the schema. Found by the
 * round-trip property (push a generated schema, push it again) and pinned down with
 * minimal schemas in `round-trip.test.ts`; recorded in docs/drizzle-kit-disagreements.md.
 *
 * Each quirk says, from the schema spec alone, whether a statement is that false positive,
 * so the property can tell known noise from a new finding.
 */
import { parseStatements, type ParsedStatement } from './statements.js';
import {
  MAX_IDENTIFIER_BYTES,
  byteLength,
  foreignKeyName,
  identitySequenceName,
  indexName,
  isSerial,
  primaryKeyName,
  truncateIdentifier,
  uniqueName,
  type ColumnSpec,
  type SchemaSpec,
  type TableSpec,
} from './schema-spec.js';

export type QuirkId =
  | 'long-constraint-name'
  | 'long-index-name'
  | 'unique-nulls-not-distinct'
  | 'primary-key-constraint-on-one-column'
  | 'multi-column-key-order'
  | 'composite-primary-key-nullable-columns'
  | 'unique-overlapping-primary-key'
  | 'identity-sequence-quoted-name'
  | 'owned-sequence-quoted-in-custom-schema'
  | 'number-default-with-cast'
  | 'numeric-default-not-canonical'
  | 'array-default'
  | 'enum-array-quoted-type'
  | 'jsonb-default-key-order';

export interface Quirk {
  readonly id: QuirkId;
  readonly title: string;
  /** Upstream issue(s) describing it, when there is one. */
  readonly issues: readonly string[];
  /** Whether this statement is this false positive for a database holding exactly `spec`. */
  matches(statement: ParsedStatement, spec: SchemaSpec): boolean;
}

const tableOf = (spec: SchemaSpec, schema: string, name: string): TableSpec | undefined =>
  spec.tables.find((t) => t.schema === schema && t.name === name);

const columnOf = (table: TableSpec | undefined, name: string): ColumnSpec | undefined => table?.columns.find((c) => c.name === name);

const isLong = (name: string): boolean => byteLength(name) > MAX_IDENTIFIER_BYTES;

/** Constraint names (primary key, uniques, foreign keys) Drizzle gives a table. */
const constraintNames = (table: TableSpec): string[] => {
  const pk = table.primaryKey?.style === 'constraint' ? primaryKeyName(table) : null;
  return [...(pk === null ? [] : [pk]), ...table.uniques.map((u) => uniqueName(table, u)), ...table.foreignKeys.map((f) => foreignKeyName(table, f))];
};

/** The constraint a statement adds or drops, by its Drizzle name or PostgreSQL's truncation of it. */
const constraintTouched = (statement: ParsedStatement, spec: SchemaSpec): { table: TableSpec; name: string } | null => {
  const t = statement.target;
  if (t.kind !== 'add-constraint' && t.kind !== 'drop-constraint') return null;
  const table = tableOf(spec, t.schema, t.table);
  if (!table) return null;
  const name = constraintNames(table).find((n) => n === t.constraint || truncateIdentifier(n) === t.constraint);
  return name === undefined ? null : { table, name };
};

/** Whether PostgreSQL prints the identifier quoted (`quote_ident`): anything beyond lowercase letters, digits, `_`, `$`. */
export const needsQuotes = (name: string): boolean => !/^[a-z_][a-z0-9_$]*$/.test(name);

/** jsonb keeps object keys shorter first, then bytewise; true when `value` already is in that order. */
const inJsonbKeyOrder = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.every(inJsonbKeyOrder);
  if (typeof value !== 'object' || value === null) return true;
  const keys = Object.keys(value);
  const sorted = [...keys].sort((a, b) => byteLength(a) - byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return keys.every((k, i) => k === sorted[i]) && Object.values(value).every(inJsonbKeyOrder);
};

/** PostgreSQL's text for a numeric literal: no leading zeros, no sign on zero, scale kept. */
export const canonicalNumeric = (text: string): string => {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction] = match;
  const integer = whole.replace(/^0+(?=\d)/, '') || '0';
  const digits = `${integer}${fraction === undefined ? '' : `.${fraction}`}`;
  const zero = /^[0.]*$/.test(digits);
  return `${sign === '-' && !zero ? '-' : ''}${digits}`;
};

const needsArrayQuoting = (value: unknown): boolean =>
  Array.isArray(value) ? value.some(needsArrayQuoting) : typeof value === 'string' && (value === '' || /[\s,{}"\\]/.test(value));

export const QUIRKS: readonly Quirk[] = [
  {
    id: 'long-constraint-name',
    title: 'A constraint name over 63 bytes: PostgreSQL truncates it, drizzle-kit drops and re-adds the constraint on every push',
    issues: ['drizzle-team/drizzle-orm#3244', 'drizzle-team/drizzle-orm#4645', 'drizzle-team/drizzle-orm#3280'],
    matches: (s, spec) => {
      const touched = constraintTouched(s, spec);
      return touched !== null && isLong(touched.name);
    },
  },
  {
    id: 'long-index-name',
    title: 'An index name over 63 bytes: PostgreSQL truncates it, drizzle-kit drops and re-creates the index on every push',
    issues: ['drizzle-team/drizzle-orm#4003'],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'create-index' && t.kind !== 'drop-index') return false;
      return spec.tables.some(
        (table) =>
          table.schema === t.schema &&
          table.indexes.some((ix) => {
            const name = indexName(table, ix);
            return isLong(name) && (t.index === name || t.index === truncateIdentifier(name));
          }),
      );
    },
  },
  {
    id: 'unique-nulls-not-distinct',
    title: 'A UNIQUE NULLS NOT DISTINCT constraint: drizzle-kit introspects every unique constraint as NULLS DISTINCT and re-creates it on every push',
    issues: [],
    matches: (s, spec) => {
      const touched = constraintTouched(s, spec);
      return touched !== null && touched.table.uniques.some((u) => u.nullsNotDistinct && uniqueName(touched.table, u) === touched.name);
    },
  },
  {
    id: 'primary-key-constraint-on-one-column',
    title:
      'primaryKey({ columns: [one] }): drizzle-kit introspects a one-column primary key as a column-level one and drops and re-adds the constraint on every push (the DROP without its semicolon)',
    issues: [],
    matches: (s, spec) => {
      const touched = constraintTouched(s, spec);
      const pk = touched?.table.primaryKey;
      if (touched && pk?.style === 'constraint' && pk.columns.length === 1 && primaryKeyName(touched.table) === touched.name) return true;
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'drop not null') return false;
      const table = tableOf(spec, t.schema, t.table);
      return table?.primaryKey?.style === 'constraint' && table.primaryKey.columns.length === 1 && table.primaryKey.columns[0] === t.column && columnOf(table, t.column)?.notNull === false;
    },
  },
  {
    id: 'multi-column-key-order',
    title:
      'A primary key, unique constraint or foreign key on several columns: drizzle-kit reads their columns from catalog joins without ORDER BY, so unless they come back in declaration order (not when declared out of table order, and not at all on PostgreSQL 18) it drops and re-adds the constraint on every push',
    issues: [],
    matches: (s, spec) => {
      const touched = constraintTouched(s, spec);
      if (!touched) return false;
      const { table, name } = touched;
      if (table.primaryKey?.style === 'constraint' && table.primaryKey.columns.length > 1 && primaryKeyName(table) === name) return true;
      if (table.uniques.some((u) => u.columns.length > 1 && uniqueName(table, u) === name)) return true;
      return table.foreignKeys.some((f) => f.columns.length > 1 && foreignKeyName(table, f) === name);
    },
  },
  {
    id: 'composite-primary-key-nullable-columns',
    title:
      'primaryKey({ columns }) over columns not declared .notNull(): PostgreSQL makes them NOT NULL, drizzle-kit wants to DROP NOT NULL on every push (which PostgreSQL refuses for a key column)',
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'drop not null') return false;
      const table = tableOf(spec, t.schema, t.table);
      return table?.primaryKey?.style === 'constraint' && table.primaryKey.columns.includes(t.column) && columnOf(table, t.column)?.notNull === false;
    },
  },
  {
    id: 'unique-overlapping-primary-key',
    title: 'A unique constraint on a primary key column: drizzle-kit does not see it in the database and adds (or drops and re-adds) it on every push',
    issues: [],
    matches: (s, spec) => {
      const touched = constraintTouched(s, spec);
      if (!touched?.table.primaryKey) return false;
      const pkColumns = new Set(touched.table.primaryKey.columns);
      return touched.table.uniques.some((u) => uniqueName(touched.table, u) === touched.name && u.columns.some((c) => pkColumns.has(c)));
    },
  },
  {
    id: 'identity-sequence-quoted-name',
    title:
      'An identity column whose sequence name needs quotes (or lives in a schema that does): drizzle-kit looks its options up by the ::regclass text ("t_Id_seq") and, not finding them, wants SET CACHE 1 on every push',
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'set' || !/^CACHE /i.test(t.detail)) return false;
      const table = tableOf(spec, t.schema, t.table);
      const column = columnOf(table, t.column);
      if (!table || !column?.identity) return false;
      return needsQuotes(truncateIdentifier(identitySequenceName(table.name, column.name))) || (t.schema !== 'public' && needsQuotes(t.schema));
    },
  },
  {
    id: 'owned-sequence-quoted-in-custom-schema',
    title:
      'A serial or identity column in a schema other than public, when the schema or sequence name needs quotes: drizzle-kit does not recognise the sequence as owned and wants to DROP SEQUENCE it on every push (PostgreSQL refuses)',
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'drop-sequence' || t.schema === 'public' || !(needsQuotes(t.schema) || needsQuotes(t.sequence))) return false;
      return spec.tables.some((table) => table.schema === t.schema && table.columns.some((c) => isSerial(c.type) || c.identity !== null));
    },
  },
  {
    id: 'number-default-with-cast',
    title:
      "A number default PostgreSQL prints with a cast (negative, or beyond integer range: '-5'::integer, '3000000000'::bigint): drizzle-kit compares it with -5 / 3000000000 and re-sets it on every push",
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'set default' || !/^-?\d/.test(t.detail)) return false;
      const column = columnOf(tableOf(spec, t.schema, t.table), t.column);
      if (column?.default?.kind !== 'value' || typeof column.default.value !== 'number') return false;
      return column.default.value < 0 || column.default.value > 2147483647;
    },
  },
  {
    id: 'numeric-default-not-canonical',
    title:
      "A numeric default written in a non-canonical form ('-0', '007'): PostgreSQL stores '0'::numeric / '7'::numeric, drizzle-kit compares texts and re-sets it on every push",
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'set default') return false;
      const column = columnOf(tableOf(spec, t.schema, t.table), t.column);
      if (column?.type.kind !== 'numeric' || column.default?.kind !== 'value' || typeof column.default.value !== 'string') return false;
      return canonicalNumeric(column.default.value) !== column.default.value;
    },
  },
  {
    id: 'array-default',
    title:
      "An array default of non-number elements (boolean, text, varchar, numeric, date, uuid, enum...) that is empty, two-dimensional, or has an element PostgreSQL quotes (empty string, space, comma, brace, backslash): drizzle-kit re-sets the default on every push",
    issues: ['drizzle-team/drizzle-orm#4231'],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'set default') return false;
      const column = columnOf(tableOf(spec, t.schema, t.table), t.column);
      if (!column || column.dimensions === 0 || column.default?.kind !== 'value' || !Array.isArray(column.default.value)) return false;
      // Numbers survive; every other element type was seen to trip it (timestamp only when quoted).
      const numeric = ['smallint', 'integer', 'bigint', 'real', 'double precision'];
      if (numeric.includes(column.type.kind)) return false;
      const value: readonly unknown[] = column.default.value;
      return value.length === 0 || column.dimensions > 1 || needsArrayQuoting(value);
    },
  },
  {
    id: 'enum-array-quoted-type',
    title:
      'An array of an enum whose name needs quotes or that lives outside public: drizzle-kit re-sets the column type (and its default) on every push',
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || (t.change !== 'set data type' && t.change !== 'set default')) return false;
      const column = columnOf(tableOf(spec, t.schema, t.table), t.column);
      if (column === undefined || column.dimensions === 0 || column.type.kind !== 'enum') return false;
      return column.type.schema !== 'public' || needsQuotes(column.type.name);
    },
  },
  {
    id: 'jsonb-default-key-order',
    title:
      'A jsonb default object whose keys are not in jsonb order (shorter keys first): PostgreSQL stores the reordered object, drizzle-kit compares texts and re-sets the default on every push',
    issues: [],
    matches: (s, spec) => {
      const t = s.target;
      if (t.kind !== 'alter-column' || t.change !== 'set default') return false;
      const column = columnOf(tableOf(spec, t.schema, t.table), t.column);
      return column?.type.kind === 'jsonb' && column.default?.kind === 'value' && !inJsonbKeyOrder(column.default.value);
    },
  },
];

export interface Explained {
  readonly statement: ParsedStatement;
  /** Every known quirk that explains it (empty: an unexplained statement). */
  readonly quirks: readonly QuirkId[];
}

/** Splits drizzle-kit statements and names the known quirk(s) behind each. */
export const explain = (statements: readonly string[], spec: SchemaSpec): Explained[] =>
  parseStatements(statements).map((statement) => ({
    statement,
    quirks: QUIRKS.filter((q) => q.matches(statement, spec)).map((q) => q.id),
  }));

export const unexplained = (statements: readonly string[], spec: SchemaSpec): string[] =>
  explain(statements, spec)
    .filter((e) => e.quirks.length === 0)
    .map((e) => e.statement.sql);
