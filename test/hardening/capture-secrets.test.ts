/**
 * Issue 6, secrets and boundaries: no password and no user name in any snapshot, any
 * output or any error (driver errors included), the host only when asked; no row data
 * in the snapshot. A distinctive password and role name are used on every path, and
 * every output is searched for them: files, stdout and stderr, in process and from a
 * real child process (which would also show anything the driver prints by itself).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../src/capture/capture.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import { runCli } from '../../src/cli.js';
import { parseSnapshot } from '../../src/snapshot/load.js';
import { buildSnapshot, serializeSnapshot } from '../../src/snapshot/serialize.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { memoryIo } from '../support/memory-io.js';
import { runChild } from './support/child.js';
import { refusedPort, startStallServer } from './support/network.js';
import { createRole, type TestRole } from './support/roles.js';
import { ROW_VALUES, SEED_SQL } from './support/seed.js';

const server = await serverTestsEnabled();
const PASSWORD = 'S3cr3t-Pw-7f9a';
/** Needs percent-encoding in a URL, so both spellings must stay hidden. */
const AWKWARD_PASSWORD = 'S3cr3t-Pw-7f9a/@:?#%';

const expectNoRowData = (snapshotText: string): void => {
  for (const value of ROW_VALUES) expect(snapshotText, `row value ${value} in the snapshot`).not.toContain(value);
  expect(snapshotText).toContain('Default-Is-Structure'); // defaults are structure, and are kept
};

