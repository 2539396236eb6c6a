/**
 * Real databases for tests, never mocks: the PostgreSQL server on 127.0.0.1:5432 (each
 * test gets its own database, dropped afterwards) and PGlite (PostgreSQL in WASM, in
 * process). Without a reachable server, server tests are skipped with a visible reason,
 * except in CI, where a missing server is a failure.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const SERVER_ADMIN_URL = process.env['DRIZZLE_CATALOG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly kind: 'server' | 'pglite';
  /** Connection URL for the server; null for PGlite. */
  readonly url: string | null;
  /** Runs one or more statements (simple protocol). */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<readonly Row[]>;
  close(): Promise<void>;
}

const urlFor = (database: string): string => {
  const url = new URL(SERVER_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

let probe: Promise<string | null> | undefined;

/** Resolves to null when the server answers, else to the reason it does not. */
export const serverUnavailableReason = (): Promise<string | null> => {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: SERVER_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `PostgreSQL server at ${SERVER_ADMIN_URL} unreachable: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
};

/**
 * Whether server tests run. In CI a missing server throws, so CI never passes by skipping.
 * Use at top level of a test file: `const server = await serverTestsEnabled();`.
 */
export const serverTestsEnabled = async (): Promise<boolean> => {
  const reason = await serverUnavailableReason();
  if (reason === null) return true;
  if (process.env['CI']) throw new Error(`${reason}. CI must run the server tests: start it with .ci/run.`);
  console.warn(`[skip] ${reason}; server tests skipped, PGlite tests still run.`);
  return false;
};

const clientDatabase = (kind: 'server', url: string, client: pg.Client, onClose: () => Promise<void>): TestDatabase => ({
  kind,
  url,
  exec: async (sql) => void (await client.query(sql)),
  query: async <Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, [...params])).rows as Row[],
  close: async () => {
    await client.end();
    await onClose();
  },
});

/** A new, empty database on the server named `${prefix}_<random>`, dropped on close. */
export const createServerDatabase = async (prefix: string): Promise<TestDatabase & { readonly url: string }> => {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase();
  const admin = new pg.Client({ connectionString: SERVER_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = urlFor(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = clientDatabase('server', url, client, async () => {
    const dropper = new pg.Client({ connectionString: SERVER_ADMIN_URL });
    await dropper.connect();
    await dropper.query(`drop database if exists "${name}" with (force)`);
    await dropper.end();
  });
  return { ...db, url };
};

/** A new in-process PGlite database. `pglite` is exposed for code that takes a PGlite instance. */
export const createPgliteDatabase = async (): Promise<TestDatabase & { readonly pglite: PGlite }> => {
  const pglite = await PGlite.create();
  return {
    kind: 'pglite',
    url: null,
    pglite,
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) =>
      (await pglite.query<Row>(sql, [...params])).rows,
    close: () => pglite.close(),
  };
};
