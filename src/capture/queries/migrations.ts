import type { QualifiedName } from '../../catalog/model.js';
import type { KindQuery } from './shared.js';

/** drizzle-kit's migrations journal: which migrations ran, in order. Metadata, not user data. */
export interface MigrationsJournal {
  readonly schema: string;
  readonly table: string;
  readonly entries: readonly MigrationEntry[];
}

export interface MigrationEntry {
  readonly hash: string;
  /** `created_at` (drizzle-kit writes the migration folder's millisecond timestamp), as text: it is a bigint. */
  readonly createdAt: string | null;
}

/** drizzle-kit's default: `migrations: { schema: 'drizzle', table: '__drizzle_migrations' }`. */
export const DEFAULT_MIGRATIONS_TABLE: QualifiedName = { schema: 'drizzle', name: '__drizzle_migrations' };

interface RawMigrationRow {
  readonly hash: string;
  readonly created_at: string | null;
  /** The row's rank in id order: rows read together (together.ts) come as a JSON array whose order SQL does not promise. */
  readonly ord: number;
}

/** Always-quoted identifier: valid for any name, so no keyword list is needed. */
const quoted = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The journal's rows when readServer reported it `present`, else nothing (null): reading
 * a table that is absent, unreadable or not a journal would abort the transaction.
 */
export const journalQuery = (table: QualifiedName, present: boolean): KindQuery<RawMigrationRow, MigrationsJournal | null> => ({
  sql: present
    ? `select coalesce(hash::text, '') as hash, created_at::text as created_at,
         row_number() over (order by id, hash collate "C")::int as ord
       from ${quoted(table.schema)}.${quoted(table.name)}`
    : 'select null::text as hash, null::text as created_at, 0 as ord where false',
  map: (rows) =>
    present
      ? {
          schema: table.schema,
          table: table.name,
          entries: [...rows].sort((a, b) => a.ord - b.ord).map((row) => ({ hash: row.hash, createdAt: row.created_at })),
        }
      : null,
});
