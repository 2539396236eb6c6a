import { pgTable, serial, text } from 'drizzle-orm/pg-core';
import { timestamps } from '$lib/server/db/columns';
import { status } from '@/shared/enums';

export { status };

export const articles = pgTable('articles', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  status: status('status').notNull().default('draft'),
  ...timestamps,
});
