/**
 * Writing a snapshot file: atomically (atomic-write.ts), and not at all when only
 * capturedAt would change.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import type { Snapshot } from './format.js';

export { interruptWrites, TEMP_FILE_PREFIX, writeFileAtomic } from './atomic-write.js';

export type WriteOutcome = 'written' | 'unchanged';

/**
 * The file's text for `snapshot`, or null when the file at `path` already holds the
 * same snapshot apart from capturedAt (then it should be left untouched).
 *
 * Compared as bytes, first with the snapshot as it stands: capture builds it in canonical
 * order, so when nothing changed this settles it without serializeSnapshot's schema pass
 * (a fifth of a capture at 2,000 tables), nor even loading it (zod). That pass (canonical
 * key order, and proof that the file would load) runs for whatever is about to be
 * written; a file equal to the snapshot as it stands was itself written through it.
 */
export const snapshotTextFor = async (path: string, snapshot: Snapshot): Promise<string | null> => {
  const serialize = async (): Promise<string> => (await import('./serialize.js')).serializeSnapshot(snapshot);
  let existing: Buffer;
  try {
    existing = await readFile(path);
  } catch {
    return serialize(); // no file yet (or unreadable: the write will say why)
  }
  if (sameApartFromCapturedAt(`${JSON.stringify(snapshot, null, 2)}\n`, existing)) return null;
  const canonical = await serialize();
  return sameApartFromCapturedAt(canonical, existing) ? null : canonical;
};

const CAPTURED_AT_KEY = '"capturedAt": "';

/**
 * Whether `existing` holds the text `fresh` with another capture time. Serialization is
 * canonical, so comparing bytes says the same as parsing the previous file and
 * serializing it again, for a fraction of the cost (20 MB at 2,000 tables). The first
 * `"capturedAt": "` is metadata's (metadata precedes the catalog, and a quote inside a
 * string is escaped). The previous time must be one serialization writes
 * (Date#toISOString), so a hand-edited time is rewritten rather than kept.
 */
export const sameApartFromCapturedAt = (fresh: string, existing: Buffer): boolean => {
  const at = fresh.indexOf(CAPTURED_AT_KEY);
  const ours = Buffer.from(fresh, 'utf8');
  if (at === -1) return ours.equals(existing);
  const start = Buffer.byteLength(fresh.slice(0, at + CAPTURED_AT_KEY.length), 'utf8');
  const end = ours.indexOf('"', start); // the closing quote of our time
  const stampEnd = existing.length - (ours.length - end);
  if (stampEnd <= start || stampEnd - start > 64) return false; // not a time at all
  const stamp = existing.toString('utf8', start, stampEnd);
  const time = new Date(stamp);
  return (
    !Number.isNaN(time.getTime()) &&
    time.toISOString() === stamp &&
    existing.compare(ours, 0, start, 0, start) === 0 &&
    existing.compare(ours, end, ours.length, stampEnd, existing.length) === 0
  );
};

/** Writes the snapshot unless the file already says the same; reports which. Rejects on I/O errors. */
export const writeSnapshotFile = async (path: string, snapshot: Snapshot): Promise<WriteOutcome> => {
  const text = await snapshotTextFor(path, snapshot);
  if (text === null) return 'unchanged';
  await writeFileAtomic(path, text);
  return 'written';
};
