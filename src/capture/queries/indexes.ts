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
 */
const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as table,
    ic.relname::text as name,
    i.indisunique as unique,
    i.indnullsnotdistinct as nulls_not_distinct,
    am.amname::text as method,
    coalesce((
      select json_agg(json_build_object(
        'column', a.attname,
        'expression', case when i.indkey[k.pos] = 0 then pg_get_indexdef(i.indexrelid, k.pos + 1, false) end,
        'option', i.indoption[k.pos],
        'opclass', opc.opcname,
        'opclass_default', opc.opcdefault
      ) order by k.pos)
      from generate_series(0, i.indnkeyatts - 1) k(pos)
      left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.pos] and i.indkey[k.pos] <> 0
      join pg_opclass opc on opc.oid = i.indclass[k.pos]
    ), '[]'::json) as keys,
    array(
      select a.attname::text
      from generate_series(i.indnkeyatts, i.indnatts - 1) k(pos)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.pos]
      order by k.pos
    ) as include,
    pg_get_expr(i.indpred, i.indrelid) as predicate,
    i.indpred is not null as has_predicate,
    (
      select con.conname::text from pg_constraint con
      where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x')
    ) as constraint,
    pg_get_indexdef(i.indexrelid) as definition
  from pg_index i
  join pg_class ic on ic.oid = i.indexrelid
  join pg_class c on c.oid = i.indrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_am am on am.oid = ic.relam
  where c.relkind in ('r', 'p') and n.nspname = any($1::text[])
  order by n.nspname collate "C", c.relname collate "C", ic.relname collate "C"`;

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
