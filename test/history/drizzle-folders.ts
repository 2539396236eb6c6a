/**
 * Real drizzle migration folders for the history tests: real schema files, turned into
 * migrations by drizzle-kit's own CLI (`drizzle-kit generate`), applied by drizzle-orm's
 * own `migrate()`. Work happens in a temporary directory whose `node_modules` links to the
 * project's, so the schema files import drizzle-orm as an application would.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { AppliedMigration } from '../../src/history/index.js';
import type { TestDatabase } from '../support/databases.js';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');
const drizzleKitBin = join(projectRoot, 'node_modules', '.bin', 'drizzle-kit');

export interface Workspace {
  readonly dir: string;
  /** Writes `<name>.ts` in the workspace. */
  writeSchema(name: string, source: string): Promise<string>;
  /** Runs `drizzle-kit generate` for one schema file into `out` (relative to the workspace). */
  generate(schemaFile: string, out: string, migrationName: string): Promise<void>;
  /** Copies a folder inside the workspace. */
  copy(from: string, to: string): Promise<string>;
  path(...parts: string[]): string;
  remove(): Promise<void>;
}

export const createWorkspace = async (): Promise<Workspace> => {
  const dir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-history-'));
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    writeSchema: async (name, source) => {
      const file = join(dir, `${name}.ts`);
      await writeFile(file, source);
      return file;
    },
    generate: async (schemaFile, out, migrationName) => {
      await run(
        drizzleKitBin,
        ['generate', '--dialect', 'postgresql', '--schema', schemaFile, '--out', out, '--name', migrationName],
        { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
      );
    },
    copy: async (from, to) => {
      await cp(join(dir, from), join(dir, to), { recursive: true });
      return join(dir, to);
    },
    path: (...parts) => join(dir, ...parts),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};

interface JournalFile {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

export const readJournal = async (folder: string): Promise<JournalFile> =>
  JSON.parse(await readFile(join(folder, 'meta', '_journal.json'), 'utf8')) as JournalFile;

export const writeJournal = (folder: string, journal: JournalFile): Promise<void> =>
  writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));

/** Applies a migrations folder with drizzle-orm's own migrator for the database's driver. */
export const migrateWithDrizzle = async (database: TestDatabase & { readonly pglite?: PGlite }, folder: string): Promise<void> => {
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder: folder });
    return;
  }
  if (database.url === null) throw new Error('a server database needs a url');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await migratePg(drizzlePg(client), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
};

/** The rows of drizzle.__drizzle_migrations, read with plain SQL as capture records them. */
export const appliedMigrations = async (database: TestDatabase): Promise<readonly AppliedMigration[]> =>
  (
    await database.query<{ hash: string; created_at: string | null }>(
      'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id',
    )
  ).map((row) => ({ hash: row.hash, createdAt: row.created_at }));

export const tableExists = async (database: TestDatabase, name: string): Promise<boolean> => {
  const [row] = await database.query<{ found: string | null }>('select to_regclass($1)::text as found', [name]);
  return row?.found != null;
};
