/**
 * Writing a snapshot file: atomically (atomic-write.ts), and not at all when only
 * capturedAt would change.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import type { Snapshot } from './format.js';
import { parseSnapshot } from './load.js';
import { serializeSnapshot, withCapturedAt } from './serialize.js';

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
  const previous = parseSnapshot(existing, path);
  if (!previous.ok || previous.upgradedFrom !== null) return fresh;
  const restamped = serializeSnapshot(withCapturedAt(snapshot, previous.snapshot.metadata.capturedAt));
  return restamped === existing ? null : fresh;
};

/** Writes the snapshot unless the file already says the same; reports which. Rejects on I/O errors. */
export const writeSnapshotFile = async (path: string, snapshot: Snapshot): Promise<WriteOutcome> => {
  const text = await snapshotTextFor(path, snapshot);
  if (text === null) return 'unchanged';
  await writeFileAtomic(path, text);
  return 'written';
};
