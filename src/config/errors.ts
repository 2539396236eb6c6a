/**
 * Expected failures on the input side of verify (the drizzle-kit config, the schema files,
 * the drizzle-kit serializer), as values: a `code`, the file at fault, a one-line message
 * and a hint saying what to do. Never a stack trace: these are the user's mistakes, not ours.
 */

export type InputErrorCode =
  | 'config-not-found'
  | 'config-import-failed'
  | 'config-invalid'
  | 'config-wrong-dialect'
  | 'schema-not-found'
  | 'schema-import-failed'
  | 'schema-empty'
  | 'schema-duplicate-table'
  | 'schema-rejected-by-drizzle-kit'
  | 'drizzle-orm-not-found'
  | 'drizzle-versions-mismatch'
  | 'drizzle-kit-unsupported'
  | 'schema-loader-failed';

/** Why a TypeScript or JavaScript module could not be imported. */
export type ImportFailureReason =
  | 'syntax-error'
  | 'missing-package'
  | 'unresolved-alias'
  | 'missing-file'
  | 'threw'
  /** The module opened (or tried to open) a network connection: verify is offline. */
  | 'network'
  /** Its top-level code never finished: an await that never settles, an endless loop. */
  | 'pending'
  /** The tsconfig.json drizzle-kit reads for it cannot be read (an `extends` that does not resolve). */
  | 'tsconfig'
  /** Syntax the module system drizzle-kit loads it with does not allow (top-level await in CommonJS). */
  | 'module-system';

/** A position in a file, 1-based. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

interface InputErrorBase<Code extends InputErrorCode> {
  readonly code: Code;
  /** The file at fault (or the directory searched), relative to the working directory when inside it. */
  readonly path: string;
  /** One line, no stack. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

/**
 * What a module was imported with, for whoever reads an import error: a failure that is
 * not in the module itself is usually a version or module-system question.
 */
export interface ImportFacts {
  /** `process.version` of the process that imported it: `v20.20.2`. */
  readonly node: string;
  /** `0.31.11 (the project's)` or `0.31.11 (drizzle-catalog's own: the project has none)`. */
  readonly drizzleKit: string;
  /** The project's drizzle-orm version; null when none is installed. */
  readonly drizzleOrm: string | null;
  /** How the file was loaded, e.g. `CommonJS, required through tsx 4.23.15 (as drizzle-kit 0.31 loads it)`. */
  readonly loadedAs: string;
}

export interface ImportFailedError extends InputErrorBase<'config-import-failed' | 'schema-import-failed'> {
  readonly reason: ImportFailureReason;
  /** Where in `path` it failed, when known (syntax errors, errors thrown at import). */
  readonly location: SourceLocation | null;
  /** Null only where nothing was imported (a JSON config that does not parse). */
  readonly facts: ImportFacts | null;
}

export type InputError =
  | ImportFailedError
  | InputErrorBase<Exclude<InputErrorCode, 'config-import-failed' | 'schema-import-failed'>>;

/** One line per code, so that a new code cannot be added undocumented. */
export const INPUT_ERROR_TITLES: Readonly<Record<InputErrorCode, string>> = {
  'config-not-found': 'No drizzle-kit config file was found.',
  'config-import-failed': 'The drizzle-kit config file could not be imported.',
  'config-invalid': 'The drizzle-kit config does not have the expected shape.',
  'config-wrong-dialect': 'The drizzle-kit config is not for PostgreSQL.',
  'schema-not-found': 'The configured schema paths match no file.',
  'schema-import-failed': 'A schema file could not be imported.',
  'schema-empty': 'The schema files export no table, enum, sequence or view.',
  'schema-duplicate-table': 'Two different tables are exported under the same schema and name.',
  'schema-rejected-by-drizzle-kit': "drizzle-kit's serializer refused the schema.",
  'drizzle-orm-not-found': 'drizzle-orm is not installed in the project.',
  'drizzle-versions-mismatch': 'The installed drizzle-orm and drizzle-kit belong to different major versions.',
  'drizzle-kit-unsupported': 'The drizzle-kit version the project uses is not supported.',
  'schema-loader-failed': 'The process that imports the schema ended before it answered.',
};

/** A failed step: `{ ok: false, error }`; a successful one carries its value. */
export type Result<Value> = ({ readonly ok: true } & Value) | { readonly ok: false; readonly error: InputError };

export const failure = (error: InputError): { readonly ok: false; readonly error: InputError } => ({ ok: false, error });
