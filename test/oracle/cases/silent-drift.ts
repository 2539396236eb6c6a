/**
 * Drifts drizzle-kit push does not see: the database differs from the schema in a way
 * PostgreSQL behaves on, and push has nothing to do.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, pgView } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const checked = pgTable('ledger', { amount: integer('amount') }, (t) => [check('ledger_amount_positive', sql`${t.amount} > 0`)]);

export const checkDrift: OracleCase = {
  name: 'check-drift',
  description: 'The check constraint of the same name tests amount > 10 in the database and amount > 0 in the schema: inserting 5 fails in one and not the other.',
  imports: { checked },
  schemaFilters: ['public'],
  setupSql: `create table ledger (amount integer, constraint ledger_amount_positive check (amount > 10));`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: ['alter-check ledger (ledger_amount_positive) medium'],
    verdict: 'we are right',
    why: `With the database check, inserting amount = 5 fails; with the schema check it succeeds. drizzle-kit push does not compare check expressions.`,
  },
};

const partial = pgTable('jobs', { priority: integer('priority') }, (t) => [index('jobs_urgent_idx').on(t.priority).where(sql`${t.priority} > 0`)]);

export const indexPredicateDrift: OracleCase = {
  name: 'index-predicate-drift',
  description: 'The partial index of the same name covers priority > 10 in the database and priority > 0 in the schema: a different index.',
  imports: { partial },
  schemaFilters: ['public'],
  setupSql: `create table jobs (priority integer); create index jobs_urgent_idx on jobs (priority) where priority > 10;`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: ['alter-index jobs (jobs_urgent_idx) medium'],
    verdict: 'we are right',
    why: `The database index covers only priority > 10: queries the schema expects it to serve for 0 < priority <= 10 do not use it. drizzle-kit push does not compare index predicates.`,
  },
};

const doubled = pgTable('measures', { value: integer('value'), doubled: integer('doubled').generatedAlwaysAs(sql`value * 2`) });

export const generatedExpressionDrift: OracleCase = {
  name: 'generated-expression-drift',
  description: 'The generated column computes value * 3 in the database and value * 2 in the schema: different stored data.',
  imports: { doubled },
  schemaFilters: ['public'],
  setupSql: `create table measures (value integer, doubled integer generated always as (value * 3) stored);`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: ['alter-column-generated measures.doubled medium'],
    verdict: 'we are right',
    why: `Inserting value = 1 stores 3 in the database and 2 with the schema. drizzle-kit push ignores generated expressions.`,
  },
};

const scores = pgTable('scores', { points: integer('points') });
const highScores = pgView('high_scores', { points: integer('points') }).as(sql`select points from scores where points > 100`);

export const viewDefinitionDrift: OracleCase = {
  name: 'view-definition-drift',
  description: 'The view selects points > 10 in the database and points > 100 in the schema: different rows.',
  imports: { scores, highScores },
  schemaFilters: ['public'],
  setupSql: `create table scores (points integer); create view high_scores as select points from scores where points > 10;`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: [],
    verdict: 'both wrong',
    why: `select * from high_scores returns points > 10 in the database and > 100 with the schema. Neither drizzle-kit push nor verify compares view definitions (verify has no alter-view kind).`,
  },
};
