import { HISTORY_FINDING_KINDS, type HistoryFinding, type MigrationRef } from './findings.js';
import type { AppliedMigration, JournalMigration, MigrationFolder } from './model.js';

/**
 * Compares a migrations folder with the rows of `__drizzle_migrations`, the way
 * drizzle-orm's migrator will see them on its next run. Pure: no I/O, same input, same
 * output. Findings come in a fixed order: journal entries in journal order, then applied
 * rows the journal does not explain, then orphan files by name.
 *
 * Rows are matched to journal entries by `created_at` = `when`, as drizzle records them
 * (the migrator inserts the entry's `when` as `created_at` and never reads `hash` back).
 * Entries sharing one `when` are paired with rows of equal hash first, then in order.
 *
 * NOTE: drizzle-orm 0.45 `pg-core/dialect.js` `PgDialect.migrate()` reads only the newest
 * row (`select id, hash, created_at from … order by created_at desc limit 1`) and runs a
 * migration only `if (!lastDbMigration || Number(lastDbMigration.created_at) <
 * migration.folderMillis)`. A pending migration whose `when` is not newer than that row is
 * skipped without a word (drizzle-orm issues #5316, #5769); and a NULL `created_at` sorts
 * first in that DESC order, so `Number(null)` = 0 and every migration runs again.
 */
export const checkMigrationHistory = (
  folder: MigrationFolder,
  applied: readonly AppliedMigration[],
): readonly HistoryFinding[] => {
  const timed = applied.filter((row): row is AppliedMigration & { readonly createdAt: string } => row.createdAt !== null);
  const untimed = applied.filter((row) => row.createdAt === null);
  const { matched, unmatchedRows } = matchByTimestamp(folder.migrations, timed);

  const newest = timed.reduce<AppliedMigration & { readonly createdAt: string } | null>(
    (best, row) => (best === null || BigInt(row.createdAt) > BigInt(best.createdAt) ? row : best),
    null,
  );
  const newestEntry = newest === null ? undefined : [...matched].find(([, row]) => row === newest)?.[0];
  // With a NULL row the migrator's threshold is 0: nothing is skipped, everything re-runs.
  const threshold = untimed.length > 0 || newest === null ? null : BigInt(newest.createdAt);

  const findings: HistoryFinding[] = [];
  let pendingRank = 0;
  for (const migration of folder.migrations) {
    const ref = refOf(migration);
    const row = matched.get(migration);
    if (migration.hash === null) {
      findings.push({
        kind: 'journal-entry-without-file',
        risk: HISTORY_FINDING_KINDS['journal-entry-without-file'].risk,
        migration: ref,
        applied: row !== undefined,
        message: `meta/_journal.json lists ${ref.tag} (${row ? 'applied' : 'not applied'}) but ${ref.file} is missing: drizzle's migrator throws before running any migration.`,
        action: `Restore ${ref.file} from version control, or remove its entry from meta/_journal.json${row ? ' (it is applied: keep its SQL in history)' : ''}.`,
      });
      continue;
    }
    if (row !== undefined) {
      if (row.hash !== migration.hash) {
        findings.push({
          kind: 'changed-migration',
          risk: HISTORY_FINDING_KINDS['changed-migration'].risk,
          migration: ref,
          appliedHash: row.hash,
          fileHash: migration.hash,
          message: `${ref.file} was applied with hash ${short(row.hash)} but now hashes to ${short(migration.hash)}: the database ran an older text, and drizzle will not run it again.`,
          action: `Revert the edit to ${ref.file} and put the change in a new migration (drizzle-kit generate).`,
        });
      }
      continue;
    }
    if (threshold !== null && BigInt(migration.when) <= threshold && newest !== null) {
      const newestName = newestEntry ? newestEntry.tag : `created_at ${newest.createdAt}`;
      findings.push({
        kind: 'skipped-migration',
        risk: HISTORY_FINDING_KINDS['skipped-migration'].risk,
        migration: ref,
        newestAppliedAt: newest.createdAt,
        message: `${ref.file} is not applied and its when (${iso(migration.when)}) is not newer than the newest applied migration (${newestName}, ${iso(Number(newest.createdAt))}): drizzle's migrator skips it silently and reports success.`,
        action: `Regenerate it after the newest applied migration (drop ${ref.file} and its journal entry, then drizzle-kit generate), or raise its journal when above ${newest.createdAt}.`,
      });
      continue;
    }
    pendingRank += 1;
    findings.push({
      kind: 'pending-migration',
      risk: HISTORY_FINDING_KINDS['pending-migration'].risk,
      migration: ref,
      order: pendingRank,
      message: `${ref.file} is not applied yet (pending #${pendingRank}, generated ${iso(migration.when)}).`,
      action: 'Run drizzle-kit migrate (or migrate() from drizzle-orm) to apply it.',
    });
  }

  const orphanByHash = new Map(folder.orphans.map((orphan) => [orphan.hash, orphan.file] as const));
  for (const row of [...unmatchedRows].sort(byCreatedAtThenHash)) {
    const orphanFile = orphanByHash.get(row.hash) ?? null;
    findings.push({
      kind: 'applied-migration-without-file',
      risk: HISTORY_FINDING_KINDS['applied-migration-without-file'].risk,
      applied: row,
      orphanFile,
      message:
        orphanFile === null
          ? `The database applied a migration (created_at ${row.createdAt}, ${iso(Number(row.createdAt))}, hash ${short(row.hash)}) that no journal entry has: its file was removed, or the database was migrated from another folder.`
          : `The database applied ${orphanFile} (created_at ${row.createdAt}, hash ${short(row.hash)}) but meta/_journal.json no longer lists it.`,
      action:
        orphanFile === null
          ? 'Restore the migration and its journal entry from version control, or confirm the database belongs to this folder.'
          : `Restore the journal entry of ${orphanFile} with when ${row.createdAt}.`,
    });
  }
  for (const row of [...untimed].sort((a, b) => compareText(a.hash, b.hash))) {
    findings.push({
      kind: 'applied-migration-without-timestamp',
      risk: HISTORY_FINDING_KINDS['applied-migration-without-timestamp'].risk,
      applied: row,
      message: `A migrations row (hash ${short(row.hash)}) has created_at NULL: drizzle's migrator reads it as the newest row and will run all ${folder.migrations.length} migrations of the folder again.`,
      action: 'Set created_at of that row to the `when` of its journal entry (match it by hash) before the next migrate.',
    });
  }
  for (const orphan of folder.orphans) {
    findings.push({
      kind: 'orphan-migration-file',
      risk: HISTORY_FINDING_KINDS['orphan-migration-file'].risk,
      file: orphan.file,
      message: `${orphan.file} is in the migrations folder but meta/_journal.json does not list it: drizzle's migrator never runs it.`,
      action: `Delete ${orphan.file}, or regenerate it with drizzle-kit generate so the journal lists it.`,
    });
  }
  return findings;
};

