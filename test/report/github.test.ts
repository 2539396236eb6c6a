/**
 * `--format github`: workflow-command escaping as @actions/core does it, annotation levels
 * and order, and the declaration lookup on real schema files (the worked example, the
 * multi-schema and casing fixtures), with fallbacks.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finding, type FindingInput } from '../../src/diff/findings.js';
import { createDeclarationIndex, journalEntryLine, type SourceFile } from '../../src/report/declarations.js';
import { escapeData, escapeProperty, githubAnnotations, renderGithub, workflowCommand } from '../../src/report/github.js';
import { catalog, column, table } from '../support/catalog-builder.js';
import { run } from '../diff/helpers.js';

const root = resolve(import.meta.dirname, '../..');
const source = async (path: string): Promise<SourceFile> => ({ path, text: await readFile(resolve(root, path), 'utf8') });

/** 1-based line of the first line containing `needle` at or after the line containing `after`. */
const lineOf = (file: SourceFile, needle: string, after?: string): number => {
  const lines = file.text.split('\n');
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const index = lines.findIndex((l, i) => i >= start && l.includes(needle));
  if (index === -1) throw new Error(`${needle} not in ${file.path}`);
  return index + 1;
};

const f = (input: Partial<FindingInput> & Pick<FindingInput, 'kind'>) =>
  finding({ risk: 'medium', schema: 'public', message: 'm', action: 'a', ...input });

describe('workflow command escaping (@actions/core command.ts)', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb');
  });

  it('writes the properties it knows, in order', () => {
    expect(workflowCommand({ level: 'error', file: 'src/db/schema.ts', line: 12, title: 'high risk: drop column x, y', message: 'one\ntwo' })).toBe(
      '::error file=src/db/schema.ts,line=12,title=high risk%3A drop column x%2C y::one%0Atwo',
    );
    expect(workflowCommand({ level: 'notice', file: null, line: null, title: 't', message: 'm' })).toBe('::notice title=t::m');
  });
});

