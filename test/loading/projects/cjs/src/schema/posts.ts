import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../lib';
import { users } from './users';

export const posts = pgTable('posts', {
  id: serial('id').primaryKey(),
  authorId: integer('author_id').notNull().references(() => users.id),
  title: text('title').notNull(),
  ...timestamps,
});
