import { pgTable, text } from 'drizzle-orm/pg-core';

export const gamma = pgTable('gamma', { id: text('id').primaryKey() });
