import { pgTable, pgView, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', { id: serial('id').primaryKey(), name: text('name') });
export const userNames = pgView('user_names').as((qb) => qb.select({ name: users.name }).from(users));
