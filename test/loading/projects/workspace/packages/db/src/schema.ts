import { pgTable, serial, varchar } from 'drizzle-orm/pg-core';
import { NAME } from '@acme/db/defaults';

export const accounts = pgTable('accounts', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: NAME.length }).notNull(),
});
