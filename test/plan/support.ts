/**
 * The loop `--plan` promises, on real databases: capture a database into a snapshot,
 * run the real CLI (`verify --plan`), apply the plan, capture again, and ask drizzle-kit's
 * own `pushSchema` what it would do, which rejects with "Interactive prompts require a
 * TTY terminal" when it would prompt (vitest's stdin is not a TTY).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pushSchema } from 'drizzle-kit/api';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { capture } from '../../src/capture/capture.js';
import { pgQueryable } from '../../src/capture/pg-queryable.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import { runCli } from '../../src/cli.js';
import { verifyOutputSchema, type JsonReport } from '../../src/report/json-schema.js';
import { buildSnapshot } from '../../src/snapshot/serialize.js';
import { writeSnapshotFile } from '../../src/snapshot/write.js';
import type { TestDatabase } from '../support/databases.js';
import { memoryIo } from '../support/memory-io.js';

export type Target = TestDatabase & { readonly pglite?: PGlite };

/** Captures `target` into a snapshot file, as `drizzle-catalog capture` would. */
export const captureTo = async (target: Target, file: string): Promise<void> => {
  const run = async (queryable: Parameters<typeof capture>[0]['queryable']): Promise<void> => {
    const outcome = await capture({ queryable });
    if (!outcome.ok) throw new Error(outcome.error.message);
    await writeSnapshotFile(file, buildSnapshot(outcome.capture, { capturedAt: new Date('2025-06-01T00:00:00Z') }));
  };
  if (target.pglite) return run(pgliteQueryable(target.pglite));
  if (target.url === null) throw new Error('a server database needs a url');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await run(pgQueryable(client));
  } finally {
    await client.end();
  }
};

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export const verifyCli = async (cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> => {
  const io = memoryIo({ cwd, env });
  const code = await runCli(['verify', '--max-age', '100000', ...args], io);
  return { code, out: io.out(), err: io.err() };
};

/** `verify --format json`, parsed with the published schema (so every run checks it too). */
export const verifyJson = async (cwd: string, args: readonly string[]): Promise<JsonReport & { readonly stderr: string }> => {
  const run = await verifyCli(cwd, ['--format', 'json', '--fail-on', 'none', ...args]);
  if (run.code !== 0) throw new Error(`verify failed (${run.code}): ${run.err}`);
  return { ...verifyOutputSchema.parse(JSON.parse(run.out)), stderr: run.err };
};

/** Runs a SQL file (several statements, BEGIN/COMMIT included). */
export const runSqlFile = async (target: Target, file: string): Promise<void> => target.exec(await readFile(file, 'utf8'));

/**
 * drizzle-kit draws a spinner on stdout while it introspects, and logs a prompt's
 * rejection before rethrowing it; the rejection itself reaches the test.
 */
const quietly = async <T>(body: () => Promise<T>): Promise<T> => {
  const write = process.stdout.write.bind(process.stdout);
  const error = console.error;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  console.error = () => undefined;
  try {
    return await body();
  } finally {
    process.stdout.write = write;
    console.error = error;
  }
};

export interface PushOutcome {
  readonly statements: readonly string[];
  readonly hasDataLoss: boolean;
  readonly apply: () => Promise<void>;
}

/**
 * drizzle-kit's `pushSchema` (drizzle-kit/api 0.31) against `target`, without applying.
 * NOTE: it resolves "created or renamed?" through hanji's `render`, which rejects with
 * "Interactive prompts require a TTY terminal (process.stdin.isTTY or process.stdout.isTTY
 * is false)..." when stdin or stdout is not a TTY (node_modules/drizzle-kit/api.js), so a
 * push that would prompt rejects here. Data-loss confirmations are not prompts in the
 * API: it returns `hasDataLoss` instead.
 */
export const pushPlan = async (target: Target, imports: Record<string, unknown>, schemaFilters: string[]): Promise<PushOutcome> => {
  if (target.pglite) {
    const db = drizzlePglite(target.pglite);
    const result = await quietly(() => pushSchema(imports, db as never, schemaFilters));
    return { statements: result.statementsToExecute, hasDataLoss: result.hasDataLoss, apply: () => quietly(() => result.apply()) };
  }
  if (target.url === null) throw new Error('a server database needs a url');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const result = await quietly(() => pushSchema(imports, drizzlePg(client) as never, schemaFilters));
    const statements = result.statementsToExecute;
    return {
      statements,
      hasDataLoss: result.hasDataLoss,
      // The client is closed by then: apply through the test database's own connection.
      apply: async () => {
        for (const statement of statements) await target.exec(statement);
      },
    };
  } finally {
    await client.end();
  }
};

export const fixtureDir = (name: string): string => join(import.meta.dirname, '..', 'fixtures', 'projects', name);
