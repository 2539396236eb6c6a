/**
 * The two sides of a migration-history check, as plain data: what a drizzle migrations
 * folder holds (read by `read-folder.ts`) and what `drizzle.__drizzle_migrations` says was
 * applied (recorded by capture). `check.ts` compares them without touching either.
 */

/** One entry of `meta/_journal.json`, with the hash of its SQL file when the file exists. */
export interface JournalMigration {
  /** Position in the journal's `entries` array (the order drizzle's migrator runs them in). */
  readonly position: number;
  /** The journal's own `idx` (drizzle-kit numbers from 0; kept for messages only). */
  readonly idx: number;
  /** File name without `.sql`: `0003_brave_wolf`. */
  readonly tag: string;
  /** Milliseconds since the epoch when drizzle-kit generated it; stored as `created_at` when applied. */
  readonly when: number;
  /**
   * sha256 (hex) of `<tag>.sql` exactly as drizzle-orm's migrator computes it
   * (see `hash.ts`); null when the file is missing.
   */
  readonly hash: string | null;
}

/** A drizzle migrations folder (`out` of drizzle.config) as the migrator sees it. */
export interface MigrationFolder {
  /** Journal entries in journal order. */
  readonly migrations: readonly JournalMigration[];
  /** `.sql` files at the folder's top level that no journal entry names, sorted by file name. */
  readonly orphans: readonly OrphanFile[];
}

export interface OrphanFile {
  /** File name relative to the folder: `0004_lost_in_merge.sql`. */
  readonly file: string;
  /** Hashed like a migration, to recognise an applied migration whose journal entry was removed. */
  readonly hash: string;
}

/**
 * One row of `drizzle.__drizzle_migrations` (schema and table are configurable under
 * `migrations` in drizzle.config). `created_at` is a nullable `bigint`: drivers hand it
 * over as a string, and a string keeps every digit.
 */
export interface AppliedMigration {
  readonly hash: string;
  /** `created_at` as decimal digits (the journal `when` the migrator inserted), or null. */
  readonly createdAt: string | null;
}
