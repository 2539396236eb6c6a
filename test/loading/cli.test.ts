/**
 * What a user sees of the loading rules through the CLI: the header line naming the
 * drizzle-kit, drizzle-orm and env file used, `.env` read as drizzle-kit reads it (never
 * over a variable already set, its credentials masked), drizzle-catalog's own drizzle-kit
 * when the project has none, and the version errors.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDrizzleSchemaJson } from '../../src/schema/load-drizzle-schema.js';
import { EXAMPLE_SNAPSHOT, expectUsageError, messageOf, REPO, verifyIn, writeProject } from '../hardening-verify/support/run.js';

const ARGS = ['--snapshot', EXAMPLE_SNAPSHOT, '--fail-on', 'none'];
const SCHEMA = "import { pgTable, text } from 'drizzle-orm/pg-core';\n\nexport const users = pgTable('users', { id: text('id').primaryKey() });\n";
const PLAIN_CONFIG = "export default { dialect: 'postgresql', schema: './schema.ts' };\n";

const outside: string[] = [];
afterAll(() => {
  for (const dir of outside) rmSync(dir, { recursive: true, force: true });
});

/**
 * A project outside the repository (no node_modules above it), with `links` in its
 * node_modules: `{ 'drizzle-orm': '<absolute folder>' }`.
 */
