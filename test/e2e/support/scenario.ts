/**
 * The end-to-end scenario runner: a real database (the PostgreSQL server or PGlite) built
 * from DDL, a real Drizzle project written to disk (drizzle.config.ts + schema files),
 * `capture` into a snapshot file, then `verify --format json` through the CLI, parsed.
 *
 * The project lives under test/e2e/.work/ (gitignored) so that `drizzle-orm` and
 * `drizzle-kit` resolve from the repository's node_modules, as they would from a user's.
 * Server captures go through the CLI (`capture --url`); PGlite captures through the
 * library (`capture({ queryable: pgliteQueryable(db) })`), as the worked example does.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture } from '../../../src/capture/capture.js';
import { pgliteQueryable } from '../../../src/capture/pglite-queryable.js';
import { runCli } from '../../../src/cli.js';
import { buildSnapshot } from '../../../src/snapshot/serialize.js';
import { writeSnapshotFile } from '../../../src/snapshot/write.js';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../../support/databases.js';
import { memoryIo } from '../../support/memory-io.js';
import type { JsonReport } from './report.js';

export const WORK_DIR = fileURLToPath(new URL('../.work/', import.meta.url));

/** Fixed capture and verify times: snapshots and reports are byte-stable, and never stale (5 days apart). */
export const CAPTURED_AT = new Date('2026-01-15T12:00:00.000Z');
export const VERIFIED_AT = new Date('2026-01-20T12:00:00.000Z');

export type Target = 'pglite' | 'server';

export interface DrizzleConfigInput {
  /** drizzle.config's `schema`; default every file of `schemaFiles`. */
  readonly schema?: string | readonly string[];
  readonly casing?: 'snake_case' | 'camelCase';
  readonly schemaFilter?: string | readonly string[];
  readonly tablesFilter?: string | readonly string[];
}

export interface ScenarioInput {
  /** SQL that builds the "production" database (statements separated by `;`). */
  readonly ddl: string;
  /** Schema files of the Drizzle project: relative path → TypeScript source. */
  readonly schemaFiles: Readonly<Record<string, string>>;
  readonly config?: DrizzleConfigInput;
  /** `capture --schema`; default every non-system schema. */
  readonly captureSchemas?: readonly string[];
  /** Extra `verify` flags. */
  readonly verifyArgs?: readonly string[];
}

export interface ScenarioRun {
  readonly report: JsonReport;
  /** The exact stdout of verify (the JSON text). */
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The Drizzle project directory, with the snapshot (`snapshot.<target>.json`) in it. */
  readonly projectDir: string;
}

const configSource = (input: ScenarioInput): string => {
  const config = input.config ?? {};
  const fields: Record<string, unknown> = {
    dialect: 'postgresql',
    schema: config.schema ?? Object.keys(input.schemaFiles).map((f) => `./${f}`),
    ...(config.casing === undefined ? {} : { casing: config.casing }),
    ...(config.schemaFilter === undefined ? {} : { schemaFilter: config.schemaFilter }),
    ...(config.tablesFilter === undefined ? {} : { tablesFilter: config.tablesFilter }),
  };
  return `import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig(${JSON.stringify(fields, null, 2)});\n`;
};

const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true },
};

/** Writes a Drizzle project (config, tsconfig, schema files) to a new directory under test/e2e/.work/. */
export const writeProject = async (input: ScenarioInput): Promise<string> => {
  const dir = join(WORK_DIR, randomBytes(6).toString('hex'));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'drizzle.config.ts'), configSource(input));
  await writeFile(join(dir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  for (const [file, source] of Object.entries(input.schemaFiles)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), source);
  }
  return dir;
};

/** Runs `verify --format json --fail-on none` (plus `args`) in `projectDir` through the CLI. */
export const verifyJson = async (projectDir: string, snapshot: string, args: readonly string[] = []): Promise<ScenarioRun> => {
  const io = memoryIo({ cwd: projectDir });
  const exitCode = await runCli(['verify', '--snapshot', snapshot, '--format', 'json', '--fail-on', 'none', ...args], io, {
    verify: { now: () => VERIFIED_AT },
  });
  if (exitCode === 2) throw new Error(`verify failed (exit 2): ${io.err()}`);
  return { report: JSON.parse(io.out()) as JsonReport, stdout: io.out(), stderr: io.err(), exitCode, projectDir };
};

/** Drops every non-system schema and re-creates an empty `public`: a fresh database without a new PGlite (3 s each). */
const RESET_SQL = `
  do $$
  declare s text;
  begin
    for s in select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema' loop
      execute format('drop schema %I cascade', s);
    end loop;
  end $$;
  create schema public;
`;

