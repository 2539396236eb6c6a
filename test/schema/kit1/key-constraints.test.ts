/**
 * Primary keys and uniques as drizzle-kit 1.0's CREATE TABLE and PostgreSQL leave them. The
 * PostgreSQL behaviour each expectation relies on is shown on the server and PGlite by the case
 * library (test/drizzle-1/cases, in-sync.test.ts); here the rules are pinned on plain data.
 */
import { describe, expect, it } from 'vitest';
import type { DdlPrimaryKey, DdlUnique } from '../../../src/schema/kit1/ddl.js';
import { keyConstraints, storedName } from '../../../src/schema/kit1/key-constraints.js';

const pk = (table: string, columns: readonly string[], name = `${table}_pkey`, nameExplicit = false): DdlPrimaryKey => ({
  entityType: 'pks',
  schema: 'public',
  table,
  name,
  nameExplicit,
  columns,
});

const unique = (table: string, columns: readonly string[], name: string, options: { explicit?: boolean; nullsNotDistinct?: boolean } = {}): DdlUnique => ({
  entityType: 'uniques',
  schema: 'public',
  table,
  name,
  nameExplicit: options.explicit ?? false,
  columns,
  nullsNotDistinct: options.nullsNotDistinct ?? false,
});

const names = (result: ReturnType<typeof keyConstraints>): { pk: string | null; uniques: string[] } => ({
  pk: result.primaryKey?.name ?? null,
  uniques: result.uniques.map((u) => u.name),
});

describe('keyConstraints', () => {
  it('leaves the names of an inline primary key and inline uniques to PostgreSQL', () => {
    const result = keyConstraints('users', ['id', 'email'], pk('users', ['id']), [unique('users', ['email'], 'users_email_unique')]);
    expect(names(result)).toEqual({ pk: 'users_pkey', uniques: ['users_email_key'] });
  });

  it('keeps explicit and multi-column names, and cuts derived ones at 63 bytes', () => {
    const table = 't'.repeat(50);
    const result = keyConstraints(table, ['a', 'b'], pk(table, ['a', 'b']), [
      unique(table, ['a'], 'a_explicit_name_that_is_longer_than_sixty_three_bytes_in_total_x', { explicit: true }),
      unique(table, ['a', 'b'], `${table}_a_b_unique`),
    ]);
    expect(names(result)).toEqual({
      pk: `${table}_pkey`.slice(0, 63),
      uniques: ['a_explicit_name_that_is_longer_than_sixty_three_bytes_in_total_x', `${table}_a_b_unique`.slice(0, 63)],
    });
  });

  it("shortens the longer of table and column in PostgreSQL's own names (makeObjectName)", () => {
    const table = 'a'.repeat(40);
    const column = 'b'.repeat(30);
    const result = keyConstraints(table, ['id', column], pk(table, ['id']), [unique(table, [column], 'ignored')]);
    expect(names(result)).toEqual({ pk: `${table}_pkey`, uniques: [`${'a'.repeat(29)}_${'b'.repeat(29)}_key`] });
    expect(result.uniques[0]?.name).toHaveLength(63);
  });

  it('writes only the first unique of a column inline; a second one comes with the next push, under its own name', () => {
    const result = keyConstraints('t', ['a'], undefined, [unique('t', ['a'], 't_a_unique'), unique('t', ['a'], 't_a_again', { explicit: true })]);
    expect(names(result)).toEqual({ pk: null, uniques: ['t_a_key', 't_a_again'] });
  });

  it('drops a unique repeating the primary key from CREATE TABLE; the next push adds it under its own name', () => {
    const result = keyConstraints('t', ['a', 'b'], pk('t', ['a', 'b']), [unique('t', ['a', 'b'], 't_a_b_unique'), unique('t', ['b', 'a'], 't_b_a_unique')]);
    expect(names(result)).toEqual({ pk: 't_pkey', uniques: ['t_a_b_unique', 't_b_a_unique'] });
  });

  it('gives an unnamed primary key the name of the unique it absorbs', () => {
    const result = keyConstraints('t', ['id'], pk('t', ['id']), [unique('t', ['id'], 't_id_named', { explicit: true })]);
    expect(names(result)).toEqual({ pk: 't_id_named', uniques: ['t_id_named'] });
  });

  it('keeps a NULLS NOT DISTINCT unique apart from the primary key on the same columns', () => {
    const result = keyConstraints('t', ['id'], pk('t', ['id']), [unique('t', ['id'], 't_id_unique', { nullsNotDistinct: true })]);
    expect(names(result)).toEqual({ pk: 't_pkey', uniques: ['t_id_key'] });
    expect(result.uniques[0]?.nullsNotDistinct).toBe(true);
  });

  it('names a named single-column primary key as written', () => {
    expect(names(keyConstraints('t', ['id'], pk('t', ['id'], 't_id_pk', true), []))).toEqual({ pk: 't_id_pk', uniques: [] });
  });
});

describe('storedName', () => {
  it('cuts derived names at 63 bytes without splitting a character, keeps explicit ones', () => {
    const long = `${'é'.repeat(40)}_fkey`;
    expect(Buffer.byteLength(storedName({ name: long, nameExplicit: false }))).toBe(62);
    expect(storedName({ name: long, nameExplicit: true })).toBe(long);
  });
});
