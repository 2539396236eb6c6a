/**
 * One minimal schema per known drizzle-kit false positive (`drizzle-kit-quirks.ts`), each
 * shrunk from a counterexample of the round-trip property, with what drizzle-kit 0.31 says
 * on the second push of that schema into a database it created itself. On a correct tool
 * the second push has nothing to do.
 */
import type { QuirkId } from './drizzle-kit-quirks.js';
import type { SchemaSpec } from './schema-spec.js';
import { column, enumColumnType, enumType, schemaSpec, table } from './spec-builders.js';

export interface QuirkCase {
  /** Says what drizzle-kit gets wrong. */
  readonly name: string;
  readonly quirk: QuirkId;
  readonly spec: SchemaSpec;
  /** drizzle-kit's second push: on PGlite (PostgreSQL 18) and on the server (PostgreSQL 15). */
  readonly secondPush: { readonly pglite: readonly string[]; readonly server: readonly string[] };
  /**
   * What PostgreSQL does with those statements: they change nothing in the catalog (and the
   * next push says the same again), or PostgreSQL refuses them with this error.
   */
  readonly applying?: { readonly pglite: Applying; readonly server: Applying };
}

export type Applying = 'changes nothing' | { readonly fails: string };

const both = (applying: Applying) => ({ pglite: applying, server: applying });

const same = (statements: readonly string[]) => ({ pglite: statements, server: statements });

const longTable = 'subscription_notification_preferences';
const longColumn = 'notification_configuration_id';
const mood = enumType('mood', ['happy', 'sad']);
const crmMood = enumType('mood', ['happy', 'sad'], 'crm');
const upperMood = enumType('Mood', ['happy', 'sad']);

