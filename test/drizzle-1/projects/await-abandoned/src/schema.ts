import { pgTable, text } from 'drizzle-orm/pg-core';

// A promise nothing will ever resolve.
await new Promise(() => undefined);

export const jobs = pgTable('jobs', { id: text('id').primaryKey() });
