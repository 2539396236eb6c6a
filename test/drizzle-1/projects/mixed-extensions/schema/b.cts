import { pgTable, text } from 'drizzle-orm/pg-core';

export const beta = pgTable('beta', { id: text('id').primaryKey() });
