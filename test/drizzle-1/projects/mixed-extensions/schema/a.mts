import { pgTable, text } from 'drizzle-orm/pg-core';

export const alpha = pgTable('alpha', { id: text('id').primaryKey() });
