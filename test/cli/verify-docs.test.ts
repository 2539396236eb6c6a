/**
 * docs/verify.md stays true: its finding-kinds table is generated from FINDING_KINDS
 * (`UPDATE_DOCS=1 npx vitest run test/cli/verify-docs.test.ts` rewrites it), and its JSON
 * example has exactly the fields a real `verify --format json` writes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { FINDING_KINDS, FINDING_KIND_ORDER } from '../../src/diff/finding-kinds.js';
import { verifyOutputSchema } from '../../src/report/json-schema.js';
import { memoryIo } from '../support/memory-io.js';

const DOC = fileURLToPath(new URL('../../docs/verify.md', import.meta.url));
const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/meetings/', import.meta.url));

const KINDS_START = '<!-- finding-kinds:start (generated from FINDING_KINDS by test/cli/verify-docs.test.ts; UPDATE_DOCS=1 rewrites it) -->';
const KINDS_END = '<!-- finding-kinds:end -->';

const kindsTable = (): string =>
  [
    '| kind | default risk | meaning |',
    '|---|---|---|',
    ...FINDING_KIND_ORDER.map((kind) => `| \`${kind}\` | ${FINDING_KINDS[kind].defaultRisk} | ${FINDING_KINDS[kind].description.replace(/\|/g, '\\|')} |`),
  ].join('\n');

const between = (text: string, start: string, end: string): string => {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/verify.md lacks the markers ${start} … ${end}`);
  return text.slice(from + start.length, to).trim();
};

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const isObject = (value: Json | undefined): value is { readonly [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys of the object at `path`: a string steps into a field (of an array's first element), `{ kind }` picks an array's element of that kind. */
const keysAt = (value: Json, path: readonly (string | { readonly kind: string })[]): string[] => {
  let at: Json | undefined = value;
  for (const step of path) {
    if (typeof step === 'string') {
      if (Array.isArray(at)) at = (at as readonly Json[])[0];
      at = isObject(at) ? at[step] : undefined;
    } else {
      at = Array.isArray(at) ? (at as readonly Json[]).find((x) => isObject(x) && x['kind'] === step.kind) : undefined;
    }
  }
  if (Array.isArray(at)) at = (at as readonly Json[])[0];
  if (!isObject(at)) throw new Error(`no object at ${JSON.stringify(path)}`);
  return Object.keys(at);
};

describe('docs/verify.md', () => {
  it('lists every finding kind with its default risk and meaning, generated from FINDING_KINDS', async () => {
    const doc = await readFile(DOC, 'utf8');
    const table = kindsTable();
    if (process.env['UPDATE_DOCS'] === '1') {
      const start = doc.indexOf(KINDS_START) + KINDS_START.length;
      await writeFile(DOC, `${doc.slice(0, start)}\n${table}\n${doc.slice(doc.indexOf(KINDS_END))}`);
      return;
    }
    expect(between(doc, KINDS_START, KINDS_END)).toBe(table);
  });

  it('shows a JSON example that the published output schema accepts', async () => {
    const doc = await readFile(DOC, 'utf8');
    const block = between(doc, '<!-- json-example:start -->', '<!-- json-example:end -->').replace(/^```json\n/, '').replace(/\n```$/, '');
    const parsed = verifyOutputSchema.safeParse(JSON.parse(block));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('shows a JSON example with exactly the fields verify writes, in the same order', async () => {
    const doc = await readFile(DOC, 'utf8');
    const block = between(doc, '<!-- json-example:start -->', '<!-- json-example:end -->').replace(/^```json\n/, '').replace(/\n```$/, '');
    const example = JSON.parse(block) as Json;
    // A real report with every part present: the worked example, captured long enough ago to be stale.
    const io = memoryIo({ cwd: EXAMPLE_DIR });
    await runCli(['verify', '--snapshot', '../../snapshots/example.json', '--format', 'json'], io, { verify: { now: () => new Date('2030-01-01T00:00:00Z') } });
    const real = JSON.parse(io.out()) as Json;
    const paths: (string | { kind: string })[][] = [
      [],
      ['summary'],
      ['summary', 'byRisk'],
      ['summary', 'tables'],
      ['summary', 'prompts'],
      ['warnings'],
      ['findings'],
      ['findings', { kind: 'rename-column' }, 'evidence'],
      ['conventions'],
      ['conventions', 'database'],
      ['conventions', 'database', 'tables'],
      ['conventions', 'database', 'tables', 'styleCounts'],
      ['conventions', 'database', 'tables', 'inflectionCounts'],
      ['conventions', 'mismatches'],
      ['prompts', { kind: 'create-or-rename' }],
      ['prompts', { kind: 'create-or-rename' }, 'options'],
      ['prompts', { kind: 'data-loss' }],
      ['prompts', { kind: 'data-loss' }, 'items'],
    ];
    for (const path of paths) expect({ path, keys: keysAt(example, path) }).toEqual({ path, keys: keysAt(real, path) });
  });
});
