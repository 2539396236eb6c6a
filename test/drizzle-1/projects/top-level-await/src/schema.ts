import { pgTable, text } from 'drizzle-orm/pg-core';

const prefix = await new Promise<string>((resolve) => setTimeout(() => resolve('app'), 5));

export const settings = pgTable(`${prefix}_settings`, { key: text('key').primaryKey() });
