/**
 * Schema modules that cannot be used, through the whole CLI: exit 2, the file (and line
 * where it applies), a hint, no stack trace. test/schema/ checks the error values of
 * loadDrizzleSchema on the same fixture projects; this checks what a user sees.
 */
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_SNAPSHOT,
  expectUsageError,
  FIXTURE,
  messageOf,
  OWN_FIXTURE,
  POSTGRES_CONFIG,
  verifyIn,
  writeProject,
} from './support/run.js';

const verifyFixture = (cwd: string, ...args: string[]) => verifyIn(cwd, ['--snapshot', EXAMPLE_SNAPSHOT, ...args]);

describe('verify on schema modules that cannot be used', () => {
  it('syntax error: file:line:column, the compiler message', async () => {
    const run = await verifyFixture(FIXTURE('syntax-error'));
    expectUsageError(run, 'schema.ts:6:1: syntax error: Expected ")" but found "}"');
    expect(messageOf(run).hint).toContain('fix the TypeScript syntax');
  });

  it('import of a missing package: which one, and the npm install line', async () => {
    const run = await verifyFixture(FIXTURE('missing-package'));
    expectUsageError(run, "schema.ts: cannot find package '@paralleldrive/cuid2-not-installed'");
    expect(messageOf(run).hint).toContain('npm install @paralleldrive/cuid2-not-installed');
  });

  it('an alias that does not resolve: the specifier and tsconfig paths', async () => {
    const run = await verifyFixture(FIXTURE('unresolved-alias'));
    expectUsageError(run, "schema.ts: cannot resolve '$lib/server/db/columns'");
    expect(messageOf(run).hint).toContain('tsconfig "paths"');
  });

  it('an import of a file that does not exist: the importing file and the path', async () => {
    const cwd = writeProject('schema-missing-file', {
      'drizzle.config.ts': POSTGRES_CONFIG,
      'schema.ts': "import { pgTable } from 'drizzle-orm/pg-core';\nimport { columns } from './shared/columns';\n\nexport const users = pgTable('users', columns);\n",
    });
    const run = await verifyFixture(cwd);
    // The path is resolved, relative to the working directory.
    expectUsageError(run, "schema.ts: cannot find module 'shared/columns'");
    expect(messageOf(run).hint).toContain('check the import path');
  });

  it('a module that throws at import time (an unset environment variable): file:line and the .env hint', async () => {
    const run = await verifyFixture(FIXTURE('throws-at-import'));
    expectUsageError(run, 'schema.ts:4:17: threw while being imported: DATABASE_URL is not set');
    expect(messageOf(run).hint).toContain('no .env was found in the working directory (drizzle-kit and verify read it from there)');
  });

  it('a module that throws something that is not an Error', async () => {
    const cwd = writeProject('schema-throws-string', {
      'drizzle.config.ts': POSTGRES_CONFIG,
      'schema.ts': "export const x = 1;\nthrow 'DATABASE_URL missing';\n",
    });
    expectUsageError(await verifyFixture(cwd), 'schema.ts: threw while being imported: DATABASE_URL missing');
  });

  it('a module that calls process.exit at import time: an error, not the end of verify with exit 1 ("findings")', async () => {
    const cwd = writeProject('schema-exits', {
      'drizzle.config.ts': POSTGRES_CONFIG,
      'schema.ts': [
        "import { pgTable, text } from 'drizzle-orm/pg-core';",
        "if (!process.env['DRIZZLE_CATALOG_FIXTURE_UNSET_URL']) {",
        "  console.error('Invalid environment variables: DATABASE_URL is required');",
        '  process.exit(1);',
        '}',
        "export const users = pgTable('users', { id: text('id').primaryKey() });",
        '',
      ].join('\n'),
    });
    const exit = process.exit;
    const run = await verifyFixture(cwd);
    expect(process.exit).toBe(exit);
    expectUsageError(run, 'schema.ts:4:11: called process.exit(1) while being imported');
    // What the module printed is kept, on stderr, before the error.
    expect(run.err).toContain('Invalid environment variables: DATABASE_URL is required\n');
    expect(messageOf(run).hint).toContain('environment check');
  });

  it('no tables exported: which files, and that only exports count', async () => {
    const run = await verifyFixture(FIXTURE('no-tables'));
    expectUsageError(run, 'schema.ts: the schema files (schema.ts) export no table, enum, sequence or view');
    expect(messageOf(run).hint).toContain('export const users = pgTable');
  });

  it('two exported tables with the same name: both exports and both files', async () => {
    const run = await verifyFixture(FIXTURE('duplicate-table'));
    expectUsageError(run, 'schema/b.ts: table public.users is declared twice: `users` in schema/a.ts and `legacyUsers` in schema/b.ts');
    expect(messageOf(run).hint).toContain('keep only the last one');
  });

  it("a schema drizzle-kit's serializer refuses (duplicate index names): its message, the schema file", async () => {
    const cwd = writeProject('schema-rejected', {
      'drizzle.config.ts': POSTGRES_CONFIG,
      'schema.ts': [
        "import { index, pgTable, text } from 'drizzle-orm/pg-core';",
        "export const users = pgTable('users', { id: text('id').primaryKey(), email: text('email') }, (t) => [index('dup_idx').on(t.email)]);",
        "export const posts = pgTable('posts', { id: text('id').primaryKey(), title: text('title') }, (t) => [index('dup_idx').on(t.title)]);",
        '',
      ].join('\n'),
    });
    const run = await verifyFixture(cwd);
    expectUsageError(run, /^drizzle-catalog verify: schema\.ts: .*duplicated index name/);
    expect(messageOf(run).hint).toContain('drizzle-kit push would stop here too');
  });
});

describe('verify on schema modules that export more than Drizzle objects', () => {
  it('ignores a db client, relations, helpers, classes, symbols, bigints and Proxies whose every trap throws', async () => {
    const exit = process.exit;
    const run = await verifyFixture(OWN_FIXTURE('odd-exports'), '--format', 'json', '--fail-on', 'none');
    expect(run.code, run.err).toBe(0);
    expect(process.exit).toBe(exit);
    const report = JSON.parse(run.out) as { summary: { tables: { schema: number } }; findings: { kind: string; table: string | null }[] };
    // authors and books, nothing else: relations, the db client, the column builder, the
    // fake entity and the Proxies are not tables.
    expect(report.summary.tables.schema).toBe(2);
    expect(report.findings.filter((f) => f.kind === 'create-table').map((f) => f.table)).toEqual(['authors', 'books']);
    // The module's console.log went to stderr, formatted as console.log formats it
    // (an object without a prototype included), and stdout is only the report.
    expect(run.err).toContain('schema module loaded { tables: 2 } [Object: null prototype] {}');
    expect(run.err).not.toMatch(/^\s+at /m);
  });
});
