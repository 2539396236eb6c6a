/**
 * The parts of a drizzle-kit config verify reads, validated (pure: the object comes from
 * `load-config.ts`). Field meanings follow drizzle-kit 0.31's own config schema
 * (`configCommonSchema` / `pushParams` in drizzle-kit's `bin.cjs`).
 */
import { z } from 'zod';
import { failure, type Result } from './errors.js';

export type Casing = 'snake_case' | 'camelCase';

export interface DrizzleConfig {
  readonly dialect: 'postgresql';
  /** Paths or globs as written; drizzle-kit resolves them from the working directory. Empty when absent. */
  readonly schema: readonly string[];
  readonly casing: Casing | null;
  /** drizzle-kit 0.31's default is `['public']`. */
  readonly schemaFilter: readonly string[];
  /**
   * Whether the config sets `schemaFilter`. NOTE: without it, drizzle-kit 1.0 reads every
   * schema (its entity filter passes all), where 0.31 reads `public` only.
   */
  readonly schemaFilterGiven: boolean;
  /** Glob patterns on table names, `!` negates (see `tables-filter.ts`). Empty means every table. */
  readonly tablesFilter: readonly string[];
  readonly extensionsFilters: readonly 'postgis'[];
  readonly out: string | null;
  /** Connection URL: verify never connects; kept for capture. Contains secrets: never print it. */
  readonly url: string | null;
  readonly migrations: { readonly table: string | null; readonly schema: string | null };
}

const stringOrList = z.union([z.string(), z.array(z.string())], { error: 'expected a string or an array of strings' });

const configShape = z.looseObject({
  dialect: z.string(),
  schema: stringOrList.optional(),
  casing: z.enum(['snake_case', 'camelCase']).optional(),
  schemaFilter: stringOrList.optional(),
  tablesFilter: stringOrList.optional(),
  extensionsFilters: z.array(z.literal('postgis')).optional(),
  out: z.string().optional(),
  // NOTE: drizzle-kit accepts several credential shapes (url, or host/port/...); only `url` matters here.
  dbCredentials: z.looseObject({ url: z.string().optional() }).optional(),
  migrations: z.looseObject({ table: z.string().optional(), schema: z.string().optional() }).optional(),
});

const DIALECTS = ['postgresql', 'mysql', 'sqlite', 'turso', 'singlestore', 'gel'] as const;

const list = (value: string | readonly string[] | undefined, fallback: readonly string[]): readonly string[] =>
  value === undefined ? fallback : typeof value === 'string' ? [value] : value;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates the value a config file exports. `path` names the file in errors.
 * The `schema` field may be absent: `--schema` can supply it (checked by the caller).
 */
export const parseDrizzleConfig = (raw: unknown, path: string): Result<{ readonly config: DrizzleConfig }> => {
  if (!isRecord(raw)) {
    return failure({
      code: 'config-invalid',
      path,
      message: `the config's default export is ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}, not an object`,
      hint: "export the config as the default export: `export default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts' })`",
    });
  }
  const dialect = raw['dialect'];
  if (dialect === undefined) {
    return failure({
      code: 'config-invalid',
      path,
      message: "the config has no 'dialect'",
      hint: "add `dialect: 'postgresql'` to the config",
    });
  }
  if (dialect !== 'postgresql') {
    const known = typeof dialect === 'string' && (DIALECTS as readonly string[]).includes(dialect);
    return failure({
      code: 'config-wrong-dialect',
      path,
      message: `the config's dialect is ${JSON.stringify(dialect)}; drizzle-catalog reads PostgreSQL schemas only`,
      hint: known
        ? "point --config at the PostgreSQL project's config, or use dialect 'postgresql'"
        : `dialect must be one of ${DIALECTS.map((d) => `'${d}'`).join(', ')}; for PostgreSQL it is 'postgresql'`,
    });
  }
  const parsed = configShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'config';
    return failure({
      code: 'config-invalid',
      path,
      message: `${where}: ${issue?.message ?? 'invalid value'}`,
      hint: 'see https://orm.drizzle.team/docs/drizzle-config-file for the expected shape',
    });
  }
  const value = parsed.data;
  return {
    ok: true,
    config: {
      dialect: 'postgresql',
      schema: list(value.schema, []),
      casing: value.casing ?? null,
      schemaFilter: list(value.schemaFilter, ['public']),
      schemaFilterGiven: value.schemaFilter !== undefined,
      tablesFilter: list(value.tablesFilter, []),
      extensionsFilters: value.extensionsFilters ?? [],
      out: value.out ?? null,
      url: value.dbCredentials?.url ?? null,
      migrations: { table: value.migrations?.table ?? null, schema: value.migrations?.schema ?? null },
    },
  };
};

/** The credentials a config holds (drizzle-kit's `dbCredentials`), as far as they are strings. */
export interface ConfigCredentials {
  readonly url: string | null;
  readonly password: string | null;
}

/**
 * `dbCredentials.url` and `dbCredentials.password` of a config's raw value, valid or not:
 * whoever prints anything while the config is in play must know what to mask.
 */
export const credentialsOf = (raw: unknown): ConfigCredentials => {
  const credentials = isRecord(raw) ? raw['dbCredentials'] : undefined;
  const field = (key: string): string | null => {
    const value = isRecord(credentials) ? credentials[key] : undefined;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { url: field('url'), password: field('password') };
};
