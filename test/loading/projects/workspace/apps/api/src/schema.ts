import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { accounts } from '@acme/db/schema';

export { accounts };

export const sessions = pgTable('sessions', {
  id: serial('id').primaryKey(),
  accountId: integer('account_id').notNull().references(() => accounts.id),
});
