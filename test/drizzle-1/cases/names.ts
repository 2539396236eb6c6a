/** drizzle-orm 1.0 casing on tables, pgSchema tables, and names past PostgreSQL's 63 bytes. */
import {
  camelCase,
  foreignKey,
  index,
  integer,
  pgSchema,
  pgTable,
  pgTableCreator,
  primaryKey,
  serial,
  snakeCase,
  sql,
  text,
  timestamp,
  unique,
} from '../orm.js';
import type { Kit1Case } from './case.js';

const userAccounts = snakeCase.table(
  'userAccounts',
  { id: integer().primaryKey(), firstName: text().notNull(), lastLoginAt: timestamp(), explicitName: text('ExplicitName') },
  (t) => [index().on(t.lastLoginAt), unique().on(t.firstName, t.lastLoginAt)],
);
const auditEvents = camelCase.table('audit_events', {
  event_id: integer().primaryKey(),
  user_account_id: integer().references(() => userAccounts.id),
  created_at: timestamp().defaultNow(),
});
const prefixed = pgTableCreator((name) => `app_${name}`, 'snake_case');
const appSettings = prefixed('settings', { settingKey: text().primaryKey(), settingValue: text() });
const tenant = snakeCase.schema('tenantData');
const tenantUsers = tenant.table('tenantUsers', { userId: integer().primaryKey(), displayName: text().unique() });

export const casing: Kit1Case = {
  name: 'casing',
  description:
    'snakeCase.table and camelCase.table (keys cased, explicit column names kept), pgTableCreator with a prefix and casing, snakeCase.schema tables; derived constraint names use the cased names',
  imports: { userAccounts, auditEvents, appSettings, tenant, tenantUsers },
  schemaFilters: ['public', 'tenantData'],
};

const sales = pgSchema('Sales');
const regions = sales.table('Regions', { id: integer().primaryKey(), name: text().unique() });
const reps = sales.table('reps', { id: serial().primaryKey(), regionId: integer().references(() => regions.id) });
const localReps = pgTable('reps', { id: integer().primaryKey(), salesRepId: integer().references(() => reps.id) });

export const schemaTables: Kit1Case = {
  name: 'schema-tables',
  description: 'tables in a capitalised pgSchema, a table name shared by two schemas, foreign keys between them',
  imports: { sales, regions, reps, localReps },
  schemaFilters: ['public', 'Sales'],
};

const long = 'a_table_name_that_goes_on_and_on_for_quite_a_while';
const longColumn = 'a_column_name_long_enough_to_push_derived_names_past_the_limit';
const parentTable = pgTable(long, {
  id: serial().primaryKey(),
  [longColumn]: text().unique(),
  identity: integer().generatedAlwaysAsIdentity(),
  other: text(),
  more: text(),
});
const childTable = pgTable(
  `${long}_children`,
  { parentId: integer().notNull(), position: integer().notNull(), [longColumn]: text(), label: text(), note: text() },
  (t) => [
    primaryKey({ columns: [t.parentId, t.position] }),
    foreignKey({ columns: [t.parentId], foreignColumns: [parentTable.id] }),
    index().on(t[longColumn], t.label),
    unique().on(t.label, t.note),
    unique().on(t.note),
  ],
);
const accented = pgTable('tâches_à_faire_pour_l_équipe_de_développement_été', {
  id: integer().primaryKey(),
  propriétaire: text().unique(),
  parentId: integer().references(() => parentTable.id),
});
// 45 characters, 80 bytes: drizzle-kit hashes foreign key names past 63 characters, not bytes.
const targets = pgTable('ôôôôôôôôôô', { id: integer().primaryKey() });
const sources = pgTable('ééééééééééééééé', { àààààààààà: integer().references(() => targets.id) });

export const longDerivedNames: Kit1Case = {
  name: 'long-derived-names',
  description:
    'derived names past 63 bytes: `<table>_pkey` and `<table>_<column>_key` shortened by PostgreSQL, foreign keys hashed by drizzle-kit, indexes, uniques, serial and identity sequences cut at 63 bytes, multi-byte names',
  imports: { parentTable, childTable, accented, targets, sources },
  schemaFilters: ['public'],
};

const longPartial = pgTable('a_rather_long_table_name_for_partial_index_tests', { first_long_column: integer(), second_long_column: text() }, (t) => [
  index()
    .on(t.first_long_column, t.second_long_column)
    .where(sql`${t.first_long_column} is not null`),
]);

export const longDerivedPartialIndex: Kit1Case = {
  name: 'long-derived-partial-index',
  description: 'a partial index whose derived name passes 63 bytes: the database holds it, but drizzle-kit 1.0 asks about it on every push',
  imports: { longPartial },
  schemaFilters: ['public'],
  // NOTE: drizzle-kit 1.0 matches a derived name by the index's other fields, and reads the WHERE
  // clause back as `(first_long_column IS NOT NULL)`: no match, so it compares the full name.
  drizzleKitRepeats: [
    'missing hint: index public.a_rather_long_table_name_for_partial_index_tests.a_rather_long_table_name_for_partial_index_tests_first_long_column_second_long_column_index',
  ],
};

const explicit = pgTable(
  'explicit_long_names',
  { id: integer().primaryKey(), code: text(), label: text() },
  (t) => [
    unique('explicit_long_names_code_unique_constraint_with_a_very_long_name').on(t.code),
    index('explicit_long_names_label_index_with_a_name_well_past_the_limit_x').on(t.label),
  ],
);

export const longExplicitNames: Kit1Case = {
  name: 'long-explicit-names',
  description: 'explicit names past 63 bytes: PostgreSQL keeps 63 bytes and drizzle-kit 1.0 asks "rename or create?" for them on every push',
  imports: { explicit },
  schemaFilters: ['public'],
  expectedFindings: [
    'identifier-too-long explicit_long_names (explicit_long_names_code_unique_constraint_with_a_very_long_name) medium',
    'identifier-too-long explicit_long_names (explicit_long_names_label_index_with_a_name_well_past_the_limit_x) medium',
  ],
  why: 'drizzle-kit 1.0 compares explicit names in full: its second push asks for a rename-or-create hint for both',
  drizzleKitRepeats: [
    'missing hint: unique public.explicit_long_names.explicit_long_names_code_unique_constraint_with_a_very_long_name',
    'missing hint: index public.explicit_long_names.explicit_long_names_label_index_with_a_name_well_past_the_limit_x',
  ],
};
