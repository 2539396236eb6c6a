import type { Column, Identity } from '../../catalog/model.js';
import { catalogChanged } from '../catalog-changed.js';
import type { Queryable } from '../queryable.js';
import {
  groupByTable,
  mapSequenceOptions,
  sequenceOptionsSql,
  type RawSequenceFields,
  type SchemaList,
} from './shared.js';
import { mapColumnType, typeSql, type RawTypeFields } from './type-sql.js';

interface RawColumnRow extends RawTypeFields, Partial<Nullable<RawSequenceFields>> {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly position: number;
  readonly not_null: boolean;
  readonly default: string | null;
  readonly generated: string | null;
  /** Whether pg_attrdef holds an expression (then default or generated must have text). */
  readonly has_expression: boolean;
  readonly identity: string;
  readonly collation: string | null;
  readonly comment: string | null;
}

type Nullable<T> = { readonly [K in keyof T]: T[K] | null };

const type = typeSql('type', 'a.atttypid', 'a.atttypmod', 'a.attndims');

/**
 * `position` counts live columns only: dropped columns leave gaps in attnum.
 * The identity sequence is the one pg_depend ties to the column with deptype 'i'.
 */
const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as table,
    a.attname::text as name,
    row_number() over (partition by a.attrelid order by a.attnum)::int as position,
    ${type.columns},
    a.attnotnull as not_null,
    case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as default,
    case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
    ad.adbin is not null as has_expression,
    a.attidentity::text as identity,
    case
      when a.attcollation = 0 or a.attcollation = type_type.typcollation then null
      when coll_ns.nspname = 'pg_catalog' then coll.collname::text
      else coll_ns.nspname || '.' || coll.collname
    end as collation,
    d.description as comment,
    ${sequenceOptionsSql('s')}
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  ${type.joins}
  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
  left join pg_collation coll on coll.oid = a.attcollation
  left join pg_namespace coll_ns on coll_ns.oid = coll.collnamespace
  left join pg_description d
    on d.objoid = a.attrelid and d.classoid = 'pg_class'::regclass and d.objsubid = a.attnum
  left join pg_depend dep
    on a.attidentity <> ''
    and dep.classid = 'pg_class'::regclass and dep.refclassid = 'pg_class'::regclass
    and dep.refobjid = a.attrelid and dep.refobjsubid = a.attnum and dep.deptype = 'i'
  left join pg_sequence s on s.seqrelid = dep.objid
  where c.relkind in ('r', 'p') and n.nspname = any($1::text[]) and a.attnum > 0 and not a.attisdropped
  order by n.nspname collate "C", c.relname collate "C", a.attnum`;

const GENERATION = { a: 'always', d: 'by default' } as const satisfies Record<string, Identity['generation']>;

const mapIdentity = (row: RawColumnRow): Identity | null => {
  if (row.identity !== 'a' && row.identity !== 'd') return null;
  if (row.seq_type == null) throw new Error(`identity column ${row.schema}.${row.table}.${row.name} has no sequence`);
  return {
    generation: GENERATION[row.identity],
    sequence: mapSequenceOptions(row as RawColumnRow & RawSequenceFields),
  };
};

export const mapColumnRow = (row: RawColumnRow): Column => {
  // pg_get_expr gives null when the table was dropped after our snapshot (catalog-changed.ts).
  if (row.has_expression && row.default === null && row.generated === null) {
    throw catalogChanged(`table ${row.schema}.${row.table}`);
  }
  return {
    name: row.name,
    position: row.position,
    type: mapColumnType(row, `column ${row.schema}.${row.table}.${row.name}`),
    notNull: row.not_null,
    default: row.default,
    identity: mapIdentity(row),
    generated: row.generated,
    collation: row.collation,
    comment: row.comment,
  };
};

/** Columns of every table in `schemas`, by table key, in position order. */
export const readColumns = async (q: Queryable, schemas: SchemaList): Promise<ReadonlyMap<string, readonly Column[]>> =>
  groupByTable((await q.query<RawColumnRow>(SQL, [schemas])).rows, mapColumnRow);
