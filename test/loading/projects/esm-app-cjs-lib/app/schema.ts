import { pgTable, serial, varchar } from 'drizzle-orm/pg-core';
import { DEFAULT_NAME, NAME_LENGTH } from '../lib/defs';

export const profiles = pgTable('profiles', {
  id: serial('id').primaryKey(),
  name: varchar(DEFAULT_NAME, { length: NAME_LENGTH }).notNull(),
});
