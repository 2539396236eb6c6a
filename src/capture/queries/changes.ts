import type { Queryable } from '../queryable.js';
import type { SchemaList } from './shared.js';

/**
 * The last read of a capture: did another session rename, move or drop, after our
 * snapshot was taken, an object the deparsed texts can name? Every other read sees
 * the transaction's snapshot; pg_get_expr, pg_get_indexdef, pg_get_viewdef and
 * format_type see the latest catalog (catalog-changed.ts). A column renamed mid-capture
 * would otherwise be recorded under its old name with `(renamed > 0)` in its check.
 *
 * Each row compares an object's name as the snapshot has it with its name in the latest
 * catalog: `oid::regclass`, `oid::regtype` and pg_identify_object look objects up
 * through the system caches, which follow the latest commit (null or a bare OID once
 * the object is gone). Run last, it sees every change that could have reached an
 * earlier read. Objects created after the snapshot change nothing we read.
 */
const SQL = `
  with recorded(kind, was, now) as (
    select 'relation', quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.oid::regclass::text
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c') and n.nspname = any($1::text[])
    union all
    select 'column', quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname),
      (pg_identify_object('pg_class'::regclass, a.attrelid, a.attnum)).identity
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'c') and a.attnum > 0 and not a.attisdropped and n.nspname = any($1::text[])
    union all
    select 'type', quote_ident(n.nspname) || '.' || quote_ident(t.typname), t.oid::regtype::text
    from pg_type t
    join pg_namespace n on n.oid = t.typnamespace
    where t.typtype in ('e', 'd', 'r') and n.nspname = any($1::text[])
    union all
    select 'function', quote_ident(n.nspname) || '.' || quote_ident(p.proname),
      (select string_agg(quote_ident(name), '.') from unnest(
        (pg_identify_object_as_address('pg_proc'::regclass, p.oid, 0)).object_names) name)
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any($1::text[])
  )
  select kind, was from recorded where was is distinct from now
  order by array_position(array['relation', 'type', 'function', 'column'], kind), was collate "C"
  limit 1`;

export interface CatalogChange {
  readonly kind: 'relation' | 'column' | 'type' | 'function';
  /** Its name as the snapshot has it, quoted where needed: `public.users.email`. */
  readonly was: string;
}

/** The first object renamed, moved or dropped since the snapshot, or null. */
export const readCatalogChange = async (q: Queryable, schemas: SchemaList): Promise<CatalogChange | null> =>
  (await q.query<CatalogChange>(SQL, [schemas])).rows[0] ?? null;
