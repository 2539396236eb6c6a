/** A Snapshot from a Capture: its metadata, and the catalog in canonical order (catalog/sort.ts). */
import type { Capture } from '../capture/capture.js';
import { sortCatalog } from '../catalog/sort.js';
import { VERSION } from '../version.js';
import { FORMAT_VERSION, SNAPSHOT_SCHEMA_URL, TOOL_NAME } from './format-constants.js';
import type { Snapshot } from './format.js';

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
