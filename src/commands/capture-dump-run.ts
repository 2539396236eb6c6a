/**
 * Running `drizzle-catalog capture --dump FILE|-`: the file (or standard input) → its text
 * → captureDump() (an in-process replay, src/dump/) → the same snapshot output as a live
 * capture. Loaded only when --dump is given, so that a live capture never loads PGlite.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { ExitCode } from '../cli-io.js';
import { captureDump, type DumpCapture, type DumpProgress } from '../dump/capture-dump.js';
import { dumpText } from '../dump/text.js';
import type { CaptureCommandDeps } from './capture.js';
import type { CaptureFlags } from './capture-run.js';
import { catalogCounts, loadSnapshotModules, targetOf, writeSnapshotOutput } from './snapshot-output.js';

const COMMAND = 'drizzle-catalog capture';
/** A progress line every this many replayed statements. */
const PROGRESS_EVERY = 5_000;

export interface RunContext {
  readonly started: number;
  readonly fail: (message: string, hint: string) => number;
  readonly progress: (line: string) => void;
}

const number = (n: number): string => n.toLocaleString('en-US');

/** The dump's bytes, or a failure message and hint. */
const readDump = async (source: string, io: CliIo): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; hint: string }> => {
  if (source === '-') {
    if (io.stdin === undefined) {
      return {
        ok: false,
        message: '--dump - reads the dump from standard input, but nothing is piped in',
        hint: `pipe it in (pg_dump --schema-only "$URL" | ${COMMAND} --dump -), or pass a file: --dump schema.sql`,
      };
    }
    return { ok: true, bytes: await io.stdin() };
  }
  const path = resolve(io.cwd, source);
  try {
    if ((await stat(path)).isDirectory()) {
      const archive = await stat(join(path, 'toc.dat')).then(
        () => true,
        () => false,
      );
      return {
        ok: false,
        message: archive ? `${source} is a directory-format pg_dump archive, not a plain SQL dump` : `${source} is a directory, not a pg_dump file`,
        hint: archive
          ? `convert it to SQL with pg_restore: pg_restore --schema-only -f - ${source} | ${COMMAND} --dump - --out snapshots/production.json`
          : 'give the file pg_dump wrote, e.g. pg_dump --schema-only "$DATABASE_URL" > schema.sql',
      };
    }
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      hint: code === 'ENOENT' ? 'check the path (relative to the current directory), or pass - to read standard input' : 'check that the file exists and is readable',
    };
  }
};

export const runDumpCapture = async (source: string, flags: CaptureFlags, io: CliIo, deps: CaptureCommandDeps, context: RunContext): Promise<number> => {
  const { fail, progress } = context;
  const name = source === '-' ? 'standard input' : source;
  progress(`reading the dump from ${name}`);
  const read = await readDump(source, io);
  if (!read.ok) return fail(read.message, read.hint);
  const text = dumpText(read.bytes, source);
  if (!text.ok) return fail(text.error.message, text.error.hint);

  const snapshotModules = loadSnapshotModules();
  snapshotModules.catch(() => undefined); // awaited below; an early return must not leave it unhandled
  let nextProgress = PROGRESS_EVERY;
  const onProgress = (event: DumpProgress): void => {
    if (event.phase === 'parsed') progress(`replaying ${number(event.statements)} statements into an in-process PostgreSQL (PGlite)`);
    else if (event.phase === 'reading') progress(`reading the catalog (${flags.schemas === undefined ? 'every non-system schema' : `schemas ${flags.schemas.join(', ')}`})`);
    else if (event.done >= nextProgress && event.done < event.total) {
      progress(`replayed ${number(event.done)} of ${number(event.total)} statements`);
      while (nextProgress <= event.done) nextProgress += PROGRESS_EVERY;
    }
  };
  const dataDir = deps.dumpDataDir === undefined ? undefined : await deps.dumpDataDir();
  const outcome = await captureDump({ dump: text.text, schemas: flags.schemas, migrationsTable: flags.migrationsTable, dataDir, onProgress });
  if (!outcome.ok) return fail(outcome.error.message, outcome.error.hint);
  const captured = outcome.capture;
  for (const warning of captured.warnings) io.stderr(`${COMMAND}: warning: ${warning}\n`);

  const output = await writeSnapshotOutput(await snapshotModules, captured, io, {
    out: flags.out,
    capturedAt: (deps.now ?? (() => new Date()))(),
    host: null,
    progress,
  });
  if (!output.ok) return fail(output.message, output.hint);
  progress(dumpSummaryLine(captured, targetOf(flags.out, output.written), (performance.now() - context.started) / 1000));
  return ExitCode.ok;
};

/** `captured 2 schemas, 14 tables, ... from a pg_dump of PostgreSQL 15.8 (1,234 statements) in 4.1 s → snapshots/production.json` */
export const dumpSummaryLine = (captured: DumpCapture, target: string, seconds: number): string => {
  const version = captured.server.version === 'unknown' ? 'an unknown PostgreSQL version' : `PostgreSQL ${captured.server.version.split(' ')[0] ?? ''}`;
  return `captured ${catalogCounts(captured)} from a pg_dump of ${version} (${number(captured.statements)} statements) in ${seconds.toFixed(1)} s → ${target}`;
};
