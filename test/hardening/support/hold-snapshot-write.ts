/**
 * Test instrumentation, loaded with `--import` into the CLI's child process only: makes
 * the snapshot write pause at its most delicate moment, when the temporary file holds
 * the whole new snapshot but has not been renamed over the previous one yet. It says so
 * on stderr, then waits for SIGINT or SIGTERM (or 10 s) before letting the write go on.
 * The signal test can then interrupt exactly there instead of hoping to hit a
 * millisecond-wide window.
 */
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = await open(join(tmpdir(), `.hold-probe-${process.pid}`), 'w');
const prototype = Object.getPrototypeOf(probe) as { sync: (this: unknown) => Promise<void> };
await probe.close();
await import('node:fs/promises').then(({ rm }) => rm(join(tmpdir(), `.hold-probe-${process.pid}`), { force: true }));

const sync = prototype.sync;
prototype.sync = async function held(this: unknown): Promise<void> {
  await sync.call(this);
  process.stderr.write('[test] temporary snapshot file written, rename held\n');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    const release = (): void => {
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', release);
    process.once('SIGTERM', release);
  });
};
