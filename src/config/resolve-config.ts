/**
 * The input side of verify, step 1: which config, which schema files, which tsconfig.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath } from './display-path.js';
import { credentialsOf, parseDrizzleConfig, type ConfigCredentials, type DrizzleConfig } from './drizzle-config.js';
import { failure, type Result } from './errors.js';
import { findConfigFile, readJsonConfig } from './load-config.js';
import { expandSchemaPaths } from './schema-files.js';

/**
 * Imports a TypeScript or JavaScript config file (absolute path) the way the project's
 * drizzle-kit does, and resolves to its value (`module.default ?? module`) or why not.
 */
export type ConfigImporter = (path: string) => Promise<Result<{ readonly raw: unknown }>>;

export interface ResolveConfigOptions {
  /** Absolute working directory: default config names, `--config`, `--schema` and the config's globs are read from it. */
  readonly cwd: string;
  /** `--config FILE`. */
  readonly configPath?: string;
  /** `--schema PATH` (repeatable): replaces the config's `schema`; with it a config file is optional. */
  readonly schemaOverride?: readonly string[];
  /** Imports the config file (src/schema's `loadDrizzleConfig` runs it in the loader process). */
  readonly importConfig: ConfigImporter;
  /** Told the config's credentials as soon as it is imported, before validation, so output can mask them. */
  readonly onCredentials?: (credentials: ConfigCredentials) => void;
}

export interface ResolvedConfig {
  readonly cwd: string;
  /** Absolute path of the config file read; null when `--schema` was given and there is none. */
  readonly configPath: string | null;
  readonly config: DrizzleConfig;
  /** Absolute, sorted. */
  readonly schemaFiles: readonly string[];
  /** The tsconfig.json found from the working directory (drizzle-kit 0.x's, through tsx), or null. */
  readonly tsconfigPath: string | null;
  /** Non-fatal notes, e.g. a schema pattern that matched nothing while others did. */
  readonly warnings: readonly string[];
}

const DEFAULT_CONFIG: DrizzleConfig = {
  dialect: 'postgresql',
  schema: [],
  casing: null,
  schemaFilter: ['public'],
  schemaFilterGiven: false,
  tablesFilter: [],
  extensionsFilters: [],
  out: null,
  url: null,
  migrations: { table: null, schema: null },
};

const quoteList = (patterns: readonly string[]): string => patterns.map((p) => `'${p}'`).join(', ');

const notFoundHint = (patterns: readonly string[], cwd: string, configPath: string | null): string => {
  const configDir = configPath === null ? cwd : dirname(configPath);
  if (configDir !== cwd && expandSchemaPaths(patterns, configDir).files.length > 0) {
    return `drizzle-kit resolves \`schema\` from the working directory, not from the config file's directory: run from ${displayPath(configDir, cwd)}`;
  }
  const withoutExtension = patterns.filter((p) => !/\.[cm]?[jt]s$/.test(p) && !/[*?{[]/.test(p));
  const withTs = withoutExtension.map((p) => `${p}.ts`);
  if (withTs.length > 0 && expandSchemaPaths(withTs, cwd).files.length > 0) {
    return `name schema files with their extension, e.g. '${withTs[0]}'`;
  }
  return `check the schema paths (globs are resolved from ${cwd})`;
};

export const resolveConfig = async (options: ResolveConfigOptions): Promise<Result<ResolvedConfig>> => {
  const { cwd, configPath, schemaOverride } = options;
  const tsconfigPath = findTsconfig(cwd);
  const overridden = schemaOverride !== undefined && schemaOverride.length > 0;

  const found = findConfigFile(cwd, configPath);
  let config = DEFAULT_CONFIG;
  let foundPath: string | null = null;
  if (found.ok) {
    foundPath = found.path;
    const imported = found.path.endsWith('.json') ? readJsonConfig(found.path, cwd) : await options.importConfig(found.path);
    if (!imported.ok) return imported;
    options.onCredentials?.(credentialsOf(imported.raw));
    const parsed = parseDrizzleConfig(imported.raw, displayPath(found.path, cwd));
    if (!parsed.ok) return parsed;
    config = parsed.config;
  } else if (!overridden || configPath !== undefined) {
    return found;
  }

  const patterns = overridden ? schemaOverride : config.schema;
  const where = foundPath === null ? cwd : displayPath(foundPath, cwd);
  if (patterns.length === 0) {
    return failure({
      code: 'config-invalid',
      path: where,
      message: "the config has no 'schema'",
      hint: "add `schema: './src/db/schema.ts'` (a path, a glob, or a list) to the config, or pass --schema",
    });
  }
  const expanded = expandSchemaPaths(patterns, cwd);
  if (expanded.files.length === 0) {
    return failure({
      code: 'schema-not-found',
      path: where,
      message: `no schema file matches ${quoteList(patterns)}`,
      hint: notFoundHint(patterns, cwd, foundPath),
    });
  }
  return {
    ok: true,
    cwd,
    configPath: foundPath,
    config: overridden ? { ...config, schema: schemaOverride } : config,
    schemaFiles: expanded.files,
    tsconfigPath,
    warnings: expanded.unmatched.map((pattern) => `schema pattern '${pattern}' matches no file`),
  };
};

/** The tsconfig.json tsx would pick for a project run from `cwd`: the nearest one in `cwd` or a parent. */
export const findTsconfig = (cwd: string): string | null => {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
};