describe('declarations in real schema files', () => {
  it('finds the worked example tables and columns, by key when there is no explicit name', async () => {
    const file = await source('examples/meetings/schema.ts');
    const index = createDeclarationIndex([file]);
    expect(index.locate(f({ kind: 'rename-table', table: 'meeting' }))).toEqual({ file: file.path, line: lineOf(file, "pgTable('meeting',") });
    expect(index.locate(f({ kind: 'rename-column', table: 'meeting', column: 'userId' }))).toEqual({ file: file.path, line: lineOf(file, 'userId:', "pgTable('meeting',") });
    expect(index.locate(f({ kind: 'rename-column', table: 'meeting_note', column: 'userId' }))).toEqual({ file: file.path, line: lineOf(file, 'userId:', "pgTable('meeting_note',") });
    // Explicit names win: project.createdAt is declared as timestamp('created_at', ...).
    expect(index.locate(f({ kind: 'alter-column-default', table: 'project', column: 'created_at' }))?.line).toBe(lineOf(file, "timestamp('created_at'"));
    expect(index.locate(f({ kind: 'alter-enum', object: 'meeting_status' }))?.line).toBe(lineOf(file, "pgEnum('meeting_status'"));
  });

  it('points what only the database has at its table, and what has no table at the file', async () => {
    const file = await source('examples/meetings/schema.ts');
    const index = createDeclarationIndex([file]);
    // A drop of user_id must not land on the userId key of another column.
    expect(index.locate(f({ kind: 'drop-column', table: 'meeting_note', column: 'user_id' }))?.line).toBe(lineOf(file, "pgTable('meeting_note',"));
    expect(index.locate(f({ kind: 'drop-table', table: 'legacy_things' }))).toEqual({ file: file.path, line: null });
    expect(index.locate(f({ kind: 'convention-mismatch' }))).toEqual({ file: file.path, line: null });
    expect(createDeclarationIndex([]).locate(f({ kind: 'drop-table', table: 'x' }))).toBeNull();
  });

  it('tells tables of pgSchema objects apart, across files', async () => {
    const files = await Promise.all(['public', 'auth', 'billing'].map((n) => source(`test/fixtures/projects/multi-schema/src/${n}.ts`)));
    const [publicFile, auth, billing] = files as [SourceFile, SourceFile, SourceFile];
    const index = createDeclarationIndex(files);
    expect(index.locate(f({ kind: 'create-table', schema: 'auth', table: 'users' }))).toEqual({ file: auth.path, line: lineOf(auth, "auth.table('users'") });
    expect(index.locate(f({ kind: 'create-column', schema: 'auth', table: 'users', column: 'created_at' }))?.line).toBe(lineOf(auth, "timestamp('created_at'"));
    expect(index.locate(f({ kind: 'create-table', schema: 'billing', table: 'invoices' }))).toEqual({ file: billing.path, line: lineOf(billing, "billing.table('invoices'") });
    expect(index.locate(f({ kind: 'rename-column', table: 'profiles', column: 'user_id' }))).toEqual({ file: publicFile.path, line: lineOf(publicFile, "uuid('user_id')") });
    expect(index.locate(f({ kind: 'create-enum', schema: 'auth', object: 'role' }))).toEqual({ file: auth.path, line: lineOf(auth, "auth.enum('role'") });
    expect(index.locate(f({ kind: 'alter-sequence', schema: 'auth', object: 'login_counter' }))?.line).toBe(lineOf(auth, "auth.sequence('login_counter'"));
    expect(index.locate(f({ kind: 'create-schema', schema: 'auth' }))?.line).toBe(lineOf(auth, "pgSchema('auth')"));
  });

  it("finds columns that drizzle's casing option names from their keys", async () => {
    const file = await source('test/fixtures/projects/casing/schema.ts');
    const index = createDeclarationIndex([file]);
    // casing: 'snake_case' turns the key joinedAt into the column joined_at.
    expect(index.locate(f({ kind: 'alter-column-default', table: 'team_members', column: 'joined_at' }))?.line).toBe(lineOf(file, 'joinedAt:', "pgTable('team_members'"));
    expect(index.locate(f({ kind: 'create-column', table: 'team_invites', column: 'invited_by' }))?.line).toBe(lineOf(file, 'invitedBy:'));
  });

  it('skips commented-out declarations', () => {
    const file: SourceFile = {
      path: 'schema.ts',
      text: ["// export const old = pgTable('users', {});", '/* pgTable(\'users\', { id: ... }) */', "export const users = pgTable('users', {", '  // email: text(),', '  email: text(),', '});'].join('\n'),
    };
    const index = createDeclarationIndex([file]);
    expect(index.locate(f({ kind: 'create-table', table: 'users' }))?.line).toBe(3);
    expect(index.locate(f({ kind: 'create-column', table: 'users', column: 'email' }))?.line).toBe(5);
  });

  it('finds a journal entry line', () => {
    const journal = '{\n  "entries": [\n    {\n      "idx": 0,\n      "tag": "0000_init"\n    }\n  ]\n}\n';
    expect(journalEntryLine(journal, '0000_init')).toBe(5);
    expect(journalEntryLine(journal, '0001_none')).toBeNull();
  });
});

describe('annotations', () => {
  const database = catalog([
    table('meetings', [column('id', 'integer', { notNull: true }), column('user_id', 'uuid', { notNull: true }), column('legacy_flag', 'boolean')], { rows: 1000 }),
  ]);
  const schema = catalog([table('meeting', [column('id', 'integer', { notNull: true }), column('userId', 'uuid', { notNull: true }), column('body', 'text')])]);
  const result = run(schema, database);

  it('maps risk to level, high first', async () => {
    const file = await source('examples/meetings/schema.ts');
    const annotations = githubAnnotations(result, { schemaFiles: [file] });
    const levels = annotations.map((a) => a.level);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
    expect(annotations[0]).toMatchObject({ level: 'error', file: file.path, line: lineOf(file, "pgTable('meeting',"), title: 'high risk: drop column legacy_flag (meeting)' });
    expect(annotations.find((a) => a.title.startsWith('medium risk: rename column'))?.line).toBe(lineOf(file, 'userId:', "pgTable('meeting',"));
    expect(annotations.filter((a) => a.level === 'notice').map((a) => a.title)).toEqual(['low risk: create column body (meeting)']);
  });

  it('renders one command per line after a plain summary line, messages with evidence and action', async () => {
    const out = renderGithub(result, { schemaFiles: [await source('examples/meetings/schema.ts')] });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^drizzle-catalog verify: DANGEROUS: .* exit code 1 with --fail-on medium$/);
    expect(lines.slice(1).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(out).toContain('::Column legacy_flag of meeting (about 1,000+ rows) is not in the schema: push drops it with its data.%0A· the table has about 1,000+ rows (estimate)%0A→ Declare it');
  });
});
