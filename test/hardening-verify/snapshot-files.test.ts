/**
 * Snapshot files at the verify level: a hand edit that duplicates objects stops verify
 * with the JSON path; a huge snapshot (50,000 columns) goes through and gives the findings
 * one would expect. (The loader itself is hardened in test/snapshot and test/hardening.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/catalog/model.js';
import { serializeSnapshot } from '../../src/snapshot/serialize.js';
import { catalog, column, snapshot, table } from '../snapshot/builders.js';
import { EXAMPLE_PROJECT, EXAMPLE_SNAPSHOT, expectUsageError, messageOf, POSTGRES_CONFIG, verifyIn, writeProject } from './support/run.js';

interface Document {
  catalog: { tables: { name: string; columns: { name: string }[] }[] };
}

/** The worked example's snapshot, edited by `edit` and written to its own file under the example project. */
const editedSnapshot = (name: string, edit: (document: Document) => void): string => {
  const document = JSON.parse(readFileSync(EXAMPLE_SNAPSHOT, 'utf8')) as Document;
  edit(document);
  const dir = writeProject(`snapshot-${name}`, {});
  const file = join(dir, 'edited.json');
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
};

describe('verify with a snapshot edited by hand', () => {
  it('a table listed twice: exit 2 with the JSON path of the second one', async () => {
    const file = editedSnapshot('duplicate-table', (document) => {
      const meetings = document.catalog.tables[2];
      if (meetings?.name !== 'meetings') throw new Error('the example snapshot changed: expected meetings third');
      document.catalog.tables.push(structuredClone(meetings));
    });
    const run = await verifyIn(EXAMPLE_PROJECT, ['--snapshot', file]);
    expectUsageError(run, `${file}: $.catalog.tables[4]: table public.meetings appears twice`);
    expect(messageOf(run).hint).toContain('git checkout -- <file>');
  });

  it('a column listed twice: exit 2 with the JSON path down to the column', async () => {
    const file = editedSnapshot('duplicate-column', (document) => {
      const notes = document.catalog.tables[0];
      if (notes?.name !== 'meeting_notes' || notes.columns[1]?.name !== 'meeting_id') throw new Error('the example snapshot changed');
      notes.columns.splice(2, 0, structuredClone(notes.columns[1] as { name: string }));
    });
    const run = await verifyIn(EXAMPLE_PROJECT, ['--snapshot', file]);
    expectUsageError(run, `${file}: $.catalog.tables[0].columns[2]: column meeting_id of table public.meeting_notes appears twice`);
  });

  it('a value of the wrong type: the JSON path and the object it belongs to', async () => {
    const file = editedSnapshot('wrong-type', (document) => {
      (document.catalog.tables[3] as unknown as { columns: { notNull: unknown }[] }).columns[0]!.notNull = 'yes';
    });
    const run = await verifyIn(EXAMPLE_PROJECT, ['--snapshot', file]);
    expectUsageError(run, `${file}: $.catalog.tables[3].columns[0].notNull (table public.project, column id): `);
  });
});

describe('verify with a huge snapshot', () => {
  it('50,000 columns against a two-table schema: completes, and reports what differs', async () => {
    const TABLES = 500;
    const COLUMNS = 100;
    const columnsOf = (first: readonly string[]) =>
      Array.from({ length: COLUMNS }, (_, i) => column(first[i] ?? `c_${String(i).padStart(3, '0')}`, i + 1, i === 0 ? { notNull: true } : {}));
    const tables: Table[] = Array.from({ length: TABLES - 1 }, (_, i) =>
      table('public', `archive_${String(i).padStart(3, '0')}`, { columns: columnsOf(['id']), rows: i % 2 === 0 ? 0 : 1000 }),
    );
    tables.push(table('public', 'users', { columns: columnsOf(['id', 'email']), rows: 1000 }));
    const text = serializeSnapshot(snapshot(catalog({ tables })));
    expect(tables.reduce((n, t) => n + t.columns.length, 0)).toBe(50_000);

    const cwd = writeProject('snapshot-huge', {
      'drizzle.config.ts': POSTGRES_CONFIG,
      'schema.ts': [
        "import { integer, pgTable, text } from 'drizzle-orm/pg-core';",
        "export const users = pgTable('users', { id: integer('id').notNull(), email: integer('email') });",
        "export const posts = pgTable('posts', { id: integer('id').primaryKey(), title: text('title') });",
        '',
      ].join('\n'),
    });
    writeFileSync(join(cwd, 'huge.json'), text);

    const json = await verifyIn(cwd, ['--snapshot', 'huge.json', '--format', 'json', '--max-age', '100000']);
    expect(json.err).toBe('');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as {
      verdict: string;
      summary: { tables: Record<string, number>; byKind: Record<string, number> };
    };
    expect(report.verdict).toBe('dangerous');
    expect(report.summary.tables).toMatchObject({ schema: 2, database: 500, identical: 1, created: 1, dropped: 499, renamed: 0 });
    expect(report.summary.byKind).toMatchObject({ 'create-table': 1, 'drop-table': 499, 'drop-column': 98 });

    const textRun = await verifyIn(cwd, ['--snapshot', 'huge.json', '--max-age', '100000']);
    expect(textRun.code).toBe(1);
    expect(textRun.out).toContain('tables: 2 in the schema, 500 in the database: 1 same name, 0 renamed, 1 to create, 499 to drop');
  });
});
