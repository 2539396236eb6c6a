/**
 * The real CLI in a child process (`node --import tsx src/bin.ts ...`), for what needs a
 * real process: signals, and everything the process itself prints.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildRun {
  readonly pid: number;
  /** Resolves once stderr has shown `pattern` (rejects if the process ends first). */
  waitForStderr(pattern: RegExp): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

export interface ChildOptions {
  /** Modules loaded before the CLI (`--import`), e.g. test instrumentation. */
  readonly preload?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

export const runChild = (args: readonly string[], options: ChildOptions = {}): ChildRun => {
  const imports = ['tsx', ...(options.preload ?? [])].flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, [...imports, join(REPO_ROOT, 'src/bin.ts'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(err)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    pid: child.pid ?? -1,
    waitForStderr: (pattern) =>
      pattern.test(err)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiters.push({ pattern, resolve })),
            exited.then(() => {
              if (!pattern.test(err)) throw new Error(`the process ended before printing ${pattern}; stderr:\n${err}`);
            }),
          ]),
    signal: (signal) => void child.kill(signal),
    exited,
    stdout: () => out,
    stderr: () => err,
  };
};
