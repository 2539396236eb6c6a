import { pgTable, text } from 'drizzle-orm/pg-core';

const prefix = await Promise.resolve('app');

export const settings = pgTable(`${prefix}_settings`, { key: text('key').primaryKey() });
