/**
 * The format's fixed values, apart from its zod schemas (format.ts) so that building a
 * snapshot (build.ts) does not load zod: capture validates only what it writes.
 */
export const FORMAT_VERSION = 1;

export const TOOL_NAME = 'drizzle-catalog';

/**
 * Where editors find the JSON Schema: the file ships in the package under schemas/, and
 * this path resolves from the default snapshot folder (`snapshots/` beside `node_modules/`).
 * Editors resolve a relative `$schema` against the snapshot file itself.
 */
export const SNAPSHOT_SCHEMA_URL = '../node_modules/drizzle-catalog/schemas/snapshot.v1.schema.json';

/** Stable identifier of the v1 JSON Schema (its `$id`). */
export const SNAPSHOT_SCHEMA_ID = 'urn:drizzle-catalog:snapshot:v1';
