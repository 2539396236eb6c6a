/**
 * Migration history against real folders and real databases: drizzle-kit generate writes
 * the folders from real schema files, drizzle-orm's own migrate() applies them to the
 * PostgreSQL server and to PGlite, the rows of drizzle.__drizzle_migrations are read back
 * with plain SQL, then the folder is edited, reordered, pruned and padded the way teams
 * break it, and each finding is asserted. The "silently skipped" and NULL created_at
 * behaviours of the migrator are shown on the database itself, not assumed.
 */
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkMigrationHistory,
  readMigrationFolder,
  type HistoryFinding,
  type MigrationFolder,
} from '../../src/history/index.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import {
  appliedMigrations,
  createWorkspace,
  migrateWithDrizzle,
  readJournal,
  tableExists,
  writeJournal,
  type Workspace,
} from './drizzle-folders.js';

const server = await serverTestsEnabled();

const users = `
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
});`;
const posts = `
export const posts = pgTable('posts', {
  id: serial('id').primaryKey(),
  authorId: integer('author_id').notNull().references(() => users.id),
  title: text('title').notNull(),
});`;
const comments = `
export const comments = pgTable('comments', {
  id: serial('id').primaryKey(),
  postId: integer('post_id').notNull().references(() => posts.id),
  body: text('body').notNull(),
});`;
const tags = `
export const tags = pgTable('tags', {
  id: serial('id').primaryKey(),
  label: varchar('label', { length: 40 }).notNull(),
});`;
const header = `import { integer, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';\n`;

let workspace: Workspace;
/** base + 0002_tags, generated after the branch's migration. */
let mainFolder: string;
/** base + 0002_comments, generated on a "branch" before 0002_tags. */
let branchFolder: string;

beforeAll(async () => {
  workspace = await createWorkspace();
  const schema = await workspace.writeSchema('schema', header + users);
  await workspace.generate(schema, 'main', 'init');
  await workspace.writeSchema('schema', header + users + posts);
  await workspace.generate(schema, 'main', 'posts');
  // 'base': 0000_init (users), 0001_posts.
  await workspace.copy('main', 'base');
  branchFolder = await workspace.copy('main', 'branch');
  // The branch generates first, so its `when` is older than main's next migration.
  await workspace.writeSchema('schema', header + users + posts + comments);
  await workspace.generate(schema, 'branch', 'comments');
  await workspace.writeSchema('schema', header + users + posts + tags);
  await workspace.generate(schema, 'main', 'tags');
  mainFolder = workspace.path('main');
});

afterAll(async () => {
  await workspace?.remove();
});

const read = async (folder: string): Promise<MigrationFolder> => {
  const result = await readMigrationFolder(folder);
  if (!result.ok) throw new Error(result.problem.message);
  return result.folder;
};

const summary = (findings: readonly HistoryFinding[]): string[] =>
  findings.map((finding) => {
    switch (finding.kind) {
      case 'orphan-migration-file':
        return `${finding.kind} ${finding.file}`;
      case 'applied-migration-without-file':
        return `${finding.kind} ${finding.orphanFile ?? finding.applied.createdAt}`;
      case 'applied-migration-without-timestamp':
        return `${finding.kind} ${finding.applied.hash.slice(0, 8)}`;
      default:
        return `${finding.kind} ${finding.migration.tag}`;
    }
  });

/** Merges the branch's migration into a copy of main, as a hand-resolved merge would: next index, original `when`. */
const mergeBranch = async (target: string): Promise<{ tag: string; when: number }> => {
  const branchJournal = await readJournal(branchFolder);
  const branchEntry = branchJournal.entries.at(-1)!;
  const journal = await readJournal(target);
  const tag = `000${journal.entries.length}_comments`;
  await workspace.copy(join('branch', `${branchEntry.tag}.sql`), join(target.slice(workspace.dir.length + 1), `${tag}.sql`));
  journal.entries.push({ ...branchEntry, idx: journal.entries.length, tag });
  await writeJournal(target, journal);
  return { tag, when: branchEntry.when };
};

