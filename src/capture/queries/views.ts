import type { View } from '../../catalog/model.js';
import { catalogChanged } from '../catalog-changed.js';
import type { KindQuery } from './shared.js';

interface RawViewRow {
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  readonly definition: string | null;
}

/**
 * NOTE: pg_get_viewdef's layout changes between major versions (PostgreSQL 16 stopped
 * qualifying columns with the table name when unambiguous): compare definitions as
 * parsed SQL, never as text.
 */
const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as name,
    c.relkind = 'm' as materialized,
    pg_get_viewdef(c.oid) as definition
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('v', 'm') and n.nspname = any($1::text[])
  order by n.nspname collate "C", c.relname collate "C"`;

export const mapViewRow = (row: RawViewRow): View => {
  // NOTE: pg_get_viewdef reads the latest catalog, not the transaction's snapshot, so a
  // view dropped by another session after our snapshot was taken can come back as null
  // (or fail with "could not open relation with OID", see database-errors.ts).
  if (row.definition === null) throw catalogChanged(`view ${row.schema}.${row.name}`);
  return { schema: row.schema, name: row.name, materialized: row.materialized, definition: row.definition };
};

export const viewsQuery: KindQuery<RawViewRow, readonly View[]> = { sql: SQL, map: (rows) => rows.map(mapViewRow) };
