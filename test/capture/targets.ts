/**
 * The two databases every capture test runs against, with the same assertions: the
 * PostgreSQL server (skipped with a visible reason when unreachable outside CI) and
 * PGlite (PostgreSQL 18 in process).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import { pgQueryable } from '../../src/capture/pg-queryable.js';
import type { Queryable } from '../../src/capture/queryable.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';

export interface OpenDatabase {
  readonly db: TestDatabase;
  /** The queryable capture reads through (its own connection on the server). */
  readonly queryable: Queryable;
  close(): Promise<void>;
}

export interface Target {
  readonly name: 'server' | 'pglite';
  readonly enabled: boolean;
  open(): Promise<OpenDatabase>;
}

const openServer = async (): Promise<OpenDatabase> => {
  const db = await createServerDatabase('capture');
  // Pipeline mode, as the CLI connects (pg-queryable.ts): capture's reads go out together.
  const client = new pg.Client({ connectionString: db.url, pipeline: true });
  await client.connect();
  return {
    db,
    queryable: pgQueryable(client),
    close: async () => {
      await client.end();
      await db.close();
    },
  };
};

const openPglite = async (): Promise<OpenDatabase> => {
  const db = await createPgliteDatabase();
  return { db, queryable: pgliteQueryable(db.pglite), close: () => db.close() };
};

export const captureTargets = async (): Promise<readonly Target[]> => {
  const server = await serverTestsEnabled();
  return [
    { name: 'pglite', enabled: true, open: openPglite },
    { name: 'server', enabled: server, open: openServer },
  ];
};

export const FIXTURE_SQL = readFileSync(new URL('../fixtures/capture-catalog.sql', import.meta.url), 'utf8');
