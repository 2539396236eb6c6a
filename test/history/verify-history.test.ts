/**
 * The migration-history check wired into `drizzle-catalog verify`: real folders written
 * by `drizzle-kit generate`, applied by drizzle-orm's own migrate() on PGlite and on the
 * PostgreSQL server, captured by capture, then checked by the real CLI, by default from
 * the config's `out` and with `--migrations DIR`. The findings reach every format, the
 * verdict and the exit code.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import { captureTo, verifyCli, verifyJson } from '../plan/support.js';
import { createWorkspace, migrateWithDrizzle, readJournal, writeJournal, type Workspace } from './drizzle-folders.js';

const server = await serverTestsEnabled();

const header = `import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';\n`;
const users = `export const users = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull() });\n`;
const posts = `export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: integer('author_id').notNull().references(() => users.id) });\n`;
const tags = `export const tags = pgTable('tags', { id: serial('id').primaryKey(), label: text('label').notNull() });\n`;
const comments = `export const comments = pgTable('comments', { id: serial('id').primaryKey(), body: text('body').notNull() });\n`;

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
  await writeFile(workspace.path('drizzle.config.ts'), `export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' };\n`);
  const schema = await workspace.writeSchema('schema', header + users);
  await workspace.generate(schema, 'drizzle', 'init');
  await workspace.writeSchema('schema', header + users + posts);
  await workspace.generate(schema, 'drizzle', 'posts');
  await workspace.copy('drizzle', 'base');
  // A branch generates its migration before main's next one: its `when` is older.
  await workspace.copy('drizzle', 'branch');
  await workspace.writeSchema('schema', header + users + posts + comments);
  await workspace.generate(schema, 'branch', 'comments');
  await workspace.writeSchema('schema', header + users + posts + tags);
  await workspace.generate(schema, 'drizzle', 'tags');
});

afterAll(async () => {
  await workspace?.remove();
});

/** A pull request's folder: main + the branch's migration merged after it, an edited applied file, a stray file. */
const pullRequestFolder = async (name: string): Promise<string> => {
  const folder = await workspace.copy('drizzle', name);
  const branch = await readJournal(workspace.path('branch'));
  const entry = branch.entries.at(-1)!;
  const journal = await readJournal(folder);
  const tag = `000${journal.entries.length}_comments`;
  await writeFile(join(folder, `${tag}.sql`), await readFile(workspace.path('branch', `${entry.tag}.sql`)));
  journal.entries.push({ ...entry, idx: journal.entries.length, tag });
  await writeJournal(folder, journal);
  await appendFile(join(folder, '0000_init.sql'), '\n-- reformatted after it was applied\n');
  await writeFile(join(folder, '0099_lost_in_merge.sql'), 'select 1;\n');
  return folder;
};

const databases: { name: string; enabled: boolean; open: () => Promise<TestDatabase> }[] = [
  { name: 'PGlite', enabled: true, open: createPgliteDatabase },
  { name: 'PostgreSQL server', enabled: server, open: () => createServerDatabase('dc_history') },
];