type TimedRow = AppliedMigration & { readonly createdAt: string };

/** Pairs journal entries with rows whose `created_at` equals their `when`. */
const matchByTimestamp = (
  migrations: readonly JournalMigration[],
  rows: readonly TimedRow[],
): { matched: ReadonlyMap<JournalMigration, TimedRow>; unmatchedRows: readonly TimedRow[] } => {
  const rowsByKey = new Map<string, TimedRow[]>();
  for (const row of rows) {
    const key = BigInt(row.createdAt).toString();
    rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
  }
  const entriesByKey = new Map<string, JournalMigration[]>();
  for (const migration of migrations) {
    const key = BigInt(migration.when).toString();
    entriesByKey.set(key, [...(entriesByKey.get(key) ?? []), migration]);
  }

  const matched = new Map<JournalMigration, TimedRow>();
  const unmatchedRows: TimedRow[] = [];
  for (const [key, rowsAtKey] of rowsByKey) {
    // Sorted so the pairing does not depend on the order rows were read in.
    const candidates = [...rowsAtKey].sort((a, b) => compareText(a.hash, b.hash));
    const entries = entriesByKey.get(key) ?? [];
    const free = new Set(candidates);
    const unpaired: JournalMigration[] = [];
    for (const entry of entries) {
      const same = candidates.find((row) => free.has(row) && row.hash === entry.hash);
      if (same) {
        matched.set(entry, same);
        free.delete(same);
      } else unpaired.push(entry);
    }
    for (const entry of unpaired) {
      const next = candidates.find((row) => free.has(row));
      if (!next) break;
      matched.set(entry, next);
      free.delete(next);
    }
    unmatchedRows.push(...free);
  }
  return { matched, unmatchedRows };
};

const refOf = (migration: JournalMigration): MigrationRef => ({
  tag: migration.tag,
  idx: migration.idx,
  when: migration.when,
  file: `${migration.tag}.sql`,
});

const short = (hash: string): string => hash.slice(0, 12);

const iso = (millis: number): string => {
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? String(millis) : date.toISOString();
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byCreatedAtThenHash = (a: TimedRow, b: TimedRow): number => {
  const difference = BigInt(a.createdAt) - BigInt(b.createdAt);
  return difference < 0n ? -1 : difference > 0n ? 1 : compareText(a.hash, b.hash);
};
