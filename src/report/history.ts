/** What every reporter says about migration-history findings: a subject and a file. */
import type { HistoryFinding } from '../history/index.js';

/** The file or row a history finding is about, as a report names it. */
export const historySubject = (f: HistoryFinding): string => {
  switch (f.kind) {
    case 'pending-migration':
    case 'skipped-migration':
    case 'changed-migration':
    case 'journal-entry-without-file':
      return f.migration.file;
    case 'applied-migration-without-file':
      return f.orphanFile ?? `created_at ${f.applied.createdAt ?? 'NULL'} (hash ${f.applied.hash.slice(0, 12)})`;
    case 'applied-migration-without-timestamp':
      return `hash ${f.applied.hash.slice(0, 12)}`;
    case 'orphan-migration-file':
      return f.file;
  }
};

/**
 * The file to point at, relative to the migrations folder: the SQL file when it exists,
 * the journal when the fix is there (a skipped or missing entry, a row without a file).
 */
export const historyFile = (f: HistoryFinding): { readonly file: string; readonly journalTag: string | null } => {
  switch (f.kind) {
    case 'pending-migration':
    case 'changed-migration':
      return { file: f.migration.file, journalTag: null };
    case 'skipped-migration':
    case 'journal-entry-without-file':
      return { file: 'meta/_journal.json', journalTag: f.migration.tag };
    case 'applied-migration-without-file':
      return f.orphanFile === null ? { file: 'meta/_journal.json', journalTag: null } : { file: f.orphanFile, journalTag: null };
    case 'applied-migration-without-timestamp':
      return { file: 'meta/_journal.json', journalTag: null };
    case 'orphan-migration-file':
      return { file: f.file, journalTag: null };
  }
};
