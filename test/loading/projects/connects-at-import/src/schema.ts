import { pgTable, text } from 'drizzle-orm/pg-core';
import './db';

export const events = pgTable('events', { id: text('id').primaryKey() });
