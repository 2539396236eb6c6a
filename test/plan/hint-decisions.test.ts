/**
 * `--hints`: verify's answers as drizzle-kit 1.0 hints (format: docs/hints-format.md).
 * Renames are the ones `--plan` makes; ambiguous and low-confidence ones get no entry, so
 * drizzle-kit stops with missing_hints there rather than act on a guess.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hintDecisions } from '../../src/plan/hint-decisions.js';
import { buildHintsFile } from '../../src/plan/hints.js';
import { catalog, check, column, enumOf, foreignKey, index, table, unique } from '../support/catalog-builder.js';
import { run } from '../diff/helpers.js';
import { verifyCli } from './support.js';

const database = catalog({
  schemas: ['crm', 'public'],
  tables: [
    table('accounts', [column('id', 'integer'), column('name', 'text')], { schema: 'crm', rows: 3 }),
    table('customers', [column('id', 'integer', { notNull: true }), column('full_name', 'text'), column('email', 'text')], {
      rows: 10,
      uniques: [unique('customers_email_key', ['email'])],
      checks: [check('customers_name_check', "full_name <> ''")],
      indexes: [index('customers_full_name_idx', ['full_name'])],
    }),
    table('invoice_lines', [column('id', 'integer'), column('customer_id', 'integer'), column('Note', 'text'), column('NOTE', 'text')], {
      rows: 10,
      foreignKeys: [foreignKey('invoice_lines_customer_id_fkey', ['customer_id'], 'customers', ['id'])],
    }),
  ],
  enums: [enumOf('ticket_status', ['open', 'closed'])],
});
const schema = catalog({
  schemas: ['crm', 'public'],
  tables: [
    table('account', [column('id', 'integer'), column('name', 'text')], { schema: 'crm' }),
    table('customer', [column('id', 'integer', { notNull: true }), column('fullName', 'text'), column('email', 'text'), column('nickname', 'text')], {
      uniques: [unique('customer_email_unique', ['email'])],
      checks: [check('customer_name_check', '"fullName" <> \'\'')],
      indexes: [index('customer_fullName_idx', ['fullName'])],
    }),
    table('invoiceLines', [column('id', 'integer'), column('customerId', 'integer'), column('note', 'text')], {
      foreignKeys: [foreignKey('invoiceLines_customerId_customer_id_fk', ['customerId'], 'customer', ['id'])],
    }),
    table('notes', [column('id', 'integer')]),
  ],
  enums: [enumOf('ticketStatus', ['open', 'closed'])],
});

describe('hint decisions', () => {
  const result = run(schema, database);
  const file = buildHintsFile(hintDecisions(result, database));

  it('writes renames and creates with the NEW table name in table-scoped entries', () => {
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.text).toBe(
      [
        '[',
        '  { "type": "rename", "kind": "enum", "from": ["public", "ticket_status"], "to": ["public", "ticketStatus"] },',
        '  { "type": "rename", "kind": "table", "from": ["crm", "accounts"], "to": ["crm", "account"] },',
        '  { "type": "rename", "kind": "table", "from": ["public", "customers"], "to": ["public", "customer"] },',
        '  { "type": "rename", "kind": "table", "from": ["public", "invoice_lines"], "to": ["public", "invoiceLines"] },',
        '  { "type": "create", "kind": "table", "entity": ["public", "notes"] },',
        '  { "type": "rename", "kind": "column", "from": ["public", "customer", "full_name"], "to": ["public", "customer", "fullName"] },',
        '  { "type": "create", "kind": "column", "entity": ["public", "customer", "nickname"] },',
        '  { "type": "rename", "kind": "column", "from": ["public", "invoiceLines", "customer_id"], "to": ["public", "invoiceLines", "customerId"] },',
        '  { "type": "rename", "kind": "unique", "from": ["public", "customer", "customers_email_key"], "to": ["public", "customer", "customer_email_unique"] },',
        '  { "type": "rename", "kind": "check", "from": ["public", "customer", "customers_name_check"], "to": ["public", "customer", "customer_name_check"] },',
        '  { "type": "rename", "kind": "index", "from": ["public", "customer", "customers_full_name_idx"], "to": ["public", "customer", "customer_fullName_idx"] },',
        '  { "type": "rename", "kind": "foreign key", "from": ["public", "invoiceLines", "invoice_lines_customer_id_fkey"], "to": ["public", "invoiceLines", "invoiceLines_customerId_customer_id_fk"] }',
        ']',
        '',
      ].join('\n'),
    );
  });

  it('leaves ambiguous renames out: drizzle-kit must ask', () => {
    // invoiceLines.note could be Note or NOTE: no rename and no create for it.
    expect(result.findings.some((f) => f.kind === 'ambiguous-rename' && f.column === 'note')).toBe(true);
    expect(file.ok && file.text.includes('"note"')).toBe(false);
  });
});

describe('verify --hints on the worked example', () => {
  it('writes the hints file beside the report and says so on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-hints-'));
    try {
      const example = resolve(import.meta.dirname, '../../examples/meetings');
      const hints = join(dir, 'hints.json');
      const run = await verifyCli(example, ['--snapshot', '../../snapshots/example.json', '--fail-on', 'none', '--hints', hints]);
      expect(run.code).toBe(0);
      expect(run.err).toContain(`wrote ${hints}: 15 hints for drizzle-kit 1.0 push --hints-file`);
      const entries = JSON.parse(await readFile(hints, 'utf8')) as { type: string; kind: string; from?: string[]; to?: string[]; entity?: string[] }[];
      expect(entries.filter((e) => e.type === 'create')).toEqual([{ type: 'create', kind: 'table', entity: ['public', 'meeting_participant'] }]);
      expect(entries).toContainEqual({ type: 'rename', kind: 'column', from: ['public', 'meeting_note', 'meeting_id'], to: ['public', 'meeting_note', 'meetingId'] });
      expect(entries.filter((e) => e.kind === 'table').map((e) => e.to?.[1] ?? e.entity?.[1])).toEqual(['meeting', 'meeting_note', 'meeting_participant', 'meeting_transcript']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
