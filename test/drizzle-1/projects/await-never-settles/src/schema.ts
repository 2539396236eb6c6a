import { pgTable, text } from 'drizzle-orm/pg-core';
import { ready } from './wait.js';

export const jobs = pgTable('jobs', { id: text('id').primaryKey(), ready: text(String(ready)) });
