/**
 * Finding and reading drizzle-kit configs as drizzle-kit does, on fixture projects and on
 * small projects written to a temporary directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/resolve-config.js';
import { resolveDrizzleConfig as resolveConfig } from '../../src/schema/resolve-drizzle-config.js';
import type { InputError, Result } from '../../src/config/errors.js';
import { PROJECTS, project } from '../schema/support/fixtures.js';

const temporaryDirectories: string[] = [];

/** A project in a fresh temporary directory: `{ 'path/in/project': 'content' }`. */
const writeProject = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'drizzle-catalog-config-'));
  temporaryDirectories.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
};

afterEach(() => {
  for (const root of temporaryDirectories.splice(0)) rmSync(root, { recursive: true, force: true });
});

const ok = (result: Result<ResolvedConfig>): ResolvedConfig => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
};

const error = (result: Result<ResolvedConfig>): InputError => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

const SCHEMA = "export const nothing = 1;\n";
const configFor = (schema: string): string => JSON.stringify({ dialect: 'postgresql', schema });

describe('resolveConfig', () => {
  it('reads the fixture config: schema globbed from the working directory, the project tsconfig', async () => {
    const resolved = ok(await resolveConfig({ cwd: project('aliases') }));
    expect(resolved.configPath).toBe(join(project('aliases'), 'drizzle.config.ts'));
    expect(resolved.tsconfigPath).toBe(join(project('aliases'), 'tsconfig.json'));
    expect(resolved.config).toMatchObject({ dialect: 'postgresql', schema: ['./src/lib/server/db/schema/*.ts'], out: './drizzle' });
    expect(resolved.schemaFiles.map((file) => file.slice(project('aliases').length + 1))).toEqual([
      'src/lib/server/db/schema/comments.ts',
      'src/lib/server/db/schema/posts.ts',
      'src/lib/server/db/schema/users.ts',
    ]);
    expect(resolved.warnings).toEqual([]);
  });

  it('finds the default config names in order: ts, mts, js, mjs, cjs, json', async () => {
    const files: Record<string, string> = {
      'a.ts': SCHEMA,
      'b.ts': SCHEMA,
      'c.ts': SCHEMA,
      'd.ts': SCHEMA,
      'e.ts': SCHEMA,
      'f.ts': SCHEMA,
      'drizzle.config.ts': `export default ${configFor('./a.ts')};\n`,
      'drizzle.config.mts': `export default ${configFor('./b.ts')};\n`,
      'drizzle.config.js': `export default ${configFor('./c.ts')};\n`,
      'drizzle.config.mjs': `export default ${configFor('./d.ts')};\n`,
      'drizzle.config.cjs': `module.exports = ${configFor('./e.ts')};\n`,
      'drizzle.config.json': configFor('./f.ts'),
    };
    const root = writeProject({ 'package.json': '{ "type": "module" }', ...files });
    for (const [name, schema] of [
      ['drizzle.config.ts', './a.ts'],
      ['drizzle.config.mts', './b.ts'],
      ['drizzle.config.js', './c.ts'],
      ['drizzle.config.mjs', './d.ts'],
      ['drizzle.config.cjs', './e.ts'],
      ['drizzle.config.json', './f.ts'],
    ] as const) {
      const resolved = ok(await resolveConfig({ cwd: root }));
      expect([resolved.configPath, resolved.config.schema]).toEqual([join(root, name), [schema]]);
      rmSync(join(root, name));
    }
  });

  it('unwraps a TypeScript config compiled as CommonJS (a package without "type": "module")', async () => {
    const root = writeProject({
      'package.json': '{ "type": "commonjs" }',
      'schema.ts': SCHEMA,
      'drizzle.config.ts': `const config = ${configFor('./schema.ts')};\nexport default config;\n`,
    });
    expect(ok(await resolveConfig({ cwd: root })).config.schema).toEqual(['./schema.ts']);
  });

  it('reads --config relative to the working directory, and the schema too', async () => {
    const root = writeProject({
      'db/schema.ts': SCHEMA,
      'config/drizzle.config.json': configFor('./db/schema.ts'),
    });
    const resolved = ok(await resolveConfig({ cwd: root, configPath: 'config/drizzle.config.json' }));
    expect(resolved.schemaFiles).toEqual([join(root, 'db/schema.ts')]);
  });

  it('says when the schema would match from the config directory but not from the working directory', async () => {
    const result = error(await resolveConfig({ cwd: PROJECTS, configPath: 'aliases/drizzle.config.ts' }));
    expect(result).toEqual({
      code: 'schema-not-found',
      path: 'aliases/drizzle.config.ts',
      message: "no schema file matches './src/lib/server/db/schema/*.ts'",
      hint: "drizzle-kit resolves `schema` from the working directory, not from the config file's directory: run from aliases",
    });
  });

  it('says when a schema path lacks its extension', async () => {
    const root = writeProject({ 'src/schema.ts': SCHEMA, 'drizzle.config.json': configFor('./src/schema') });
    expect(error(await resolveConfig({ cwd: root }))).toMatchObject({
      code: 'schema-not-found',
      hint: "name schema files with their extension, e.g. './src/schema.ts'",
    });
  });

  it('takes the files directly in a directory, scripts only; warns about patterns matching nothing', async () => {
    const root = writeProject({
      'db/a.ts': SCHEMA,
      'db/b.mts': SCHEMA,
      'db/types.d.ts': 'export type X = 1;\n',
      'db/README.md': '# not a schema\n',
      'db/nested/c.ts': SCHEMA,
      'drizzle.config.json': JSON.stringify({ dialect: 'postgresql', schema: ['./db', './missing/*.ts'] }),
    });
    const resolved = ok(await resolveConfig({ cwd: root }));
    expect(resolved.schemaFiles).toEqual([join(root, 'db/a.ts'), join(root, 'db/b.mts')]);
    expect(resolved.warnings).toEqual(["schema pattern './missing/*.ts' matches no file"]);
  });

  it('lets --schema replace the config schema, and stand in for a missing config', async () => {
    const root = writeProject({ 'a.ts': SCHEMA, 'b.ts': SCHEMA, 'drizzle.config.json': configFor('./a.ts') });
    const overridden = ok(await resolveConfig({ cwd: root, schemaOverride: ['./b.ts'] }));
    expect(overridden.schemaFiles).toEqual([join(root, 'b.ts')]);
    expect(overridden.config.schema).toEqual(['./b.ts']);

    rmSync(join(root, 'drizzle.config.json'));
    const withoutConfig = ok(await resolveConfig({ cwd: root, schemaOverride: ['./*.ts'] }));
    expect(withoutConfig.configPath).toBeNull();
    expect(withoutConfig.config.schemaFilter).toEqual(['public']);
    expect(withoutConfig.schemaFiles).toEqual([join(root, 'a.ts'), join(root, 'b.ts')]);
  });

  it('reports a missing config, a missing --config file, and a config without schema', async () => {
    const root = writeProject({ 'a.ts': SCHEMA });
    expect(error(await resolveConfig({ cwd: root }))).toMatchObject({ code: 'config-not-found', path: root });
    expect(error(await resolveConfig({ cwd: root, configPath: 'nope.ts', schemaOverride: ['./a.ts'] }))).toMatchObject({
      code: 'config-not-found',
      path: 'nope.ts',
      message: 'the config file nope.ts does not exist',
    });
    writeFileSync(join(root, 'drizzle.config.json'), JSON.stringify({ dialect: 'postgresql' }));
    expect(error(await resolveConfig({ cwd: root }))).toMatchObject({
      code: 'config-invalid',
      path: 'drizzle.config.json',
      message: "the config has no 'schema'",
    });
  });

  it('reports invalid JSON, a config that throws, and a wrong dialect, with the file', async () => {
    const root = writeProject({ 'drizzle.config.json': '{ "dialect": "postgresql", }' });
    expect(error(await resolveConfig({ cwd: root }))).toMatchObject({
      code: 'config-import-failed',
      reason: 'syntax-error',
      path: 'drizzle.config.json',
    });
    expect(error(await resolveConfig({ cwd: project('config-throws') }))).toEqual({
      code: 'config-import-failed',
      reason: 'threw',
      path: 'drizzle.config.ts',
      location: { line: 4, column: 17 },
      message: 'threw while being imported: DATABASE_URL is missing: set it in .env',
      hint: expect.stringContaining('environment variables') as unknown as string,
      facts: {
        node: process.version,
        drizzleKit: "0.31.11 (the project's)",
        drizzleOrm: '0.45.4',
        loadedAs: expect.stringContaining('CommonJS, required through tsx') as unknown as string,
      },
    });
    expect(error(await resolveConfig({ cwd: project('wrong-dialect') }))).toEqual({
      code: 'config-wrong-dialect',
      path: 'drizzle.config.ts',
      message: `the config's dialect is "mysql"; drizzle-catalog reads PostgreSQL schemas only`,
      hint: "point --config at the PostgreSQL project's config, or use dialect 'postgresql'",
    });
  });
});
