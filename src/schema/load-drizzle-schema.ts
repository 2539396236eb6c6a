/**
 * The schema side of verify, end to end: the project's drizzle-kit → its config → the
 * schema files → drizzle-kit's JSON → Catalog. Reads files; imports the project's modules
 * in the loader process (src/schema/child/), which opens no network connection; prints
 * nothing (what the modules print is handed to `onOutput`).
 */
import { resolve } from 'node:path';
import type { Catalog } from '../catalog/model.js';
import { displayPath } from '../config/display-path.js';
import { failure, type Result } from '../config/errors.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js';
import type { CollectedEntity, KitMajor } from './child/protocol.js';
import type { DrizzleKitChoice } from './drizzle-kit-choice.js';
import type { DrizzleKitJson } from './kit0/drizzle-kit-json.js';
import { drizzleJsonToCatalog } from './kit0/to-catalog.js';
import { describeTsconfigProblem, tsconfigProblem } from './kit0/tsconfig-problem.js';
import { kit1Catalog } from './kit1/catalog.js';
import { openProject, type OpenProjectOptions, type ProjectLoadOptions } from './open-project.js';

export interface LoadDrizzleSchemaOptions extends ProjectLoadOptions {
  /** `--schema PATH` (repeatable), relative to `cwd`: replaces the config's `schema`. */
  readonly schemaOverride?: readonly string[];
}

/** What the schema was loaded with: shown in the text report's header. */
export interface SchemaLoading {
  readonly drizzleKit: { readonly version: string; readonly origin: 'project' | 'bundled' };
  readonly drizzleOrm: string | null;
  /** The env file read before the config was imported, relative to the working directory; null when none. */
  readonly envFile: string | null;
  /** `tsx 4.23.15`, `jiti 2.6.1`. */
  readonly loader: string | null;
}

/** The project's schema as its drizzle-kit serializes it, before the mapping to a Catalog. */
export interface DrizzleSchemaJson {
  readonly major: KitMajor;
  /** drizzle-kit 0.x: its snapshot JSON (version 7); 1.0: `{ version: '9', dialect: 'postgres', ddl }`. */
  readonly json: unknown;
  readonly entities: readonly CollectedEntity[];
  readonly config: ResolvedConfig;
  /** The schema files imported: absolute, sorted. */
  readonly files: readonly string[];
  readonly warnings: readonly string[];
  readonly loading: SchemaLoading;
}

export interface DrizzleSchema {
  readonly catalog: Catalog;
  readonly config: ResolvedConfig;
  /** The schema files imported: absolute, sorted. */
  readonly files: readonly string[];
  /** Non-fatal notes for the user (unmatched patterns, tables outside schemaFilter, drizzle-kit's own warnings). */
  readonly warnings: readonly string[];
  readonly loading: SchemaLoading;
}

const loadingOf = (choice: DrizzleKitChoice, envFile: string | null, loader: string | null): SchemaLoading => ({
  drizzleKit: { version: choice.drizzleKit.version, origin: choice.origin },
  drizzleOrm: choice.drizzleOrm?.version ?? null,
  envFile,
  loader,
});

/** `drizzle-kit 0.31.11 (the project's) · drizzle-orm 0.45.4 · env: .env`, for report headers. */
export const describeSchemaLoading = (loading: SchemaLoading): string =>
  [
    `drizzle-kit ${loading.drizzleKit.version}${loading.drizzleKit.origin === 'project' ? '' : " (drizzle-catalog's own: the project has none)"}`,
    `drizzle-orm ${loading.drizzleOrm ?? 'none'}`,
    `env: ${loading.envFile ?? 'no .env'}`,
  ].join(' · ');

/** Checks on what was collected that drizzle-kit does not make, or makes silently. */
const checkEntities = (entities: readonly CollectedEntity[], files: readonly string[], cwd: string): Result<object> => {
  const tables = new Map<string, CollectedEntity>();
  for (const entity of entities) {
    if (entity.table === null) continue;
    const previous = tables.get(entity.table);
    if (previous !== undefined && previous.identity !== entity.identity) {
      // NOTE: drizzle-kit 0.31 keys tables by schema and name and silently keeps the last
      // one (generatePgSnapshot overwrites), so one of the two would vanish from push.
      const where = (e: CollectedEntity): string => `\`${e.exportName}\` in ${displayPath(e.file, cwd)}`;
      return failure({
        code: 'schema-duplicate-table',
        path: displayPath(entity.file, cwd),
        message: `table ${entity.table} is declared twice: ${where(previous)} and ${where(entity)} are different tables with the same name`,
        hint: 'rename one of them or export only one: drizzle-kit would silently keep only the last one',
      });
    }
    tables.set(entity.table, entity);
  }
  if (!entities.some((e) => e.kind === 'PgTable' || e.kind === 'PgEnum' || e.kind === 'PgSequence' || e.kind === 'PgView' || e.kind === 'PgMaterializedView')) {
    return failure({
      code: 'schema-empty',
      path: files.length === 1 && files[0] !== undefined ? displayPath(files[0], cwd) : cwd,
      message: `the schema files (${files.map((file) => displayPath(file, cwd)).join(', ')}) export no table, enum, sequence or view`,
      hint: 'drizzle-kit only counts exported objects: `export const users = pgTable(...)`; and check that `schema` names the files that declare the tables',
    });
  }
  return { ok: true };
};

