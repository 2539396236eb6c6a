/**
 * Regenerates schemas/verify-output.v1.schema.json from the zod schema in
 * src/report/json-schema.ts. Run `npm run verify-output-schema` after changing the
 * `--format json` report; a test fails while the committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { VERIFY_OUTPUT_SCHEMA_PATH, verifyOutputJsonSchemaText } from '../src/report/json-schema.js';

const target = fileURLToPath(new URL(`../${VERIFY_OUTPUT_SCHEMA_PATH}`, import.meta.url));
await writeFile(target, verifyOutputJsonSchemaText());
process.stdout.write(`wrote ${VERIFY_OUTPUT_SCHEMA_PATH}\n`);
