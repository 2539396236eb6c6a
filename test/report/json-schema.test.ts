/**
 * The published JSON Schema of `verify --format json` (schemas/verify-output.v1.schema.json):
 * generated from the zod schema that also types `toJsonReport`, checked to be up to date,
 * and checked against real outputs: the worked example through the CLI, and verify()
 * results that exercise every prompt kind, every history kind and the warnings. Each
 * output is validated twice: by the zod schema (strict, key order included) and by the
 * committed JSON Schema file itself, read back with zod's JSON Schema reader.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { HistoryInput } from '../../src/diff/history.js';
import { FINDING_KIND_ORDER } from '../../src/diff/finding-kinds.js';
import { HISTORY_FINDING_KINDS } from '../../src/history/index.js';
import { renderJson } from '../../src/report/json.js';
import { VERIFY_OUTPUT_SCHEMA_ID, VERIFY_OUTPUT_SCHEMA_PATH, verifyOutputJsonSchemaText, verifyOutputSchema } from '../../src/report/json-schema.js';
import { catalog, column, enumOf, table, unique } from '../support/catalog-builder.js';
import { run } from '../diff/helpers.js';
import { verifyCli } from '../plan/support.js';

const committedText = await readFile(resolve(import.meta.dirname, '../..', VERIFY_OUTPUT_SCHEMA_PATH), 'utf8');
const published = z.fromJSONSchema(JSON.parse(committedText) as Parameters<typeof z.fromJSONSchema>[0]);

const expectValid = (json: string): void => {
  const raw: unknown = JSON.parse(json);
  const parsed = verifyOutputSchema.safeParse(raw);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  // Same keys, same order: the schema's shape is the document's.
  expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(raw));
  const byFile = published.safeParse(raw);
  expect(byFile.success ? [] : byFile.error.issues).toEqual([]);
};

const history = (overrides: Partial<HistoryInput>): HistoryInput => ({
  path: 'drizzle',
  table: 'drizzle.__drizzle_migrations',
  folder: { migrations: [], orphans: [] },
  applied: [],
  ...overrides,
});

const migration = (position: number, when: number, hash: string | null) => ({ position, idx: position, tag: `000${position}_m`, when, hash });

const database = catalog([
  table('meetings', [column('id', 'integer', { notNull: true }), column('user_id', 'uuid', { notNull: true }), column('legacy_flag', 'boolean')], { rows: 1000 }),
  table('accounts', [column('id', 'integer'), column('email', 'text')], { rows: 'unknown' }),
]);
const schema = catalog({
  tables: [
    table('meeting', [column('id', 'integer', { notNull: true }), column('userId', 'uuid', { notNull: true }), column('title', 'text', { notNull: true })]),
    table('accounts', [column('id', 'integer'), column('email', 'text')], { uniques: [unique('accounts_email_unique', ['email'])] }),
    table('profile', [column('id', 'integer'), column('uid', 'integer'), column('UID', 'integer')]),
  ],
  enums: [enumOf('mood', ['a'])],
});

describe('the published JSON Schema of --format json', () => {
  it('is up to date with the zod schema (run `npm run verify-output-schema` when this fails)', () => {
    expect(committedText).toBe(verifyOutputJsonSchemaText());
  });

  it('is a strict draft 2020-12 schema naming every finding and history kind', () => {
    const schemaJson = JSON.parse(committedText) as { $id: string; $schema: string; additionalProperties: boolean; $defs: Record<string, { enum?: string[] }> };
    expect(schemaJson.$id).toBe(VERIFY_OUTPUT_SCHEMA_ID);
    expect(schemaJson.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schemaJson.additionalProperties).toBe(false);
    expect(schemaJson.$defs['FindingKind']?.enum).toEqual(FINDING_KIND_ORDER);
    for (const kind of Object.keys(HISTORY_FINDING_KINDS)) expect(committedText).toContain(`"const": "${kind}"`);
  });

  it('rejects a document with a field it does not describe', () => {
    const json = JSON.parse(renderJson(run(database, database))) as Record<string, unknown>;
    expect(published.safeParse({ ...json, extra: 1 }).success).toBe(false);
    expect(verifyOutputSchema.safeParse({ ...json, verdict: 'fine' }).success).toBe(false);
  });
});

describe('real outputs validate', () => {
  it('the worked example, through the CLI', async () => {
    const cli = await verifyCli(resolve(import.meta.dirname, '../../examples/meetings'), ['--snapshot', '../../snapshots/example.json', '--format', 'json', '--fail-on', 'none']);
    expect(cli.code).toBe(0);
    expectValid(cli.out);
    const report = verifyOutputSchema.parse(JSON.parse(cli.out));
    expect(report.summary.findings).toBe(22);
  });

  it('every prompt kind and a stale snapshot', () => {
    const result = run(schema, database, { snapshotAge: { capturedAt: '2025-01-01T00:00:00Z', now: '2025-06-01T00:00:00Z', maxAgeDays: 30 } });
    expect(new Set(result.prompts.map((p) => p.kind))).toEqual(new Set(['create-or-rename', 'unique-truncate', 'data-loss']));
    expect(result.warnings.map((w) => w.code)).toEqual(['snapshot-stale']);
    expectValid(renderJson(result));
  });

  it('an in-sync result, and the same with an empty history', () => {
    expectValid(renderJson(run(database, database)));
    expectValid(renderJson(run(database, database, { history: history({}) })));
  });

  it('every history kind', () => {
    // Skipped, changed, pending, missing file, applied without file (with and without an orphan), orphan.
    const timed = run(database, database, {
      history: history({
        folder: {
          migrations: [migration(0, 100, 'h0'), migration(1, 150, 'h1'), migration(2, 300, 'h2'), migration(3, 200, null), migration(4, 400, 'h4')],
          orphans: [{ file: '0099_x.sql', hash: 'h9' }],
        },
        applied: [
          { hash: 'h0', createdAt: '100' },
          { hash: 'h2-old', createdAt: '300' },
          { hash: 'h9', createdAt: '250' },
          { hash: 'h8', createdAt: '260' },
        ],
      }),
    });
    // A NULL created_at: nothing is skipped then (the migrator re-runs everything), so it gets its own run.
    const untimed = run(database, database, {
      history: history({ folder: { migrations: [migration(0, 100, 'h0')], orphans: [] }, applied: [{ hash: 'h0', createdAt: null }] }),
    });
    const missingTable = run(database, database, { history: history({ folder: { migrations: [migration(0, 100, 'h0')], orphans: [] }, applied: null }) });
    const kinds = [...(timed.history?.findings ?? []), ...(untimed.history?.findings ?? [])].map((f) => f.kind);
    expect(new Set(kinds)).toEqual(new Set(Object.keys(HISTORY_FINDING_KINDS)));
    expect(missingTable.warnings.map((w) => w.code)).toEqual(['migrations-table-missing']);
    for (const result of [timed, untimed, missingTable]) expectValid(renderJson(result));
  });
});
