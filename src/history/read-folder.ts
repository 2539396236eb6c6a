import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationHash } from './hash.js';
import { parseJournal } from './journal.js';
import type { JournalMigration, MigrationFolder, OrphanFile } from './model.js';

/** Why a folder could not be read as a drizzle migrations folder: an expected failure, not a fault. */
export interface MigrationFolderProblem {
  readonly code: 'folder-unreadable' | 'journal-missing' | 'journal-unreadable' | 'journal-invalid';
  /** The file or folder at fault. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export type ReadMigrationFolderResult =
  | { readonly ok: true; readonly folder: MigrationFolder }
  | { readonly ok: false; readonly problem: MigrationFolderProblem };

/** Not there: no such file, or a path through something that is not a folder (`--migrations` naming a file). */
const isNotFound = (error: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** The folder cannot be read (permissions, a folder where a file should be): a problem, not a bug. */
const unreadable = (path: string, error: unknown): ReadMigrationFolderResult => ({
  ok: false,
  problem: {
    code: 'folder-unreadable',
    path,
    message: `cannot read ${path}: ${(error as Error).message}`,
    hint: 'Check the path and its permissions.',
  },
});

/**
 * Reads a drizzle migrations folder the way drizzle-orm's migrator does
 * (`readMigrationFiles` in drizzle-orm/migrator.js): the journal at `meta/_journal.json`,
 * then `<tag>.sql` next to it for each entry, hashed as the migrator hashes it. Unlike
 * the migrator it does not stop at a missing file (that becomes a finding), and it also
 * lists the `.sql` files the journal does not name.
 */
export const readMigrationFolder = async (folderPath: string): Promise<ReadMigrationFolderResult> => {
  const journalPath = join(folderPath, 'meta', '_journal.json');
  let journalText: string;
  try {
    journalText = await readFile(journalPath, 'utf8');
  } catch (error) {
    if (!isNotFound(error)) return unreadable(journalPath, error);
    return {
      ok: false,
      problem: {
        code: 'journal-missing',
        path: journalPath,
        message: `no drizzle journal at ${journalPath}`,
        hint: 'Pass the folder drizzle-kit generate writes to (`out` in drizzle.config), the one holding meta/_journal.json.',
      },
    };
  }
  const journal = parseJournal(journalText);
  if (!journal.ok) {
    return {
      ok: false,
      problem: {
        code: journal.code,
        path: journalPath,
        message: `${journalPath}: ${journal.message}`,
        hint: 'The journal is written by drizzle-kit generate; restore it from version control rather than editing it by hand.',
      },
    };
  }

  let sqlFiles: string[];
  try {
    const dirents = await readdir(folderPath, { withFileTypes: true });
    sqlFiles = dirents.filter((dirent) => dirent.isFile() && dirent.name.endsWith('.sql')).map((dirent) => dirent.name);
  } catch (error) {
    return {
      ok: false,
      problem: {
        code: 'folder-unreadable',
        path: folderPath,
        message: `cannot list ${folderPath}: ${(error as Error).message}`,
        hint: 'Check the path and its permissions.',
      },
    };
  }

  const migrations: JournalMigration[] = [];
  for (const [position, entry] of journal.entries.entries()) {
    let hash: string | null = null;
    try {
      hash = migrationHash(await readFile(join(folderPath, `${entry.tag}.sql`)));
    } catch (error) {
      if (!isNotFound(error)) return unreadable(join(folderPath, `${entry.tag}.sql`), error);
    }
    migrations.push({ position, idx: entry.idx, tag: entry.tag, when: entry.when, hash });
  }

  const listed = new Set(journal.entries.map((entry) => `${entry.tag}.sql`));
  const orphans: OrphanFile[] = [];
  for (const file of sqlFiles.filter((name) => !listed.has(name)).sort(compareText)) {
    try {
      orphans.push({ file, hash: migrationHash(await readFile(join(folderPath, file))) });
    } catch (error) {
      return unreadable(join(folderPath, file), error);
    }
  }
  return { ok: true, folder: { migrations, orphans } };
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
