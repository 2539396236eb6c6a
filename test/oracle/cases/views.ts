import { sql } from 'drizzle-orm';
import { boolean, integer, pgMaterializedView, pgTable, pgView, serial, text } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
});
const activeUsers = pgView('active_users', { id: integer('id'), name: text('name') }).as(sql`select id, name from users where active`);
const userCount = pgMaterializedView('user_count', { total: integer('total') }).as(sql`select count(*)::integer as total from users`);

export const views: OracleCase = {
  name: 'views',
  description: 'A view and a materialized view over a table, their SQL re-printed by PostgreSQL: in sync.',
  imports: { users, activeUsers, userCount },
  schemaFilters: ['public'],
  setupSql: `
    create table users (
      id serial primary key,
      name text not null,
      active boolean not null default true
    );
    create view active_users as select id, name from users where active;
    create materialized view user_count as select count(*)::integer as total from users;`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: [],
    verdict: 'agree',
    why: `In sync.`,
  },
};
