/**
 * The SQL and mapping for a ColumnType, shared by columns and domains. Needs the
 * transaction's `search_path = pg_catalog` (see transaction.ts): then `format_type`
 * qualifies every type outside pg_catalog, and we can take the schema from the
 * catalog instead of splitting strings.
 */
import type { ColumnType } from '../../catalog/model.js';
import { catalogChanged, isMissingTypeName } from '../catalog-changed.js';

/**
 * One row per type, to join on `oid`: for an array type, the facts of its element
 * (the type whose `typarray` it is); `qualified` is the element's name as format_type
 * spells it outside pg_catalog. Joined by hash, this costs a few milliseconds, where
 * per-column lookups of pg_type cost more than the rest of the columns query.
 */
export const TYPE_FACTS_SQL = `
  select
    t.oid,
    coalesce(e.oid, t.oid) as element,
    ns.nspname::text as schema,
    quote_ident(ns.nspname) || '.' || quote_ident(coalesce(e.typname, t.typname)) as qualified,
    coalesce(e.typname, t.typname)::text as bare,
    coalesce(e.typtype, t.typtype)::text as kind,
    e.oid is not null as is_array,
    t.typcollation as collation
  from pg_type t
  left join pg_type e on e.typarray = t.oid
  join pg_namespace ns on ns.oid = coalesce(e.typnamespace, t.typnamespace)`;

/** Select-list items of a ColumnType, from a TYPE_FACTS_SQL alias `facts` and the owner's typmod and declared dimensions. */
export const typeColumnsSql = (facts: string, typmod: string, declaredDimensions: string): string => `
  format_type(${facts}.element, ${typmod}) as type_formatted,
  ${facts}.qualified as type_qualified,
  ${facts}.bare as type_bare,
  ${facts}.schema as type_schema,
  ${facts}.kind as type_kind,
  ${facts}.is_array as type_is_array,
  (${declaredDimensions})::int as type_dimensions`;

/** The row fields typeColumnsSql selects. */
export interface RawTypeFields {
  /** format_type() of the element type with the owner's typmod: `integer`, `numeric(5,2)`, `public.vector(3)`. */
  readonly type_formatted: string;
  readonly type_qualified: string;
  readonly type_bare: string;
  readonly type_schema: string;
  readonly type_kind: string;
  readonly type_is_array: boolean;
  readonly type_dimensions: number;
}

const CATEGORY = {
  b: 'base',
  e: 'enum',
  d: 'domain',
  c: 'composite',
  r: 'range',
  m: 'other',
  p: 'other',
} as const satisfies Record<string, ColumnType['category']>;

const category = (typtype: string): ColumnType['category'] =>
  typtype in CATEGORY ? CATEGORY[typtype as keyof typeof CATEGORY] : 'other';

/**
 * A type outside pg_catalog is named bare (its schema is a field of its own), keeping
 * whatever follows the qualified name in format_type: a type modifier such as the `(3)`
 * of `public.vector(3)`.
 */
const typeName = (raw: RawTypeFields): string =>
  raw.type_schema !== 'pg_catalog' && raw.type_formatted.startsWith(raw.type_qualified)
    ? raw.type_bare + raw.type_formatted.slice(raw.type_qualified.length)
    : raw.type_formatted;

/**
 * NOTE: `attndims` is only what the DDL declared: 0 for array columns a partition
 * or CREATE TABLE AS inherited, and PostgreSQL never enforces it. An array type with
 * 0 declared dimensions counts as one dimension.
 */
export const mapColumnType = (raw: RawTypeFields, owner = 'a column'): ColumnType => {
  if (isMissingTypeName(raw.type_formatted)) throw catalogChanged(`the type of ${owner}`);
  return {
    name: typeName(raw),
    schema: raw.type_schema === 'pg_catalog' ? null : raw.type_schema,
    category: category(raw.type_kind),
    dimensions: raw.type_is_array ? Math.max(1, raw.type_dimensions) : 0,
  };
};
