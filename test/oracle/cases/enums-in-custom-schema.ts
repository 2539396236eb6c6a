import { pgEnum, pgSchema, pgTable, serial } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const crm = pgSchema('crm');
const stage = crm.enum('stage', ['lead', 'customer', 'churned']);
const plan = pgEnum('plan', ['free', 'pro']);
const accounts = crm.table('accounts', {
  id: serial('id').primaryKey(),
  stage: stage('stage').notNull().default('lead'),
  plan: plan('plan'),
});
const invoices = pgTable('invoices', {
  id: serial('id').primaryKey(),
  accountStage: stage('account_stage'),
});

export const enumsInCustomSchema: OracleCase = {
  name: 'enums-in-custom-schema',
  description: 'An enum in a custom schema used from that schema and from public, next to an enum in public: in sync.',
  imports: { crm, stage, plan, accounts, invoices },
  schemaFilters: ['public', 'crm'],
  setupSql: `
    create schema crm;
    create type crm.stage as enum ('lead', 'customer', 'churned');
    create type plan as enum ('free', 'pro');
    create table crm.accounts (
      id serial primary key,
      stage crm.stage not null default 'lead',
      plan plan
    );
    create table invoices (
      id serial primary key,
      account_stage crm.stage
    );`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: [],
    verdict: 'agree',
    why: `In sync.`,
  },
};
