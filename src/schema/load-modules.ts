/**
 * Imports the schema files and collects the Drizzle objects they export, as drizzle-kit
 * does: only exports count (a table that is declared but not exported does not exist for
 * drizzle-kit push), relations and other values are ignored, and an object exported from two
 * modules (a re-export) counts once.
 */
import { failure, type Result } from '../config/errors.js';
import { drizzleEntityKind, tableKey, type DrizzleEntityKind } from './drizzle-entities.js';
import { describeImportFailure, displayPath } from './import-failure.js';
import type { ModuleLoader } from './ts-loader.js';

export interface SchemaModules {
  /**
   * The collected Drizzle objects, each once, under unique keys (`<file>#<export>`), in file
   * and export order: the `imports` argument drizzle-kit's `generateDrizzleJson` expects.
   */
  readonly exports: Readonly<Record<string, unknown>>;
  readonly counts: Readonly<Record<DrizzleEntityKind, number>>;
  /** `schema.name` of every exported table, sorted. */
  readonly tables: readonly string[];
}

export interface LoadSchemaModulesOptions {
  readonly cwd: string;
  readonly loader: ModuleLoader;
}

const emptyCounts = (): Record<DrizzleEntityKind, number> => ({
  PgTable: 0,
  PgEnum: 0,
  PgSchema: 0,
  PgSequence: 0,
  PgView: 0,
  PgMaterializedView: 0,
  PgRole: 0,
  PgPolicy: 0,
});

interface Origin {
  readonly table: object;
  readonly where: string;
}

export const loadSchemaModules = async (
  files: readonly string[],
  { cwd, loader }: LoadSchemaModulesOptions,
): Promise<Result<SchemaModules>> => {
  const exports: Record<string, unknown> = {};
  const seen = new Set<unknown>();
  const tables = new Map<string, Origin>();
  const counts = emptyCounts();

  for (const file of files) {
    let namespace: Readonly<Record<string, unknown>>;
    try {
      namespace = await loader.import(file);
    } catch (error) {
      return failure({ code: 'schema-import-failed', ...describeImportFailure(error, file, cwd) });
    }
    const path = displayPath(file, cwd);
    for (const name of Object.keys(namespace).sort()) {
      const value = namespace[name];
      const kind = drizzleEntityKind(value);
      if (kind === null || seen.has(value)) continue;
      seen.add(value);
      const where = `\`${name}\` in ${path}`;
      if (kind === 'PgTable') {
        const table = value as object;
        const key = tableKey(table);
        const previous = tables.get(key);
        if (previous) {
          // NOTE: drizzle-kit 0.31 keys tables by schema and name and silently keeps the last
          // one (generatePgSnapshot overwrites), so one of the two would vanish from push.
          return failure({
            code: 'schema-duplicate-table',
            path,
            message: `table ${key} is declared twice: ${previous.where} and ${where} are different tables with the same name`,
            hint: 'rename one of them or export only one: drizzle-kit would silently keep only the last one',
          });
        }
        tables.set(key, { table, where });
      }
      counts[kind] += 1;
      exports[`${path}#${name}`] = value;
    }
  }

  if (counts.PgTable + counts.PgEnum + counts.PgSequence + counts.PgView + counts.PgMaterializedView === 0) {
    return failure({
      code: 'schema-empty',
      path: files.length === 1 && files[0] !== undefined ? displayPath(files[0], cwd) : cwd,
      message: `the schema files (${files.map((file) => displayPath(file, cwd)).join(', ')}) export no table, enum, sequence or view`,
      hint: 'drizzle-kit only counts exported objects: `export const users = pgTable(...)`; and check that `schema` names the files that declare the tables',
    });
  }
  return { ok: true, exports, counts, tables: [...tables.keys()].sort() };
};