describe.each(databases.filter((d) => d.enabled))('verify with a migrations folder ($name)', ({ name, open }) => {
  let database: TestDatabase;
  const slug = name === 'PGlite' ? 'pglite' : 'server';

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('checks the config out folder by default: pending, then in order and in sync, then skipped, changed and orphan', async () => {
    const cwd = workspace.dir;
    await migrateWithDrizzle(database, workspace.path('base'));
    const behind = workspace.path(`${slug}-behind.json`);
    await captureTo(database, behind);

    // No --migrations: the config's out (./drizzle) holds a journal, so it is checked.
    const pending = await verifyJson(cwd, ['--snapshot', behind]);
    expect(pending.history).toMatchObject({ path: 'drizzle', table: 'drizzle.__drizzle_migrations', migrations: 3, applied: 2, byRisk: { low: 1, medium: 0, high: 0 } });
    expect(pending.history?.findings.map((f) => [f.kind, 'migration' in f ? f.migration.tag : null])).toEqual([['pending-migration', '0002_tags']]);
    expect(pending.findings.map((f) => `${f.kind} ${f.table}`)).toEqual(['create-table tags']);

    await migrateWithDrizzle(database, workspace.path('drizzle'));
    const current = workspace.path(`${slug}-current.json`);
    await captureTo(database, current);
    const clean = await verifyCli(cwd, ['--snapshot', current]);
    expect(clean.code).toBe(0);
    expect(clean.out.split('\n').slice(0, 4)).toEqual([
      'IN SYNC: the schema matches the snapshot.',
      '  0 findings (0 high, 0 medium, 0 low); exit code 0 with --fail-on medium',
      '  tables: 3 in the schema, 3 in the database: 3 same name, 0 renamed, 0 to create, 0 to drop',
      '  migrations: 3 in drizzle, 3 applied (drizzle.__drizzle_migrations): in order',
    ]);

    const pr = await pullRequestFolder(`${slug}-pr`);
    const prName = basename(pr);
    const checked = await verifyJson(cwd, ['--snapshot', current, '--migrations', prName]);
    expect(checked.history?.findings.map((f) => [f.kind, f.risk])).toEqual([
      ['changed-migration', 'medium'],
      ['skipped-migration', 'high'],
      ['orphan-migration-file', 'medium'],
    ]);
    // The schema matches; the history alone makes it dangerous and fails the build.
    expect(checked.findings).toEqual([]);
    expect(checked.verdict).toBe('dangerous');
    const failing = await verifyCli(cwd, ['--snapshot', current, '--migrations', prName, '--fail-on', 'high']);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain(`  migrations: 4 in ${prName}, 3 applied (drizzle.__drizzle_migrations): 1 high, 2 medium, 0 low`);
    expect(failing.out).toContain(`Migration history (${prName} against drizzle.__drizzle_migrations)`);
    expect(failing.out).toContain('  HIGH    migration that will be silently skipped 0003_comments.sql');
    expect(failing.out).toContain('  MEDIUM  applied migration edited since 0000_init.sql');
    expect(failing.out).toContain('  MEDIUM  sql file the journal does not list 0099_lost_in_merge.sql');

    const markdown = await verifyCli(cwd, ['--snapshot', current, '--migrations', prName, '--format', 'markdown']);
    expect(markdown.out).toContain(`#### Migration history: \`${prName}\` against \`drizzle.__drizzle_migrations\``);
    expect(markdown.out).toMatch(/\| high \| `0003_comments\.sql` \| \*\*Migration that will be silently skipped\*\*<br>/);

    // GitHub: paths from the repository root; the skipped one points at its journal entry.
    const root = dirname(cwd);
    const github = await verifyCli(cwd, ['--snapshot', current, '--migrations', prName, '--format', 'github'], { GITHUB_WORKSPACE: root });
    const journal = (await readFile(join(pr, 'meta', '_journal.json'), 'utf8')).split('\n');
    const line = journal.findIndex((l) => l.includes('"tag": "0003_comments"')) + 1;
    const inRepo = `${basename(cwd)}/${prName}`;
    expect(github.out).toContain(`::error file=${inRepo}/meta/_journal.json,line=${line},title=high risk%3A migration that will be silently skipped 0003_comments.sql::`);
    expect(github.out).toContain(`::warning file=${inRepo}/0000_init.sql,title=medium risk%3A applied migration edited since 0000_init.sql::`);
    expect(github.out).toContain(`::warning file=${inRepo}/0099_lost_in_merge.sql,title=`);
  });

  it('counts every migration pending, with a warning, when the snapshot has no migrations table', async () => {
    const current = workspace.path(`${slug}-current.json`);
    const snapshot = JSON.parse(await readFile(current, 'utf8')) as Record<string, unknown>;
    const without = workspace.path(`${slug}-no-journal.json`);
    await writeFile(without, `${JSON.stringify({ ...snapshot, migrations: null }, null, 2)}\n`);
    const report = await verifyJson(workspace.dir, ['--snapshot', without]);
    expect(report.warnings.map((w) => w.code)).toEqual(['migrations-table-missing']);
    expect(report.history).toMatchObject({ applied: null, byRisk: { low: 3, medium: 0, high: 0 } });
  });
});

describe('--migrations errors', () => {
  it('rejects a folder without a drizzle journal (exit 2) and names what to pass', async () => {
    const snapshot = ['--snapshot', workspace.path('pglite-current.json')];
    const file = await verifyCli(workspace.dir, [...snapshot, '--migrations', 'schema.ts']);
    expect(file.code).toBe(2);
    expect(file.err).toContain('--migrations schema.ts: schema.ts is not a folder');
    const empty = await verifyCli(workspace.dir, [...snapshot, '--migrations', 'node_modules']);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no drizzle journal at');
    expect(empty.err).toContain('hint: Pass the folder drizzle-kit generate writes to');
  });

  it('checks nothing when the config has no out folder with a journal', async () => {
    await writeFile(workspace.path('drizzle.alt.config.ts'), `export default { dialect: 'postgresql', schema: './schema.ts', out: './nowhere' };\n`);
    const report = await verifyJson(workspace.dir, ['--snapshot', workspace.path('pglite-current.json'), '--config', 'drizzle.alt.config.ts']);
    expect(report.history).toBeNull();
  });
});
