/**
 * Finds the drizzle-kit config file and reads what it exports (file I/O; validation is
 * `drizzle-config.ts`). Importing a TypeScript or JavaScript config is the loader process's
 * job (src/schema/child/), handed in by the caller.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from './display-path.js';
import { failure, type Result } from './errors.js';

/**
 * Default config names, first found wins.
 *
 * NOTE: drizzle-kit 0.31 itself only tries `drizzle.config.ts`, then `.js`, then `.json`
 * (`drizzleConfigFromFile`); the other names need `--config` there. We accept them all.
 */
export const CONFIG_FILE_NAMES = [
  'drizzle.config.ts',
  'drizzle.config.mts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.json',
] as const;

/** The config file to read: `configPath` (relative to `cwd`) or the first default name in `cwd`. */
export const findConfigFile = (cwd: string, configPath?: string): Result<{ readonly path: string }> => {
  if (configPath !== undefined) {
    const path = resolve(cwd, configPath);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) return { ok: true, path };
    if (stats?.isDirectory()) {
      const inside = CONFIG_FILE_NAMES.find((name) => existsSync(join(path, name)));
      return failure({
        code: 'config-not-found',
        path: displayPath(path, cwd),
        message: `--config ${configPath} is a directory, not a config file`,
        hint: inside
          ? `name the file: --config ${join(configPath, inside)}`
          : `name the drizzle-kit config file itself, e.g. --config ${join(configPath, 'drizzle.config.ts')}`,
      });
    }
    return failure({
      code: 'config-not-found',
      path: displayPath(path, cwd),
      message: `the config file ${displayPath(path, cwd)} does not exist`,
      hint: '--config is read relative to the working directory; check the path',
    });
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (existsSync(path)) return { ok: true, path };
  }
  return failure({
    code: 'config-not-found',
    path: cwd,
    message: 'no drizzle.config.{ts,mts,js,mjs,cjs,json} in this directory',
    hint: 'run from the directory holding drizzle.config.ts, pass --config FILE, or name the schema files with --schema',
  });
};

/** A `drizzle.config.json`, parsed here: its errors get a position, whichever drizzle-kit runs. */
export const readJsonConfig = (path: string, cwd: string): Result<{ readonly raw: unknown }> => {
  try {
    return { ok: true, raw: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return failure({
      code: 'config-import-failed',
      reason: 'syntax-error',
      path: displayPath(path, cwd),
      location: null,
      message: `invalid JSON: ${(error as Error).message}`,
      hint: 'fix the JSON syntax of the config file',
      facts: null,
    });
  }
};

/** What a config module exported, as the loader process reports it. */
export interface ConfigExports {
  /** `module.default ?? module`, as drizzle-kit reads it. */
  readonly value: unknown;
  readonly hasDefault: boolean;
  readonly exportNames: readonly string[];
}

/**
 * The config's value (not yet validated), or why it is not there.
 *
 * NOTE: drizzle-kit reads `module.default ?? module`, so named exports (`export const
 * dialect = ...`) do work; a module with neither is a config exported by name.
 */
export const configValue = ({ value, hasDefault, exportNames }: ConfigExports, path: string, cwd: string): Result<{ readonly raw: unknown }> => {
  const isObject = typeof value === 'object' && value !== null;
  if (!hasDefault && !(isObject && 'dialect' in value)) {
    const names = [...exportNames].sort();
    return failure({
      code: 'config-invalid',
      path: displayPath(path, cwd),
      message: `the config file has no default export${names.length > 0 ? ` (it exports ${names.map((n) => `\`${n}\``).join(', ')})` : ''}`,
      hint: "export the config as the default export: `export default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts' })`",
    });
  }
  return { ok: true, raw: value };
};
