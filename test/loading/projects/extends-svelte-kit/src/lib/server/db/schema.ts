import { pgTable, serial, text } from 'drizzle-orm/pg-core';
import { timestamps } from '$lib/server/db/columns';

export const notes = pgTable('notes', { id: serial('id').primaryKey(), body: text('body'), ...timestamps });
