import type { QualifiedName } from '../../catalog/model.js';
import type { Queryable } from '../queryable.js';

/** What the capture records about the server it read. */
export interface ServerInfo {
  readonly database: string;
  /** `server_version`, e.g. `15.8` or `16.4 (Debian 16.4-1.pgdg120+2)`. */
  readonly version: string;
  /** `server_version_num`, e.g. 150008. */
  readonly versionNumber: number;
}

/** Whether the migrations journal can be read. */
export type JournalState = 'absent' | 'present' | 'no-privilege' | 'unexpected-shape';

export interface ServerProbe {
  readonly server: ServerInfo;
  /** Schemas that exist among those asked for (or every non-system schema), sorted. */
  readonly schemas: readonly string[];
  readonly journal: JournalState;
}

interface RawServerRow {
  readonly database: string;
  readonly server_version: string;
  readonly server_version_num: number;
  readonly schemas: readonly string[];
  readonly journal: Exclude<JournalState, 'absent'> | null;
}

/**
 * One query for the server facts, the schema list and the journal's readability, so
 * that reading the journal later cannot fail and abort the transaction.
 * System schemas are `pg_*` (PostgreSQL reserves the prefix: pg_catalog, pg_toast,
 * pg_temp_N, pg_toast_temp_N) and information_schema.
 */
const SQL = `
  select
    current_database()::text as database,
    current_setting('server_version') as server_version,
    current_setting('server_version_num')::int as server_version_num,
    array(
      select nspname::text from pg_namespace
      where case
        when $1::text[] is null then nspname !~ '^pg_' and nspname <> 'information_schema'
        else nspname = any($1::text[])
      end
      order by nspname collate "C"
    ) as schemas,
    (
      select case
        when not (has_schema_privilege(n.oid, 'USAGE') and has_table_privilege(c.oid, 'SELECT')) then 'no-privilege'
        when (
          select count(*) from pg_attribute a
          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attname in ('id', 'hash', 'created_at')
        ) < 3 then 'unexpected-shape'
        else 'present'
      end
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $2 and c.relname = $3 and c.relkind in ('r', 'p')
    ) as journal`;

export const readServer = async (
  q: Queryable,
  schemaFilter: readonly string[] | null,
  journal: QualifiedName,
): Promise<ServerProbe> => {
  const [row] = (await q.query<RawServerRow>(SQL, [schemaFilter, journal.schema, journal.name])).rows;
  if (row === undefined) throw new Error('the server query returned no row');
  return {
    server: { database: row.database, version: row.server_version, versionNumber: row.server_version_num },
    schemas: row.schemas,
    journal: row.journal ?? 'absent',
  };
};
