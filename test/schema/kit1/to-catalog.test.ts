/**
 * The 1.0 mapping on examples: drizzle-orm 1.0 schemas serialized in memory by drizzle-kit 1.0's
 * `generateDrizzleJson` (no database), and hand-written states for what a schema cannot show.
 * That a database drizzle-kit pushed agrees is in-sync.test.ts's business; here each fact the
 * mapping must get right is spelled out.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Column, Table } from '../../../src/catalog/model.js';
import type { DdlEntity } from '../../../src/schema/kit1/ddl.js';
import { drizzleDdlToCatalog } from '../../../src/schema/kit1/to-catalog.js';
import { KIT1_CASES, type Kit1Case } from '../../drizzle-1/cases/index.js';
import { customType, geometry, halfvec, pgTable, sparsevec, vector } from '../../drizzle-1/orm.js';
import { kit1Catalog } from './in-sync.js';

const caseNamed = (name: string): Kit1Case => {
  const found = KIT1_CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
};

const catalogOf = (name: string): Promise<Catalog> => {
  const c = caseNamed(name);
  return kit1Catalog(c.imports, c.schemaFilters);
};

const tableOf = (catalog: Catalog, name: string, schema = 'public'): Table => {
  const found = catalog.tables.find((t) => t.schema === schema && t.name === name);
  if (!found) throw new Error(`no table ${schema}.${name}`);
  return found;
};

const columnOf = (table: Table, name: string): Column => {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name} in ${table.name}`);
  return found;
};

/** Column → `[schema.]type[]...` as the Catalog spells it. */
const typesOf = (table: Table): Record<string, string> =>
  Object.fromEntries(table.columns.map((c) => [c.name, `${c.type.schema === null ? '' : `${c.type.schema}.`}${c.type.name}${'[]'.repeat(c.type.dimensions)}`]));

describe('types, in format_type spelling', () => {
  it('every built-in family', async () => {
    expect(typesOf(tableOf(await catalogOf('column-types'), 'all_types'))).toEqual({
      id: 'integer',
      small: 'smallint',
      bigNumber: 'bigint',
      bigBigint: 'bigint',
      price: 'numeric(10,2)',
      wholeNumber: 'numeric(6,0)',
      anyNumber: 'numeric',
      amount: 'numeric(12,4)',
      ratio: 'real',
      score: 'double precision',
      title: 'text',
      code: 'character varying(12)',
      anyLength: 'character varying',
      initial: 'character(1)',
      oneChar: 'character(1)',
      active: 'boolean',
      born: 'date',
      bornDate: 'date',
      opens: 'time without time zone',
      opensTz: 'time(2) with time zone',
      createdAt: 'timestamp(3) with time zone',
      updatedAt: 'timestamp without time zone',
      changedAt: 'timestamp(0) without time zone',
      duration: 'interval',
      window: 'interval day to second(3)',
      months: 'interval month',
      externalId: 'uuid',
      payload: 'json',
      settings: 'jsonb',
      address: 'inet',
      network: 'cidr',
      mac: 'macaddr',
      mac8: 'macaddr8',
      location: 'point',
      locationXy: 'point',
      edge: 'line',
      flags: 'bit(8)',
      blob: 'bytea',
    });
  });

  it('extension and custom types, assumed in public (drizzle-kit writes them unqualified)', async () => {
    const citext = customType<{ data: string }>({ dataType: () => 'citext' });
    const ext = pgTable('ext', {
      embedding: vector({ dimensions: 3 }),
      half: halfvec({ dimensions: 2 }),
      sparse: sparsevec({ dimensions: 5 }),
      place: geometry({ type: 'point', srid: 4326 }),
      name: citext(),
    });
    const table = tableOf(await kit1Catalog({ ext }, ['public']), 'ext');
    expect(typesOf(table)).toEqual({
      embedding: 'public.vector(3)',
      half: 'public.halfvec(2)',
      sparse: 'public.sparsevec(5)',
      place: 'public.geometry(Point,4326)',
      name: 'public.citext',
    });
  });

  it('arrays keep their dimensions, enum arrays their enum', async () => {
    const table = tableOf(await catalogOf('arrays'), 'arrays');
    expect(typesOf(table)).toMatchObject({
      tags: 'text[]',
      matrix: 'integer[][]',
      cube: 'smallint[][][]',
      prices: 'numeric(5,2)[]',
      labels: 'character varying(20)[]',
      moods: 'public.mood[]',
      stamps: 'timestamp with time zone[]',
    });
    expect(columnOf(table, 'moods').type).toEqual({ name: 'mood', schema: 'public', category: 'enum', dimensions: 1 });
  });

  it('enums in a custom schema, with capitals', async () => {
    const catalog = await catalogOf('enums-in-custom-schema');
    expect(catalog.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['app.Priority', 'app.order_status', 'public.mood']);
    expect(typesOf(tableOf(catalog, 'orders', 'app'))).toEqual({
      id: 'integer',
      status: 'app.order_status',
      priority: 'app.Priority',
      history: 'app.order_status[]',
      mood: 'public.mood',
    });
  });
});

