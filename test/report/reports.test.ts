import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderText } from '../../src/report/text.js';
import { catalog, column, table } from '../support/catalog-builder.js';
import { run } from '../diff/helpers.js';

// The meetings situation (DESIGN.md): a singular, camelCase schema; a plural, snake_case database.
const database = catalog([
  table('meetings', [column('id', 'integer', { notNull: true }), column('user_id', 'uuid', { notNull: true }), column('legacy_flag', 'boolean')], { rows: 1000 }),
  table('project', [column('id', 'integer')], { rows: 10 }),
]);
const schema = catalog([
  table('meeting', [column('id', 'integer', { notNull: true }), column('userId', 'uuid', { notNull: true }), column('body', 'text')]),
  table('project', [column('id', 'integer')]),
  table('meeting_transcripts', [column('id', 'integer')]),
]);
const result = run(schema, database, { snapshotAge: { capturedAt: '2025-01-01T00:00:00Z', now: '2025-03-01T00:00:00Z', maxAgeDays: 30 } });

describe('text report', () => {
  const text = renderText(result, { color: false, snapshotLabel: 'snapshots/production.json' });

  it('starts with the verdict and the exit code', () => {
    const [first, second] = text.split('\n');
    expect(first).toBe('DANGEROUS: some changes would lose data or fail.');
    expect(second).toMatch(/^ {2}\d+ findings \(1 high, \d+ medium, \d+ low\); exit code 1 with --fail-on medium$/);
  });

  it('groups findings under their table, in order', () => {
    const groups = text.split('\n').filter((line) => /^[a-z_]+$/.test(line));
    expect(groups).toEqual(['meeting', 'meeting_transcripts']);
    expect(text).toContain('  HIGH    drop column legacy_flag\n');
    expect(text).toContain('  MEDIUM  rename column user_id › userId  (high confidence)\n');
  });

  it('shows each drizzle-kit prompt with the option to pick marked', () => {
    expect(text).toContain('Is userId column in meeting table created or renamed from another column?');
    expect(text).toContain('     ❯ ~ user_id › userId     rename column');
    expect(text).toContain('     ❯ ~ meetings › meeting rename table');
  });

  it('warns about a stale snapshot', () => {
    expect(text).toContain('The snapshot was captured 59 days ago (2025-01-01), more than the 30 days allowed.');
  });

  it('has no escape codes without colour, and colours the verdict with it', () => {
    expect(text).not.toContain('\u001b[');
    expect(renderText(result, { color: true }).split('\n')[0]).toBe('\u001b[1m\u001b[31mDANGEROUS: some changes would lose data or fail.\u001b[39m\u001b[22m');
  });

  it('says when nothing differs', () => {
    const same = renderText(run(database, database), { color: false });
    expect(same.split('\n')[0]).toBe('IN SYNC: the schema matches the snapshot.');
    expect(same).toContain('none: push would ask nothing.');
  });
});

describe('json report', () => {
  const json = renderJson(result);
  const parsed = JSON.parse(json) as Record<string, unknown>;

  it('is versioned and has the documented top-level fields in order', () => {
    expect(Object.keys(parsed)).toEqual(['jsonFormatVersion', 'verdict', 'failOn', 'exitCode', 'summary', 'warnings', 'findings', 'conventions', 'prompts', 'history']);
    expect(parsed['history']).toBeNull();
    expect(parsed['jsonFormatVersion']).toBe(1);
    expect(parsed['verdict']).toBe('dangerous');
    expect(parsed['exitCode']).toBe(1);
  });

  it('gives every finding every field, null when it does not apply', () => {
    const findings = parsed['findings'] as Record<string, unknown>[];
    for (const f of findings)
      expect(Object.keys(f)).toEqual(['kind', 'risk', 'schema', 'table', 'column', 'object', 'from', 'to', 'candidates', 'evidence', 'confidence', 'message', 'action']);
    expect(findings.find((f) => f['kind'] === 'rename-column')).toMatchObject({ table: 'meeting', column: 'userId', from: 'user_id', to: 'userId', confidence: 'high' });
  });

  it('is byte-for-byte the same for the same input, ending with a newline', () => {
    expect(renderJson(run(schema, database, { snapshotAge: { capturedAt: '2025-01-01T00:00:00Z', now: '2025-03-01T00:00:00Z', maxAgeDays: 30 } }))).toBe(json);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('lists conventions with fixed style keys', () => {
    const conventions = parsed['conventions'] as { database: { columns: { styleCounts: Record<string, number> } } };
    expect(Object.keys(conventions.database.columns.styleCounts)).toEqual(['snake_case', 'camelCase', 'PascalCase', 'kebab-case', 'SCREAMING_SNAKE', 'single', 'mixed']);
  });
});
