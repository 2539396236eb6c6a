/**
 * `drizzle-catalog capture --dump FILE|-` end to end: a dump piped through standard input
 * of a real process, files, the flags it shares with a live capture, and each failure's
 * message and hint (all of which docs/troubleshooting-capture.md must quote).
 *
 * test/fixtures/dumps/meetings.sql: `pg_dump --schema-only` (15.20) of the worked
 * example's database, followed by `pg_dump --data-only --table=drizzle.__drizzle_migrations`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { parseSnapshot } from '../../src/snapshot/load.js';
import { REPO_ROOT } from '../hardening/support/child.js';
import { createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { memoryIo } from '../support/memory-io.js';
import { pgDumpBytes, sharedDataDir } from './support.js';

const server = await serverTestsEnabled();
const MEETINGS = readFileSync(new URL('../fixtures/dumps/meetings.sql', import.meta.url), 'utf8');
const TROUBLESHOOTING = readFileSync(new URL('../../docs/troubleshooting-capture.md', import.meta.url), 'utf8');
const CAPTURED_AT = new Date('2025-01-02T03:04:05.000Z');
const deps = { capture: { now: () => CAPTURED_AT, dumpDataDir: sharedDataDir } };

let workdir: string;
const messagesShown = new Set<string>();
const hintsShown = new Set<string>();

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-dump-'));
  await writeFile(join(workdir, 'meetings.sql'), MEETINGS);
});
afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

const capture = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const io = memoryIo({ cwd: workdir, stdin: async () => new TextEncoder().encode(MEETINGS) });
  const code = await runCli(['capture', ...args], io, deps);
  return { code, out: io.out(), err: io.err() };
};

/** A failure: exit 2, nothing on stdout, one error line and its hint (both remembered for the doc check). */
const expectFailure = (outcome: { code: number; out: string; err: string }, message: string | RegExp, hint: string): void => {
  expect(outcome.code, outcome.err).toBe(2);
  expect(outcome.out).toBe('');
  const line = outcome.err.split('\n').find((l) => l.startsWith('drizzle-catalog capture: ')) ?? '';
  expect(line).toMatch(typeof message === 'string' ? new RegExp(`^drizzle-catalog capture: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
  const shownHint = /^ {2}hint: (.*)$/m.exec(outcome.err)?.[1] ?? '';
  expect(shownHint).toContain(hint);
  messagesShown.add(line.replace(/^drizzle-catalog capture: /, ''));
  hintsShown.add(shownHint);
};

describe('capture --dump', () => {
  it('reads a dump piped into a real process (--dump -) and writes the snapshot to stdout, progress on stderr', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'capture', '--dump', '-', '--out', '-'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (err += chunk));
    child.stdin.end(MEETINGS);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(0);
    const snapshot = parseSnapshot(out, 'stdout');
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.snapshot.catalog.tables.map((t) => t.name)).toEqual(['__drizzle_migrations', 'meeting_notes', 'meeting_transcripts', 'meetings', 'project']);
    expect(snapshot.snapshot.migrations?.entries.map((e) => e.hash)).toEqual(['0a1b2c', '3d4e5f']);
    expect(snapshot.snapshot.metadata.server).toEqual({ version: '15.20 (Debian 15.20-0+deb12u1)', versionNumber: 150020 });
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toBe('reading the dump from standard input');
    expect(lines[1]).toMatch(/^replaying \d+ statements into an in-process PostgreSQL \(PGlite\)$/);
    expect(lines).toContain('reading the catalog (every non-system schema)');
    expect(lines.at(-1)).toMatch(/^captured 2 schemas, 5 tables, 26 columns, 5 indexes, 1 enum from a pg_dump of PostgreSQL 15\.20 \(\d+ statements\) in \d+\.\d s → stdout$/);
  }, 120_000);

  it('writes the same snapshot from a file as from standard input, and keeps it untouched when unchanged', async () => {
    const fromStdin = await capture('--dump', '-', '--out', '-');
    expect(fromStdin.code, fromStdin.err).toBe(0);
    const first = await capture('--dump', 'meetings.sql', '--out', 'snapshots/production.json');
    expect(first.code, first.err).toBe(0);
    expect(await readFile(join(workdir, 'snapshots/production.json'), 'utf8')).toBe(fromStdin.out);
    expect(first.err).toContain('drizzle-catalog capture: warning: skipped');
    const again = await capture('--dump', 'meetings.sql', '--out', 'snapshots/production.json', '--quiet');
    expect(again.code).toBe(0);
    expect(again.err.split('\n').filter((l) => l !== '' && !l.includes('warning:'))).toEqual([]);
  });

  it('captures only the schemas asked for', async () => {
    const outcome = await capture('--dump', 'meetings.sql', '--schema', 'drizzle', '--out', '-');
    expect(outcome.code, outcome.err).toBe(0);
    const snapshot = parseSnapshot(outcome.out, 'stdout');
    expect(snapshot.ok && snapshot.snapshot.catalog.schemas).toEqual(['drizzle']);
  });

  it('is taught by --help, with the pg_dump pipe as an example', async () => {
    const io = memoryIo();
    expect(await runCli(['capture', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--dump <file>');
    expect(io.out()).toContain('pg_dump --schema-only "$URL" | drizzle-catalog capture --dump - --out snapshots/production.json');
  });
});

describe('capture --dump failures: exit 2, one line and a hint, nothing written', () => {
  it('--dump with --url', async () => {
    expectFailure(
      await capture('--dump', 'meetings.sql', '--url', 'postgres://me@db/app'),
      '--dump and --url cannot be used together: capture reads either a pg_dump file or a database',
      'keep --dump to capture from the file (no connection is made), or --url to read the database itself',
    );
  });

  it('--dump - with nothing piped in (a terminal)', async () => {
    const io = memoryIo({ cwd: workdir });
    const code = await runCli(['capture', '--dump', '-'], io, deps);
    expectFailure(
      { code, out: io.out(), err: io.err() },
      '--dump - reads the dump from standard input, but nothing is piped in',
      'pipe it in (pg_dump --schema-only "$URL" | drizzle-catalog capture --dump -), or pass a file: --dump schema.sql',
    );
  });

  it('a file that does not exist, or a directory', async () => {
    expectFailure(await capture('--dump', 'schema.sql'), 'cannot read schema.sql: no such file', 'check the path (relative to the current directory), or pass - to read standard input');
    await mkdir(join(workdir, 'dumps'), { recursive: true });
    expectFailure(await capture('--dump', 'dumps'), 'dumps is a directory, not a pg_dump file', 'give the file pg_dump wrote');
  });

  it('SQL that is not a pg_dump file, and a truncated dump', async () => {
    await writeFile(join(workdir, 'schema.sql'), 'create table t (id integer);\n');
    expectFailure(await capture('--dump', 'schema.sql'), 'schema.sql does not start like a pg_dump file (no "-- PostgreSQL database dump" header)', 'give the plain SQL output of pg_dump');
    await writeFile(join(workdir, 'cut.sql'), MEETINGS.slice(0, MEETINGS.indexOf('CREATE TABLE public.meetings (') + 50));
    expectFailure(
      await capture('--dump', 'cut.sql'),
      /^drizzle-catalog capture: the dump ends inside a statement that starts at line \d+: it is truncated$/,
      'the file was cut short (a failed or interrupted pg_dump, a full disk, a partial copy): dump the database again',
    );
    await writeFile(join(workdir, 'cut2.sql'), MEETINGS.slice(0, MEETINGS.indexOf('-- PostgreSQL database dump complete')));
    expectFailure(
      await capture('--dump', 'cut2.sql'),
      /^drizzle-catalog capture: the dump ends without pg_dump's closing line "-- PostgreSQL database dump complete" \(last statement at line \d+\): it is truncated$/,
      'dump the database again',
    );
  });

  it('a syntax error, with its line', async () => {
    const broken = MEETINGS.replace('    title text NOT NULL,', '    title text NOT NULL NOT,');
    await writeFile(join(workdir, 'broken.sql'), broken);
    const line = broken.slice(0, broken.indexOf('NOT NULL NOT,')).split('\n').length;
    expectFailure(
      await capture('--dump', 'broken.sql'),
      `line ${line}: syntax error at or near ","`,
      'the dump is damaged or was edited by hand: fix that line, or dump the database again with pg_dump --schema-only',
    );
  });

  it('a compressed dump and a schema that is not in the dump', async () => {
    await writeFile(join(workdir, 'dump.sql.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]));
    expectFailure(await capture('--dump', 'dump.sql.gz'), 'dump.sql.gz is gzip-compressed', 'decompress it first: gunzip -c dump.sql.gz | drizzle-catalog capture --dump -');
    expectFailure(
      await capture('--dump', 'meetings.sql', '--schema', 'Public'),
      'schema "Public" not found in the dump',
      'schema names are case-sensitive ("Public" is not public)',
    );
  });

  it.skipIf(!server)('custom-format and directory-format archives, with the pg_restore command that converts them', async () => {
    const db = await createServerDatabase('dump_cli');
    try {
      await db.exec('create table t (id integer primary key)');
      await writeFile(join(workdir, 'prod.dump'), await pgDumpBytes(db.url, ['--schema-only', '--format=custom']));
      expectFailure(
        await capture('--dump', 'prod.dump'),
        'prod.dump is a pg_dump archive (custom, directory or tar format), not a plain SQL dump',
        'convert it to SQL with pg_restore, which reads every archive format: pg_restore --schema-only -f - prod.dump | drizzle-catalog capture --dump - --out snapshots/production.json',
      );
      await pgDumpBytes(db.url, ['--schema-only', '--format=directory', `--file=${join(workdir, 'prod.dir')}`]);
      expectFailure(
        await capture('--dump', 'prod.dir'),
        'prod.dir is a directory-format pg_dump archive, not a plain SQL dump',
        'convert it to SQL with pg_restore: pg_restore --schema-only -f - prod.dir | drizzle-catalog capture --dump - --out snapshots/production.json',
      );
    } finally {
      await db.close();
    }
  });
});

describe('docs/troubleshooting-capture.md', () => {
  it('quotes every hint the failures above showed, and each message', () => {
    expect(hintsShown.size).toBeGreaterThan(8);
    for (const hint of hintsShown) expect(TROUBLESHOOTING, `hint missing from the doc: ${hint}`).toContain(hint);
    // The doc quotes the messages with the file names used here; line numbers may differ.
    const docText = TROUBLESHOOTING.replace(/\d+/g, 'N');
    for (const message of messagesShown) expect(docText, `message missing from the doc: ${message}`).toContain(message.replace(/\d+/g, 'N'));
  });
});