describe('defaults, as drizzle-kit 1.0 writes them', () => {
  it('enum and array defaults get the cast drizzle-kit adds', async () => {
    const arrays = tableOf(await catalogOf('arrays'), 'arrays');
    expect(columnOf(arrays, 'tags').default).toBe("'{}'::text[]");
    expect(columnOf(arrays, 'matrix').default).toBe("'{{1,2},{3,4}}'::integer[]");
    expect(columnOf(arrays, 'moods').default).toBe("'{happy}'::mood[]");
    const orders = tableOf(await catalogOf('enums-in-custom-schema'), 'orders', 'app');
    expect(columnOf(orders, 'status').default).toBe("'pending'::app.order_status");
    expect(columnOf(orders, 'priority').default).toBe(`'low'::app."Priority"`);
  });

  it('values and SQL as drizzle-kit writes them; a NULL default is no default, as PostgreSQL stores it', async () => {
    const table = tableOf(await catalogOf('defaults'), 'defaults');
    const defaults = Object.fromEntries(table.columns.map((c) => [c.name, c.default]));
    expect(defaults).toMatchObject({
      quoted: "'it''s'",
      // NOTE: drizzle-kit 1.0 doubles backslashes and drops a trailing cast from SQL (trimDefaultValueSuffix).
      backslash: "'a\\\\b'",
      zero: '0',
      negative: '-5',
      falseFlag: 'false',
      sqlExpression: '(1 + 2)',
      currentDate: 'current_date',
      nullDefault: null,
      castDefault: "'x'",
    });
  });

  it('serial columns default to their sequence, identity and generated columns to nothing', async () => {
    const catalog = await catalogOf('identity-and-sequences');
    const identities = tableOf(catalog, 'identities');
    expect(columnOf(identities, 'serialId').default).toBe(`nextval('public."identities_serialId_seq"'::regclass)`);
    expect(columnOf(tableOf(catalog, 'identities', 'app'), 'serialId').default).toBe(`nextval('app."identities_serialId_seq"'::regclass)`);
    expect(columnOf(identities, 'always').default).toBeNull();
    const people = tableOf(await catalogOf('generated-columns'), 'people');
    expect(columnOf(people, 'fullName')).toMatchObject({ default: null, generated: `"firstName" || ' ' || "lastName"` });
    expect(columnOf(people, 'nameLength').generated).toBe('length("people"."firstName")');
  });
});

