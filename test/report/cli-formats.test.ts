/** `verify --format markdown | github` through the real CLI on the worked example (snapshots/example.json). */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCli } from '../plan/support.js';

const root = resolve(import.meta.dirname, '../..');
const example = join(root, 'examples/meetings');
const snapshot = ['--snapshot', '../../snapshots/example.json'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('verify --format markdown', () => {
  it('prints the report with the verdict first and the exit code of --fail-on', async () => {
    const run = await verifyCli(example, [...snapshot, '--format', 'markdown', '--fail-on', 'high']);
    expect(run.code).toBe(1);
    expect(run.out.split('\n')[0]).toBe('### ⛔ drizzle-catalog verify: dangerous');
    expect(run.out).toContain('**Some changes would lose data or fail.** 22 findings: 4 high, 13 medium, 5 low · exit code 1 with `--fail-on high`');
    expect(run.out).toContain('<sub>schema `drizzle.config.ts` · snapshot `../../snapshots/example.json`</sub>');
    expect(run.err).toBe('');
  });
});

describe('verify --format github', () => {
  it('annotates files relative to GITHUB_WORKSPACE and appends the markdown to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'summary.md');
    await writeFile(summary, '# earlier step\n');
    const env = { GITHUB_WORKSPACE: root, GITHUB_STEP_SUMMARY: summary };
    const run = await verifyCli(example, [...snapshot, '--format', 'github', '--fail-on', 'high'], env);
    expect(run.code).toBe(1);
    const lines = run.out.trimEnd().split('\n');
    expect(lines.slice(1).every((l) => l.startsWith('::'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(13);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(5);
    const schemaText = (await readFile(join(example, 'schema.ts'), 'utf8')).split('\n');
    const meetingLine = schemaText.findIndex((l) => l.includes("pgTable('meeting',")) + 1;
    expect(run.out).toContain(`::error file=examples/meetings/schema.ts,line=${meetingLine},title=high risk%3A drop column legacy_flag (meeting)::`);

    const written = await readFile(summary, 'utf8');
    expect(written.startsWith('# earlier step\n### ⛔ drizzle-catalog verify: dangerous\n')).toBe(true);
    const markdown = await verifyCli(example, [...snapshot, '--format', 'markdown', '--fail-on', 'high']);
    expect(written).toBe(`# earlier step\n${markdown.out}\n`);
  });

  it('writes no summary without GITHUB_STEP_SUMMARY, and names files from the working directory', async () => {
    const run = await verifyCli(example, [...snapshot, '--format', 'github', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/::error file=schema\.ts,line=\d+,title=/);
  });
});

describe('verify --format errors', () => {
  it('lists the formats', async () => {
    const run = await verifyCli(example, [...snapshot, '--format', 'html']);
    expect(run.code).toBe(2);
    expect(run.err).toContain("--format must be one of text, json, markdown, github; got 'html'");
  });

  it('asks for a path when --plan has none, and takes a numeric-looking one as a name', async () => {
    const missing = await verifyCli(example, [...snapshot, '--plan']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('option `--plan <file>` value is missing');
    const numeric = await verifyCli(dir, ['--snapshot', join(root, 'snapshots/example.json'), '--config', join(example, 'drizzle.config.ts'), '--schema', join(example, 'schema.ts'), '--fail-on', 'none', '--hints', '2025']);
    expect(numeric.err).toContain('wrote 2025: 15 hints');
    expect(JSON.parse(await readFile(join(dir, '2025'), 'utf8'))).toHaveLength(15);
  });
});

describe('docs/ci.md', () => {
  // The documentation shows real output: every line of its examples is checked against the CLI.
  const docLines = async (): Promise<string[]> => (await readFile(join(root, 'docs/ci.md'), 'utf8')).split('\n');

  it('shows the markdown report of the worked example as verify prints it (apart from the marked cuts)', async () => {
    const lines = await docLines();
    const start = lines.indexOf('````markdown') + 1;
    const end = lines.indexOf('````', start);
    const shown = lines.slice(start, end).filter((l) => !l.startsWith('| … |'));
    const run = await verifyCli(example, ['--snapshot', '../../snapshots/example.json', '--format', 'markdown', '--fail-on', 'high']);
    const actual = new Set(run.out.replaceAll('../../snapshots/example.json', 'snapshots/production.json').split('\n'));
    expect(shown.length).toBeGreaterThan(30);
    expect(shown.filter((l) => !actual.has(l))).toEqual([]);
  });

  it('shows a GitHub annotation as verify prints it', async () => {
    const lines = await docLines();
    const run = await verifyCli(example, [...snapshot, '--format', 'github', '--fail-on', 'high'], { GITHUB_WORKSPACE: root });
    const [summary, first] = run.out.split('\n');
    expect(lines).toContain(summary);
    expect(lines).toContain(first);
  });
});
