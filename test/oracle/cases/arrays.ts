import { boolean, integer, numeric, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const arraysTable = pgTable('arrays', {
  id: serial('id').primaryKey(),
  tags: text('tags').array().notNull().default([]),
  matrix: integer('matrix').array().array().default([
    [1, 2],
    [3, 4],
  ]),
  prices: numeric('prices', { precision: 5, scale: 2 }).array(),
  flags: boolean('flags').array().default([true, false]),
  labels: varchar('labels', { length: 20 }).array().default(['a b']),
});

export const arrays: OracleCase = {
  name: 'arrays',
  description:
    'One- and two-dimensional arrays with defaults, written in SQL with ARRAY[...] and {...} literals: the same values, so in sync.',
  imports: { arraysTable },
  schemaFilters: ['public'],
  setupSql: `
    create table arrays (
      id serial primary key,
      tags text[] not null default '{}',
      matrix integer[][] default '{{1,2},{3,4}}',
      prices numeric(5, 2)[],
      flags boolean[] default '{t,f}',
      labels varchar(20)[] default array['a b']::varchar(20)[]
    );`,
  drizzleKit: {
    kind: 'statements',
    statements: ['ALTER TABLE "arrays" ALTER COLUMN "tags" SET DEFAULT \'{}\';', 'ALTER TABLE "arrays" ALTER COLUMN "labels" SET DEFAULT \'{"a b"}\';'],
  },
  ours: {
    findings: [],
    verdict: 'we are right',
    why: `'{}' and ARRAY['a b']::varchar(20)[] are the values the schema declares; drizzle-kit compares array texts and re-sets them on every push.`,
  },
};
