/**
 * Writing a snapshot file: atomically (atomic-write.ts), and not at all when only
 * capturedAt would change.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import type { Snapshot } from './format.js';
import { serializeSnapshot } from './serialize.js';

export { interruptWrites, TEMP_FILE_PREFIX, writeFileAtomic } from './atomic-write.js';

export type WriteOutcome = 'written' | 'unchanged';

/**
 * The file's text for `snapshot`, or null when the file at `path` already holds the
 * same snapshot apart from capturedAt (then it should be left untouched).
 */
export const snapshotTextFor = async (path: string, snapshot: Snapshot): Promise<string | null> => {
  const fresh = serializeSnapshot(snapshot);
  let existing: string;
  try {
    existing = await readFile(path, 'utf8');
  } catch {
    return fresh; // no file yet (or unreadable: the write will say why)
  }
  return sameApartFromCapturedAt(fresh, existing) ? null : fresh;
};

const CAPTURED_AT_KEY = '"capturedAt": "';

/**
 * Whether `existing` is the text `fresh` with another capture time. Serialization is
 * canonical, so comparing text says the same as parsing the previous file and
 * serializing it again, for a fraction of the cost (20 MB at 2,000 tables). The first
 * `"capturedAt": "` is metadata's (metadata precedes the catalog, and a quote inside a
 * string is escaped). The previous time must be one serialization writes
 * (Date#toISOString), so a hand-edited time is rewritten rather than kept.
 */
export const sameApartFromCapturedAt = (fresh: string, existing: string): boolean => {
  const at = fresh.indexOf(CAPTURED_AT_KEY);
  if (at === -1) return fresh === existing;
  const start = at + CAPTURED_AT_KEY.length;
  const rest = fresh.slice(fresh.indexOf('"', start));
  const stamp = existing.slice(start, existing.length - rest.length);
  const time = new Date(stamp);
  return (
    stamp.length > 0 &&
    !Number.isNaN(time.getTime()) &&
    time.toISOString() === stamp &&
    existing.startsWith(fresh.slice(0, start)) &&
    existing.endsWith(rest)
  );
};

/** Writes the snapshot unless the file already says the same; reports which. Rejects on I/O errors. */
export const writeSnapshotFile = async (path: string, snapshot: Snapshot): Promise<WriteOutcome> => {
  const text = await snapshotTextFor(path, snapshot);
  if (text === null) return 'unchanged';
  await writeFileAtomic(path, text);
  return 'written';
};
