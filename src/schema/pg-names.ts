/**
 * Names PostgreSQL chooses itself, and how it prints them, for objects drizzle-kit leaves
 * unnamed: the sequence behind a `serial` column and its `nextval(...)` default, the
 * index of an inline PRIMARY KEY. Pure.
 *
 * NOTE: quoting duplicates src/naming's `quoteIdentifier` (PostgreSQL 15 rules) so that
 * this module works on its own; it can call naming's once both are on main.
 */

/** NAMEDATALEN - 1. */
const MAX_BYTES = 63;

/** Keywords `quote_ident` quotes (every category but unreserved), PostgreSQL 15 `pg_get_keywords()`. */
const QUOTED_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit ' +
    'boolean both case cast char character check coalesce collate collation column concurrently ' +
    'constraint create cross current_catalog current_date current_role current_schema ' +
    'current_time current_timestamp current_user dec decimal default deferrable desc distinct do ' +
    'else end except exists extract false fetch float for foreign freeze from full grant ' +
    'greatest group grouping having ilike in initially inner inout int integer intersect ' +
    'interval into is isnull join lateral leading least left like limit localtime localtimestamp ' +
    'national natural nchar none normalize not notnull null nullif numeric offset on only or ' +
    'order out outer overlaps overlay placing position precision primary real references ' +
    'returning right row select session_user setof similar smallint some substring symmetric ' +
    'table tablesample then time timestamp to trailing treat trim true union unique user using ' +
    'values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement ' +
    'xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/** As PostgreSQL's `quote_identifier`. */
export const quoteIdent = (name: string): string =>
  /^[a-z_][a-z0-9_]*$/.test(name) && !QUOTED_KEYWORDS.has(name) ? name : `"${name.replaceAll('"', '""')}"`;

/** The first `bytes` bytes of `name` in UTF-8, without splitting a character (`pg_mbcliplen`). */
const clip = (name: string, bytes: number): string => {
  let result = '';
  let used = 0;
  for (const char of name) {
    const size = Buffer.byteLength(char);
    if (used + size > bytes) break;
    result += char;
    used += size;
  }
  return result;
};

/**
 * PostgreSQL's `makeObjectName(name1, name2, label)`: `name1_name2_label`, shortening the
 * longer of name1 and name2 one byte at a time until it fits in 63 bytes.
 *
 * NOTE: `ChooseRelationName` then appends 1, 2, ... to the label if a relation of that name
 * already exists in the schema; a fresh push rarely collides, and we do not model it.
 */
export const makeObjectName = (name1: string, name2: string | null, label: string): string => {
  let length1 = Buffer.byteLength(name1);
  let length2 = name2 === null ? 0 : Buffer.byteLength(name2);
  const available = MAX_BYTES - (label.length + 1) - (name2 === null ? 0 : 1);
  while (length1 + length2 > available) {
    if (length1 > length2) length1 -= 1;
    else length2 -= 1;
  }
  const parts = [clip(name1, length1), ...(name2 === null ? [] : [clip(name2, length2)]), label];
  return parts.join('_');
};

/** Name of the sequence PostgreSQL creates for a `serial` column. */
export const serialSequenceName = (table: string, column: string): string => makeObjectName(table, column, 'seq');

/** Name PostgreSQL gives an unnamed PRIMARY KEY constraint (and its index). */
export const primaryKeyName = (table: string): string => makeObjectName(table, null, 'pkey');

/**
 * A serial column's default as `pg_get_expr` prints it. The regclass is qualified only when
 * the sequence is not in `public` (capture runs with the default search_path):
 * `nextval('users_id_seq'::regclass)`, `nextval('auth.users_id_seq'::regclass)`,
 * `nextval('"Users_id_seq"'::regclass)`.
 */
export const serialDefault = (schema: string, sequence: string): string => {
  const qualified = schema === 'public' ? quoteIdent(sequence) : `${quoteIdent(schema)}.${quoteIdent(sequence)}`;
  return `nextval('${qualified.replaceAll("'", "''")}'::regclass)`;
};
