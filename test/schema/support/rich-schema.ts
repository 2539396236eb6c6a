/**
 * A schema using every kind of object drizzle-kit manages (a real Drizzle schema module),
 * shared by the tests that push it to a database.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgSchema,
  pgSequence,
  pgTable,
  pgView,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const app = pgSchema('app');
const orderStatus = app.enum('order_status', ['pending', 'paid', 'shipped']);
const invoiceNumbers = pgSequence('invoice_numbers', { startWith: 1000, increment: 5, maxValue: 1_000_000, cache: 10, cycle: true });

const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    email: varchar({ length: 320 }).notNull().unique(),
    handle: text().unique('users_handle_key', { nulls: 'not distinct' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    settings: jsonb().notNull().default({ theme: 'dark' }),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    score: integer().default(0),
  },
  (t) => [
    check('users_score_positive', sql`${t.score} >= 0`),
    index('users_created_at_idx').on(t.createdAt.desc()),
    index('users_email_lower_idx').on(sql`lower(${t.email})`),
    index().on(t.score.asc().nullsFirst()).where(sql`${t.score} > 0`),
    index('users_tags_idx').using('gin', t.tags),
  ],
);

const orders = app.table('orders', {
  id: integer().primaryKey().generatedAlwaysAsIdentity({ startWith: 1000, cache: 20 }),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  total: numeric({ precision: 10, scale: 2 }).notNull(),
  totalWithTax: numeric({ precision: 10, scale: 2 }).generatedAlwaysAs(sql`total * 1.2`),
  status: orderStatus().notNull().default('pending'),
  legacyId: bigserial({ mode: 'number' }),
});

const orderItems = pgTable(
  'order_items',
  {
    orderId: integer().notNull(),
    line: smallint(),
    sku: text().notNull(),
    quantity: integer().notNull().default(1),
    batch: integer().generatedByDefaultAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.line] }),
    foreignKey({ columns: [t.orderId], foreignColumns: [orders.id], name: 'order_items_order_fk' })
      .onDelete('restrict')
      .onUpdate('cascade'),
    unique().on(t.orderId, t.sku).nullsNotDistinct(),
    index('order_items_sku_pattern_idx').on(t.sku.op('text_pattern_ops')),
    // drizzle-kit drops DESC when an operator class is given; text_ops is text's default.
    uniqueIndex('order_items_sku_ops_idx').on(t.sku.op('text_ops').desc(), t.orderId),
  ],
);

const posts = pgTable(
  'posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: integer().notNull(),
  },
  () => [
    pgPolicy('posts_owner_read', { for: 'select', to: 'public', using: sql`true` }),
    pgPolicy('posts_no_delete', { as: 'restrictive', for: 'delete', to: 'public', using: sql`false` }),
  ],
);

const audit = pgTable('audit_log', { id: bigserial({ mode: 'bigint' }).primaryKey(), body: text() }).enableRLS();

// 59-byte table and 40-byte column names: PostgreSQL shortens the serial sequence and pkey names itself.
const longTable = pgTable('a_table_name_that_is_long_enough_to_need_shortening_by_pg_x', {
  aColumnNameLongEnoughToMatterAsWell_xyz: serial().primaryKey(),
});

// Two-byte characters: shortened without splitting one, then quoted.
const greek = pgTable('πίνακας_χρηστών', { κωδικός_εγγραφής_χρήστη: serial().primaryKey() });

// A schema named like a reserved keyword: quoted in the regclass.
const orderSchema = pgSchema('order');
const orderLines = orderSchema.table('lines', { id: serial().primaryKey() });

const activeUsers = pgView('active_users').as((qb) => qb.select({ id: users.id }).from(users).where(sql`${users.score} > 0`));
const userCounts = app
  .materializedView('user_counts')
  .as((qb) => qb.select({ total: sql<number>`count(*)`.as('total') }).from(users));

export const RICH_SCHEMA = {
  app,
  orderStatus,
  invoiceNumbers,
  users,
  orders,
  orderItems,
  posts,
  audit,
  longTable,
  greek,
  orderSchema,
  orderLines,
  activeUsers,
  userCounts,
};
export const RICH_SCHEMAS = ['public', 'app', 'order'];