describe('the snapshot never holds row data (PGlite)', () => {
  it('for values in rows, partitions, materialized views, sequences and planner statistics', async () => {
    const db = await createPgliteDatabase();
    try {
      await db.exec(SEED_SQL);
      const outcome = await capture({ queryable: pgliteQueryable(db.pglite) });
      if (!outcome.ok) throw new Error(outcome.error.message);
      expectNoRowData(serializeSnapshot(buildSnapshot(outcome.capture, { capturedAt: new Date(0) })));
      // The values are really there to be found.
      const stats = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_stats where tablename = 'accounts' and most_common_vals::text like '%Zebra%'`,
      );
      expect(stats[0]?.n).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(!server)('no password, user name or host in any output (server)', () => {
  let db: Awaited<ReturnType<typeof createServerDatabase>>;
  let role: TestRole;
  let workdir: string;
  /** Every output of every run, labelled, for the final search. */
  const outputs: { readonly label: string; readonly text: string }[] = [];

  const withRole = (password = PASSWORD): string => role.urlFor(db.url, password);
  const runAndKeep = async (label: string, args: readonly string[], env: Record<string, string> = {}): Promise<number> => {
    const io = memoryIo({ cwd: workdir, env });
    const code = await runCli(['capture', '--connect-timeout', '1s', ...args], io);
    outputs.push({ label: `${label} stdout`, text: io.out() }, { label: `${label} stderr`, text: io.err() });
    return code;
  };

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-secrets-'));
    db = await createServerDatabase('harden');
    role = await createRole('harden_secretive', `login password '${PASSWORD}'`);
    await db.exec(`${SEED_SQL}
      create table public.ledger (id integer primary key);
      create view public.ledger_ids as select id from public.ledger;`);
  });
  afterAll(async () => {
    await db?.close();
    await role?.drop();
    await rm(workdir, { recursive: true, force: true });
  });

  it('successful captures: to a file, to stdout, from DATABASE_URL, with ?password=, with a percent-encoded password', async () => {
    const file = join(workdir, 'production.json');
    expect(await runAndKeep('file', ['--url', withRole(), '--out', file])).toBe(0);
    const text = await readFile(file, 'utf8');
    outputs.push({ label: 'snapshot file', text });
    expectNoRowData(text);
    expect(text).not.toContain('127.0.0.1');
    expect(parseSnapshot(text, file)).toMatchObject({ ok: true, snapshot: { metadata: { host: null } } });

    expect(await runAndKeep('stdout', ['--url', withRole(), '--out', '-'])).toBe(0);
    expect(await runAndKeep('env', ['--out', '-'], { DATABASE_URL: withRole() })).toBe(0);
    const paramUrl = new URL(db.url);
    paramUrl.searchParams.set('user', role.name);
    paramUrl.searchParams.set('password', PASSWORD);
    expect(await runAndKeep('query parameters', ['--url', paramUrl.toString(), '--out', '-'])).toBe(0);
    expect(await runAndKeep('encoded', ['--url', withRole(encodeURIComponent(AWKWARD_PASSWORD)), '--out', '-'])).toBe(0);
  });

  it('--include-host records host:port in the snapshot, and still no user or password', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', withRole(), '--out', '-', '--include-host', '--quiet'], io)).toBe(0);
    const parsed = parseSnapshot(io.out(), 'stdout');
    expect(parsed.ok && parsed.snapshot.metadata.host).toBe('127.0.0.1:5432');
    outputs.push({ label: 'include-host stdout', text: io.out() }, { label: 'include-host stderr', text: io.err() });
  });

  it('failed captures: refused, silent server, missing database, unknown schema, TLS, statement timeout, bad URL', async () => {
    const stall = await startStallServer();
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      const port = await refusedPort();
      const elsewhere = (host: string): string => withRole().replace('127.0.0.1:5432', host);
      const missing = new URL(withRole());
      missing.pathname = '/harden_no_such_database';
      await locker.query('begin; lock table public.ledger in access exclusive mode');
      const failures: [string, string[]][] = [
        ['refused', ['--url', elsewhere(`127.0.0.1:${port}`)]],
        ['silent', ['--url', elsewhere(`127.0.0.1:${stall.port}`)]],
        ['missing database', ['--url', missing.toString()]],
        ['unknown schema', ['--url', withRole(), '--schema', 'nope']],
        ['tls', ['--url', `${withRole()}?sslmode=require`]],
        ['tls, encoded password', ['--url', `${withRole(encodeURIComponent(AWKWARD_PASSWORD))}?sslmode=require`]],
        ['statement timeout', ['--url', withRole(), '--statement-timeout', '300ms']],
        ['not a URL', ['--url', `postgres://${role.name}:${PASSWORD}@[::1`]],
        ['not postgres', ['--url', `mysql://${role.name}:${PASSWORD}@127.0.0.1/db`]],
      ];
      for (const [label, args] of failures) {
        expect(await runAndKeep(label, [...args, '--out', '-']), label).toBe(2);
      }
    } finally {
      await locker.query('rollback');
      await locker.end();
      await stall.close();
    }
  });

  it('a real process, succeeding and failing, prints neither (nor does the driver, by itself)', async () => {
    const succeeding = runChild(['capture', '--url', withRole(), '--out', '-']);
    const failing = runChild(['capture', '--url', `${withRole()}?sslmode=require`, '--out', '-']);
    expect((await succeeding.exited).code).toBe(0);
    expect((await failing.exited).code).toBe(2);
    for (const [label, run] of [['child ok', succeeding], ['child failing', failing]] as const) {
      outputs.push({ label: `${label} stdout`, text: run.stdout() }, { label: `${label} stderr`, text: run.stderr() });
    }
    expect(failing.stderr()).toContain('does not support SSL');
    expect(failing.stderr()).not.toContain('SECURITY WARNING'); // pg's sslmode notice stays quiet
  });

  it('none of those outputs holds the password (in any spelling), the user name, or row data', () => {
    expect(outputs.length).toBeGreaterThan(25);
    const forbidden = [PASSWORD, AWKWARD_PASSWORD, encodeURIComponent(AWKWARD_PASSWORD), role.name];
    for (const { label, text } of outputs) {
      for (const secret of forbidden) expect(text, `${secret} in ${label}`).not.toContain(secret);
      for (const value of ROW_VALUES) expect(text, `row value ${value} in ${label}`).not.toContain(value);
      if (!label.startsWith('include-host')) expect(text, `host in ${label}`).not.toMatch(/"host": "/);
    }
    // The URLs shown say which server was meant, and nothing about who asked.
    expect(outputs.find((o) => o.label === 'file stderr')?.text).toMatch(/^connecting to postgres:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:5432\//);
  });
});
