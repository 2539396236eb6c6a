import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SCHEMA_ID } from '../../src/snapshot/format.js';
import { SNAPSHOT_JSON_SCHEMA_PATH, snapshotJsonSchemaText } from '../../src/snapshot/json-schema.js';

describe('the published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run snapshot-schema` when this fails)', async () => {
    const committed = await readFile(new URL(`../../${SNAPSHOT_JSON_SCHEMA_PATH}`, import.meta.url), 'utf8');
    expect(committed).toBe(snapshotJsonSchemaText());
  });

  it('describes a strict, versioned document at the URL snapshots point to', () => {
    const schema = JSON.parse(snapshotJsonSchemaText()) as Record<string, unknown> & {
      properties: Record<string, unknown>;
      $defs: Record<string, { additionalProperties?: unknown }>;
    };
    expect(schema['$id']).toBe(SNAPSHOT_SCHEMA_ID);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties['formatVersion']).toEqual({ type: 'number', const: 1 });
    expect(schema['additionalProperties']).toBe(false);
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['Catalog', 'Table', 'Column', 'Index', 'Metadata']));
    expect(schema.$defs['Table']?.additionalProperties).toBe(false);
  });
});
