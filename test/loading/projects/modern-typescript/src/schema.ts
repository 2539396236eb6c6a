import { type AnyPgColumn, integer, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { PLANS, type PlanName } from './kinds';

const first = <const T extends readonly string[]>(values: T): T[0] => values[0];

export const plan = pgEnum('plan', PLANS as unknown as [PlanName, ...PlanName[]]);

export const accounts = pgTable('accounts', {
  id: serial().primaryKey(),
  displayName: text().notNull(),
  plan: plan().notNull().default(first(PLANS)),
  parentId: integer().references((): AnyPgColumn => accounts.id),
});

export const config = { schemaVersion: 2 } satisfies Record<string, number>;
