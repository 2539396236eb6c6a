/** Public library API. */
export type * from './catalog/model.js';
export { runCli, createCli, type CliDeps } from './cli.js';
export { ExitCode, type CliIo } from './cli-io.js';
export { VERSION } from './version.js';
export { capture, type Capture, type CaptureError, type CaptureOptions, type CaptureOutcome } from './capture/capture.js';
export type { Queryable, QueryResult } from './capture/queryable.js';
export { pgQueryable } from './capture/pg-queryable.js';
export { pgliteQueryable, type PgliteLike } from './capture/pglite-queryable.js';
export { readOnlyTransaction } from './capture/transaction.js';
export {
  captureDump,
  DUMP_DIFFERENCES,
  type CaptureSource,
  type DumpCapture,
  type DumpCaptureOptions,
  type DumpCaptureOutcome,
  type DumpProgress,
} from './dump/capture-dump.js';
export { dumpText, type DumpText } from './dump/text.js';
export type { DumpError, DumpErrorCode } from './dump/errors.js';
export { redactUrl } from './capture/url.js';
export type { MigrationsJournal, MigrationEntry } from './capture/queries/migrations.js';
export type { ServerInfo } from './capture/queries/server.js';
export { sortCatalog } from './catalog/sort.js';
export { FORMAT_VERSION, SNAPSHOT_SCHEMA_URL, type Snapshot, type SnapshotMetadata } from './snapshot/format.js';
export { loadSnapshot, parseSnapshot, type LoadResult } from './snapshot/load.js';
export { SNAPSHOT_ERRORS, formatSnapshotError, type SnapshotError, type SnapshotErrorCode } from './snapshot/errors.js';
export { buildSnapshot, serializeSnapshot } from './snapshot/serialize.js';
export { writeSnapshotFile } from './snapshot/write.js';
export {
  loadDrizzleSchema,
  loadDrizzleSchemaJson,
  readDrizzleConfig,
  resolveDrizzleConfig,
  type DrizzleSchema,
  type DrizzleSchemaJson,
  type LoadDrizzleSchemaOptions,
  type ReadDrizzleConfigOptions,
  type ResolveDrizzleConfigOptions,
  type SchemaLoading,
} from './schema/index.js';
export {
  resolveConfig,
  createTablesFilter,
  INPUT_ERROR_TITLES,
  type DrizzleConfig,
  type ResolvedConfig,
  type ResolveConfigOptions,
  type ConfigImporter,
  type ImportFacts,
  type InputError,
  type InputErrorCode,
  type TableNameFilter,
} from './config/index.js';
export {
  verify,
  filterDatabase,
  FINDING_KINDS,
  FINDING_KIND_ORDER,
  RISKS,
  FAIL_ON_VALUES,
  DEFAULT_FAIL_ON,
  exitCodeOf,
  verdictOf,
  type VerifyOptions,
  type VerifyResult,
  type Finding,
  type FindingKind,
  type Risk,
  type FailOn,
  type Verdict,
  type PushPrompt,
  type DatabaseFilter,
} from './diff/index.js';
export {
  renderText,
  renderJson,
  toJsonReport,
  JSON_FORMAT_VERSION,
  renderMarkdown,
  renderGithub,
  verifyOutputSchema,
  type JsonReport,
  type MarkdownReportOptions,
  type GithubReportOptions,
  type SourceFile,
} from './report/index.js';
export type { HistoryInput, HistoryReport } from './diff/index.js';
export { buildRenamePlan, type RenamePlan, type RenamePlanResult, type PlanIssue } from './plan/sql-plan.js';
export { hintDecisions } from './plan/hint-decisions.js';
export { normalizeExpressions, validateStatements } from './sql/index.js';
export { readMigrationFolder, checkMigrationHistory, type HistoryFinding, type AppliedMigration } from './history/index.js';
export { buildHintsFile } from './plan/hints.js';
