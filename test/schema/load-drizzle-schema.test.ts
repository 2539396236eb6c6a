/**
 * The schema side of verify on fixture projects: real drizzle.config.ts, tsconfig.json and
 * schema files importing each other through tsconfig `paths` aliases.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Table } from '../../src/catalog/model.js';
import type { InputError } from '../../src/config/errors.js';
import { loadDrizzleSchema, type DrizzleSchema } from '../../src/schema/load-drizzle-schema.js';
import { project } from './support/fixtures.js';

const load = async (name: string, options: { configPath?: string; schemaOverride?: string[] } = {}): Promise<DrizzleSchema> => {
  const result = await loadDrizzleSchema({ cwd: project(name), ...options });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result;
};

const loadError = async (name: string): Promise<InputError> => {
  const result = await loadDrizzleSchema({ cwd: project(name) });
  if (result.ok) throw new Error(`${name}: expected an error, got a catalog`);
  return result.error;
};

const table = (catalog: Catalog, name: string, schema = 'public'): Table => {
  const found = catalog.tables.find((t) => t.name === name && t.schema === schema);
  if (!found) throw new Error(`no ${schema}.${name}`);
  return found;
};

const columns = (t: Table): Record<string, string> =>
  Object.fromEntries(
    t.columns.map((c) => [c.name, `${c.type.name}${'[]'.repeat(c.type.dimensions)}${c.notNull ? ' not null' : ''}${c.default === null ? '' : ` default ${c.default}`}`]),
  );

describe('loadDrizzleSchema on fixture projects', () => {
  it('aliases: follows $lib/* and @/db/* from the project tsconfig (via extends), counts a re-exported table once', async () => {
    const { catalog, files, config, warnings } = await load('aliases');
    expect(files.map((file) => file.slice(project('aliases').length + 1))).toEqual([
      'src/lib/server/db/schema/comments.ts',
      'src/lib/server/db/schema/posts.ts',
      'src/lib/server/db/schema/users.ts',
    ]);
    expect(config.tsconfigPath).toBe(`${project('aliases')}/tsconfig.json`);
    expect(warnings).toEqual([]);
    expect(catalog.schemas).toEqual(['public']);
    expect(catalog.tables.map((t) => t.name)).toEqual(['comments', 'posts', 'users']);
    expect(catalog.enums).toEqual([{ schema: 'public', name: 'post_status', values: ['draft', 'published', 'archived'] }]);
    expect(columns(table(catalog, 'posts'))).toEqual({
      id: "integer not null default nextval('public.posts_id_seq'::regclass)",
      author_id: 'integer not null',
      title: 'text not null',
      status: "post_status not null default 'draft'",
      // Spread from $lib/server/db/columns, a module outside the schema glob.
      created_at: 'timestamp with time zone not null default now()',
      updated_at: 'timestamp with time zone',
    });
    expect(table(catalog, 'posts').columns.find((c) => c.name === 'status')?.type).toEqual({
      name: 'post_status',
      schema: 'public',
      category: 'enum',
      dimensions: 0,
    });
    expect(table(catalog, 'comments').foreignKeys.map((fk) => [fk.name, fk.onDelete])).toEqual([
      ['comments_author_id_users_id_fk', 'set null'],
      ['comments_post_id_posts_id_fk', 'no action'],
    ]);
    expect(table(catalog, 'comments').columns[0]?.identity?.generation).toBe('always');
    expect(table(catalog, 'users').uniques.map((u) => u.name)).toEqual(['users_email_unique']);
    expect(catalog.sequences.map((s) => `${s.schema}.${s.name}`)).toEqual([
      'public.comments_id_seq',
      'public.posts_id_seq',
      'public.users_id_seq',
    ]);
  });

  it('multi-schema: pgSchema tables and enums within schemaFilter, the rest left out with a warning', async () => {
    const { catalog, warnings, config } = await load('multi-schema');
    expect(config.config.schemaFilter).toEqual(['public', 'auth']);
    expect(config.config.tablesFilter).toEqual(['!tmp_*']);
    expect(catalog.schemas).toEqual(['auth', 'public']);
    expect(catalog.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['auth.users', 'public.profiles']);
    expect(warnings).toEqual([
      '1 exported table(s) are in schemas outside schemaFilter [public, auth] and are ignored, as drizzle-kit ignores them: billing.invoices',
    ]);
    expect(catalog.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['auth.role', 'public.mood']);
    const users = table(catalog, 'users', 'auth');
    expect(users.columns.map((c) => c.type)).toEqual([
      { name: 'uuid', schema: null, category: 'base', dimensions: 0 },
      { name: 'text', schema: null, category: 'base', dimensions: 0 },
      { name: 'role', schema: 'auth', category: 'enum', dimensions: 0 },
      { name: 'role', schema: 'auth', category: 'enum', dimensions: 1 },
      { name: 'timestamp(3) with time zone', schema: null, category: 'base', dimensions: 0 },
    ]);
    expect(users.columns[3]?.default).toBe("'{}'");
    expect(table(catalog, 'profiles').foreignKeys).toEqual([
      {
        name: 'profiles_user_id_users_id_fk',
        columns: ['user_id'],
        references: { schema: 'auth', name: 'users', columns: ['id'] },
        onUpdate: 'cascade',
        onDelete: 'cascade',
        deferrable: false,
        initiallyDeferred: false,
      },
    ]);
    expect(catalog.sequences.find((s) => s.name === 'login_counter')).toEqual({
      schema: 'auth',
      name: 'login_counter',
      options: { type: 'bigint', start: '100', increment: '5', min: '1', max: '9223372036854775807', cache: '10', cycle: false },
      ownedBy: null,
    });
  });

  it("casing: snake_case column names from camelCase keys, and drizzle-kit's generated names", async () => {
    const { catalog, config } = await load('casing');
    expect(config.config.casing).toBe('snake_case');
    const members = table(catalog, 'team_members');
    expect(members.columns.map((c) => c.name)).toEqual(['id', 'team_id', 'user_id', 'is_admin', 'joined_at']);
    expect(members.indexes.map((i) => i.name)).toEqual([
      'team_members_pkey',
      // NOTE: drizzle-kit names a unique constraint from the column keys before casing
      // applies, but an index after: this is what push creates.
      'team_members_teamId_userId_unique',
      'team_members_team_id_joined_at_index',
    ]);
    expect(members.uniques).toEqual([
      { name: 'team_members_teamId_userId_unique', columns: ['team_id', 'user_id'], nullsNotDistinct: false },
    ]);
    const invites = table(catalog, 'team_invites');
    expect(invites.primaryKey).toEqual({ name: 'team_invites_team_id_invitee_email_pk', columns: ['team_id', 'invitee_email'] });
    expect(invites.foreignKeys.map((fk) => fk.name)).toEqual(['team_invites_invited_by_team_members_id_fk']);
    expect(invites.columns.map((c) => [c.name, c.notNull])).toEqual([
      ['team_id', true],
      ['invitee_email', true],
      ['invited_by', false],
      ['sent_count', true],
    ]);
  });

  it('relations: relations() exports and unexported tables are ignored', async () => {
    const { catalog } = await load('relations');
    expect(catalog.tables.map((t) => t.name)).toEqual(['authors', 'books']);
    expect(catalog.tables.flatMap((t) => t.foreignKeys)).toEqual([]);
  });

  it('--schema replaces the config schema, and works without a config file', async () => {
    const overridden = await load('aliases', { schemaOverride: ['./src/lib/server/db/schema/users.ts'] });
    expect(overridden.catalog.tables.map((t) => t.name)).toEqual(['users']);
    expect(overridden.config.config.schema).toEqual(['./src/lib/server/db/schema/users.ts']);
    const noConfig = await load('duplicate-table/schema', { schemaOverride: ['./a.ts'] });
    expect(noConfig.config.configPath).toBeNull();
    expect(noConfig.catalog.tables.map((t) => t.name)).toEqual(['users']);
  });

  it('produces the same catalog on every load (fresh module instances, deterministic order)', async () => {
    const first = await load('aliases');
    const second = await load('aliases');
    expect(JSON.stringify(second.catalog)).toBe(JSON.stringify(first.catalog));
  });
});

describe('loadDrizzleSchema errors, as values', () => {
  it('syntax error: the file, the position, the compiler message', async () => {
    expect(await loadError('syntax-error')).toEqual({
      code: 'schema-import-failed',
      reason: 'syntax-error',
      path: 'schema.ts',
      location: { line: 6, column: 1 },
      message: 'syntax error: Expected ")" but found "}"',
      hint: 'fix the TypeScript syntax at that position (the file does not compile)',
      facts: {
        node: process.version,
        drizzleKit: "0.31.11 (the project's)",
        drizzleOrm: '0.45.4',
        loadedAs: expect.stringMatching(/^CommonJS, required through tsx 4\.\d+\.\d+, as drizzle-kit 0\.x loads every file$/) as unknown as string,
      },
    });
  });

  it('missing package: install it', async () => {
    const error = await loadError('missing-package');
    expect(error).toMatchObject({
      code: 'schema-import-failed',
      reason: 'missing-package',
      path: 'schema.ts',
      message: "cannot find package '@paralleldrive/cuid2-not-installed'",
    });
    expect(error.hint).toContain('npm install @paralleldrive/cuid2-not-installed');
  });

  it('unresolved alias: check tsconfig paths', async () => {
    const error = await loadError('unresolved-alias');
    expect(error).toMatchObject({ code: 'schema-import-failed', reason: 'unresolved-alias', path: 'schema.ts' });
    expect(error.message).toBe("cannot resolve '$lib/server/db/columns': not a package and no tsconfig path alias matched");
    expect(error.hint).toContain('tsconfig "paths"');
  });

  it('throws at import: where, what, and the environment-variable hint', async () => {
    const error = await loadError('throws-at-import');
    expect(error).toMatchObject({
      code: 'schema-import-failed',
      reason: 'threw',
      path: 'schema.ts',
      location: { line: 4, column: 17 },
      message: 'threw while being imported: DATABASE_URL is not set',
    });
    expect(error.hint).toContain('environment variables');
    expect(JSON.stringify(error)).not.toContain('node:internal');
  });

  it('no tables exported', async () => {
    expect(await loadError('no-tables')).toMatchObject({ code: 'schema-empty', path: 'schema.ts' });
  });

  it('two exported tables with one name: drizzle-kit would silently keep the last', async () => {
    expect(await loadError('duplicate-table')).toEqual({
      code: 'schema-duplicate-table',
      path: 'schema/b.ts',
      message:
        'table public.users is declared twice: `users` in schema/a.ts and `legacyUsers` in schema/b.ts are different tables with the same name',
      hint: 'rename one of them or export only one: drizzle-kit would silently keep only the last one',
    });
  });

  it('config errors come through: wrong dialect, glob matching nothing, config that throws', async () => {
    expect(await loadError('wrong-dialect')).toMatchObject({ code: 'config-wrong-dialect', path: 'drizzle.config.ts' });
    expect(await loadError('glob-nothing')).toMatchObject({
      code: 'schema-not-found',
      message: "no schema file matches './src/db/schema/*.ts', './src/db/missing.ts'",
    });
    expect(await loadError('config-throws')).toMatchObject({
      code: 'config-import-failed',
      reason: 'threw',
      location: { line: 4, column: 17 },
    });
  });
});
