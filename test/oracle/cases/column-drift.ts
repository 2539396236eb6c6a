import { integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const invoices = pgTable('invoices', {
  id: serial('id').primaryKey(),
  customer: text('customer').notNull(),
  reference: varchar('reference', { length: 20 }),
  amountCents: integer('amount_cents').notNull().default(0),
  dueAt: timestamp('due_at', { withTimezone: true }),
  note: text('note'),
});

export const columnDrift: OracleCase = {
  name: 'column-drift',
  description:
    'Same names, drifted definitions: a wider type, a narrower type, a lost NOT NULL, a different default, a timestamp without time zone, and a column the schema does not have.',
  imports: { invoices },
  schemaFilters: ['public'],
  setupSql: `
    create table invoices (
      id serial primary key,
      customer varchar(200) not null,
      reference varchar(10),
      amount_cents bigint default 100,
      due_at timestamp,
      note text,
      legacy_code text
    );`,
  drizzleKit: {
    kind: 'statements',
    // NOTE: no SET DEFAULT 0 for amount_cents: drizzle-kit drops a default change that comes with a type change.
    statements: [
      'ALTER TABLE "invoices" ALTER COLUMN "customer" SET DATA TYPE text;',
      'ALTER TABLE "invoices" ALTER COLUMN "reference" SET DATA TYPE varchar(20);',
      'ALTER TABLE "invoices" ALTER COLUMN "amount_cents" SET DATA TYPE integer;',
      'ALTER TABLE "invoices" ALTER COLUMN "amount_cents" SET NOT NULL;',
      'ALTER TABLE "invoices" ALTER COLUMN "due_at" SET DATA TYPE timestamp with time zone;',
      'ALTER TABLE "invoices" DROP COLUMN "legacy_code";',
    ],
  },
  ours: {
    findings: [
      'drop-column invoices.legacy_code high',
      'alter-column-type invoices.amount_cents high',
      'alter-column-type invoices.customer low',
      'alter-column-type invoices.due_at medium',
      'alter-column-type invoices.reference low',
      'alter-column-nullability invoices.amount_cents high',
      'alter-column-default invoices.amount_cents medium',
    ],
    verdict: 'we are right',
    why: `Every ALTER of drizzle-kit has its finding; the default of amount_cents is 100 in the database and 0 in the schema (an insert without it stores 100), which drizzle-kit loses because the type changes too.`,
  },
};
