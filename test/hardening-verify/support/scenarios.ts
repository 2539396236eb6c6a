/**
 * One run of verify for every error docs/troubleshooting-verify.md explains. The doc test
 * runs them all and checks that every message and hint the doc quotes is printed by one of
 * them, so that the troubleshooting section cannot drift from the program.
 *
 * Projects live under .work/doc-*; their paths are shown as /path/to/app in the doc.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXAMPLE_PROJECT, EXAMPLE_SNAPSHOT, FIXTURE, POSTGRES_CONFIG, REPO, USERS_SCHEMA, verifyIn, writeProject, type Run } from './run.js';

export interface Scenario {
  readonly name: string;
  /** Runs verify; `root` is the project directory shown as /path/to/app. */
  readonly run: () => Promise<{ readonly run: Run; readonly root: string }>;
}

const EXAMPLE_TEXT = readFileSync(EXAMPLE_SNAPSHOT, 'utf8');

/** A project with a snapshot at snapshots/production.json (the default --snapshot): the example's unless given. */
const app = (name: string, files: Record<string, string>, snapshot: string | null = EXAMPLE_TEXT): string => {
  const root = writeProject(`doc-${name}`, files);
  if (snapshot !== null) {
    mkdirSync(join(root, 'snapshots'));
    writeFileSync(join(root, 'snapshots/production.json'), snapshot);
  }
  return root;
};

const inApp = (name: string, files: Record<string, string>, args: readonly string[] = [], snapshot: string | null = EXAMPLE_TEXT) => async () => {
  const root = app(name, files, snapshot);
  return { run: await verifyIn(root, args), root };
};

const inDir = (root: string, args: readonly string[]) => async () => ({ run: await verifyIn(root, args), root });

/** The loading matrix's fixture projects (test/loading/projects, test/drizzle-1/projects). */
const LOADING = (name: string): string => join(REPO, 'test/loading/projects', name);
const LOADING_1 = (name: string): string => join(REPO, 'test/drizzle-1/projects', name);

/**
 * A project whose node_modules holds `packages` (name → a folder to link, or a package.json
 * to write), outside the repository when `outside` (nothing installed above it), else
 * under .work/ (the repository's drizzle-orm and drizzle-kit above it).
 */
const withPackages = (name: string, packages: Record<string, string | { version: string }>, outside: boolean) => async () => {
  const root = outside ? mkdtempSync(join(tmpdir(), `drizzle-catalog-doc-${name}-`)) : writeProject(`doc-${name}`, {});
  for (const [path, text] of Object.entries({ 'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './schema.ts' };\n", 'schema.ts': USERS_SCHEMA })) {
    writeFileSync(join(root, path), text);
  }
  for (const [pkg, target] of Object.entries(packages)) {
    const folder = join(root, 'node_modules', pkg);
    mkdirSync(dirname(folder), { recursive: true });
    if (typeof target === 'string') symlinkSync(target, folder, 'dir');
    else {
      mkdirSync(folder);
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: pkg, version: target.version }));
    }
  }
  return { run: await verifyIn(root, ['--snapshot', EXAMPLE_SNAPSHOT, '--fail-on', 'none']), root };
};
const ORM_0 = join(REPO, 'node_modules/drizzle-orm');
const ORM_1 = join(REPO, 'test/drizzle-1/node_modules/drizzle-orm');
const KIT_0 = join(REPO, 'node_modules/drizzle-kit');

const USERS = { 'drizzle.config.ts': POSTGRES_CONFIG, 'schema.ts': USERS_SCHEMA };
const config = (fields: string): string => `import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({\n${fields}\n} as never);\n`;
interface Document {
  formatVersion: unknown;
  metadata: { capturedAt: string };
  catalog: { tables: { columns: { notNull: unknown }[] }[] };
}
const snapshotWith = (edit: (document: Document) => void): string => {
  const document = JSON.parse(EXAMPLE_TEXT) as Document;
  edit(document);
  return `${JSON.stringify(document, null, 2)}\n`;
};

