import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const people = pgTable('people', {
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  fullName: text('full_name').generatedAlwaysAs(sql`first_name || ' ' || last_name`),
  heightCm: integer('height_cm'),
  heightIn: integer('height_in').generatedAlwaysAs(sql`height_cm / 2.54`),
});

export const generatedColumns: OracleCase = {
  name: 'generated-columns',
  description: 'Stored generated columns whose expressions PostgreSQL re-prints (casts, parentheses): in sync.',
  imports: { people },
  schemaFilters: ['public'],
  setupSql: `
    create table people (
      first_name text not null,
      last_name text not null,
      full_name text generated always as (first_name || ' ' || last_name) stored,
      height_cm integer,
      height_in integer generated always as (height_cm / 2.54) stored
    );`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: ['alter-column-generated people.height_in medium'],
    verdict: 'drizzle-kit is right',
    why: `PostgreSQL stores height_cm / 2.54 as ((height_cm)::numeric / 2.54): the implicit promotion of an integer next to a numeric constant, the same expression. Our SQL normalizer does not drop that cast (drizzle-kit ignores generated expressions altogether, so it is right by not looking).`,
  },
};
