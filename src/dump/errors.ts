/** Why a dump cannot be captured: expected failures, as values (the CLI exits 2 with them). */

export type DumpErrorCode =
  | 'archive-format'
  | 'compressed'
  | 'not-a-dump'
  | 'cluster-dump'
  | 'encoding'
  | 'truncated'
  | 'syntax-error'
  | 'table-not-replayed'
  | 'too-large'
  | 'schema-not-found';

export interface DumpError {
  readonly code: DumpErrorCode;
  readonly message: string;
  readonly hint: string;
  /** 1-based line of the dump the error is about, when there is one. */
  readonly line: number | null;
}

export const dumpError = (code: DumpErrorCode, message: string, hint: string, line: number | null = null): DumpError => ({
  code,
  message,
  hint,
  line,
});

export const TOO_LARGE_HINT =
  'the dump is too large for the in-process replay: capture from the database itself with --url, or capture it in parts (pg_dump --schema-only --schema=NAME ...)';
