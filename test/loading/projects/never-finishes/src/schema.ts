import { pgTable, text } from 'drizzle-orm/pg-core';
import { ready } from './wait-for-database';

export const jobs = pgTable('jobs', { id: text('id').primaryKey(), ready: text(String(ready)) });
