import type { QualifiedName } from '../../catalog/model.js';
import type { Queryable } from '../queryable.js';

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
}

/** Always-quoted identifier: valid for any name, so no keyword list is needed. */
const quoted = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/** Reads the journal's rows; call only when readServer reported it `present`. */
export const readMigrations = async (q: Queryable, table: QualifiedName): Promise<MigrationsJournal> => {
  const sql = `
    select coalesce(hash::text, '') as hash, created_at::text as created_at
    from ${quoted(table.schema)}.${quoted(table.name)}
    order by id, hash collate "C"`;
  const rows = (await q.query<RawMigrationRow>(sql)).rows;
  return {
    schema: table.schema,
    table: table.name,
    entries: rows.map((row) => ({ hash: row.hash, createdAt: row.created_at })),
  };
};
