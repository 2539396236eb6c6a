/**
 * The migration-history part of a verify run: a drizzle migrations folder (read by the
 * command, passed in as data) against the migrations table the snapshot recorded. Pure:
 * `checkMigrationHistory` does the comparison; this file shapes its answer for reports
 * and folds it into the verdict and the exit code.
 */
import {
  checkMigrationHistory,
  type AppliedMigration,
  type HistoryFinding,
  type MigrationFolder,
} from '../history/index.js';
import { RISKS, type Risk } from './finding-kinds.js';

export interface HistoryInput {
  /** The folder as reports show it (relative to the working directory), e.g. `drizzle`. */
  readonly path: string;
  readonly folder: MigrationFolder;
  /**
   * The rows of the migrations table the snapshot recorded, in id order; null when the
   * snapshot has none (the table was absent or unreadable at capture).
   */
  readonly applied: readonly AppliedMigration[] | null;
  /** `schema.table` of the migrations table, for messages. */
  readonly table: string;
}

export interface HistoryReport {
  /** The folder as reports show it. */
  readonly path: string;
  /** `schema.table` of the migrations table. */
  readonly table: string;
  /** Entries of meta/_journal.json. */
  readonly migrations: number;
  /** Rows of the migrations table in the snapshot; null when the snapshot has no such table. */
  readonly applied: number | null;
  readonly byRisk: Readonly<Record<Risk, number>>;
  /** In the order `checkMigrationHistory` gives them: journal order, then applied rows, then orphan files. */
  readonly findings: readonly HistoryFinding[];
}

export const historyReport = (input: HistoryInput): HistoryReport => {
  // A database the migrator never ran against has no table: every migration is pending.
  const findings = checkMigrationHistory(input.folder, input.applied ?? []);
  return {
    path: input.path,
    table: input.table,
    migrations: input.folder.migrations.length,
    applied: input.applied === null ? null : input.applied.length,
    byRisk: Object.fromEntries(RISKS.map((risk) => [risk, findings.filter((f) => f.risk === risk).length])) as Record<Risk, number>,
    findings,
  };
};
