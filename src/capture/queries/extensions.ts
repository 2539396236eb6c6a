import type { Extension } from '../../catalog/model.js';
import type { KindQuery } from './shared.js';

interface RawExtensionRow {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
}

/** Every installed extension, whatever schema it lives in (plpgsql sits in pg_catalog). */
const SQL = `
  select e.extname::text as name, n.nspname::text as schema, e.extversion as version
  from pg_extension e
  join pg_namespace n on n.oid = e.extnamespace
  order by e.extname collate "C"`;

export const mapExtensionRow = (row: RawExtensionRow): Extension => ({
  name: row.name,
  schema: row.schema,
  version: row.version,
});

export const extensionsQuery: KindQuery<RawExtensionRow, readonly Extension[]> = { sql: SQL, map: (rows) => rows.map(mapExtensionRow) };
