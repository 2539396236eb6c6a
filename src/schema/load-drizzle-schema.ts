/**
 * The schema side of verify, end to end: config → schema files → drizzle-kit JSON → Catalog.
 * Reads files; opens no network connection; prints nothing.
 */
import type { Catalog } from '../catalog/model.js';
import { failure, type Result } from '../config/errors.js';
import type { ConfigCredentials } from '../config/drizzle-config.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js';
import { generateDrizzleJson, loadDrizzleKitApi } from './drizzle-kit-json.js';
import { displayPath } from './import-failure.js';
import { loadSchemaModules } from './load-modules.js';
import { drizzleJsonToCatalog } from './to-catalog.js';
import { createModuleLoader, findTsconfig } from './ts-loader.js';

export interface LoadDrizzleSchemaOptions {
  /** Absolute working directory (where drizzle-kit would run). */
  readonly cwd: string;
  /** `--config FILE`, relative to `cwd`. */
  readonly configPath?: string;
  /** `--schema PATH` (repeatable), relative to `cwd`: replaces the config's `schema`. */
  readonly schemaOverride?: readonly string[];
  /** Told the config's credentials once it is imported (see `resolveConfig`). */
  readonly onCredentials?: (credentials: ConfigCredentials) => void;
}

export interface DrizzleSchema {
  readonly catalog: Catalog;
  readonly config: ResolvedConfig;
  /** The schema files imported: absolute, sorted. */
  readonly files: readonly string[];
  /** Non-fatal notes for the user (unmatched patterns, tables outside schemaFilter, drizzle-kit's own warnings). */
  readonly warnings: readonly string[];
}

export const loadDrizzleSchema = async (options: LoadDrizzleSchemaOptions): Promise<Result<DrizzleSchema>> => {
  await loadDrizzleKitApi();
  const loader = createModuleLoader({ tsconfig: findTsconfig(options.cwd) });
  try {
    const resolved = await resolveConfig({ ...options, loader });
    if (!resolved.ok) return resolved;
    const { ok: _ok, ...config } = resolved;
    const modules = await loadSchemaModules(config.schemaFiles, { cwd: config.cwd, loader });
    if (!modules.ok) return modules;

    const { schemaFilter, casing } = config.config;
    const serialized = await generateDrizzleJson(modules.exports, undefined, schemaFilter, casing ?? undefined);
    if (!serialized.ok) {
      // drizzle-kit names tables, not files: point at the one schema file, else the config.
      const [only, ...others] = config.schemaFiles;
      const at = only !== undefined && others.length === 0 ? only : (config.configPath ?? config.cwd);
      return failure({ ...serialized.error, path: displayPath(at, config.cwd) });
    }

    const outside = modules.tables.filter((key) => !schemaFilter.includes(key.slice(0, key.indexOf('.'))));
    const warnings = [
      ...config.warnings,
      ...(outside.length > 0
        ? [
            `${outside.length} exported table(s) are in schemas outside schemaFilter [${schemaFilter.join(', ')}] and are ignored, as drizzle-kit ignores them: ${outside.join(', ')}`,
          ]
        : []),
      ...serialized.warnings,
    ];
    return {
      ok: true,
      catalog: drizzleJsonToCatalog(serialized.json, { schemaFilter }),
      config,
      files: config.schemaFiles,
      warnings,
    };
  } finally {
    await loader.close();
  }
};
