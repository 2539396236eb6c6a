import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const products = pgTable(
  'products',
  {
    name: text('name').notNull(),
    price: integer('price').notNull(),
    discount: integer('discount'),
  },
  (t) => [check('price_positive', sql`${t.price} > 0`), check('discount_within_price', sql`${t.discount} between 0 and ${t.price}`)],
);

export const checkConstraints: OracleCase = {
  name: 'check-constraints',
  description: 'Check constraints written with column references and BETWEEN, which PostgreSQL re-prints: in sync.',
  imports: { products },
  schemaFilters: ['public'],
  setupSql: `
    create table products (
      name text not null,
      price integer not null,
      discount integer,
      constraint price_positive check (price > 0),
      constraint discount_within_price check (discount between 0 and price)
    );`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: [],
    verdict: 'agree',
    why: `In sync: PostgreSQL re-prints the checks, the parsed expressions are equal.`,
  },
};
