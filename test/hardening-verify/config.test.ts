/**
 * drizzle.config.* problems, through the whole CLI: exit 2, the config file (and line where
 * it applies), a hint, no stack trace.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SNAPSHOT, expectUsageError, FIXTURE, messageOf, USERS_SCHEMA, verifyIn, writeProject } from './support/run.js';

const verifyAt = (cwd: string, ...args: string[]) => verifyIn(cwd, ['--snapshot', EXAMPLE_SNAPSHOT, ...args]);

const withConfig = (name: string, config: string, file = 'drizzle.config.ts'): string =>
  writeProject(`config-${name}`, { [file]: config, 'schema.ts': USERS_SCHEMA });

const configOf = (fields: string): string => `import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({\n${fields}\n} as never);\n`;

describe('verify with a drizzle-kit config that cannot be used', () => {
  it('no drizzle.config.* in the working directory: the directory searched, and the ways out', async () => {
    const cwd = writeProject('config-missing', { 'schema.ts': USERS_SCHEMA });
    const run = await verifyAt(cwd);
    expectUsageError(run, `verify: ${cwd}: no drizzle.config.{ts,mts,js,mjs,cjs,json} in this directory`);
    expect(messageOf(run).hint).toContain('pass --config FILE');
    expect(messageOf(run).hint).toContain('--schema');
    // --schema alone is a way out: no config needed.
    expect((await verifyAt(cwd, '--schema', 'schema.ts', '--fail-on', 'none')).code).toBe(0);
  });

  it('--config naming a file that does not exist, or a directory', async () => {
    const cwd = withConfig('elsewhere', configOf("  dialect: 'postgresql',\n  schema: './schema.ts',"));
    const missing = await verifyAt(cwd, '--config', 'apps/api/drizzle.config.ts');
    expectUsageError(missing, 'apps/api/drizzle.config.ts: the config file apps/api/drizzle.config.ts does not exist');
    expect(messageOf(missing).hint).toContain('--config is read relative to the working directory');

    const directory = await verifyAt(join(cwd, '..'), '--config', 'config-elsewhere');
    expectUsageError(directory, '--config config-elsewhere is a directory, not a config file');
    expect(messageOf(directory).hint).toBe('name the file: --config config-elsewhere/drizzle.config.ts');
  });

  it("a config for another dialect: the dialect found and the config's path", async () => {
    const run = await verifyAt(FIXTURE('wrong-dialect'));
    expectUsageError(run, `drizzle.config.ts: the config's dialect is "mysql"; drizzle-catalog reads PostgreSQL schemas only`);
    expect(messageOf(run).hint).toContain("dialect 'postgresql'");
  });

  it("a dialect drizzle-kit does not know ('postgres'): the right spelling", async () => {
    const run = await verifyAt(withConfig('postgres-dialect', configOf("  dialect: 'postgres',\n  schema: './schema.ts',")));
    expectUsageError(run, `drizzle.config.ts: the config's dialect is "postgres"`);
    expect(messageOf(run).hint).toContain("for PostgreSQL it is 'postgresql'");
  });

  it('a config without dialect, without schema, or with a field of the wrong shape', async () => {
    const noDialect = await verifyAt(withConfig('no-dialect', configOf("  schema: './schema.ts',")));
    expectUsageError(noDialect, "drizzle.config.ts: the config has no 'dialect'");
    expect(messageOf(noDialect).hint).toContain("dialect: 'postgresql'");

    const noSchema = await verifyAt(withConfig('no-schema', configOf("  dialect: 'postgresql',")));
    expectUsageError(noSchema, "drizzle.config.ts: the config has no 'schema'");
    expect(messageOf(noSchema).hint).toContain('or pass --schema');

    const badCasing = await verifyAt(withConfig('bad-casing', configOf("  dialect: 'postgresql',\n  schema: './schema.ts',\n  casing: 'kebab-case',")));
    expectUsageError(badCasing, /drizzle\.config\.ts: casing: .*snake_case.*camelCase/);
    expect(messageOf(badCasing).hint).toContain('drizzle-config-file');
  });

  it('a config without a default export, or exporting something that is not an object', async () => {
    const named = await verifyAt(withConfig('named-export', "export const config = { dialect: 'postgresql', schema: './schema.ts' };\n"));
    expectUsageError(named, 'drizzle.config.ts: the config file has no default export (it exports `config`)');
    expect(messageOf(named).hint).toContain('export default defineConfig');

    const number = await verifyAt(withConfig('number-export', 'export default 42;\n'));
    expectUsageError(number, "drizzle.config.ts: the config's default export is number, not an object");
  });

  it('a schema glob matching nothing: every pattern, and where globs are resolved from', async () => {
    const run = await verifyAt(FIXTURE('glob-nothing'));
    expectUsageError(run, "drizzle.config.ts: no schema file matches './src/db/schema/*.ts', './src/db/missing.ts'");
    expect(messageOf(run).hint).toContain(`globs are resolved from ${FIXTURE('glob-nothing')}`);
  });

  it('a config that throws at import: file:line, and the .env hint', async () => {
    const run = await verifyAt(FIXTURE('config-throws'));
    expectUsageError(run, 'drizzle.config.ts:4:17: threw while being imported: DATABASE_URL is missing: set it in .env');
    expect(messageOf(run).hint).toContain('no .env was found in the working directory (drizzle-kit and verify read it from there)');
  });

  it('a config that calls process.exit when a variable is unset', async () => {
    const cwd = withConfig(
      'exits',
      "if (!process.env['DRIZZLE_CATALOG_FIXTURE_UNSET_URL']) process.exit(3);\nexport default { dialect: 'postgresql', schema: './schema.ts' };\n",
    );
    const exit = process.exit;
    const run = await verifyAt(cwd);
    expect(process.exit).toBe(exit);
    expectUsageError(run, 'drizzle.config.ts:1:64: called process.exit(3) while being imported');
  });

  it('a config with a syntax error, TypeScript or JSON', async () => {
    const ts = await verifyAt(withConfig('syntax', "export default { dialect: 'postgresql', schema: './schema.ts' ;\n"));
    expectUsageError(ts, /drizzle\.config\.ts:1:\d+: syntax error: /);

    const json = await verifyAt(withConfig('json-syntax', '{ "dialect": "postgresql", "schema": "./schema.ts", }\n', 'drizzle.config.json'));
    expectUsageError(json, 'drizzle.config.json: invalid JSON');
    expect(messageOf(json).hint).toContain('fix the JSON syntax');
  });
});
