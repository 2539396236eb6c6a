/**
 * Why a snapshot file cannot be used: values, never exceptions. Each code has a title
 * and a hint in SNAPSHOT_ERRORS, so a new code cannot compile undocumented (the README's
 * Troubleshooting section is built from these).
 */

export type SnapshotErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'not-json'
  | 'not-a-snapshot'
  | 'newer-format'
  | 'unsupported-format'
  | 'wrong-shape'
  | 'duplicate';

interface SnapshotErrorBase<Code extends SnapshotErrorCode> {
  readonly code: Code;
  /** The file, as the user named it. */
  readonly path: string;
  /** One line, starting with the path, saying what is wrong. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

export type SnapshotError =
  | SnapshotErrorBase<'not-found' | 'unreadable' | 'empty' | 'not-a-snapshot' | 'unsupported-format'>
  | (SnapshotErrorBase<'not-json'> & { readonly line: number; readonly column: number })
  | (SnapshotErrorBase<'newer-format'> & { readonly formatVersion: number; readonly writtenBy: string | null })
  | (SnapshotErrorBase<'wrong-shape' | 'duplicate'> & {
      /** JSON path of the first problem, e.g. `$.catalog.tables[3].columns[0].type`. */
      readonly jsonPath: string;
      /** Every problem found (wrong-shape may have several), first one first. */
      readonly problems: readonly { readonly jsonPath: string; readonly message: string }[];
    });

const RESTORE = 'restore it from version control (git checkout -- <file>) or capture it again';

export const SNAPSHOT_ERRORS: Readonly<Record<SnapshotErrorCode, { readonly title: string; readonly hint: string }>> = {
  'not-found': {
    title: 'Snapshot file not found',
    hint: 'someone with database access runs `drizzle-catalog capture --out <file>` and commits the file; or pass the right path',
  },
  unreadable: {
    title: 'Snapshot file cannot be read',
    hint: 'check that the path names a file (not a directory) and that you may read it',
  },
  empty: {
    title: 'Snapshot file is empty',
    hint: `an interrupted copy or a bad merge emptied it; ${RESTORE}`,
  },
  'not-json': {
    title: 'Snapshot file is not valid JSON',
    hint: `a merge conflict or a hand edit broke the JSON at that position; fix it there, or ${RESTORE}`,
  },
  'not-a-snapshot': {
    title: 'Not a drizzle-catalog snapshot',
    hint: 'the file has no formatVersion: point to a file written by `drizzle-catalog capture`',
  },
  'newer-format': {
    title: 'Snapshot written by a newer drizzle-catalog',
    hint: 'upgrade drizzle-catalog (npm install --save-dev drizzle-catalog@latest), or re-capture with this version',
  },
  'unsupported-format': {
    title: 'Unknown snapshot format version',
    hint: `formatVersion must be a whole number this version understands; ${RESTORE}`,
  },
  'wrong-shape': {
    title: 'Snapshot does not have the expected shape',
    hint: `the file was edited by hand or written by another tool; fix the value at that JSON path, or ${RESTORE}`,
  },
  duplicate: {
    title: 'Snapshot lists the same object or key twice',
    hint: `a hand edit or a bad merge wrote it twice (PostgreSQL cannot hold two objects with one name, and JSON would keep only the last of two keys); ${RESTORE}`,
  },
};

/** `Error` text for a snapshot error: the message, then the hint. */
export const formatSnapshotError = (error: SnapshotError): string => `${error.message}\n  hint: ${error.hint}`;
