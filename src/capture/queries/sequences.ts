import type { Sequence } from '../../catalog/model.js';
import { mapSequenceOptions, sequenceOptionsSql, type KindQuery, type RawSequenceFields } from './shared.js';

interface RawSequenceRow extends RawSequenceFields {
  readonly schema: string;
  readonly name: string;
  readonly owner_schema: string | null;
  readonly owner_table: string | null;
  readonly owner_column: string | null;
}

/**
 * Owned-by comes from pg_depend: deptype 'a' for serial and OWNED BY, 'i' for identity.
 * Only the definition is read (pg_sequence), never the current value.
 */
const SQL = `
  select
    n.nspname::text as schema,
    c.relname::text as name,
    ${sequenceOptionsSql('s')},
    owner_ns.nspname::text as owner_schema,
    owner.relname::text as owner_table,
    owner_att.attname::text as owner_column
  from pg_sequence s
  join pg_class c on c.oid = s.seqrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_depend dep
    on dep.classid = 'pg_class'::regclass and dep.objid = c.oid
    and dep.refclassid = 'pg_class'::regclass and dep.refobjsubid > 0 and dep.deptype in ('a', 'i')
  left join pg_class owner on owner.oid = dep.refobjid
  left join pg_namespace owner_ns on owner_ns.oid = owner.relnamespace
  left join pg_attribute owner_att on owner_att.attrelid = dep.refobjid and owner_att.attnum = dep.refobjsubid
  where n.nspname = any($1::text[])
  order by n.nspname collate "C", c.relname collate "C"`;

export const mapSequenceRow = (row: RawSequenceRow): Sequence => ({
  schema: row.schema,
  name: row.name,
  options: mapSequenceOptions(row),
  ownedBy:
    row.owner_schema !== null && row.owner_table !== null && row.owner_column !== null
      ? { schema: row.owner_schema, name: row.owner_table, column: row.owner_column }
      : null,
});

export const sequencesQuery: KindQuery<RawSequenceRow, readonly Sequence[]> = { sql: SQL, map: (rows) => rows.map(mapSequenceRow) };