describe('identity, serial and sequences', () => {
  it('identity options as drizzle-kit fills them in, NOT NULL, and their sequences', async () => {
    const catalog = await catalogOf('identity-and-sequences');
    const identities = tableOf(catalog, 'identities');
    expect(columnOf(identities, 'byDefault')).toMatchObject({
      notNull: true,
      identity: { generation: 'by default', sequence: { type: 'bigint', start: '1000', increment: '10', min: '1', max: '9223372036854775807', cache: '20', cycle: false } },
    });
    expect(columnOf(identities, 'small').identity?.sequence).toEqual({ type: 'smallint', start: '5', increment: '1', min: '5', max: '500', cache: '1', cycle: true });
    expect(catalog.sequences.map((s) => `${s.schema}.${s.name}${s.ownedBy ? ` owned by ${s.ownedBy.name}.${s.ownedBy.column}` : ''}`)).toEqual([
      'app.countdown',
      'app.identities_id_seq owned by identities.id',
      'app.identities_serialId_seq owned by identities.serialId',
      'public.counters',
      'public.custom_identity_seq owned by identities.named',
      'public.identities_always_seq owned by identities.always',
      'public.identities_bigSerialId_seq owned by identities.bigSerialId',
      'public.identities_byDefault_seq owned by identities.byDefault',
      'public.identities_serialId_seq owned by identities.serialId',
      'public.identities_smallSerialId_seq owned by identities.smallSerialId',
      'public.identities_small_seq owned by identities.small',
    ]);
  });

  it('standalone sequences are bigint (drizzle-kit writes no AS)', async () => {
    const catalog = await catalogOf('identity-and-sequences');
    const options = Object.fromEntries(catalog.sequences.filter((s) => s.ownedBy === null).map((s) => [s.name, s.options]));
    expect(options).toEqual({
      countdown: { type: 'bigint', start: '-1', increment: '-1', min: '-1000', max: '-1', cache: '1', cycle: true },
      counters: { type: 'bigint', start: '100', increment: '5', min: '1', max: '9223372036854775807', cache: '10', cycle: false },
    });
  });

  it("a descending identity without MINVALUE gets drizzle-kit 1.0's -32768, whatever the type", async () => {
    const table = tableOf(await catalogOf('descending-identities'), 'descending_identities');
    expect(columnOf(table, 'down').identity?.sequence).toMatchObject({ type: 'integer', min: '-32768', max: '-1', start: '-1' });
    expect(columnOf(table, 'bigDown').identity?.sequence).toMatchObject({ type: 'bigint', min: '-32768' });
  });
});

