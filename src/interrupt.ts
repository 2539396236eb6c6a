/**
 * SIGINT (Ctrl-C) and SIGTERM stop the CLI cleanly at any moment: a snapshot write in
 * flight removes its temporary file, so the previous snapshot stays as it was (or the
 * complete new one is in place, if the rename had already happened), and the process
 * exits with 128 + the signal number (130, 143), as a shell reports a process killed by
 * that signal. A connection or read in progress needs no cleanup: the server rolls back
 * the read-only transaction when the connection drops.
 *
 * This file and bin.ts are the only places that end the process; commands never do.
 */
import { interruptWrites } from './snapshot/atomic-write.js';

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

/** Longest wait for in-flight writes to clean up before exiting anyway. */
const CLEANUP_LIMIT_MS = 3000;

export const installInterruptHandlers = (stderr: (text: string) => void): void => {
  let exiting = false;
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[]) {
    const code = SIGNAL_EXIT_CODES[signal];
    process.on(signal, () => {
      if (exiting) process.exit(code); // a second signal: stop waiting
      exiting = true;
      stderr(`drizzle-catalog: interrupted by ${signal}; no partial snapshot file is left behind\n`);
      void interruptWrites(CLEANUP_LIMIT_MS).finally(() => process.exit(code));
    });
  }
};