export const scenarios = (): readonly Scenario[] => {
  const S = ['--snapshot', EXAMPLE_SNAPSHOT];
  return [
    // Snapshot files
    { name: 'snapshot missing', run: inApp('snapshot-missing', USERS, [], null) },
    { name: 'snapshot directory', run: inApp('snapshot-directory', USERS, ['--snapshot', 'snapshots']) },
    { name: 'snapshot empty', run: inApp('snapshot-empty', USERS, [], '') },
    { name: 'snapshot not json', run: inApp('snapshot-not-json', USERS, [], '{\n  "formatVersion": 1,\n<<<<<<< HEAD\n') },
    { name: 'snapshot not a snapshot', run: inApp('snapshot-other', USERS, [], '{ "id": "4f1c", "version": "7", "dialect": "postgresql" }\n') },
    { name: 'snapshot newer', run: inApp('snapshot-newer', USERS, [], snapshotWith((d) => void (d.formatVersion = 9))) },
    { name: 'snapshot wrong shape', run: inApp('snapshot-shape', USERS, [], snapshotWith((d) => void (d.catalog.tables[3]!.columns[0]!.notNull = 'yes'))) },
    {
      name: 'snapshot duplicate',
      run: inApp('snapshot-duplicate', USERS, [], snapshotWith((d) => void d.catalog.tables.push(structuredClone(d.catalog.tables[2]!)))),
    },
    // Config
    { name: 'config missing', run: inApp('config-missing', { 'schema.ts': USERS_SCHEMA }) },
    { name: 'config path missing', run: inApp('config-path', USERS, ['--config', 'apps/api/drizzle.config.ts']) },
    { name: 'config dialect', run: inDir(FIXTURE('wrong-dialect'), S) },
    { name: 'config dialect unknown', run: inApp('config-postgres', { ...USERS, 'drizzle.config.ts': config("  dialect: 'postgres',\n  schema: './src/db/schema.ts',") }) },
    { name: 'config no dialect', run: inApp('config-no-dialect', { ...USERS, 'drizzle.config.ts': config("  schema: './src/db/schema.ts',") }) },
    { name: 'config no schema', run: inApp('config-no-schema', { ...USERS, 'drizzle.config.ts': config("  dialect: 'postgresql',") }) },
    { name: 'config casing', run: inApp('config-casing', { ...USERS, 'drizzle.config.ts': config("  dialect: 'postgresql',\n  schema: './schema.ts',\n  casing: 'snake',") }) },
    {
      name: 'config named export',
      run: inApp('config-named', { ...USERS, 'drizzle.config.ts': "export const config = { dialect: 'postgresql', schema: './schema.ts' };\n" }),
    },
    { name: 'config throws', run: inDir(FIXTURE('config-throws'), S) },
    {
      name: 'config exits',
      run: inApp('config-exits', {
        ...USERS,
        'drizzle.config.ts': "if (!process.env['DRIZZLE_CATALOG_FIXTURE_UNSET_URL']) process.exit(1);\nexport default { dialect: 'postgresql', schema: './schema.ts' };\n",
      }),
    },
    { name: 'config json', run: inApp('config-json', { 'drizzle.config.json': '{ "dialect": "postgresql", "schema": "./schema.ts", }\n', 'schema.ts': USERS_SCHEMA }) },
    // Schema files
    { name: 'schema glob', run: inDir(FIXTURE('glob-nothing'), S) },
    { name: 'schema syntax', run: inDir(FIXTURE('syntax-error'), S) },
    { name: 'schema package', run: inDir(FIXTURE('missing-package'), S) },
    { name: 'schema alias', run: inDir(FIXTURE('unresolved-alias'), S) },
    {
      name: 'schema missing file',
      run: inApp('schema-file', {
        'drizzle.config.ts': POSTGRES_CONFIG,
        'schema.ts': "import { pgTable } from 'drizzle-orm/pg-core';\nimport { columns } from './shared/columns';\n\nexport const users = pgTable('users', columns);\n",
      }),
    },
    { name: 'schema throws', run: inDir(FIXTURE('throws-at-import'), S) },
    { name: 'schema empty', run: inDir(FIXTURE('no-tables'), S) },
    { name: 'schema duplicate', run: inDir(FIXTURE('duplicate-table'), S) },
    {
      name: 'schema rejected',
      run: inApp('schema-rejected', {
        'drizzle.config.ts': POSTGRES_CONFIG,
        'schema.ts': [
          "import { index, pgTable, text } from 'drizzle-orm/pg-core';",
          "export const users = pgTable('users', { id: text('id').primaryKey(), email: text('email') }, (t) => [index('email_idx').on(t.email)]);",
          "export const teams = pgTable('teams', { id: text('id').primaryKey(), email: text('email') }, (t) => [index('email_idx').on(t.email)]);",
          '',
        ].join('\n'),
      }),
    },
    {
      name: 'schema warnings',
      run: inApp('schema-warnings', { ...USERS, 'drizzle.config.ts': config("  dialect: 'postgresql',\n  schema: ['./schema.ts', './src/db/*.ts'],") }, ['--fail-on', 'none']),
    },
    // How the schema is loaded: the project's drizzle-kit and its loader
    { name: 'no drizzle-orm', run: withPackages('no-orm', {}, true) },
    { name: 'own drizzle-kit', run: withPackages('own-kit', { 'drizzle-orm': ORM_0 }, true) },
    { name: 'versions mismatch', run: withPackages('mismatch', { 'drizzle-orm': ORM_1, 'drizzle-kit': KIT_0 }, false) },
    { name: 'drizzle-kit unknown major', run: withPackages('kit-2', { 'drizzle-kit': { version: '2.0.0' } }, false) },
    { name: 'top-level await 0.x', run: inDir(LOADING('top-level-await'), S) },
    { name: 'never finishes', run: inDir(LOADING('never-finishes'), [...S, '--import-timeout', '5']) },
    { name: 'never settles', run: inDir(LOADING_1('await-abandoned'), S) },
    { name: 'connects', run: inDir(LOADING('connects-at-import'), S) },
    { name: 'tsconfig ignored', run: inDir(LOADING('extends-missing'), [...S, '--fail-on', 'none']) },
    { name: 'tsconfig ignored alias', run: inDir(LOADING('extends-svelte-kit'), S) },
    { name: 'tsconfig 1.0', run: inDir(LOADING_1('extends-missing'), S) },
    { name: 'collected twice', run: inDir(LOADING('folder-reexport'), S) },
    { name: 'flag import-timeout', run: inDir(EXAMPLE_PROJECT, [...S, '--import-timeout', '0']) },
    // Flags
    { name: 'flag unknown', run: inDir(EXAMPLE_PROJECT, [...S, '--formt', 'json']) },
    { name: 'flag format', run: inDir(EXAMPLE_PROJECT, [...S, '--format', 'html']) },
    { name: 'flag fail-on', run: inDir(EXAMPLE_PROJECT, [...S, '--fail-on', 'critical']) },
    { name: 'flag max-age', run: inDir(EXAMPLE_PROJECT, [...S, '--max-age', '-1']) },
    { name: 'flag missing value', run: inDir(EXAMPLE_PROJECT, [...S, '--schema']) },
    { name: 'flag empty value', run: inDir(EXAMPLE_PROJECT, [...S, '--schema', '']) },
    { name: 'flag twice', run: inDir(EXAMPLE_PROJECT, [...S, '--format', 'json', '--format', 'text']) },
    { name: 'flag color', run: inDir(EXAMPLE_PROJECT, [...S, '--color', '--no-color']) },
    { name: 'flag positional', run: inDir(EXAMPLE_PROJECT, [...S, 'schema.ts']) },
    {
      name: 'stale snapshot',
      run: inApp('stale', USERS, ['--fail-on', 'none'], snapshotWith((d) => void (d.metadata.capturedAt = '2024-01-15T09:30:00.000Z'))),
    },
  ];
};