describe('constraint and index names', () => {
  it("uniques: PostgreSQL's `_key` for single columns drizzle-kit writes inline, drizzle-orm's `_unique` for several", async () => {
    const accounts = tableOf(await catalogOf('uniques'), 'accounts');
    expect(accounts.primaryKey).toEqual({ name: 'accounts_pkey', columns: ['id'] });
    expect(accounts.uniques.map((u) => `${u.name} (${u.columns.join(', ')})${u.nullsNotDistinct ? ' nulls not distinct' : ''}`)).toEqual([
      'accounts_code_key (code)',
      'accounts_email_key (email)',
      'accounts_handle_explicit (handle)',
      'accounts_phone_key (phone) nulls not distinct',
      'accounts_region_number_unique (region, number)',
      'accounts_tenant_code (tenant, code) nulls not distinct',
      'accounts_tenant_key (tenant)',
    ]);
    expect(accounts.indexes.map((i) => `${i.name} ${i.constraint ?? ''}`)).toContain('accounts_email_key accounts_email_key');
  });

  it('primary keys: `<table>_pkey` whether inline, composite or declared on the table; explicit names kept', async () => {
    const catalog = await catalogOf('primary-keys');
    expect(catalog.tables.map((t) => `${t.name}: ${t.primaryKey?.name} (${t.primaryKey?.columns.join(', ')})`)).toEqual([
      'memberships: memberships_pkey (userId, teamId)',
      'named_keys: named_keys_custom_pk (a, b)',
      'single_derived: single_derived_pkey (id)',
      'single_named: single_named_id_pk (id)',
    ]);
  });

  it('foreign keys: `<table>_<columns>_<target>_<columns>_fkey`, actions, across schemas', async () => {
    const catalog = await catalogOf('foreign-keys');
    const fks = catalog.tables.flatMap((t) =>
      t.foreignKeys.map(
        (f) => `${t.schema}.${f.name}: ${f.columns.join(',')} → ${f.references.schema}.${f.references.name}(${f.references.columns.join(',')}) on delete ${f.onDelete} on update ${f.onUpdate}`,
      ),
    );
    expect(fks).toEqual([
      'crm.contacts_playerId_players_id_fkey: playerId → public.players(id) on delete no action on update no action',
      'public.pair_refs_a_b_pairs_a_b_fkey: a,b → public.pairs(a,b) on delete cascade on update no action',
      'public.players_mentorId_players_id_fkey: mentorId → public.players(id) on delete set default on update cascade',
      'public.players_teamId_teams_id_fkey: teamId → public.teams(id) on delete cascade on update restrict',
      'public.players_team_code_explicit: teamCode → public.teams(code) on delete no action on update no action',
      'public.teams_parentId_teams_id_fkey: parentId → public.teams(id) on delete set null on update no action',
    ]);
  });

  it('derived names past 63 bytes as PostgreSQL stores them; drizzle-kit hashes long foreign key names', async () => {
    const catalog = await catalogOf('long-derived-names');
    const parent = tableOf(catalog, 'a_table_name_that_goes_on_and_on_for_quite_a_while');
    const child = tableOf(catalog, 'a_table_name_that_goes_on_and_on_for_quite_a_while_children');
    expect(parent.uniques.map((u) => u.name)).toEqual(['a_table_name_that_goes_on_and_a_column_name_long_enough_to__key']);
    expect(child.primaryKey?.name).toBe('a_table_name_that_goes_on_and_on_for_quite_a_while_children_pke');
    expect(child.uniques.map((u) => u.name)).toEqual([
      'a_table_name_that_goes_on_and_on_for_quite_a_while_chi_note_key',
      'a_table_name_that_goes_on_and_on_for_quite_a_while_children_lab',
    ]);
    expect(child.indexes.find((i) => i.constraint === null)?.name).toBe('a_table_name_that_goes_on_and_on_for_quite_a_while_children_a_c');
    // NOTE: past 63 characters drizzle-kit hashes the name, and keeps the table's only when under 45 characters.
    expect(child.foreignKeys.map((f) => f.name)).toEqual([expect.stringMatching(/^[A-Za-z0-9]{12}_fkey$/)]);
    // 45 characters but 80 bytes: not hashed, cut by PostgreSQL at 63 bytes without splitting a character.
    expect(tableOf(catalog, 'ééééééééééééééé').foreignKeys.map((f) => f.name)).toEqual(['ééééééééééééééé_àààààààààà_ôôôôô']);
    for (const table of catalog.tables) {
      for (const name of [table.primaryKey?.name ?? '', ...table.uniques.map((u) => u.name), ...table.foreignKeys.map((f) => f.name), ...table.indexes.map((i) => i.name)]) {
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
      }
    }
    expect(catalog.sequences.map((s) => s.name)).toEqual([
      'a_table_name_that_goes_on_and_on_for_quite_a_while_id_seq',
      'a_table_name_that_goes_on_and_on_for_quite_a_while_identity_seq',
    ]);
  });

  it('explicit names past 63 bytes are kept in full, for the diff to report', async () => {
    const table = tableOf(await catalogOf('long-explicit-names'), 'explicit_long_names');
    expect(table.uniques.map((u) => u.name)).toEqual(['explicit_long_names_code_unique_constraint_with_a_very_long_name']);
    expect(table.indexes.filter((i) => i.constraint === null).map((i) => i.name)).toEqual(['explicit_long_names_label_index_with_a_name_well_past_the_limit_x']);
  });
});

