/**
 * Regenerates schemas/snapshot.v1.schema.json from the zod schema in src/snapshot/format.ts.
 * Run `npm run snapshot-schema` after changing the format; a test fails while the
 * committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SNAPSHOT_JSON_SCHEMA_PATH, snapshotJsonSchemaText } from '../src/snapshot/json-schema.js';

const target = fileURLToPath(new URL(`../${SNAPSHOT_JSON_SCHEMA_PATH}`, import.meta.url));
await writeFile(target, snapshotJsonSchemaText());
process.stdout.write(`wrote ${SNAPSHOT_JSON_SCHEMA_PATH}\n`);
