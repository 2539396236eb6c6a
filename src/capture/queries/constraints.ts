import type {
  CheckConstraint,
  ForeignKey,
  PrimaryKey,
  ReferentialAction,
  UniqueConstraint,
} from '../../catalog/model.js';
import { catalogChanged } from '../catalog-changed.js';
import type { Queryable } from '../queryable.js';
import { groupByTable, type SchemaList } from './shared.js';

export interface TableConstraints {
  readonly primaryKey: PrimaryKey | null;
  readonly uniques: readonly UniqueConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly CheckConstraint[];
}

interface RawConstraintRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly contype: 'p' | 'u' | 'f' | 'c';
  readonly columns: readonly string[];
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: readonly string[] | null;
  readonly on_update: string;
  readonly on_delete: string;
  readonly deferrable: boolean;
  readonly initially_deferred: boolean;
  readonly nulls_not_distinct: boolean;
  readonly expression: string | null;
}

/**
 * A key's column names in key order, as a JSON array (pg parses JSON natively, and
 * PostgreSQL's array text in JavaScript). Each name is looked up by (table, attnum), the
 * index of pg_attribute: joining a key to all of its table's columns instead made the
 * lookups cost more than the rest of the query.
 */
const columnNames = (keys: string, relation: string): string => `
  to_json(array(
    select (select a.attname::text from pg_attribute a where a.attrelid = ${relation} and a.attnum = k.attnum)
    from unnest(${keys}) with ordinality k(attnum, ord)
    order by k.ord
  ))`;

/**
 * NOTE: a foreign key referencing a partitioned table gets one extra pg_constraint row
 * per referenced partition, on the same referencing table, with `conparentid` set
 * (named `<fk>_1`, `<fk>_2` on PostgreSQL 17+, `<cols>_fkey1` before). They are
 * implementation detail, not constraints anyone declared: we drop rows whose parent
 * constraint sits on the same table. Constraints a partition inherits (its own
 * primary key, foreign keys) sit on another table and stay.
 * NOTE: PostgreSQL 18 records NOT NULL as pg_constraint rows (contype 'n'); nullability
 * comes from pg_attribute.attnotnull instead, so they are not selected.
 * No ORDER BY: rows stream as they are found, and the catalog is sorted afterwards.
 */
const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as table,
    con.conname::text as name,
    con.contype::text as contype,
    ${columnNames('con.conkey', 'con.conrelid')} as columns,
    fn.nspname::text as ref_schema,
    fc.relname::text as ref_table,
    case when con.contype = 'f' then ${columnNames('con.confkey', 'con.confrelid')} end as ref_columns,
    con.confupdtype::text as on_update,
    con.confdeltype::text as on_delete,
    con.condeferrable as deferrable,
    con.condeferred as initially_deferred,
    coalesce(i.indnullsnotdistinct, false) as nulls_not_distinct,
    case when con.contype = 'c' then pg_get_expr(con.conbin, con.conrelid) end as expression
  from pg_constraint con
  join pg_class c on c.oid = con.conrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_class fc on con.contype = 'f' and fc.oid = con.confrelid
  left join pg_namespace fn on fn.oid = fc.relnamespace
  left join pg_index i on con.contype = 'u' and i.indexrelid = con.conindid
  where con.contype in ('p', 'u', 'f', 'c')
    and c.relkind in ('r', 'p')
    and n.nspname = any($1::text[])
    and not exists (
      select from pg_constraint parent where parent.oid = con.conparentid and parent.conrelid = con.conrelid
    )`;

const ACTION = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
} as const satisfies Record<string, ReferentialAction>;

const action = (code: string, where: string): ReferentialAction => {
  if (code in ACTION) return ACTION[code as keyof typeof ACTION];
  throw new Error(`unexpected referential action code ${JSON.stringify(code)} on ${where}`);
};

const mapForeignKey = (row: RawConstraintRow): ForeignKey => {
  const where = `${row.schema}.${row.table}.${row.name}`;
  if (row.ref_schema === null || row.ref_table === null || row.ref_columns === null) {
    throw new Error(`foreign key ${where} has no referenced table`);
  }
  return {
    name: row.name,
    columns: row.columns,
    references: { schema: row.ref_schema, name: row.ref_table, columns: row.ref_columns },
    onUpdate: action(row.on_update, where),
    onDelete: action(row.on_delete, where),
    deferrable: row.deferrable,
    initiallyDeferred: row.initially_deferred,
  };
};

/** Folds one table's constraint rows into its four lists. */
export const mapConstraintRows = (rows: readonly RawConstraintRow[]): TableConstraints => {
  let primaryKey: PrimaryKey | null = null;
  const uniques: UniqueConstraint[] = [];
  const foreignKeys: ForeignKey[] = [];
  const checks: CheckConstraint[] = [];
  for (const row of rows) {
    switch (row.contype) {
      case 'p':
        primaryKey = { name: row.name, columns: row.columns };
        break;
      case 'u':
        uniques.push({ name: row.name, columns: row.columns, nullsNotDistinct: row.nulls_not_distinct });
        break;
      case 'f':
        foreignKeys.push(mapForeignKey(row));
        break;
      case 'c':
        // pg_get_expr gives null when the table was dropped after our snapshot (catalog-changed.ts).
        if (row.expression === null) throw catalogChanged(`table ${row.schema}.${row.table}`);
        checks.push({ name: row.name, expression: row.expression });
        break;
    }
  }
  return { primaryKey, uniques, foreignKeys, checks };
};

export const NO_CONSTRAINTS: TableConstraints = { primaryKey: null, uniques: [], foreignKeys: [], checks: [] };

/** Constraints of every table in `schemas`, by table key. */
export const readConstraints = async (
  q: Queryable,
  schemas: SchemaList,
): Promise<ReadonlyMap<string, TableConstraints>> => {
  const byTable = groupByTable((await q.query<RawConstraintRow>(SQL, [schemas])).rows, (row) => row);
  return new Map([...byTable].map(([key, rows]) => [key, mapConstraintRows(rows)]));
};
