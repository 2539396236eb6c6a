import { sql } from 'drizzle-orm';
import { integer, pgEnum, pgSchema, pgSequence, pgTable, pgView, serial, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.js';

export const role = pgEnum('role', ['admin', 'member']);
export const billing = pgSchema('billing');
export const invoiceNumber = pgSequence('invoice_number', { startWith: 1000 });

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  role: role('role').notNull().default('member'),
  ...timestamps,
});

export const invoices = billing.table('invoices', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
});

export const admins = pgView('admins').as((qb) => qb.select().from(users).where(sql`${users.role} = 'admin'`));