const projectOutside = (files: Record<string, string>, links: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'drizzle-catalog-loading-'));
  outside.push(root);
  for (const [path, text] of Object.entries({ 'package.json': '{ "name": "app", "private": true }\n', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(target, join(root, 'node_modules', name), 'dir');
  }
  return root;
};

const ORM_0 = join(REPO, 'node_modules/drizzle-orm');
const ORM_1 = join(REPO, 'test/drizzle-1/node_modules/drizzle-orm');
const KIT_0 = join(REPO, 'node_modules/drizzle-kit');

describe('.env, as drizzle-kit reads it', () => {
  it('is read before the config, named in the header, and what it sets is masked in output', async () => {
    const cwd = writeProject('env-read', {
      '.env': 'DATABASE_URL=postgres://app:env-file-secret-1@db.example.com:5432/app\nPGPASSWORD=env-file-secret-2\n',
      'drizzle.config.ts':
        "if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');\nconsole.log('config sees', process.env.DATABASE_URL, process.env.PGPASSWORD);\nexport default { dialect: 'postgresql', schema: './schema.ts', dbCredentials: { url: process.env.DATABASE_URL } };\n",
      'schema.ts': SCHEMA,
    });
    const run = await verifyIn(cwd, ARGS);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('  loaded with drizzle-kit 0.31.11 · drizzle-orm 0.45.4 · env: .env\n');
    expect(run.err).toContain('config sees postgres://***:***@db.example.com:5432/app ***');
    expect(`${run.out}${run.err}`).not.toMatch(/env-file-secret/);
  });

  it('never overrides a variable already set, and is not read into verify’s own environment', async () => {
    const cwd = writeProject('env-set', {
      '.env': 'DATABASE_URL=postgres://app@from-env-file/app\n',
      'drizzle.config.ts': "console.log('url is', process.env.DATABASE_URL);\nexport default { dialect: 'postgresql', schema: './schema.ts' };\n",
      'schema.ts': SCHEMA,
    });
    const run = await verifyIn(cwd, ARGS, { DATABASE_URL: 'postgres://app@already-set/app' });
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('url is postgres://***@already-set/app');
    expect(process.env['DATABASE_URL']).not.toBe('postgres://app@from-env-file/app');
  });

  it('a project without .env says so in the header', async () => {
    const cwd = writeProject('env-none', { 'drizzle.config.ts': PLAIN_CONFIG, 'schema.ts': SCHEMA });
    const run = await verifyIn(cwd, ARGS);
    expect(run.out).toContain('  loaded with drizzle-kit 0.31.11 · drizzle-orm 0.45.4 · env: no .env\n');
  });
});

describe("the project's drizzle-kit and drizzle-orm", () => {
  it("uses drizzle-catalog's own drizzle-kit when the project has none, with a warning and in the header", async () => {
    const cwd = projectOutside({ 'drizzle.config.ts': PLAIN_CONFIG, 'schema.ts': SCHEMA }, { 'drizzle-orm': ORM_0 });
    const run = await verifyIn(cwd, ARGS);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(
      `drizzle-catalog verify: warning: no drizzle-kit is installed in this project (searched from ${cwd}): verify uses drizzle-catalog's own drizzle-kit 0.31.11; install the one push runs (npm i -D drizzle-kit@^0.31) so that verify judges with it\n`,
    );
    expect(run.out).toContain("  loaded with drizzle-kit 0.31.11 (drizzle-catalog's own: the project has none) · drizzle-orm 0.45.4 · env: no .env\n");
  });

  it('a drizzle-orm 1.0 with drizzle-kit 0.31: both versions and the drizzle-kit to install', async () => {
    const cwd = projectOutside({ 'drizzle.config.ts': PLAIN_CONFIG, 'schema.ts': SCHEMA }, { 'drizzle-orm': ORM_1, 'drizzle-kit': KIT_0 });
    const run = await verifyIn(cwd, ARGS);
    expectUsageError(run);
    expect(messageOf(run)).toEqual({
      message: `node_modules/drizzle-kit: drizzle-orm 1.0.0-rc.5 and drizzle-kit 0.31.11 (the project's) do not go together: drizzle-kit 0.31.11 cannot read drizzle-orm 1.0 tables (it silently loses array types and unique constraint names)`,
      hint: 'install the matching drizzle-kit: npm i -D drizzle-kit@1.0.0-rc.5; drizzle-kit push would use the same pair',
    });
  });

  it('no drizzle-orm at all: install the dependencies', async () => {
    const cwd = projectOutside({ 'drizzle.config.ts': PLAIN_CONFIG, 'schema.ts': SCHEMA }, {});
    const run = await verifyIn(cwd, ARGS);
    expectUsageError(run, `drizzle-orm is not installed: no node_modules/drizzle-orm is found from ${cwd}`);
    expect(messageOf(run).hint).toContain('npm ci');
  });

  it('import errors name Node, drizzle-kit, drizzle-orm and how the file was loaded', async () => {
    const cwd = writeProject('facts', { 'drizzle.config.ts': PLAIN_CONFIG, 'schema.ts': "throw new Error('boom');\n" });
    const run = await verifyIn(cwd, ARGS);
    expectUsageError(run, 'schema.ts:1:7: threw while being imported: boom');
    expect(run.err).toMatch(
      new RegExp(
        `\\n  loaded with: Node ${process.version.replace(/\./g, '\\.')}, drizzle-kit 0\\.31\\.11 \\(the project's\\), drizzle-orm 0\\.45\\.4; CommonJS, required through tsx 4\\.\\d+\\.\\d+, as drizzle-kit 0\\.x loads every file\\n$`,
      ),
    );
  });
});

describe('a drizzle-kit 1.0 project', () => {
  it('loads with its own drizzle-kit 1.0 and is compared through the 1.0 mapping', async () => {
    const run = await verifyIn(join(REPO, 'test/drizzle-1/projects/esm'), ARGS);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('  loaded with drizzle-kit 1.0.0-rc.5 · drizzle-orm 1.0.0-rc.5 · env: no .env\n');
    const json = await verifyIn(join(REPO, 'test/drizzle-1/projects/esm'), [...ARGS, '--format', 'json']);
    const findings = (JSON.parse(json.out) as { findings: { kind: string; schema: string; table: string | null; object: string | null }[] }).findings;
    const created = findings.filter((f) => f.kind.startsWith('create-')).map((f) => `${f.kind} ${f.schema}.${f.table ?? f.object ?? ''}`);
    expect(created.sort()).toEqual([
      'create-enum public.role',
      'create-schema billing.',
      'create-sequence public.invoice_number',
      'create-table billing.invoices',
      'create-table public.users',
      'create-view public.admins',
    ]);
  });
});

describe('the loader process itself', () => {
  it('a Node that will not start it (a NODE_OPTIONS flag it refuses): an error saying so, not a crash', async () => {
    const cwd = writeProject('node-options', { 'drizzle.config.ts': PLAIN_CONFIG, 'schema.ts': SCHEMA });
    const loaded = await loadDrizzleSchemaJson({ cwd, env: { PATH: process.env['PATH'], NODE_OPTIONS: '--no-such-node-flag' } });
    expect(loaded).toMatchObject({ ok: false, error: { code: 'schema-loader-failed', path: cwd } });
    expect(!loaded.ok && loaded.error.message).toMatch(/^the Node process that imports the schema ended before it could load drizzle-kit \(exit code 9\): .*--no-such-node-flag/);
    expect(!loaded.ok && loaded.error.hint).toContain('NODE_OPTIONS');
  });
});

describe('--import-timeout', () => {
  it('takes a number of seconds above 0', async () => {
    for (const value of ['0', 'soon', '-5']) {
      const run = await verifyIn(REPO, ['--import-timeout', value, ...ARGS]);
      expectUsageError(run, `--import-timeout takes a number of seconds above 0, e.g. --import-timeout 180; got '${value}'`);
    }
  });
});
