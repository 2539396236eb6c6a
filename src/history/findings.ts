import type { AppliedMigration } from './model.js';

export type HistoryRisk = 'low' | 'medium' | 'high';

export type HistoryFindingKind =
  | 'pending-migration'
  | 'skipped-migration'
  | 'changed-migration'
  | 'journal-entry-without-file'
  | 'applied-migration-without-file'
  | 'applied-migration-without-timestamp'
  | 'orphan-migration-file';

/** What a finding says about a journal entry. */
export interface MigrationRef {
  readonly tag: string;
  readonly idx: number;
  readonly when: number;
  /** `<tag>.sql`, relative to the migrations folder. */
  readonly file: string;
}

interface Base<K extends HistoryFindingKind> {
  readonly kind: K;
  readonly risk: (typeof HISTORY_FINDING_KINDS)[K]['risk'];
  readonly message: string;
  readonly action: string;
}

export type HistoryFinding =
  | (Base<'pending-migration'> & {
      readonly migration: MigrationRef;
      /** 1-based rank among the pending migrations, in the order the migrator runs them. */
      readonly order: number;
    })
  | (Base<'skipped-migration'> & {
      readonly migration: MigrationRef;
      /** The newest applied `created_at`, which this migration's `when` does not exceed. */
      readonly newestAppliedAt: string;
    })
  | (Base<'changed-migration'> & {
      readonly migration: MigrationRef;
      readonly appliedHash: string;
      readonly fileHash: string;
    })
  | (Base<'journal-entry-without-file'> & {
      readonly migration: MigrationRef;
      readonly applied: boolean;
    })
  | (Base<'applied-migration-without-file'> & {
      readonly applied: AppliedMigration;
      /** An unlisted `.sql` file in the folder whose hash equals the applied one, if any. */
      readonly orphanFile: string | null;
    })
  | (Base<'applied-migration-without-timestamp'> & { readonly applied: AppliedMigration })
  | (Base<'orphan-migration-file'> & { readonly file: string });

/**
 * Every kind with its title, fixed risk and help text: a new kind does not compile until
 * it is documented here.
 */
export const HISTORY_FINDING_KINDS = {
  'pending-migration': {
    title: 'Pending migration',
    risk: 'low',
    description:
      'A migration in the folder that the database has not applied yet. drizzle-kit migrate (or migrate() from drizzle-orm) will run it.',
  },
  'skipped-migration': {
    title: 'Migration that will be silently skipped',
    risk: 'high',
    description:
      "A pending migration whose journal `when` is not newer than the newest applied migration's `created_at`. drizzle-orm's migrator compares each migration only with the newest applied `created_at`, so it never runs this one and reports success (drizzle-orm issues #5316, #5769).",
  },
  'changed-migration': {
    title: 'Applied migration edited since',
    risk: 'medium',
    description:
      'The SQL file of an applied migration no longer has the hash recorded when it was applied. The database ran the old text; new databases will run the new one; drizzle never re-runs it.',
  },
  'journal-entry-without-file': {
    title: 'Journal entry without its SQL file',
    risk: 'high',
    description:
      "meta/_journal.json lists a migration whose `<tag>.sql` is missing. drizzle-orm's migrator reads every file before running any and throws `No file … found`, so every migrate fails.",
  },
  'applied-migration-without-file': {
    title: 'Applied migration missing from the folder',
    risk: 'medium',
    description:
      'The database applied a migration (by `created_at`) that the journal no longer lists: its file or journal entry was removed, or the database was migrated from another folder.',
  },
  'applied-migration-without-timestamp': {
    title: 'Applied migration without created_at',
    risk: 'high',
    description:
      "A row of the migrations table has a NULL `created_at`. The migrator takes the newest row with `order by created_at desc limit 1`, where PostgreSQL sorts NULLs first, and `Number(null)` is 0: it will run every migration of the folder again.",
  },
  'orphan-migration-file': {
    title: 'SQL file the journal does not list',
    risk: 'medium',
    description:
      "A `.sql` file in the migrations folder that meta/_journal.json does not name. drizzle-orm's migrator only runs journal entries, so this file never runs (often a journal entry lost in a merge).",
  },
} as const satisfies Record<HistoryFindingKind, { title: string; risk: HistoryRisk; description: string }>;
