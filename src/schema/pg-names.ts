/**
 * Names PostgreSQL chooses itself, and how it prints them, for objects drizzle-kit leaves
 * unnamed: the sequence behind a `serial` column and its `nextval(...)` default, the
 * index of an inline PRIMARY KEY. Pure.
 */
import { MAX_IDENTIFIER_BYTES, quoteIdentifier, truncateIdentifier } from '../naming/index.js';

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
  const available = MAX_IDENTIFIER_BYTES - (label.length + 1) - (name2 === null ? 0 : 1);
  while (length1 + length2 > available) {
    if (length1 > length2) length1 -= 1;
    else length2 -= 1;
  }
  // NOTE: like pg_mbcliplen, truncateIdentifier never splits a multi-byte character.
  const parts = [truncateIdentifier(name1, length1), ...(name2 === null ? [] : [truncateIdentifier(name2, length2)]), label];
  return parts.join('_');
};

/** Name of the sequence PostgreSQL creates for a `serial` column. */
export const serialSequenceName = (table: string, column: string): string => makeObjectName(table, column, 'seq');

/** Name PostgreSQL gives an unnamed PRIMARY KEY constraint (and its index). */
export const primaryKeyName = (table: string): string => makeObjectName(table, null, 'pkey');

/**
 * A serial column's default as capture reads it: `pg_get_expr` under capture's
 * `search_path = pg_catalog` (src/capture/transaction.ts), which qualifies every regclass:
 * `nextval('public.users_id_seq'::regclass)`, `nextval('auth."users_Big_seq"'::regclass)`.
 * (Under a default search_path PostgreSQL would print public sequences unqualified.)
 */
export const serialDefault = (schema: string, sequence: string): string =>
  `nextval('${`${quoteIdentifier(schema)}.${quoteIdentifier(sequence)}`.replaceAll("'", "''")}'::regclass)`;
