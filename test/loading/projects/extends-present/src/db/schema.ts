import { pgTable, serial } from 'drizzle-orm/pg-core';
import { slug } from '~/db/columns';

export const tags = pgTable('tags', { id: serial('id').primaryKey(), slug: slug() });
