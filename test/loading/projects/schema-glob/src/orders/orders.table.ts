import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';

export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').references(() => users.id),
});
