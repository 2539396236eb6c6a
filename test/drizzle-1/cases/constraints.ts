/** Primary keys, uniques, foreign keys, checks and indexes in drizzle-orm 1.0, with derived and explicit names. */
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSchema,
  pgTable,
  primaryKey,
  serial,
  sql,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from '../orm.js';
import type { Kit1Case } from './case.js';

const memberships = pgTable(
  'memberships',
  { userId: integer().notNull(), teamId: integer().notNull(), role: text() },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);
const namedKeys = pgTable(
  'named_keys',
  { a: integer(), b: integer() },
  (t) => [primaryKey({ name: 'named_keys_custom_pk', columns: [t.a, t.b] })],
);
const singleNamed = pgTable('single_named', { id: integer() }, (t) => [primaryKey({ name: 'single_named_id_pk', columns: [t.id] })]);
const singleDerived = pgTable('single_derived', { id: integer() }, (t) => [primaryKey({ columns: [t.id] })]);

export const primaryKeys: Kit1Case = {
  name: 'primary-keys',
  description: 'composite primary keys with derived (`<table>_pkey`) and explicit names, single-column primary keys declared on the table',
  imports: { memberships, namedKeys, singleNamed, singleDerived },
  schemaFilters: ['public'],
};

const accounts = pgTable(
  'accounts',
  {
    id: serial().primaryKey(),
    email: text().notNull().unique(),
    handle: text().unique('accounts_handle_explicit'),
    phone: text().unique(undefined, { nulls: 'not distinct' }),
    region: text(),
    number: integer(),
    tenant: integer(),
    code: varchar({ length: 8 }),
  },
  (t) => [
    unique().on(t.region, t.number),
    unique('accounts_tenant_code').on(t.tenant, t.code).nullsNotDistinct(),
    unique().on(t.code),
    unique().on(t.tenant),
  ],
);

export const uniques: Kit1Case = {
  name: 'uniques',
  description:
    'column `.unique()` (derived, explicit, NULLS NOT DISTINCT), table `unique()` on one and several columns: drizzle-kit writes single-column ones inline, so PostgreSQL names them `<table>_<column>_key`',
  imports: { accounts },
  schemaFilters: ['public'],
};

const codes = pgTable('codes', { code: text().unique() }, (t) => [primaryKey({ name: 'codes_code_pk', columns: [t.code] })]);
const pairsUnique = pgTable('pairs_unique', { a: integer(), b: integer() }, (t) => [
  primaryKey({ columns: [t.a, t.b] }),
  unique().on(t.a, t.b),
  unique().on(t.b, t.a),
]);

export const uniquesRepeatingThePrimaryKey: Kit1Case = {
  name: 'uniques-repeating-the-primary-key',
  description:
    'uniques on exactly the primary key columns: PostgreSQL drops them from CREATE TABLE, so drizzle-kit needs a second push to add them (`key-constraints.ts`)',
  imports: { codes, pairsUnique },
  schemaFilters: ['public'],
};

const tokens = pgTable('tokens', { id: integer().primaryKey().unique('tokens_id_unique_explicit') });

export const uniqueNamingTheInlinePrimaryKey: Kit1Case = {
  name: 'unique-naming-the-inline-primary-key',
  description:
    'an explicitly named unique on the single primary key column: PostgreSQL keeps one index, the primary key, under the unique\'s name; drizzle-kit then cannot add the unique',
  imports: { tokens },
  schemaFilters: ['public'],
  expectedFindings: ['create-unique tokens (tokens_id_unique_explicit) medium'],
  why: 'the database has no unique constraint: drizzle-kit will try to add it (and fail, the name being taken by the primary key)',
  drizzleKitRepeats: [
    'ALTER TABLE "tokens" ADD CONSTRAINT "tokens_id_unique_explicit" UNIQUE("id");',
    'apply failed: relation "tokens_id_unique_explicit" already exists',
  ],
};

