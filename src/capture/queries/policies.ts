import type { Policy } from '../../catalog/model.js';
import { catalogChanged } from '../catalog-changed.js';
import { groupByTable, type KindQuery } from './shared.js';

interface RawPolicyRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly command: string;
  readonly permissive: boolean;
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly with_check: string | null;
  readonly has_using: boolean;
  readonly has_with_check: boolean;
}

/** Role oid 0 in polroles stands for PUBLIC. */
const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as table,
    p.polname::text as name,
    p.polcmd::text as command,
    p.polpermissive as permissive,
    array(
      select case when r.oid = 0 then 'public' else pg_get_userbyid(r.oid)::text end
      from unnest(p.polroles) r(oid)
      order by 1
    ) as roles,
    pg_get_expr(p.polqual, p.polrelid) as using,
    pg_get_expr(p.polwithcheck, p.polrelid) as with_check,
    p.polqual is not null as has_using,
    p.polwithcheck is not null as has_with_check
  from pg_policy p
  join pg_class c on c.oid = p.polrelid
  join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname = any($1::text[])
  order by n.nspname collate "C", c.relname collate "C", p.polname collate "C"`;

const COMMAND = {
  '*': 'all',
  r: 'select',
  a: 'insert',
  w: 'update',
  d: 'delete',
} as const satisfies Record<string, Policy['command']>;

export const mapPolicyRow = (row: RawPolicyRow): Policy => {
  if (!(row.command in COMMAND)) throw new Error(`policy ${row.schema}.${row.table}.${row.name}: unexpected command ${row.command}`);
  // pg_get_expr gives null when the table was dropped after our snapshot (catalog-changed.ts).
  if ((row.has_using && row.using === null) || (row.has_with_check && row.with_check === null)) {
    throw catalogChanged(`table ${row.schema}.${row.table}`);
  }
  return {
    name: row.name,
    command: COMMAND[row.command as keyof typeof COMMAND],
    permissive: row.permissive,
    roles: row.roles,
    using: row.using,
    withCheck: row.with_check,
  };
};

/** Row-level security policies of every table in `schemas`, by table key. */
export const policiesQuery: KindQuery<RawPolicyRow, ReadonlyMap<string, readonly Policy[]>> = {
  sql: SQL,
  map: (rows) => groupByTable(rows, mapPolicyRow),
};
