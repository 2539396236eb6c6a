/**
 * Runs one command as a child process and measures it: wall time (spawn to exit, as a
 * user sees it, Node start-up included), peak resident memory (GNU time's `%M`, the
 * largest RSS among the command and its descendants it waited for), exit code, and a
 * time cap after which the whole process group is killed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

export interface Measurement {
  readonly wallMs: number;
  /** null without GNU time, or when the command was killed at the cap. */
  readonly peakRssKiB: number | null;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdoutTail: string;
  readonly stderrTail: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly capMs: number;
}

const TAIL = 2000;

const tail = (chunks: readonly Buffer[]): string => {
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > TAIL ? text.slice(-TAIL) : text;
};

export const measure = async (command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-time-'));
  const timeFile = path.join(scratch, 'time.txt');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const start = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so the cap can kill the command and everything it started.
    detached: true,
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    if (stdout.length > 64) stdout.splice(0, stdout.length - 64);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    if (stderr.length > 64) stderr.splice(0, stderr.length - 64);
  });
  let timedOut = false;
  const cap = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.capMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - start;
  clearTimeout(cap);
  let peakRssKiB: number | null = null;
  if (hasGnuTime && !timedOut) {
    const lines = (await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n');
    const value = Number(lines[lines.length - 1]);
    peakRssKiB = Number.isFinite(value) && value > 0 ? value : null;
  }
  await rm(scratch, { recursive: true, force: true });
  return { wallMs, peakRssKiB, exitCode, timedOut, stdoutTail: tail(stdout), stderrTail: tail(stderr) };
};

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
