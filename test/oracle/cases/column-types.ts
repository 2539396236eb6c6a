import { sql } from 'drizzle-orm';
import { bigint, boolean, char, date, doublePrecision, inet, integer, interval, json, jsonb, numeric, pgTable, real, smallint, text, time, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const allTypes = pgTable('all_types', {
  id: integer('id').primaryKey(),
  small: smallint('small').default(7),
  big: bigint('big', { mode: 'number' }).default(1000000000000),
  price: numeric('price', { precision: 10, scale: 2 }).default('9.99'),
  ratio: real('ratio').default(0.5),
  score: doublePrecision('score').default(1.25),
  title: text('title').notNull().default('untitled'),
  code: varchar('code', { length: 12 }).default('A-1'),
  initial: char('initial', { length: 1 }).default('x'),
  active: boolean('active').notNull().default(true),
  born: date('born').default('2000-01-01'),
  opens: time('opens').default('09:00:00'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at').default(sql`now()`),
  duration: interval('duration').default('1 day'),
  externalId: uuid('external_id').defaultRandom(),
  payload: json('payload').default({ a: 1 }),
  settings: jsonb('settings').notNull().default({}),
  address: inet('address'),
});

export const columnTypes: OracleCase = {
  name: 'column-types',
  description: 'Every common column type with a default, the database written by hand with the same meaning: in sync (drizzle-kit re-sets the bigint default).',
  imports: { allTypes },
  schemaFilters: ['public'],
  setupSql: `
    create table all_types (
      id integer primary key,
      small smallint default 7,
      big bigint default 1000000000000,
      price numeric(10, 2) default 9.99,
      ratio real default 0.5,
      score double precision default 1.25,
      title text not null default 'untitled',
      code varchar(12) default 'A-1',
      initial char(1) default 'x',
      active boolean not null default true,
      born date default '2000-01-01',
      opens time default '09:00:00',
      created_at timestamptz(3) not null default now(),
      updated_at timestamp default now(),
      duration interval default '1 day',
      external_id uuid default gen_random_uuid(),
      payload json default '{"a":1}',
      settings jsonb not null default '{}',
      address inet
    );`,
  // NOTE: PostgreSQL prints a bigint literal beyond int4 as '1000000000000'::bigint; drizzle-kit compares text.
  drizzleKit: { kind: 'statements', statements: ['ALTER TABLE "all_types" ALTER COLUMN "big" SET DEFAULT 1000000000000;'] },
  ours: {
    findings: [],
    verdict: 'we are right',
    why: `PostgreSQL stores the bigint default as '1000000000000'::bigint: the same value; drizzle-kit compares the text and re-sets it on every push.`,
  },
};
