/** The JSON Schema published for editors (schemas/snapshot.v1.schema.json), generated from the zod schema. */
import { z } from 'zod';
import { SNAPSHOT_SCHEMA_ID, snapshotV1Schema } from './format.js';

export const SNAPSHOT_JSON_SCHEMA_PATH = 'schemas/snapshot.v1.schema.json';

export const snapshotJsonSchemaText = (): string => {
  const schema = z.toJSONSchema(snapshotV1Schema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify({ ...schema, $id: SNAPSHOT_SCHEMA_ID }, null, 2)}\n`;
};