describe('reading a folder drizzle-kit generated', () => {
  it('hashes every migration exactly as drizzle-orm readMigrationFiles does, and keeps journal order and when', async () => {
    const folder = await read(mainFolder);
    const drizzles = readMigrationFiles({ migrationsFolder: mainFolder });
    expect(folder.migrations.map((migration) => migration.tag)).toEqual(['0000_init', '0001_posts', '0002_tags']);
    expect(folder.migrations.map((migration) => [migration.hash, migration.when])).toEqual(
      drizzles.map((migration) => [migration.hash, migration.folderMillis]),
    );
    expect(folder.orphans).toEqual([]);
  });

  it('agrees with drizzle-orm on files that are not clean UTF-8 (BOM, invalid bytes, CRLF)', async () => {
    const folder = await workspace.copy('main', 'bytes');
    const oddBytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('CREATE TABLE "odd" ("note" text DEFAULT \'caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from("');\r\n"),
    ]);
    await writeFile(join(folder, '0002_tags.sql'), oddBytes);
    const ours = (await read(folder)).migrations.map((migration) => migration.hash);
    const drizzles = readMigrationFiles({ migrationsFolder: folder }).map((migration) => migration.hash);
    expect(ours).toEqual(drizzles);
    // Hashing raw bytes would differ: the migrator hashes the decoded text.
    const { createHash } = await import('node:crypto');
    expect(ours[2]).not.toBe(createHash('sha256').update(oddBytes).digest('hex'));
  });

  it('reports a folder without journal as a problem value', async () => {
    const result = await readMigrationFolder(workspace.path('nowhere'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('journal-missing');
      expect(result.problem.path).toBe(join(workspace.path('nowhere'), 'meta', '_journal.json'));
    }
  });

  it('reports a file named as the folder, and a journal that is a folder, as problem values (not thrown)', async () => {
    const file = workspace.path('not-a-folder.sql');
    await writeFile(file, 'select 1;\n');
    expect(await readMigrationFolder(file)).toMatchObject({ ok: false, problem: { code: 'journal-missing' } });
    await mkdir(workspace.path('odd/meta/_journal.json'), { recursive: true });
    expect(await readMigrationFolder(workspace.path('odd'))).toMatchObject({
      ok: false,
      problem: { code: 'folder-unreadable', message: expect.stringContaining('EISDIR') as unknown as string },
    });
  });
});

const databases: { name: string; enabled: boolean; open: () => Promise<TestDatabase> }[] = [
  { name: 'PGlite', enabled: true, open: createPgliteDatabase },
  { name: 'PostgreSQL server', enabled: server, open: () => createServerDatabase('history') },
];

