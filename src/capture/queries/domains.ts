import type { CheckConstraint, Domain } from '../../catalog/model.js';
import type { Queryable } from '../queryable.js';
import type { SchemaList } from './shared.js';
import { mapColumnType, typeSql, type RawTypeFields } from './type-sql.js';

interface RawDomainRow extends RawTypeFields {
  readonly schema: string;
  readonly name: string;
  readonly not_null: boolean;
  readonly default: string | null;
  readonly checks: readonly { readonly name: string; readonly expression: string }[];
}

const type = typeSql('type', 'd.typbasetype', 'd.typtypmod', 'd.typndims');

/**
 * NOTE: PostgreSQL 17+ also stores a domain's NOT NULL as a pg_constraint row
 * (contype 'n'); typnotnull says the same on every version, so only checks are read.
 */
const SQL = `
  select
    n.nspname::text as schema,
    d.typname::text as name,
    ${type.columns},
    d.typnotnull as not_null,
    pg_get_expr(d.typdefaultbin, 0) as default,
    coalesce((
      select json_agg(json_build_object('name', con.conname, 'expression', pg_get_expr(con.conbin, 0))
        order by con.conname collate "C")
      from pg_constraint con
      where con.contypid = d.oid and con.contype = 'c'
    ), '[]'::json) as checks
  from pg_type d
  join pg_namespace n on n.oid = d.typnamespace
  ${type.joins}
  where d.typtype = 'd' and n.nspname = any($1::text[])
  order by n.nspname collate "C", d.typname collate "C"`;

export const mapDomainRow = (row: RawDomainRow): Domain => ({
  schema: row.schema,
  name: row.name,
  type: mapColumnType(row, `domain ${row.schema}.${row.name}`),
  notNull: row.not_null,
  default: row.default,
  checks: row.checks.map((check): CheckConstraint => ({ name: check.name, expression: check.expression })),
});

export const readDomains = async (q: Queryable, schemas: SchemaList): Promise<readonly Domain[]> =>
  (await q.query<RawDomainRow>(SQL, [schemas])).rows.map(mapDomainRow);
