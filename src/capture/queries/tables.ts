import type { QualifiedName, Table } from '../../catalog/model.js';
import { rowEstimate } from '../row-estimate.js';
import type { KindQuery } from './shared.js';

/** A table without its parts (columns, constraints, ...), which other readers bring. */
export type TableShell = Pick<Table, 'schema' | 'name' | 'kind' | 'partitionOf' | 'comment' | 'rowLevelSecurity' | 'rows'>;

interface RawTableRow {
  readonly schema: string;
  readonly name: string;
  readonly relkind: string;
  readonly parent_schema: string | null;
  readonly parent_name: string | null;
  readonly comment: string | null;
  readonly rls_enabled: boolean;
  readonly rls_forced: boolean;
  readonly reltuples: number;
}

const TABLE_KIND = { r: 'table', p: 'partitioned-table' } as const satisfies Record<string, Table['kind']>;

const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as name,
    c.relkind::text as relkind,
    pn.nspname::text as parent_schema,
    pc.relname::text as parent_name,
    d.description as comment,
    c.relrowsecurity as rls_enabled,
    c.relforcerowsecurity as rls_forced,
    c.reltuples::float8 as reltuples
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_inherits i on c.relispartition and i.inhrelid = c.oid
  left join pg_class pc on pc.oid = i.inhparent
  left join pg_namespace pn on pn.oid = pc.relnamespace
  left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
  where c.relkind in ('r', 'p') and n.nspname = any($1::text[])
  order by n.nspname collate "C", c.relname collate "C"`;

export const mapTableRow = (row: RawTableRow): TableShell => {
  if (!(row.relkind in TABLE_KIND)) throw new Error(`unexpected relkind ${row.relkind} for ${row.schema}.${row.name}`);
  const partitionOf: QualifiedName | null =
    row.parent_schema !== null && row.parent_name !== null ? { schema: row.parent_schema, name: row.parent_name } : null;
  return {
    schema: row.schema,
    name: row.name,
    kind: TABLE_KIND[row.relkind as keyof typeof TABLE_KIND],
    partitionOf,
    comment: row.comment,
    rowLevelSecurity: { enabled: row.rls_enabled, forced: row.rls_forced },
    rows: rowEstimate(row.reltuples),
  };
};

/** Tables in `schemas`, without their parts. */
export const tablesQuery: KindQuery<RawTableRow, readonly TableShell[]> = { sql: SQL, map: (rows) => rows.map(mapTableRow) };