describe('checks and indexes', () => {
  it('checks keep their SQL, columns unqualified as drizzle-kit writes them', async () => {
    const products = tableOf(await catalogOf('checks'), 'products');
    expect(products.checks).toEqual([
      { name: 'discount_below_price', expression: '"discount" is null or "discount" < "price"' },
      { name: 'name_not_blank', expression: `length(trim("name")) > 0 and "name" <> 'n/a'` },
      { name: 'price_positive', expression: '"price" > 0' },
    ]);
  });

  it('keys with order, NULLS, operator classes (default ones as none), methods, predicates, expressions', async () => {
    const documents = tableOf(await catalogOf('indexes'), 'documents');
    const describe = (name: string): string => {
      const index = documents.indexes.find((i) => i.name === name);
      if (!index) throw new Error(`no index ${name}`);
      const keys = index.keys.map(
        (k) => `${k.kind === 'column' ? k.column : `(${k.expression})`} ${k.order} nulls ${k.nulls}${k.opclass === null ? '' : ` ${k.opclass}`}`,
      );
      return `${index.unique ? 'unique ' : ''}${index.method} [${keys.join(', ')}]${index.predicate === null ? '' : ` where ${index.predicate}`}`;
    };
    expect(describe('documents_createdAt_index')).toBe('btree [createdAt asc nulls last]');
    expect(describe('documents_title_lower')).toBe('btree [(lower("title")) asc nulls last]');
    expect(describe('documents_slug_live')).toBe('unique btree [slug asc nulls last] where "deletedAt" is null');
    // NOTE: drizzle-orm 1.0's index columns default to NULLS LAST, also after `.desc()`.
    expect(describe('documents_created_desc')).toBe('btree [createdAt desc nulls last]');
    expect(describe('documents_rank_nulls')).toBe('btree [rank asc nulls first, createdAt desc nulls last]');
    expect(describe('documents_body_gin')).toBe('gin [body asc nulls last]');
    expect(describe('documents_body_path')).toBe('gin [body asc nulls last jsonb_path_ops]');
    expect(describe('documents_slug_hash')).toBe('hash [slug asc nulls last]');
    expect(describe('documents_created_brin')).toBe('brin [createdAt asc nulls last]');
    expect(describe('documents_title_pattern')).toBe('btree [title asc nulls last text_pattern_ops]');
    expect(describe('documents_title_default_op')).toBe('btree [title asc nulls last]');
    expect(describe('documents_slug_desc_op')).toBe('btree [slug desc nulls last varchar_pattern_ops]');
    expect(describe('documents_expr_multi')).toBe(`btree [(("body" ->> 'kind')) asc nulls last, rank asc nulls last]`);
  });
});

describe('views, row-level security, casing', () => {
  it('views and materialized views drizzle-kit creates; not `.existing()` ones', async () => {
    const catalog = await catalogOf('views');
    expect(catalog.views.map((v) => `${v.schema}.${v.name}${v.materialized ? ' (materialized)' : ''}`)).toEqual([
      'public.active_users',
      'public.user_count (materialized)',
      'public.user_names',
      'reporting.barrier_users',
      'reporting.empty_count (materialized)',
    ]);
    expect(catalog.views.find((v) => v.name === 'user_names')?.definition).toBe('select id, upper(name) as name from users');
  });

  it('policies with their expressions, and RLS switched on by policies or `.enableRLS()`', async () => {
    const catalog = await catalogOf('row-level-security');
    expect(catalog.tables.map((t) => `${t.name}: ${t.rowLevelSecurity.enabled}`)).toEqual(['audit: true', 'posts: true', 'secrets: true']);
    expect(tableOf(catalog, 'audit').policies).toEqual([{ name: 'audit_read', command: 'select', permissive: true, roles: ['public'], using: 'true', withCheck: null }]);
    expect(tableOf(catalog, 'posts').policies).toContainEqual({
      name: 'posts_owner_all',
      command: 'all',
      permissive: false,
      roles: ['public'],
      using: '"ownerId" = 1',
      withCheck: '"ownerId" = 1',
    });
    const roles = await catalogOf('roles');
    expect(tableOf(roles, 'ledger').policies.map((p) => p.roles)).toEqual([['kit1_reader']]);
  });

  it("casing is drizzle-orm 1.0's, on the tables: keys cased, explicit names kept, derived names from cased ones", async () => {
    const catalog = await catalogOf('casing');
    expect(catalog.tables.map((t) => `${t.schema}.${t.name}: ${t.columns.map((c) => c.name).join(', ')}`)).toEqual([
      'public.app_settings: setting_key, setting_value',
      'public.audit_events: eventId, userAccountId, createdAt',
      'public.userAccounts: id, first_name, last_login_at, ExplicitName',
      'tenantData.tenantUsers: user_id, display_name',
    ]);
    const accounts = tableOf(catalog, 'userAccounts');
    expect(accounts.uniques.map((u) => u.name)).toEqual(['userAccounts_first_name_last_login_at_unique']);
    expect(accounts.indexes.find((i) => i.constraint === null)?.name).toBe('userAccounts_last_login_at_index');
    expect(tableOf(catalog, 'audit_events').foreignKeys.map((f) => f.name)).toEqual(['audit_events_userAccountId_userAccounts_id_fkey']);
  });
});

