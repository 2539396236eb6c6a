/**
 * The primary key and unique constraints of one table as PostgreSQL holds them once drizzle-kit
 * 1.0's push has nothing left to do, with the names PostgreSQL gives them. Pure.
 *
 * drizzle-kit 1.0's CREATE TABLE (`createTableConvertor`) leaves some names to PostgreSQL:
 * - a single-column primary key named `<table>_pkey` is written inline, unnamed
 *   (`"id" integer PRIMARY KEY`);
 * - the first unique on exactly one column is written inline, unnamed unless its name is
 *   explicit (`"email" text UNIQUE`): PostgreSQL names it `<table>_<column>_key`, so
 *   `unique().on(t.email)`, which drizzle-kit calls `users_email_unique`, is `users_email_key`;
 * - every other one is a named `CONSTRAINT` clause.
 * A second unique on the same single column is not in CREATE TABLE at all.
 *
 * NOTE: PostgreSQL drops an index constraint of CREATE TABLE that repeats an earlier one (same
 * columns in the same order, same NULLS NOT DISTINCT), the primary key first; when the one kept
 * is unnamed and the one dropped named, the kept one takes the name (`transformIndexConstraints`
 * in parse_utilcmd.c). So `integer().primaryKey().unique('u')` gives a primary key named `u`
 * and no unique. drizzle-kit's next push then adds each missing unique
 * (`ADD CONSTRAINT "<its name>" UNIQUE`), which fails when the name was taken that way.
 * The uniques listed here are all of the schema's, as that next push leaves them.
 */
import type { PrimaryKey, UniqueConstraint } from '../../catalog/model.js';
import { truncateIdentifier } from '../../naming/index.js';
import { makeObjectName } from '../pg-names.js';
import type { DdlPrimaryKey, DdlUnique } from './ddl.js';

interface Name {
  readonly name: string;
  readonly nameExplicit: boolean;
}

/**
 * The name PostgreSQL stores for a name drizzle-kit writes out: one it derived itself cut at 63
 * bytes, an explicit one as written. drizzle-kit 1.0 matches derived names by the constraint's
 * shape, but compares explicit ones in full, asking "rename or create?" on every push for one past
 * 63 bytes (which the diff reports as `identifier-too-long`).
 */
export const storedName = (name: Name): string => (name.nameExplicit ? name.name : truncateIdentifier(name.name));

/** An index constraint of CREATE TABLE, in PostgreSQL's order. */
interface CreateTableIndex {
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
  /** The name drizzle-kit writes; null when it leaves the name to PostgreSQL. */
  name: Name | null;
  /** The unique it comes from; null for the primary key. */
  readonly unique: DdlUnique | null;
}

const sameKey = (a: CreateTableIndex, b: CreateTableIndex): boolean =>
  a.nullsNotDistinct === b.nullsNotDistinct && a.columns.length === b.columns.length && a.columns.every((column, i) => column === b.columns[i]);

export interface KeyConstraints {
  readonly primaryKey: PrimaryKey | null;
  readonly uniques: readonly UniqueConstraint[];
}

export const keyConstraints = (
  table: string,
  columnOrder: readonly string[],
  pk: DdlPrimaryKey | undefined,
  uniques: readonly DdlUnique[],
): KeyConstraints => {
  const inlinePk = pk !== undefined && pk.columns.length === 1 && pk.name === `${table}_pkey`;
  const primary: CreateTableIndex | null =
    pk === undefined ? null : { columns: pk.columns, nullsNotDistinct: false, name: inlinePk ? null : pk, unique: null };

  // Column constraints come first, in column order, then the table's multi-column uniques.
  const inline = new Map<string, DdlUnique>();
  for (const unique of uniques) {
    const [column] = unique.columns;
    if (unique.columns.length === 1 && column !== undefined && !inline.has(column)) inline.set(column, unique);
  }
  const listed: CreateTableIndex[] = [
    ...columnOrder.flatMap((column) => {
      const unique = inline.get(column);
      return unique === undefined ? [] : [{ columns: unique.columns, nullsNotDistinct: unique.nullsNotDistinct, name: unique.nameExplicit ? unique : null, unique }];
    }),
    ...uniques
      .filter((unique) => unique.columns.length > 1)
      .map((unique) => ({ columns: unique.columns, nullsNotDistinct: unique.nullsNotDistinct, name: unique, unique })),
  ];

  const kept: CreateTableIndex[] = primary === null ? [] : [primary];
  for (const index of listed) {
    const prior = kept.find((candidate) => sameKey(candidate, index));
    if (prior === undefined) kept.push(index);
    else if (prior.name === null) prior.name = index.name;
  }

  const created = new Map(kept.flatMap((index) => (index.unique === null ? [] : [[index.unique, index] as const])));
  return {
    primaryKey:
      pk === undefined || primary === null
        ? null
        : { name: primary.name === null ? makeObjectName(table, null, 'pkey') : storedName(primary.name), columns: [...pk.columns] },
    uniques: uniques.map((unique) => {
      const index = created.get(unique);
      // Not in CREATE TABLE, or dropped there: drizzle-kit's next push adds it under its own name.
      const name =
        index === undefined ? storedName(unique) : index.name === null ? makeObjectName(table, unique.columns[0] ?? '', 'key') : storedName(index.name);
      return { name, columns: [...unique.columns], nullsNotDistinct: unique.nullsNotDistinct };
    }),
  };
};
