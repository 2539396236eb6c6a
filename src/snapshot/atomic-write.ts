/**
 * Writing a file atomically: a temporary file in the same directory, then a rename, so
 * readers see the old file or the new one, never half of one. Also what SIGINT/SIGTERM
 * need to clean up (src/interrupt.ts), kept apart from the snapshot format so that the
 * interrupt handlers, installed at start-up, load nothing else.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files start with this (listed in .gitignore, so a crash never gets them committed). */
export const TEMP_FILE_PREFIX = '.drizzle-catalog-tmp-';

/** Set once the process is being interrupted: writes in flight stop at their next step, new ones refuse. */
let interrupted = false;
/** Writes in flight (each settles once its temporary file is renamed or removed), and their temporary files. */
const inFlight = new Set<Promise<void>>();
const temporaries = new Set<string>();

const stopIfInterrupted = (): void => {
  if (interrupted) throw Object.assign(new Error('interrupted: the snapshot was not written'), { code: 'EINTR' });
};

const writeThroughTemporary = async (path: string, content: string): Promise<void> => {
  stopIfInterrupted();
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, `${TEMP_FILE_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  stopIfInterrupted();
  temporaries.add(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      stopIfInterrupted();
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    stopIfInterrupted();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    temporaries.delete(temporary);
  }
};

/** Writes `content` to `path` through a temporary sibling and a rename; removes the temporary file on failure. */
export const writeFileAtomic = async (path: string, content: string): Promise<void> => {
  const write = writeThroughTemporary(path, content);
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  inFlight.add(settled);
  try {
    await write;
  } finally {
    inFlight.delete(settled);
  }
};

/**
 * For SIGINT and SIGTERM (src/interrupt.ts): writes in flight stop at their next step and
 * remove their temporary file, and later writes refuse. A rename already under way
 * completes, so the target always holds the previous snapshot or the whole new one.
 * Resolves once the writes have settled; after `limitMs` (a write stuck on a slow disk)
 * it removes the remaining temporary files itself and resolves anyway.
 * Irreversible: only for a process about to exit.
 */
export const interruptWrites = async (limitMs: number): Promise<void> => {
  interrupted = true;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
  });
  await Promise.race([Promise.all(inFlight), limit]);
  clearTimeout(timer);
  for (const temporary of temporaries) rmSync(temporary, { force: true });
};
