import { relations } from 'drizzle-orm';
import {
  integer,
  pgEnum,
  pgMaterializedView,
  pgPolicy,
  pgRole,
  pgSchema,
  pgSequence,
  pgTable,
  pgView,
} from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { drizzleEntityKind, tableKey } from '../../src/schema/drizzle-entities.js';

const tenant = pgSchema('tenant');
const users = pgTable('users', { id: integer().primaryKey() });
const accounts = tenant.table('accounts', { id: integer() });

describe('drizzleEntityKind', () => {
  it.each([
    ['a table', users, 'PgTable'],
    ['a table in a schema', accounts, 'PgTable'],
    ['an enum', pgEnum('mood', ['a']), 'PgEnum'],
    ['a schema enum', tenant.enum('level', ['x']), 'PgEnum'],
    ['a schema', tenant, 'PgSchema'],
    ['a sequence', pgSequence('seq'), 'PgSequence'],
    ['a view', pgView('v', { id: integer() }).existing(), 'PgView'],
    ['a materialized view', pgMaterializedView('mv', { id: integer() }).existing(), 'PgMaterializedView'],
    ['a role', pgRole('admin'), 'PgRole'],
    ['a policy', pgPolicy('p'), 'PgPolicy'],
  ] as const)('recognizes %s', (_label, value, kind) => {
    expect(drizzleEntityKind(value)).toBe(kind);
  });

  it.each([
    ['relations', relations(users, () => ({}))],
    ['a column', users.id],
    ['a plain object', { name: 'users' }],
    ['a function', () => users],
    ['a number', 3],
    ['null', null],
  ])('ignores %s', (_label, value) => {
    expect(drizzleEntityKind(value)).toBeNull();
  });

  it('keys tables by schema and name', () => {
    expect([tableKey(users), tableKey(accounts)]).toEqual(['public.users', 'tenant.accounts']);
  });
});
