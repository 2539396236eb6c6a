/**
 * Migration history: a drizzle migrations folder against the rows of
 * `drizzle.__drizzle_migrations`, as drizzle-orm's migrator will see them.
 *
 * - model.ts        the folder and the applied rows, as data
 * - hash.ts         the migrator's hash of a migration file
 * - journal.ts      meta/_journal.json format (zod)
 * - read-folder.ts  the file-system edge: folder → MigrationFolder
 * - check.ts        pure comparison → findings
 * - findings.ts     the HistoryFinding union and its documented kinds
 */
export type { AppliedMigration, JournalMigration, MigrationFolder, OrphanFile } from './model.js';
export { migrationHash } from './hash.js';
export { parseJournal, type JournalEntry, type JournalParse } from './journal.js';
export { readMigrationFolder, type MigrationFolderProblem, type ReadMigrationFolderResult } from './read-folder.js';
export { checkMigrationHistory } from './check.js';
export {
  HISTORY_FINDING_KINDS,
  type HistoryFinding,
  type HistoryFindingKind,
  type HistoryRisk,
  type MigrationRef,
} from './findings.js';