/** Where a scenario's database is built. */
export interface DatabaseHost {
  /**
   * Builds a fresh database on `target`, runs `setup` on it (DDL, or drizzle-kit's push),
   * then captures it into `snapshotPath`.
   */
  build(target: Target, setup: (db: ScenarioDatabase) => Promise<void>, snapshotPath: string, options: CaptureOptions): Promise<void>;
  /** Runs `body` on a fresh database on `target` (the shared PGlite, reset; or a new server database, dropped after). */
  use<T>(target: Target, body: (db: ScenarioDatabase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type ScenarioDatabase = TestDatabase & { readonly pglite?: PGlite };

export interface CaptureOptions {
  /** `capture --schema`; default every non-system schema. */
  readonly schemas?: readonly string[] | undefined;
  /** Working directory of the capture CLI. */
  readonly cwd: string;
}

/**
 * One PGlite for a whole test file, reset between scenarios; a new server database
 * (CREATE DATABASE is fast) per scenario.
 */
export const databaseHost = (): DatabaseHost => {
  let pglite: Promise<TestDatabase & { readonly pglite: PGlite }> | undefined;
  const freshPglite = async (): Promise<TestDatabase & { readonly pglite: PGlite }> => {
    pglite ??= createPgliteDatabase();
    const db = await pglite;
    await db.exec(RESET_SQL);
    return db;
  };
  return {
    use: async (target, body) => {
      if (target === 'pglite') return body(await freshPglite());
      const db = await createServerDatabase('e2e');
      try {
        return await body(db);
      } finally {
        await db.close();
      }
    },
    build: async (target, setup, snapshotPath, options) => {
      if (target === 'pglite') {
        const db = await freshPglite();
        await setup(db);
        const outcome = await capture({ queryable: pgliteQueryable(db.pglite), schemas: options.schemas });
        if (!outcome.ok) throw new Error(`capture failed: ${outcome.error.message}`);
        await writeSnapshotFile(snapshotPath, buildSnapshot(outcome.capture, { capturedAt: CAPTURED_AT }));
        return;
      }
      const db = await createServerDatabase('e2e');
      try {
        await setup(db);
        const io = memoryIo({ cwd: options.cwd });
        const schemaArgs = (options.schemas ?? []).flatMap((s) => ['--schema', s]);
        const code = await runCli(['capture', '--url', db.url, '--out', snapshotPath, '--quiet', ...schemaArgs], io, {
          capture: { now: () => CAPTURED_AT },
        });
        if (code !== 0) throw new Error(`capture failed (exit ${code}): ${io.err()}`);
      } finally {
        await db.close();
      }
    },
    close: async () => {
      if (pglite !== undefined) await (await pglite).close();
    },
  };
};

export interface Scenario {
  /** Builds the database on `target`, captures it and verifies the project against it (once per target). */
  run(target: Target): Promise<ScenarioRun>;
}

export interface Scenarios {
  /** The targets to run on: PGlite always, the server unless it is unreachable outside CI. */
  readonly targets: readonly Target[];
  readonly host: DatabaseHost;
  scenario(input: ScenarioInput): Scenario;
  /** Writes a project (see writeProject), removed after the file. */
  project(input: ScenarioInput): Promise<string>;
}

/**
 * Scenarios for one test file, cleaned up after it (projects removed, PGlite closed).
 * Call at the top level of the file: `const { scenario, targets } = await useScenarios();`.
 */
export const useScenarios = async (): Promise<Scenarios> => {
  const host = databaseHost();
  const projects = new Set<string>();
  afterAll(async () => {
    await host.close();
    for (const dir of projects) await rm(dir, { recursive: true, force: true });
  });
  const targets: readonly Target[] = (await serverTestsEnabled()) ? ['pglite', 'server'] : ['pglite'];
  const project = async (input: ScenarioInput): Promise<string> => {
    const dir = await writeProject(input);
    projects.add(dir);
    return dir;
  };
  return {
    targets,
    host,
    project,
    scenario: (input) => {
      let written: Promise<string> | undefined;
      const runs = new Map<Target, Promise<ScenarioRun>>();
      return {
        run: (target) => {
          let run = runs.get(target);
          if (run === undefined) {
            run = (async () => {
              written ??= project(input);
              const dir = await written;
              const snapshot = `snapshot.${target}.json`;
              await host.build(target, (db) => db.exec(input.ddl), join(dir, snapshot), { cwd: dir, schemas: input.captureSchemas });
              return verifyJson(dir, snapshot, input.verifyArgs);
            })();
            runs.set(target, run);
          }
          return run;
        },
      };
    },
  };
};
