/**
 * Snapshot ⇄ text, deterministically: objects in canonical order (catalog/sort.ts),
 * keys in the zod schema's order, 2-space indentation, a newline at the end. Two
 * captures of an unchanged database give the same bytes apart from capturedAt.
 */
import { sortCatalog } from '../catalog/sort.js';
import { snapshotV1Schema, type Snapshot } from './format.js';

export { buildSnapshot, type SnapshotOptions } from './build.js';

/**
 * The file's text. Parsing through the schema both puts keys in the schema's order and
 * proves we never write a file we would refuse to read (a failure here is a bug).
 */
export const serializeSnapshot = (snapshot: Snapshot): string => {
  const canonical = snapshotV1Schema.parse({ ...snapshot, catalog: sortCatalog(snapshot.catalog) });
  return `${JSON.stringify(canonical, null, 2)}\n`;
};

/** The same snapshot stamped with another capture time. */
export const withCapturedAt = (snapshot: Snapshot, capturedAt: string): Snapshot => ({
  ...snapshot,
  metadata: { ...snapshot.metadata, capturedAt },
});