const crm = pgSchema('crm');
const teams = pgTable('teams', { id: integer().primaryKey(), parentId: integer(), code: text().unique() }, (t) => [
  foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
]);
const players = pgTable(
  'players',
  {
    id: integer().primaryKey(),
    teamId: integer().references(() => teams.id, { onDelete: 'cascade', onUpdate: 'restrict' }),
    teamCode: text(),
    mentorId: integer(),
  },
  (t) => [
    foreignKey({ name: 'players_team_code_explicit', columns: [t.teamCode], foreignColumns: [teams.code] }).onDelete('no action'),
    foreignKey({ columns: [t.mentorId], foreignColumns: [t.id] }).onDelete('set default').onUpdate('cascade'),
  ],
);
const contacts = crm.table('contacts', { id: integer().primaryKey(), playerId: integer().references(() => players.id) });
const pairs = pgTable('pairs', { a: integer(), b: integer() }, (t) => [primaryKey({ columns: [t.a, t.b] })]);
const pairRefs = pgTable('pair_refs', { id: integer().primaryKey(), a: integer(), b: integer() }, (t) => [
  foreignKey({ columns: [t.a, t.b], foreignColumns: [pairs.a, pairs.b] }).onDelete('cascade'),
]);

export const foreignKeys: Kit1Case = {
  name: 'foreign-keys',
  description: 'foreign keys with every action, self references, to a unique column, across schemas, on several columns, derived and explicit names',
  imports: { crm, teams, players, contacts, pairs, pairRefs },
  schemaFilters: ['public', 'crm'],
};

const products = pgTable(
  'products',
  { id: integer().primaryKey(), price: integer().notNull(), discount: integer(), name: text() },
  (t) => [
    check('price_positive', sql`${t.price} > 0`),
    check('discount_below_price', sql`${t.discount} is null or ${t.discount} < ${t.price}`),
    check('name_not_blank', sql`length(trim(${t.name})) > 0 and ${t.name} <> 'n/a'`),
  ],
);

export const checks: Kit1Case = {
  name: 'checks',
  description: 'check constraints referencing one and several columns, with functions, string literals and boolean operators',
  imports: { products },
  schemaFilters: ['public'],
};

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const documents = pgTable(
  'documents',
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    slug: varchar({ length: 100 }),
    body: jsonb(),
    search: tsvector(),
    tags: text().array(),
    createdAt: timestamp(),
    deletedAt: timestamp(),
    rank: integer(),
  },
  (t) => [
    index().on(t.createdAt),
    index('documents_title_lower').on(sql`lower(${t.title})`),
    uniqueIndex('documents_slug_live').on(t.slug).where(sql`${t.deletedAt} is null`),
    index('documents_created_desc').on(t.createdAt.desc()),
    index('documents_rank_nulls').on(t.rank.asc().nullsFirst(), t.createdAt.desc().nullsLast()),
    index('documents_body_gin').using('gin', t.body),
    index('documents_body_path').using('gin', t.body.op('jsonb_path_ops')),
    index('documents_search').using('gin', t.search),
    index('documents_tags').using('gin', t.tags),
    index('documents_slug_hash').using('hash', t.slug),
    index('documents_created_brin').using('brin', t.createdAt),
    index('documents_title_pattern').on(t.title.op('text_pattern_ops')),
    index('documents_title_default_op').on(t.title.op('text_ops')),
    index('documents_slug_desc_op').on(t.slug.op('varchar_pattern_ops').desc()),
    index('documents_expr_multi').on(sql`(${t.body} ->> 'kind')`, t.rank),
    index().on(t.title, t.rank).with({ fillfactor: 70 }),
  ],
);

export const indexes: Kit1Case = {
  name: 'indexes',
  description: 'indexes on columns and expressions, partial, unique, DESC and NULLS orders, operator classes (default and not), gin, hash and brin, storage parameters',
  imports: { documents },
  schemaFilters: ['public'],
};
