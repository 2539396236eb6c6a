/**
 * Short builders for hand-written `SchemaSpec`s (regression tests, cases): only what differs
 * from a plain nullable column or a bare table is spelled out.
 */
import type { ColumnSpec, ColumnTypeSpec, EnumSpec, SchemaSpec, TableSpec } from './schema-spec.js';

type SimpleKind = Extract<ColumnTypeSpec, { readonly kind: 'smallint' | 'integer' | 'bigint' | 'smallserial' | 'serial' | 'bigserial' | 'text' | 'boolean' | 'real' | 'double precision' | 'date' | 'jsonb' | 'uuid' }>['kind'];

const camel = (name: string): string => {
  const key = name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
  return /^[A-Za-z_]/.test(key) ? key : `_${key}`;
};

export const column = (name: string, type: ColumnTypeSpec | SimpleKind, options: Partial<Omit<ColumnSpec, 'name' | 'type'>> = {}): ColumnSpec => ({
  key: camel(name),
  name,
  type: typeof type === 'string' ? ({ kind: type } as ColumnTypeSpec) : type,
  dimensions: 0,
  notNull: false,
  default: null,
  identity: null,
  ...options,
});

export const table = (name: string, columns: readonly ColumnSpec[], options: Partial<Omit<TableSpec, 'name' | 'columns'>> = {}): TableSpec => ({
  key: camel(`${options.schema ?? 'public'}_${name}`),
  schema: 'public',
  name,
  columns,
  primaryKey: null,
  uniques: [],
  foreignKeys: [],
  indexes: [],
  ...options,
});

export const enumType = (name: string, values: readonly string[], schema = 'public'): EnumSpec => ({ key: camel(`${schema}_${name}_enum`), schema, name, values });

export const enumColumnType = (e: EnumSpec): ColumnTypeSpec => ({ kind: 'enum', schema: e.schema, name: e.name });

/** A schema spec; custom schemas are taken from the tables and enums. */
export const schemaSpec = (tables: readonly TableSpec[], enums: readonly EnumSpec[] = []): SchemaSpec => ({
  schemas: [...new Set([...enums, ...tables].map((x) => x.schema).filter((s) => s !== 'public'))].sort(),
  enums,
  tables,
});
