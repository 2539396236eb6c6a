/**
 * The parent side of the loader process (`entry.ts`): starts it, sends one request at a
 * time, bounds how long an import may take, and collects what the process printed (never
 * onto verify's stdout: `--format json` stays clean).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ErrorData, KitSetup, NetworkAttempt, Reply, Request } from './protocol.js';
import { isProgress } from './protocol.js';

export interface LoaderSessionOptions {
  /** The project's working directory: drizzle-kit's, so the loader process's. */
  readonly cwd: string;
  /** Its environment (`.env` is added inside, never to ours). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly kit: KitSetup;
  /** How long one module may take to import, in milliseconds. */
  readonly importTimeoutMs: number;
}

/** A reply, or how the request ended without one. */
export type Outcome =
  | Reply
  | {
      readonly type: 'timed-out';
      /** The top-level file being imported (the config or a schema file). */
      readonly file: string;
      /** The innermost of the user's modules still running its top-level code, when known. */
      readonly innermost: string | null;
      readonly network: NetworkAttempt | null;
    }
  | {
      readonly type: 'ended';
      /** The module being imported when the process ended, if any. */
      readonly file: string | null;
      readonly code: number | null;
      readonly signal: string | null;
    };

export interface LoaderSession {
  request(request: Request): Promise<Outcome>;
  /** What the process printed so far. */
  output(): string;
  /** Ends the process (if it still runs) and resolves to everything it printed. */
  close(): Promise<string>;
}

/**
 * The entry point of the loader process: `entry.js` next to this file once built (dist/,
 * the published package). Run from src/ (tests), the TypeScript entry is loaded through
 * `source-hooks.mjs`, which compiles drizzle-catalog's own src/ files only, so that the
 * user's modules meet no loader but their drizzle-kit's, as in the published package.
 */
const entryPoint = (): { readonly script: string; readonly execArgv: readonly string[] } => {
  const built = fileURLToPath(new URL('./entry.js', import.meta.url));
  if (existsSync(built)) return { script: built, execArgv: [] };
  return {
    script: fileURLToPath(new URL('./entry.ts', import.meta.url)),
    execArgv: ['--import', new URL('./source-hooks.mjs', import.meta.url).href],
  };
};

const processEnv = (env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Thrown for a fault of the loader process itself (not of the user's modules): a bug of ours. */
export class LoaderFault extends Error {
  override readonly name = 'LoaderFault';
  constructor(readonly data: ErrorData) {
    super(`the schema loader process failed: ${data.message}`);
    this.stack = data.stack;
  }
}

export const startLoaderSession = (options: LoaderSessionOptions): LoaderSession => {
  const { script, execArgv } = entryPoint();
  const child: ChildProcess = fork(script, [], {
    cwd: options.cwd,
    env: processEnv(options.env),
    // Not ours: flags such as `--import tsx` would change how the user's modules load.
    execArgv: [...execArgv],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // If verify itself ends first (interrupted), the loader process must not outlive it: a
  // module blocked in its top-level code would never see the IPC channel close.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let printed = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => void (printed += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => void (printed += chunk));
  let exited: { code: number | null; signal: string | null } | null = null;
  child.once('exit', (code, signal) => void (exited = { code, signal }));
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    // A process that could not be started (no memory, no process slots) ends here, with no 'exit'.
    child.once('error', () => {
      if (exited !== null || child.pid !== undefined) return;
      exited = { code: null, signal: null };
      child.emit('exit', null, null);
      resolve();
    });
  });
  // An IPC write to a process that has just ended reports an error here, not a crash of ours.
  child.on('error', () => undefined);

  const request = (message: Request): Promise<Outcome> =>
    new Promise<Outcome>((resolve) => {
      let pending: string | null = message.type === 'import-config' ? message.file : message.type === 'load-schema' ? (message.files[0] ?? null) : null;
      let network: NetworkAttempt | null = null;
      const running: string[] = [];
      let timer: NodeJS.Timeout | null = null;
      const finish = (outcome: Outcome): void => {
        if (timer !== null) clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const bound = (): void => {
        if (timer !== null) clearTimeout(timer);
        timer =
          pending === null
            ? null
            : setTimeout(() => {
                child.kill('SIGKILL');
                finish({ type: 'timed-out', file: pending ?? '', innermost: running.at(-1) ?? null, network });
              }, options.importTimeoutMs);
      };
      const onMessage = (received: unknown): void => {
        const reply = received as ChildMessage;
        if (!isProgress(reply)) return finish(reply);
        if (reply.type === 'importing') {
          pending = reply.file;
          running.length = 0;
          bound();
        } else if (reply.type === 'module') {
          if (reply.phase === 'start') running.push(reply.file);
          else running.splice(running.lastIndexOf(reply.file), 1);
        } else if (reply.type === 'serializing') {
          pending = null;
          bound();
        } else if (reply.type === 'network-attempt') {
          network ??= reply.attempt;
        }
        return undefined;
      };
      const onExit = (code: number | null, signal: string | null): void => finish({ type: 'ended', file: pending, code, signal });
      if (exited !== null) return onExit(exited.code, exited.signal);
      child.on('message', onMessage);
      child.once('exit', onExit);
      bound();
      try {
        child.send(message);
      } catch {
        // The channel is already closed: the 'exit' handler reports how the process ended.
      }
      return undefined;
    });

  return {
    request,
    output: () => printed,
    close: async () => {
      if (exited === null) child.kill('SIGKILL');
      await closed;
      process.off('exit', killOnExit);
      return printed;
    },
  };
};
