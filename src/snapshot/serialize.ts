/**
 * Snapshot ⇄ text, deterministically: objects in canonical order (catalog/sort.ts),
 * keys in the zod schema's order, 2-space indentation, a newline at the end. Two
 * captures of an unchanged database give the same bytes apart from capturedAt.
 */
import type { Capture } from '../capture/capture.js';
import { sortCatalog } from '../catalog/sort.js';
import { VERSION } from '../version.js';
import { FORMAT_VERSION, SNAPSHOT_SCHEMA_URL, snapshotV1Schema, TOOL_NAME, type Snapshot } from './format.js';

export interface SnapshotOptions {
  readonly capturedAt: Date;
  /** `host[:port]`, recorded only when the user asked for it (--include-host). */
  readonly host?: string | null | undefined;
}

export const buildSnapshot = (capture: Capture, options: SnapshotOptions): Snapshot => ({
  $schema: SNAPSHOT_SCHEMA_URL,
  formatVersion: FORMAT_VERSION,
  metadata: {
    capturedAt: options.capturedAt.toISOString(),
    tool: { name: TOOL_NAME, version: VERSION },
    server: { version: capture.server.version, versionNumber: capture.server.versionNumber },
    database: capture.server.database,
    host: options.host ?? null,
    schemaFilter: capture.schemaFilter,
  },
  catalog: sortCatalog(capture.catalog),
  migrations: capture.migrations,
});

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
