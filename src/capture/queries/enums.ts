import type { Enum } from '../../catalog/model.js';
import type { KindQuery } from './shared.js';

interface RawEnumRow {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * NOTE: values keep declaration order through `enumsortorder`, a float: `ALTER TYPE ...
 * ADD VALUE ... BEFORE` inserts between two values, so oid order is not value order.
 */
const SQL = `
  select
    n.nspname::text as schema,
    t.typname::text as name,
    array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as values
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
  where t.typtype = 'e' and n.nspname = any($1::text[])
  order by n.nspname collate "C", t.typname collate "C"`;

export const mapEnumRow = (row: RawEnumRow): Enum => ({ schema: row.schema, name: row.name, values: row.values });

export const enumsQuery: KindQuery<RawEnumRow, readonly Enum[]> = { sql: SQL, map: (rows) => rows.map(mapEnumRow) };
