import type { Index, IndexKey } from '../../catalog/model.js';
import { catalogChanged } from '../catalog-changed.js';
import type { Queryable } from '../queryable.js';
import { groupByTable, type SchemaList } from './shared.js';

interface RawIndexKey {
  /** Column name, or null for an expression key. */
  readonly column: string | null;
  readonly expression: string | null;
  /** pg_index.indoption bits: 1 = DESC, 2 = NULLS FIRST. */
  readonly option: number;
  readonly opclass: string;
  readonly opclass_default: boolean;
}

interface RawIndexRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly unique: boolean;
  readonly nulls_not_distinct: boolean;
  readonly method: string;
  readonly keys: readonly RawIndexKey[];
  readonly include: readonly string[];
  readonly predicate: string | null;
  readonly has_predicate: boolean;
  readonly constraint: string | null;
  /** Null only when the index was dropped after our snapshot (catalog-changed.ts). */
  readonly definition: string | null;
}

/**
 * NOTE: int2vector/oidvector columns (indkey, indoption, indclass) index from 0, and
 * indoption/indclass hold only the first indnkeyatts (key) entries; INCLUDE columns
 * follow the keys in indkey. An expression key has indkey 0; pg_get_indexdef(oid, n)
 * gives its text. The backing constraint is looked up on the indexed table itself:
 * a foreign key's conindid points at the *referenced* table's index.
 * The keys of all indexes are unnested and named in one pass (joined by hash), rather
 * than by a subquery per index; no ORDER BY (the catalog is sorted afterwards).
 */
const SQL = `
  with indexes as materialized (
    select
      i.indexrelid, i.indrelid, i.indnkeyatts, i.indkey, i.indoption, i.indclass, i.indisunique,
      i.indnullsnotdistinct, i.indpred, n.nspname, c.relname, ic.relname as index_name, ic.relam
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_class ic on ic.oid = i.indexrelid
    where c.relkind in ('r', 'p') and n.nspname = any($1::text[])
  ),
  parts as (
    select
      i.indexrelid,
      coalesce(json_agg(json_build_object(
        'column', a.attname,
        'expression', case when k.attnum = 0 then pg_get_indexdef(i.indexrelid, k.ord::int, false) end,
        'option', i.indoption[k.ord - 1],
        'opclass', opc.opcname,
        'opclass_default', opc.opcdefault
      ) order by k.ord) filter (where k.ord <= i.indnkeyatts), '[]'::json) as keys,
      coalesce(json_agg(a.attname order by k.ord) filter (where k.ord > i.indnkeyatts), '[]'::json) as include
    from indexes i
    cross join unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
    left join pg_attribute a on k.attnum <> 0 and a.attrelid = i.indrelid and a.attnum = k.attnum
    left join pg_opclass opc on k.ord <= i.indnkeyatts and opc.oid = i.indclass[k.ord - 1]
    group by i.indexrelid
  )
  select
    i.nspname::text as schema,
    i.relname::text as table,
    i.index_name::text as name,
    i.indisunique as unique,
    i.indnullsnotdistinct as nulls_not_distinct,
    am.amname::text as method,
    p.keys,
    p.include,
    pg_get_expr(i.indpred, i.indrelid) as predicate,
    i.indpred is not null as has_predicate,
    con.conname::text as constraint,
    pg_get_indexdef(i.indexrelid) as definition
  from indexes i
  join parts p on p.indexrelid = i.indexrelid
  join pg_am am on am.oid = i.relam
  left join pg_constraint con
    on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x')`;

const DESC = 1;
const NULLS_FIRST = 2;

export const mapIndexKey = (raw: RawIndexKey, where: string): IndexKey => {
  const options = {
    order: raw.option & DESC ? 'desc' : 'asc',
    nulls: raw.option & NULLS_FIRST ? 'first' : 'last',
    opclass: raw.opclass_default ? null : raw.opclass,
  } as const;
  if (raw.column !== null) return { kind: 'column', column: raw.column, ...options };
  if (raw.expression !== null) return { kind: 'expression', expression: raw.expression, ...options };
  // An expression key without text: pg_get_indexdef no longer finds the index.
  throw catalogChanged(`index ${where}`);
};

export const mapIndexRow = (row: RawIndexRow): Index => {
  const where = `${row.schema}.${row.name}`;
  if (row.definition === null || (row.has_predicate && row.predicate === null)) throw catalogChanged(`index ${where}`);
  return {
    name: row.name,
    unique: row.unique,
    nullsNotDistinct: row.nulls_not_distinct,
    method: row.method,
    keys: row.keys.map((key) => mapIndexKey(key, where)),
    include: row.include,
    predicate: row.predicate,
    constraint: row.constraint,
    definition: row.definition,
  };
};

/** Indexes of every table in `schemas` (partitioned tables' too), by table key. */
export const readIndexes = async (q: Queryable, schemas: SchemaList): Promise<ReadonlyMap<string, readonly Index[]>> =>
  groupByTable((await q.query<RawIndexRow>(SQL, [schemas])).rows, mapIndexRow);