/**
 * Imports the project's config and schema files with its own drizzle-kit and returns that
 * drizzle-kit's JSON: the input of the Catalog mapping (`loadDrizzleSchema`), and of tests
 * comparing it with what drizzle-kit's CLI exports.
 */
export const loadDrizzleSchemaJson = async (given: LoadDrizzleSchemaOptions): Promise<Result<DrizzleSchemaJson>> => {
  const options = { ...given, cwd: resolve(given.cwd) };
  const projectOptions: OpenProjectOptions = {
    cwd: options.cwd,
    needsDrizzleOrm: true,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.importTimeoutSeconds === undefined ? {} : { importTimeoutSeconds: options.importTimeoutSeconds }),
    ...(options.onCredentials === undefined ? {} : { onCredentials: options.onCredentials }),
  };
  const project = openProject(projectOptions);
  if (!project.ok) return project;
  const { choice, session } = project;
  try {
    const resolved = await resolveConfig({
      cwd: options.cwd,
      importConfig: session.importConfig,
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
      ...(options.schemaOverride === undefined ? {} : { schemaOverride: options.schemaOverride }),
      ...(options.onCredentials === undefined ? {} : { onCredentials: options.onCredentials }),
    });
    if (!resolved.ok) return resolved;
    const { ok: _ok, ...config } = resolved;
    const { schemaFilter, casing } = config.config;
    const serialized = await session.loadSchema(config.schemaFiles, {
      // NOTE: drizzle-kit 1.0 reads every schema when no schemaFilter is given; 0.31 defaults to public.
      schemaFilter: choice.major === 0 ? schemaFilter : config.config.schemaFilterGiven ? schemaFilter : null,
      casing: choice.major === 0 ? casing : null,
    });
    const tsconfig = choice.major === 0 ? tsconfigProblem(config.cwd, options.env ?? process.env) : null;
    if (!serialized.ok) {
      const { error } = serialized;
      if (tsconfig !== null && error.code === 'schema-import-failed' && error.reason === 'unresolved-alias') {
        // The alias is probably in the tsconfig drizzle-kit 0.x could not read.
        return failure({ ...error, hint: `${tsconfig.tsconfig} ${tsconfig.problem}, so drizzle-kit 0.x ignores its "paths" (and verify too): ${tsconfig.fix}` });
      }
      // drizzle-kit names tables, not files: with several schema files, point at the config.
      return error.code === 'schema-rejected-by-drizzle-kit' && error.path === ''
        ? failure({ ...error, path: displayPath(config.configPath ?? config.cwd, config.cwd) })
        : serialized;
    }
    const checked = checkEntities(serialized.entities, config.schemaFiles, config.cwd);
    if (!checked.ok) return checked;

    const tables = [...new Set(serialized.entities.flatMap((e) => (e.table === null ? [] : [e.table])))].sort();
    const outside = choice.major === 0 ? tables.filter((key) => !schemaFilter.includes(key.slice(0, key.indexOf('.')))) : [];
    const warnings = [
      ...choice.warnings,
      ...(tsconfig === null ? [] : [describeTsconfigProblem(tsconfig)]),
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
      major: choice.major,
      json: serialized.json,
      entities: serialized.entities,
      config,
      files: config.schemaFiles,
      warnings,
      loading: loadingOf(choice, session.envFile(), session.loaderName()),
    };
  } finally {
    const printed = await session.close();
    if (printed !== '') options.onOutput?.(printed);
  }
};

export const loadDrizzleSchema = async (options: LoadDrizzleSchemaOptions): Promise<Result<DrizzleSchema>> => {
  const loaded = await loadDrizzleSchemaJson(options);
  if (!loaded.ok) return loaded;
  const { config, files, warnings, loading } = loaded;
  const { schemaFilter } = config.config;
  if (loaded.major === 1) {
    const catalog = kit1Catalog(loaded.json, { schemaFilter: config.config.schemaFilterGiven ? schemaFilter : [] });
    return { ok: true, catalog, config, files, warnings, loading };
  }
  const catalog = drizzleJsonToCatalog(loaded.json as DrizzleKitJson, { schemaFilter });
  return { ok: true, catalog, config, files, warnings, loading };
};