export const QUIRK_CASES: readonly QuirkCase[] = [
  {
    name: 'foreign key name over 63 bytes is dropped and re-added on every push',
    quirk: 'long-constraint-name',
    spec: schemaSpec([
      table('configurations', [column('id', 'integer', { notNull: true })], { primaryKey: { columns: ['id'], name: null, style: 'column' } }),
      table(longTable, [column(longColumn, 'integer')], {
        foreignKeys: [
          { columns: [longColumn], references: { schema: 'public', table: 'configurations', columns: ['id'] }, name: null, onDelete: 'no action', onUpdate: 'no action', style: 'references' },
        ],
      }),
    ]),
    secondPush: same([
      `ALTER TABLE "${longTable}" DROP CONSTRAINT "subscription_notification_preferences_notification_configuratio";\n`,
      `ALTER TABLE "${longTable}" ADD CONSTRAINT "subscription_notification_preferences_notification_configuration_id_configurations_id_fk" FOREIGN KEY ("${longColumn}") REFERENCES "public"."configurations"("id") ON DELETE no action ON UPDATE no action;`,
    ]),
  },
  {
    name: 'unique constraint name over 63 bytes is dropped and re-added on every push',
    quirk: 'long-constraint-name',
    spec: schemaSpec([
      table(longTable, [column(longColumn, 'integer')], { uniques: [{ columns: [longColumn], name: null, nullsNotDistinct: false, style: 'column' }] }),
    ]),
    secondPush: same([
      `ALTER TABLE "${longTable}" DROP CONSTRAINT "subscription_notification_preferences_notification_configuratio";`,
      `ALTER TABLE "${longTable}" ADD CONSTRAINT "subscription_notification_preferences_notification_configuration_id_unique" UNIQUE("${longColumn}");`,
    ]),
  },
  {
    name: 'index name over 63 bytes is dropped and re-created on every push',
    quirk: 'long-index-name',
    spec: schemaSpec([
      table(longTable, [column(longColumn, 'integer')], { indexes: [{ name: null, unique: false, method: 'btree', keys: [{ column: longColumn, order: 'asc', nulls: null }], whereNotNull: null }] }),
    ]),
    secondPush: same([
      'DROP INDEX "subscription_notification_preferences_notification_configuratio";',
      `CREATE INDEX "subscription_notification_preferences_notification_configuration_id_index" ON "${longTable}" USING btree ("${longColumn}");`,
    ]),
  },
  {
    name: 'unique nulls not distinct is read back as nulls distinct and re-created on every push',
    quirk: 'unique-nulls-not-distinct',
    spec: schemaSpec([table('accounts', [column('email', 'text')], { uniques: [{ columns: ['email'], name: 'accounts_email_key', nullsNotDistinct: true, style: 'constraint' }] })]),
    secondPush: same([
      'ALTER TABLE "accounts" DROP CONSTRAINT "accounts_email_key";',
      'ALTER TABLE "accounts" ADD CONSTRAINT "accounts_email_key" UNIQUE NULLS NOT DISTINCT("email");',
    ]),
  },
  {
    name: 'primaryKey() on one column is dropped and re-added on every push',
    quirk: 'primary-key-constraint-on-one-column',
    spec: schemaSpec([table('accounts', [column('id', 'integer', { notNull: true })], { primaryKey: { columns: ['id'], name: null, style: 'constraint' } })]),
    // NOTE: drizzle-kit's DROP CONSTRAINT here lacks its semicolon.
    secondPush: same(['ALTER TABLE "accounts" DROP CONSTRAINT "accounts_id_pk"', 'ALTER TABLE "accounts" ADD CONSTRAINT "accounts_id_pk" PRIMARY KEY("id");']),
  },
  {
    name: 'primaryKey() on a nullable column also wants DROP NOT NULL on every push',
    quirk: 'primary-key-constraint-on-one-column',
    spec: schemaSpec([table('accounts', [column('id', 'integer')], { primaryKey: { columns: ['id'], name: null, style: 'constraint' } })]),
    secondPush: same([
      'ALTER TABLE "accounts" DROP CONSTRAINT "accounts_id_pk"',
      'ALTER TABLE "accounts" ALTER COLUMN "id" DROP NOT NULL;',
      'ALTER TABLE "accounts" ADD CONSTRAINT "accounts_id_pk" PRIMARY KEY("id");',
    ]),
  },
  {
    name: 'two-column primary key declared out of table order is dropped and re-added on every push on PostgreSQL 15',
    quirk: 'multi-column-key-order',
    spec: schemaSpec([
      table('memberships', [column('team_id', 'integer', { notNull: true }), column('user_id', 'integer', { notNull: true })], {
        primaryKey: { columns: ['user_id', 'team_id'], name: null, style: 'constraint' },
      }),
    ]),
    // PostgreSQL 18 happens to return these two in declaration order.
    secondPush: {
      pglite: [],
      server: [
        'ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_id_team_id_pk";\n--> statement-breakpoint\nALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_team_id_pk" PRIMARY KEY("user_id","team_id");',
      ],
    },
  },
  {
    name: 'two-column primary key in table order is re-added on every push on PostgreSQL 18 only',
    quirk: 'multi-column-key-order',
    spec: schemaSpec([
      table('memberships', [column('team_id', 'integer', { notNull: true }), column('user_id', 'integer', { notNull: true })], {
        primaryKey: { columns: ['team_id', 'user_id'], name: null, style: 'constraint' },
      }),
    ]),
    secondPush: {
      pglite: [
        'ALTER TABLE "memberships" DROP CONSTRAINT "memberships_team_id_user_id_pk";\n--> statement-breakpoint\nALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_user_id_pk" PRIMARY KEY("team_id","user_id");',
      ],
      server: [],
    },
    // NOTE: drizzle-kit sends the DROP and the ADD joined by `--> statement-breakpoint` as one query.
    applying: { pglite: { fails: 'cannot insert multiple commands into a prepared statement' }, server: 'changes nothing' },
  },
  {
    name: 'two-column unique constraint is re-created on every push on PostgreSQL 18',
    quirk: 'multi-column-key-order',
    spec: schemaSpec([
      table('memberships', [column('team_id', 'integer'), column('user_id', 'integer')], {
        uniques: [{ columns: ['team_id', 'user_id'], name: 'memberships_team_user_key', nullsNotDistinct: false, style: 'constraint' }],
      }),
    ]),
    secondPush: {
      pglite: [
        'ALTER TABLE "memberships" DROP CONSTRAINT "memberships_team_user_key";',
        'ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_user_key" UNIQUE("team_id","user_id");',
      ],
      server: [],
    },
  },
  {
    name: 'primary key over nullable columns wants DROP NOT NULL on every push',
    quirk: 'composite-primary-key-nullable-columns',
    spec: schemaSpec([
      table('memberships', [column('team_id', 'integer'), column('user_id', 'integer')], { primaryKey: { columns: ['team_id', 'user_id'], name: null, style: 'constraint' } }),
    ]),
    secondPush: {
      pglite: [
        'ALTER TABLE "memberships" ALTER COLUMN "team_id" DROP NOT NULL;',
        'ALTER TABLE "memberships" ALTER COLUMN "user_id" DROP NOT NULL;',
        'ALTER TABLE "memberships" DROP CONSTRAINT "memberships_team_id_user_id_pk";\n--> statement-breakpoint\nALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_user_id_pk" PRIMARY KEY("team_id","user_id");',
      ],
      server: ['ALTER TABLE "memberships" ALTER COLUMN "team_id" DROP NOT NULL;', 'ALTER TABLE "memberships" ALTER COLUMN "user_id" DROP NOT NULL;'],
    },
    applying: both({ fails: 'column "team_id" is in a primary key' }),
  },
  {
    name: 'unique constraint on the primary key column is added again on every push',
    quirk: 'unique-overlapping-primary-key',
    spec: schemaSpec([
      table('accounts', [column('id', 'integer', { notNull: true })], {
        primaryKey: { columns: ['id'], name: null, style: 'column' },
        uniques: [{ columns: ['id'], name: null, nullsNotDistinct: false, style: 'column' }],
      }),
    ]),
    secondPush: same(['ALTER TABLE "accounts" ADD CONSTRAINT "accounts_id_unique" UNIQUE("id");']),
    applying: both({ fails: 'relation "accounts_id_unique" already exists' }),
  },
  {
    name: 'identity column with a mixed-case name gets SET CACHE 1 on every push',
    quirk: 'identity-sequence-quoted-name',
    spec: schemaSpec([table('accounts', [column('accountId', 'integer', { notNull: true, identity: { generation: 'always', startWith: null, increment: null } })])]),
    secondPush: same(['ALTER TABLE "accounts" ALTER COLUMN "accountId" SET CACHE 1;']),
  },
  {
    name: 'serial column in a mixed-case schema: drizzle-kit wants to drop its sequence on every push',
    quirk: 'owned-sequence-quoted-in-custom-schema',
    spec: schemaSpec([table('invoices', [column('id', 'serial', { notNull: true })], { schema: 'Billing' })]),
    secondPush: same(['DROP SEQUENCE "Billing"."invoices_id_seq";']),
    applying: both({ fails: 'cannot drop sequence "Billing".invoices_id_seq because other objects depend on it' }),
  },
  {
    name: 'identity column in a mixed-case schema: SET CACHE 1 and DROP SEQUENCE on every push',
    quirk: 'owned-sequence-quoted-in-custom-schema',
    spec: schemaSpec([table('invoices', [column('id', 'integer', { notNull: true, identity: { generation: 'by default', startWith: null, increment: null } })], { schema: 'Billing' })]),
    secondPush: same(['ALTER TABLE "Billing"."invoices" ALTER COLUMN "id" SET CACHE 1;', 'DROP SEQUENCE "Billing"."invoices_id_seq";']),
    applying: both({ fails: 'cannot drop sequence "Billing".invoices_id_seq because column id of table "Billing".invoices requires it' }),
  },
  {
    name: 'negative integer default is re-set on every push',
    quirk: 'number-default-with-cast',
    spec: schemaSpec([table('accounts', [column('balance', 'integer', { default: { kind: 'value', value: -5 } })])]),
    secondPush: same(['ALTER TABLE "accounts" ALTER COLUMN "balance" SET DEFAULT -5;']),
  },
  {
    name: 'bigint default beyond the integer range is re-set on every push',
    quirk: 'number-default-with-cast',
    spec: schemaSpec([table('counters', [column('total', 'bigint', { default: { kind: 'value', value: 3000000000 } })])]),
    secondPush: same(['ALTER TABLE "counters" ALTER COLUMN "total" SET DEFAULT 3000000000;']),
  },
  {
    name: "numeric default '-0' is re-set on every push (PostgreSQL stores '0'::numeric)",
    quirk: 'numeric-default-not-canonical',
    spec: schemaSpec([table('prices', [column('delta', { kind: 'numeric', precision: null, scale: 0 }, { default: { kind: 'value', value: '-0' } })])]),
    secondPush: same([`ALTER TABLE "prices" ALTER COLUMN "delta" SET DEFAULT '-0';`]),
  },
  {
    name: 'empty text array default is re-set on every push',
    quirk: 'array-default',
    spec: schemaSpec([table('posts', [column('tags', 'text', { dimensions: 1, notNull: true, default: { kind: 'value', value: [] } })])]),
    secondPush: same([`ALTER TABLE "posts" ALTER COLUMN "tags" SET DEFAULT '{}';`]),
  },
  {
    name: 'text array default with a space is re-set on every push',
    quirk: 'array-default',
    spec: schemaSpec([table('posts', [column('tags', 'text', { dimensions: 1, default: { kind: 'value', value: ['two words'] } })])]),
    secondPush: same([`ALTER TABLE "posts" ALTER COLUMN "tags" SET DEFAULT '{"two words"}';`]),
  },
  {
    name: 'two-dimensional boolean array default is re-set on every push',
    quirk: 'array-default',
    spec: schemaSpec([table('grids', [column('cells', 'boolean', { dimensions: 2, default: { kind: 'value', value: [[true, false]] } })])]),
    secondPush: same([`ALTER TABLE "grids" ALTER COLUMN "cells" SET DEFAULT '{{true,false}}';`]),
  },
  {
    name: 'array of an enum in a custom schema gets its type re-set on every push',
    quirk: 'enum-array-quoted-type',
    spec: schemaSpec([table('people', [column('moods', enumColumnType(crmMood), { dimensions: 1 })])], [crmMood]),
    secondPush: same(['ALTER TABLE "people" ALTER COLUMN "moods" SET DATA TYPE "crm"."mood"[] USING "moods"::"crm"."mood"[];']),
  },
  {
    name: 'array of a mixed-case enum gets its type re-set on every push',
    quirk: 'enum-array-quoted-type',
    spec: schemaSpec([table('people', [column('moods', enumColumnType(upperMood), { dimensions: 1 })])], [upperMood]),
    secondPush: same(['ALTER TABLE "people" ALTER COLUMN "moods" SET DATA TYPE "public"."Mood"[] USING "moods"::"public"."Mood"[];']),
  },
  {
    name: 'jsonb default object is re-set on every push when its keys are not in jsonb order',
    quirk: 'jsonb-default-key-order',
    spec: schemaSpec([table('settings', [column('prefs', 'jsonb', { default: { kind: 'value', value: { theme: 'dark', tz: 'UTC' } } })])]),
    secondPush: same([`ALTER TABLE "settings" ALTER COLUMN "prefs" SET DEFAULT '{"theme":"dark","tz":"UTC"}'::jsonb;`]),
  },
];

