/**
 * The SQL and mapping for a ColumnType, shared by columns and domains. Needs the
 * transaction's `search_path = pg_catalog` (see transaction.ts): then `format_type`
 * qualifies every type outside pg_catalog, and we can take the schema from the
 * catalog instead of splitting strings.
 */
import type { ColumnType } from '../../catalog/model.js';
import { catalogChanged, isMissingTypeName } from '../catalog-changed.js';

/** Joins and select-list items describing the type `typeOid` under the alias prefix `p`. */
export const typeSql = (
  p: string,
  typeOid: string,
  typmod: string,
  declaredDimensions: string,
): { readonly joins: string; readonly columns: string } => {
  const elementOid = `coalesce(${p}_elem.oid, ${p}_type.oid)`;
  const elementName = `coalesce(${p}_elem.typname, ${p}_type.typname)`;
  const formatted = `format_type(${elementOid}, ${typmod})`;
  const qualifiedPrefix = `quote_ident(${p}_ns.nspname) || '.' || quote_ident(${elementName})`;
  return {
    joins: `
      join pg_type ${p}_type on ${p}_type.oid = ${typeOid}
      left join pg_type ${p}_elem on ${p}_elem.typarray = ${p}_type.oid
      join pg_namespace ${p}_ns on ${p}_ns.oid = coalesce(${p}_elem.typnamespace, ${p}_type.typnamespace)`,
    // For a type outside pg_catalog: its raw name plus whatever follows the qualified
    // name in format_type (a type modifier such as `(3)` of `public.vector(3)`).
    columns: `
      case
        when ${p}_ns.nspname = 'pg_catalog' then ${formatted}
        when starts_with(${formatted}, ${qualifiedPrefix})
          then ${elementName}::text || substr(${formatted}, length(${qualifiedPrefix}) + 1)
        else ${formatted}
      end as ${p}_name,
      ${p}_ns.nspname::text as ${p}_schema,
      coalesce(${p}_elem.typtype, ${p}_type.typtype)::text as ${p}_kind,
      (${p}_elem.oid is not null) as ${p}_is_array,
      (${declaredDimensions})::int as ${p}_dimensions`,
  };
};

/** The row fields typeSql selects, for a prefix `p` (here spelled out for `type`). */
export interface RawTypeFields {
  readonly type_name: string;
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
 * NOTE: `attndims` is only what the DDL declared: 0 for array columns a partition
 * or CREATE TABLE AS inherited, and PostgreSQL never enforces it. An array type with
 * 0 declared dimensions counts as one dimension.
 */
export const mapColumnType = (raw: RawTypeFields, owner = 'a column'): ColumnType => {
  if (isMissingTypeName(raw.type_name)) throw catalogChanged(`the type of ${owner}`);
  return {
    name: raw.type_name,
    schema: raw.type_schema === 'pg_catalog' ? null : raw.type_schema,
    category: category(raw.type_kind),
    dimensions: raw.type_is_array ? Math.max(1, raw.type_dimensions) : 0,
  };
};
