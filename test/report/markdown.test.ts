import { describe, expect, it } from 'vitest';
import type { HistoryInput } from '../../src/diff/history.js';
import { MARKDOWN_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js';
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

/** Cells of a markdown table row, split on unescaped pipes. */
const cells = (row: string): string[] => row.replace(/^\| | \|$/g, '').split(/(?<!\\)\| /).map((c) => c.trim());

describe('markdown report', () => {
  const md = renderMarkdown(result, { snapshotLabel: 'snapshots/production.json', schemaLabel: 'drizzle.config.ts' });
  const lines = md.split('\n');

  it('puts the verdict first, then the counts and the sources', () => {
    expect(lines[0]).toBe('### ⛔ drizzle-catalog verify: dangerous');
    expect(lines[2]).toMatch(/^\*\*Some changes would lose data or fail\.\*\* \d+ findings: 1 high, \d+ medium, \d+ low · exit code 1 with `--fail-on medium`$/);
    expect(md).toContain('<sub>schema `drizzle.config.ts` · snapshot `snapshots/production.json`</sub>');
    expect(md).toContain('> [!WARNING]\n> The snapshot was captured 59 days ago (2025-01-01), more than the 30 days allowed.');
  });

  it('has one table per risk level, high first, low folded in <details>', () => {
    const high = lines.indexOf('#### 🔴 High risk (1)');
    const medium = lines.findIndex((l) => l.startsWith('#### 🟠 Medium risk ('));
    const low = lines.findIndex((l) => l.startsWith('<details><summary><strong>🟢 Low risk ('));
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(high);
    expect(low).toBeGreaterThan(medium);
    expect(lines[high + 2]).toBe('| Table | Change | Details | Action |');
    expect(cells(lines[high + 4] ?? '')).toEqual([
      '`meeting`',
      'Drop column `legacy_flag`',
      'Column legacy_flag of meeting (about 1,000+ rows) is not in the schema: push drops it with its data.',
      'Declare it in the schema if it is still used; back up its data before letting push drop it.',
    ]);
    expect(md).toContain('| `meeting` | Rename column `user_id › userId` <sub>(high confidence)</sub> |');
  });

  it('lists the drizzle-kit prompts with the answer to pick, and the conventions', () => {
    expect(md).toContain('| 1 | Is meeting table created or renamed from another table? | `~ meetings › meeting rename table` ');
    expect(md).toMatch(/\| Is userId column in meeting table created or renamed from another column\? \| `~ user_id › userId rename column` <sub>\(option 2 of \d\)<\/sub> \| high confidence: /);
    expect(md).toContain('#### Naming conventions');
    expect(md).toContain('\n| database | tie, single words | snake_case 2/2 (+2 single-word) |\n| schema | singular 2/3, snake_case 1/1 | camelCase 1/1 (+4 single-word) |\n');
  });

  it('is the same text for the same input', () => {
    expect(renderMarkdown(result, { snapshotLabel: 'snapshots/production.json', schemaLabel: 'drizzle.config.ts' })).toBe(md);
  });

  it('says so when nothing differs', () => {
    const same = renderMarkdown(run(database, database));
    expect(same.split('\n')[0]).toBe('### ✅ drizzle-catalog verify: in sync');
    expect(same).toContain('None: push would ask nothing.');
    expect(same).not.toContain('risk (');
  });
});

describe('escaping', () => {
  it('keeps hostile names inside their cells and out of HTML', () => {
    const d = catalog([table('a|b', [column('x`y', 'text'), column('<script>', 'text')], { rows: 0 })]);
    const md = renderMarkdown(run(catalog([table('a|b', [column('x`y', 'text')])]), d));
    const row = md.split('\n').find((l) => l.includes('Drop column') && l.includes('script'));
    expect(row).toBeDefined();
    expect(cells(row ?? '')).toHaveLength(4);
    expect(row).toContain('`a\\|b`');
    expect(row).toContain('&lt;script&gt;');
    // Literal only inside code spans, which GitHub renders as text.
    expect(md.replace(/`[^`]*`/g, '')).not.toContain('<script>');
  });
});

describe('migration history', () => {
  it('gets its own table, and a line under the verdict', () => {
    const history: HistoryInput = {
      path: 'drizzle',
      table: 'drizzle.__drizzle_migrations',
      folder: { migrations: [{ position: 0, idx: 0, tag: '0000_init', when: 100, hash: 'h0' }, { position: 1, idx: 1, tag: '0001_late', when: 50, hash: 'h1' }], orphans: [] },
      applied: [{ hash: 'h0', createdAt: '100' }],
    };
    const md = renderMarkdown(run(database, database, { history }));
    expect(md.split('\n')[0]).toBe('### ⛔ drizzle-catalog verify: dangerous');
    expect(md).toContain('Migrations: 2 in `drizzle`, 1 applied: 1 high, 0 medium, 0 low.');
    expect(md).toContain('#### Migration history: `drizzle` against `drizzle.__drizzle_migrations`');
    expect(md).toContain('| high | `0001_late.sql` | **Migration that will be silently skipped**<br>0001_late.sql is not applied and its when');
  });
});

describe('at 500 findings', () => {
  // Letters only, so casing variants are unambiguous: a, b, ..., z, ba, bb, ...
  const letters = (n: number): string => (n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26)) + letters(n % 26));
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const N = 200;
  const big = {
    database: catalog([
      table('big', [column('id', 'integer'), ...Array.from({ length: N }, (_, i) => column(`first_${letters(i)}`, 'text')), ...Array.from({ length: N }, (_, i) => column(`gone_${letters(i)}`, 'text'))], { rows: 1000 }),
    ]),
    schema: catalog([
      table('big', [column('id', 'integer'), ...Array.from({ length: N }, (_, i) => column(`first${cap(letters(i))}`, 'text'))]),
      ...Array.from({ length: 100 }, (_, i) => table(`new_${letters(i)}`, [column('id', 'integer')])),
    ]),
  };
  const result500 = run(big.schema, big.database);

  it('has about 500 findings of every risk', () => {
    expect(result500.summary.findings).toBeGreaterThanOrEqual(500);
    expect(result500.summary.byRisk).toMatchObject({ high: N, low: 100 });
    expect(result500.summary.byRisk.medium).toBeGreaterThanOrEqual(N);
  });

  it('fits a GitHub comment, folds the long levels, and says what it cut', () => {
    const md = renderMarkdown(result500);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
    expect(md.split('\n')[0]).toBe('### ⛔ drizzle-catalog verify: dangerous');
    expect(md).toContain(`<details open><summary><strong>🔴 High risk (${N})</strong></summary>`);
    expect(md).toMatch(/<details><summary><strong>🟠 Medium risk \(\d+\)<\/strong><\/summary>/);
    expect(md).toContain('<details><summary><strong>🟢 Low risk (100)</strong></summary>');
    expect(md).toMatch(/… and \d+ more: `drizzle-catalog verify` \(text or `--format json`\) lists them all\./);
    // Every <details> is closed.
    expect(md.split('<details').length).toBe(md.split('</details>').length);
  });

  it('shows every row when the budget allows', () => {
    const md = renderMarkdown(result500, { maxLength: 10_000_000 });
    expect(md).not.toContain('more: `drizzle-catalog verify`');
    expect(md.split('\n').filter((l) => l.startsWith('| `big` | Drop column'))).toHaveLength(N);
  });
});
