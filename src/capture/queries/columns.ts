import type { Column, Identity, SequenceOptions } from '../../catalog/model.js';
import { catalogChanged } from '../catalog-changed.js';
import type { Queryable } from '../queryable.js';
import { groupByTable, mapSequenceOptions, sequenceOptionsJsonSql, type RawSequenceFields, type SchemaList } from './shared.js';
import { mapColumnType, TYPE_FACTS_SQL, typeColumnsSql, type RawTypeFields } from './type-sql.js';

interface RawColumnRow extends RawTypeFields {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** pg_attribute.attnum: dropped columns leave gaps, so it is not the position. */
  readonly attnum: number;
  readonly not_null: boolean;
  readonly default: string | null;
  readonly generated: string | null;
  /** Whether pg_attrdef holds an expression (then default or generated must have text). */
  readonly has_expression: boolean;
  readonly identity: string;
  readonly collation: string | null;
  readonly comment: string | null;
  /** The identity sequence's options, for an identity column. */
  readonly identity_sequence: RawSequenceFields | null;
}

/**
 * The identity sequence is the one pg_depend ties to the column with deptype 'i'.
 * NOTE: no ORDER BY and no window function for the position: at 30,000 columns they
 * made PostgreSQL sort the wide rows twice, on disk (work_mem), which cost more than
 * the rest of the query; rows stream as they are found and the mapping orders them.
 * The small catalogs (types, identity sequences) are read once and joined by hash:
 * looked up per column, they dominated the query.
 */
const SQL = `
  with types as materialized (${TYPE_FACTS_SQL}
  ),
  identity_sequences as materialized (
    select dep.refobjid as relid, dep.refobjsubid as attnum, s.*
    from pg_depend dep
    join pg_sequence s on s.seqrelid = dep.objid
    where dep.classid = 'pg_class'::regclass and dep.refclassid = 'pg_class'::regclass and dep.deptype = 'i'
  )
  select
    n.nspname::text as schema,
    c.relname::text as table,
    a.attname::text as name,
    a.attnum::int as attnum,
    ${typeColumnsSql('ty', 'a.atttypmod', 'a.attndims')},
    a.attnotnull as not_null,
    case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as default,
    case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
    ad.adbin is not null as has_expression,
    a.attidentity::text as identity,
    case
      when a.attcollation = 0 or a.attcollation = ty.collation then null
      when coll_ns.nspname = 'pg_catalog' then coll.collname::text
      else coll_ns.nspname || '.' || coll.collname
    end as collation,
    d.description as comment,
    ${sequenceOptionsJsonSql('s')} as identity_sequence
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  join types ty on ty.oid = a.atttypid
  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
  left join pg_collation coll on coll.oid = a.attcollation
  left join pg_namespace coll_ns on coll_ns.oid = coll.collnamespace
  left join pg_description d
    on d.objoid = a.attrelid and d.classoid = 'pg_class'::regclass and d.objsubid = a.attnum
  left join identity_sequences s on s.relid = a.attrelid and s.attnum = a.attnum
  where c.relkind in ('r', 'p') and n.nspname = any($1::text[]) and a.attnum > 0 and not a.attisdropped`;

const GENERATION = { a: 'always', d: 'by default' } as const satisfies Record<string, Identity['generation']>;

/**
 * NOTE: since PostgreSQL 17 a partition's column is an identity column when its parent's
 * is (attidentity is copied), but the sequence stays tied to the parent's column only.
 * Such a column is read with this stand-in, which capture() replaces by the parent's
 * sequence (inheritIdentity); it never leaves capture.
 */
export const INHERITED_SEQUENCE: SequenceOptions = Object.freeze({
  type: 'bigint',
  start: '0',
  increment: '0',
  min: '0',
  max: '0',
  cache: '0',
  cycle: false,
});

const mapIdentity = (row: RawColumnRow): Identity | null => {
  if (row.identity !== 'a' && row.identity !== 'd') return null;
  if (row.identity_sequence === null) return { generation: GENERATION[row.identity], sequence: INHERITED_SEQUENCE };
  return { generation: GENERATION[row.identity], sequence: mapSequenceOptions(row.identity_sequence) };
};

/** `position` counts live columns only: the column's rank among its table's rows by attnum. */
export const mapColumnRow = (row: RawColumnRow, position: number): Column => {
  // pg_get_expr gives null when the table was dropped after our snapshot (catalog-changed.ts).
  if (row.has_expression && row.default === null && row.generated === null) {
    throw catalogChanged(`table ${row.schema}.${row.table}`);
  }
  return {
    name: row.name,
    position,
    type: mapColumnType(row, `column ${row.schema}.${row.table}.${row.name}`),
    notNull: row.not_null,
    default: row.default,
    identity: mapIdentity(row),
    generated: row.generated,
    collation: row.collation,
    comment: row.comment,
  };
};

/** One table's column rows, in any order, as its columns in position order. */
export const mapTableColumns = (rows: readonly RawColumnRow[]): readonly Column[] =>
  [...rows].sort((a, b) => a.attnum - b.attnum).map((row, index) => mapColumnRow(row, index + 1));

/** Columns of every table in `schemas`, by table key, in position order. */
export const readColumns = async (q: Queryable, schemas: SchemaList): Promise<ReadonlyMap<string, readonly Column[]>> => {
  const byTable = groupByTable((await q.query<RawColumnRow>(SQL, [schemas])).rows, (row) => row);
  return new Map([...byTable].map(([key, rows]) => [key, mapTableColumns(rows)]));
};
