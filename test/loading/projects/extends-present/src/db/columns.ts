import { text } from 'drizzle-orm/pg-core';

export const slug = () => text('slug').notNull().unique();