describe.each(databases.filter((database) => database.enabled))('history of a database migrated by drizzle-orm ($name)', ({ name, open }) => {
  let database: TestDatabase;
  const slug = name === 'PGlite' ? 'pglite' : 'server';

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('follows the history: clean, pending in order, applied, then a merged older migration skipped silently', async () => {
    const base = await workspace.copy('base', `${slug}-base`);
    await migrateWithDrizzle(database, base);
    const applied = await appliedMigrations(database);
    expect(applied).toHaveLength(2);
    expect(checkMigrationHistory(await read(base), applied)).toEqual([]);

    // Main moved on: 0002_tags is pending.
    const main = await workspace.copy('main', `${slug}-main`);
    const pending = checkMigrationHistory(await read(main), applied);
    expect(summary(pending)).toEqual(['pending-migration 0002_tags']);
    expect(pending[0]).toMatchObject({ risk: 'low', order: 1 });

    await migrateWithDrizzle(database, main);
    const afterMain = await appliedMigrations(database);
    expect(afterMain).toHaveLength(3);
    expect(await tableExists(database, 'tags')).toBe(true);
    expect(checkMigrationHistory(await read(main), afterMain)).toEqual([]);

    // The branch's migration is merged after main's: its `when` is older than 0002_tags.
    const merged = await mergeBranch(main);
    const newestApplied = afterMain.at(-1)!.createdAt!;
    expect(BigInt(merged.when)).toBeLessThan(BigInt(newestApplied));
    const skipped = checkMigrationHistory(await read(main), afterMain);
    expect(summary(skipped)).toEqual([`skipped-migration ${merged.tag}`]);
    expect(skipped[0]).toMatchObject({ risk: 'high', newestAppliedAt: newestApplied });

    // The claim, shown: migrate() succeeds, records nothing, and never creates the table.
    await expect(migrateWithDrizzle(database, main)).resolves.toBeUndefined();
    expect(await tableExists(database, 'comments')).toBe(false);
    expect(await appliedMigrations(database)).toEqual(afterMain);
    expect(summary(checkMigrationHistory(await read(main), await appliedMigrations(database)))).toEqual([
      `skipped-migration ${merged.tag}`,
    ]);
  });

  it('finds edited, removed and unlisted files against the rows migrate() recorded', async () => {
    const applied = await appliedMigrations(database);
    expect(applied.length).toBeGreaterThanOrEqual(3);

    const edited = await workspace.copy('main', `${slug}-edited`);
    await appendFile(join(edited, '0001_posts.sql'), '\n--> statement-breakpoint\nCREATE INDEX "posts_title_idx" ON "posts" ("title");');
    const changed = checkMigrationHistory(await read(edited), applied);
    expect(summary(changed)).toEqual(['changed-migration 0001_posts']);
    expect(changed[0]).toMatchObject({ risk: 'medium', appliedHash: applied[1]!.hash });

    const fileGone = await workspace.copy('main', `${slug}-file-gone`);
    await rm(join(fileGone, '0000_init.sql'));
    const gone = checkMigrationHistory(await read(fileGone), applied);
    expect(summary(gone)).toEqual(['journal-entry-without-file 0000_init']);
    expect(gone[0]).toMatchObject({ risk: 'high', applied: true });
    // drizzle's migrator indeed refuses the whole folder.
    expect(() => readMigrationFiles({ migrationsFolder: fileGone })).toThrow(/No file .*0000_init\.sql/);

    // The journal entry of an applied migration removed, the file left behind.
    const unlisted = await workspace.copy('main', `${slug}-unlisted`);
    const journal = await readJournal(unlisted);
    await writeJournal(unlisted, { ...journal, entries: journal.entries.filter((entry) => entry.tag !== '0001_posts') });
    expect(summary(checkMigrationHistory(await read(unlisted), applied))).toEqual([
      'applied-migration-without-file 0001_posts.sql',
      'orphan-migration-file 0001_posts.sql',
    ]);

    // Both removed: the database remembers a migration the folder has lost.
    await rm(join(unlisted, '0001_posts.sql'));
    const lost = checkMigrationHistory(await read(unlisted), applied);
    expect(summary(lost)).toEqual([`applied-migration-without-file ${applied[1]!.createdAt}`]);
    expect(lost[0]).toMatchObject({ risk: 'medium', orphanFile: null });

    const stray = await workspace.copy('main', `${slug}-stray`);
    await writeFile(join(stray, '0099_hotfix.sql'), 'ALTER TABLE "users" ADD COLUMN "nickname" text;');
    expect(summary(checkMigrationHistory(await read(stray), applied))).toEqual(['orphan-migration-file 0099_hotfix.sql']);
  });
});

describe('a migrations row with created_at NULL (PGlite)', () => {
  it('makes drizzle-orm re-run every migration, as the finding says', async () => {
    const database = await createPgliteDatabase();
    try {
      const base = await workspace.copy('base', 'null-created-at');
      await migrateWithDrizzle(database, base);
      await database.exec('update drizzle.__drizzle_migrations set created_at = null where id = 1');
      const applied = await appliedMigrations(database);
      const findings = checkMigrationHistory(await read(base), applied);
      expect(summary(findings)).toEqual([
        'pending-migration 0000_init',
        `applied-migration-without-timestamp ${applied[0]!.hash.slice(0, 8)}`,
      ]);
      // The migrator takes the NULL row as the newest and runs 0000_init again.
      const rerun = await migrateWithDrizzle(database, base).then(
        () => null,
        (error: Error) => error,
      );
      expect(rerun?.message).toMatch(/^Failed query: CREATE TABLE "users"/);
      expect((rerun?.cause as Error | undefined)?.message).toMatch(/relation "users" already exists/);
      // The failed run rolled back: still the two rows.
      expect(await appliedMigrations(database)).toEqual(applied);
    } finally {
      await database.close();
    }
  });
});