/** Schemas in sync on both databases: the quirks above are specific, not "any such column". */
export const QUIRK_CONTROLS: readonly { readonly name: string; readonly spec: SchemaSpec }[] = [
  { name: 'short foreign key, unique and index names', spec: schemaSpec([
    table('teams', [column('id', 'integer', { notNull: true })], { primaryKey: { columns: ['id'], name: null, style: 'column' } }),
    table('users', [column('team_id', 'integer'), column('email', 'text')], {
      foreignKeys: [{ columns: ['team_id'], references: { schema: 'public', table: 'teams', columns: ['id'] }, name: null, onDelete: 'cascade', onUpdate: 'no action', style: 'references' }],
      uniques: [{ columns: ['email'], name: null, nullsNotDistinct: false, style: 'column' }],
      indexes: [{ name: null, unique: false, method: 'btree', keys: [{ column: 'team_id', order: 'desc', nulls: null }], whereNotNull: 'team_id' }],
    }),
  ]) },
  { name: 'integer array defaults, empty and two-dimensional', spec: schemaSpec([
    table('grids', [column('a', 'integer', { dimensions: 1, default: { kind: 'value', value: [] } }), column('b', 'integer', { dimensions: 2, default: { kind: 'value', value: [[1, 2]] } })]),
  ]) },
  { name: 'enum arrays and enums in public with lowercase names', spec: schemaSpec([
    table('people', [column('mood', enumColumnType(mood), { default: { kind: 'value', value: 'happy' } }), column('moods', enumColumnType(mood), { dimensions: 1, default: { kind: 'value', value: ['sad'] } })]),
  ], [mood]) },
  { name: 'serial and identity in a lowercase custom schema', spec: schemaSpec([
    table('invoices', [column('id', 'serial', { notNull: true }), column('n', 'bigint', { notNull: true, identity: { generation: 'always', startWith: 10, increment: 5 } })], { schema: 'crm' }),
  ]) },
  { name: 'positive and numeric-string defaults', spec: schemaSpec([
    table('prices', [column('amount', 'integer', { default: { kind: 'value', value: 5 } }), column('rate', { kind: 'numeric', precision: 5, scale: 2 }, { default: { kind: 'value', value: '-1.50' } })]),
  ]) },
];
