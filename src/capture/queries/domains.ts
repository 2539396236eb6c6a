import type { CheckConstraint, Domain } from '../../catalog/model.js';
import type { KindQuery } from './shared.js';
import { mapColumnType, TYPE_FACTS_SQL, typeColumnsSql, type RawTypeFields } from './type-sql.js';

interface RawDomainRow extends RawTypeFields {
  readonly schema: string;
  readonly name: string;
  readonly not_null: boolean;
  readonly default: string | null;
  readonly checks: readonly { readonly name: string; readonly expression: string }[];
}

/**
 * NOTE: PostgreSQL 17+ also stores a domain's NOT NULL as a pg_constraint row
 * (contype 'n'); typnotnull says the same on every version, so only checks are read.
 */
const SQL = `
  select
    n.nspname::text as schema,
    d.typname::text as name,
    ${typeColumnsSql('ty', 'd.typtypmod', 'd.typndims')},
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
  join (${TYPE_FACTS_SQL}
  ) ty on ty.oid = d.typbasetype
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

export const domainsQuery: KindQuery<RawDomainRow, readonly Domain[]> = { sql: SQL, map: (rows) => rows.map(mapDomainRow) };
