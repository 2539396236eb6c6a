/**
 * Finds and imports the drizzle-kit config file (file I/O; validation is `drizzle-config.ts`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeImportFailure, displayPath } from '../schema/import-failure.js';
import type { ModuleLoader } from '../schema/ts-loader.js';
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
    if (existsSync(path) && statSync(path).isFile()) return { ok: true, path };
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
    message: `no drizzle.config.{ts,mts,js,mjs,cjs,json} in ${cwd}`,
    hint: 'run from the directory holding drizzle.config.ts, pass --config FILE, or name the schema files with --schema',
  });
};

const unwrapDefault = (namespace: Readonly<Record<string, unknown>>): unknown => {
  let value: unknown = 'default' in namespace ? namespace['default'] : namespace;
  // NOTE: a TypeScript config compiled as CommonJS (a package without "type": "module")
  // reaches ESM as `{ default: { default: config } }`: module.exports is the default.
  for (let depth = 0; depth < 2; depth += 1) {
    if (typeof value !== 'object' || value === null || 'dialect' in value || !('default' in value)) break;
    value = (value as Record<string, unknown>)['default'];
  }
  return value;
};

/** The value the config file exports (not yet validated). */
export const importConfigFile = async (
  path: string,
  cwd: string,
  loader: ModuleLoader,
): Promise<Result<{ readonly raw: unknown }>> => {
  if (path.endsWith('.json')) {
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
      });
    }
  }
  try {
    return { ok: true, raw: unwrapDefault(await loader.import(path)) };
  } catch (error) {
    return failure({ code: 'config-import-failed', ...describeImportFailure(error, path, cwd) });
  }
};