describe('hand-written states', () => {
  const state = (...ddl: DdlEntity[]) => ({ version: '9', dialect: 'postgres', ddl }) as const;
  const table = (schema: string, name: string): DdlEntity => ({ entityType: 'tables', schema, name, isRlsEnabled: false });
  const column = (schema: string, tableName: string, name: string): DdlEntity => ({
    entityType: 'columns',
    schema,
    table: tableName,
    name,
    type: 'integer',
    typeSchema: null,
    notNull: false,
    dimensions: 0,
    default: null,
    generated: null,
    identity: null,
  });
  const sample = state(
    { entityType: 'schemas', name: 'tenant_a' },
    { entityType: 'schemas', name: 'tenant_b' },
    { entityType: 'schemas', name: 'archive' },
    table('public', 'users'),
    column('public', 'users', 'id'),
    table('tenant_a', 'orders'),
    table('archive', 'orders'),
    { entityType: 'enums', schema: 'archive', name: 'old', values: ['x'] },
    { entityType: 'enums', schema: 'tenant_b', name: 'kind', values: ['y'] },
    { entityType: 'sequences', schema: 'archive', name: 'ids', incrementBy: null, minValue: null, maxValue: null, startWith: null, cacheSize: null, cycle: null },
    { entityType: 'roles' },
    { entityType: 'privileges' },
    { entityType: 'policies', schema: 'public', table: 'gone', name: 'p', as: 'PERMISSIVE', for: 'ALL', roles: ['public'], using: null, withCheck: null },
    { entityType: 'views', schema: 'public', name: 'existing', definition: null, materialized: false },
  );
  const summary = (catalog: Catalog): string[] => [
    `schemas ${catalog.schemas.join(', ')}`,
    `tables ${catalog.tables.map((t) => `${t.schema}.${t.name}`).join(', ')}`,
    `enums ${catalog.enums.map((e) => `${e.schema}.${e.name}`).join(', ')}`,
    `sequences ${catalog.sequences.map((s) => `${s.schema}.${s.name}`).join(', ')}`,
    `views ${catalog.views.length}`,
  ];

  it("schemaFilter: drizzle-kit 1.0's globs with its voting rule; none means every schema", () => {
    expect(summary(drizzleDdlToCatalog(sample, { schemaFilter: [] }))).toEqual([
      'schemas archive, public, tenant_a, tenant_b',
      'tables archive.orders, public.users, tenant_a.orders',
      'enums archive.old, tenant_b.kind',
      'sequences archive.ids',
      'views 0',
    ]);
    expect(summary(drizzleDdlToCatalog(sample, { schemaFilter: ['public', 'tenant_*'] }))).toEqual([
      'schemas public, tenant_a, tenant_b',
      'tables public.users, tenant_a.orders',
      'enums tenant_b.kind',
      'sequences ',
      'views 0',
    ]);
    expect(summary(drizzleDdlToCatalog(sample, { schemaFilter: ['!archive'] }))[0]).toBe('schemas public, tenant_a, tenant_b');
  });

  it('a missing sequence option takes PostgreSQL’s default; roles, privileges and policies of tables not in the state are left out', () => {
    const catalog = drizzleDdlToCatalog(sample, { schemaFilter: [] });
    expect(catalog.sequences[0]?.options).toEqual({ type: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false });
    expect(catalog.tables.flatMap((t) => t.policies)).toEqual([]);
  });

  it('is pure: the same state maps to equal catalogs, sorted', () => {
    const reversed = state(...[...sample.ddl].reverse());
    expect(drizzleDdlToCatalog(reversed, { schemaFilter: [] })).toEqual(drizzleDdlToCatalog(sample, { schemaFilter: [] }));
  });

  it('a default of NULL cast to the column’s own type is no default; cast to another type it stays', () => {
    const columnWith = (name: string, type: string, value: string): DdlEntity => ({ ...(column('public', 'users', name) as object), type, default: value }) as DdlEntity;
    const catalog = drizzleDdlToCatalog(
      state(table('public', 'users'), columnWith('a', 'text', 'NULL'), columnWith('b', 'text', '(null)::text'), columnWith('c', 'text', 'null::integer'), columnWith('d', 'varchar(5)', 'null::character varying(5)')),
      { schemaFilter: [] },
    );
    expect(tableOf(catalog, 'users').columns.map((c) => c.default)).toEqual([null, null, 'null::integer', null]);
  });
});
