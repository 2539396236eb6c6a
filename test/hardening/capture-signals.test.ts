/**
 * Issue 6: interrupting capture (SIGINT, SIGTERM) at any moment leaves the previous
 * snapshot file intact and no temporary file behind, and exits 130 / 143.
 * Real child processes; each interruption point is made deterministic (a server that
 * stalls, a lock that blocks the read, a write held before its rename) rather than
 * hoped for with timing, plus a few interruptions at random moments.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_EXIT_CODES } from '../../src/interrupt.js';
import { parseSnapshot } from '../../src/snapshot/load.js';
import { serializeSnapshot } from '../../src/snapshot/serialize.js';
import { TEMP_FILE_PREFIX } from '../../src/snapshot/write.js';
import { snapshot } from '../snapshot/builders.js';
import { createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { runChild, type ChildRun } from './support/child.js';
import { startStallServer, type StallServer } from './support/network.js';

const server = await serverTestsEnabled();
const HOLD_WRITE = pathToFileURL(new URL('./support/hold-snapshot-write.ts', import.meta.url).pathname).href;
/** A valid snapshot that no capture of the test database can produce, byte for byte. */
const PREVIOUS = serializeSnapshot(snapshot());

let workdir: string;
let stall: StallServer;
beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-signals-'));
  stall = await startStallServer();
});
afterAll(async () => {
  await stall?.close();
  await rm(workdir, { recursive: true, force: true });
});

/** A directory holding only the previous snapshot; returns the snapshot's path. */
const previousSnapshotIn = async (name: string): Promise<string> => {
  const dir = join(workdir, name);
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'production.json');
  await writeFile(path, PREVIOUS);
  return path;
};

const temporaryFilesBeside = async (path: string): Promise<string[]> =>
  (await readdir(join(path, '..'))).filter((name) => name.startsWith(TEMP_FILE_PREFIX));

/** What must hold after an interruption: exit 128 + signal, the previous file byte-identical, no temporary file. */
const expectInterruptedCleanly = async (run: ChildRun, signal: 'SIGINT' | 'SIGTERM', out: string): Promise<void> => {
  const exit = await run.exited;
  expect(exit, run.stderr()).toEqual({ code: SIGNAL_EXIT_CODES[signal], signal: null });
  expect(run.stderr()).toContain(`interrupted by ${signal}`);
  expect(await readFile(out, 'utf8')).toBe(PREVIOUS);
  expect(await temporaryFilesBeside(out)).toEqual([]);
  expect(run.stdout()).toBe('');
};

describe('interrupting capture', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('while connecting (a server that never answers): %s', async (signal) => {
    const out = await previousSnapshotIn(`connecting-${signal}`);
    const run = runChild(['capture', '--url', `postgres://someone:pw@127.0.0.1:${stall.port}/app`, '--out', out]);
    await run.waitForStderr(/connecting to /);
    run.signal(signal);
    await expectInterruptedCleanly(run, signal, out);
  });
});

describe.skipIf(!server)('interrupting capture against the server', () => {
  let db: Awaited<ReturnType<typeof createServerDatabase>>;
  beforeAll(async () => {
    db = await createServerDatabase('harden');
    await db.exec(`
      create table public.ledger (id integer primary key, amount integer not null default 0);
      create view public.ledger_totals as select sum(amount) as total from public.ledger;
    `);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('while reading the catalog (blocked on a lock): %s', async (signal) => {
    const out = await previousSnapshotIn(`reading-${signal}`);
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      // pg_get_viewdef locks the tables a view reads, so the capture waits here.
      await locker.query('begin; lock table public.ledger in access exclusive mode');
      const run = runChild(['capture', '--url', db.url, '--out', out]);
      await run.waitForStderr(/reading the catalog/);
      await waitForLockWait(db.url);
      run.signal(signal);
      await expectInterruptedCleanly(run, signal, out);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    // The server ended the capture's session with the process: no transaction is left open.
    await waitUntil(async () => (await captureSessions(db.url)) === 0);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'while writing, with the new snapshot complete in its temporary file but not renamed yet: %s',
    async (signal) => {
      const out = await previousSnapshotIn(`writing-${signal}`);
      const run = runChild(['capture', '--url', db.url, '--out', out], { preload: [HOLD_WRITE] });
      await run.waitForStderr(/rename held/);
      const [temporary] = await temporaryFilesBeside(out);
      expect(parseSnapshot(await readFile(join(out, '..', temporary ?? ''), 'utf8'), 'temporary').ok).toBe(true);
      run.signal(signal);
      await expectInterruptedCleanly(run, signal, out);
    },
  );

  it('at random moments: the previous snapshot or the complete new one, never a partial or temporary file', async () => {
    for (const [index, delayMs] of [150, 400, 700, 1000].entries()) {
      const out = await previousSnapshotIn(`random-${index}`);
      const run = runChild(['capture', '--url', db.url, '--out', out]);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const signal = index % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      run.signal(signal);
      const exit = await run.exited;
      const text = await readFile(out, 'utf8');
      expect(await temporaryFilesBeside(out)).toEqual([]);
      if (exit.code !== 0) {
        // 130/143 from our handler; or, before bin.ts installed it (still loading
        // modules), killed by the signal itself, which is harmless: nothing was written yet.
        const interrupted = [130, 143].includes(exit.code ?? -1) || (exit.code === null && exit.signal === signal);
        expect(interrupted, JSON.stringify(exit)).toBe(true);
      }
      if (exit.code === 0 || text !== PREVIOUS) {
        // The capture finished, or its rename was done when the signal arrived (the
        // process was printing its summary): the new snapshot is whole.
        const loaded = parseSnapshot(text, out);
        expect(loaded.ok && loaded.snapshot.metadata.database).toBe(new URL(db.url).pathname.slice(1));
      }
    }
  });
});

const captureSessions = async (url: string): Promise<number> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where application_name = 'drizzle-catalog' and datname = current_database()`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
};

/** Until the capture's session waits on a lock (so the signal lands mid-read, not before). */
const waitForLockWait = (url: string): Promise<void> =>
  waitUntil(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where application_name = 'drizzle-catalog' and datname = current_database() and wait_event_type = 'Lock'`,
      );
      return (rows[0]?.n ?? 0) > 0;
    } finally {
      await client.end();
    }
  });

const waitUntil = async (condition: () => Promise<boolean>, limitMs = 15_000): Promise<void> => {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
