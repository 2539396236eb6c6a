/**
 * Terse in-memory builders for the Catalog model, defaults filled, so a diff test states
 * only what it is about:
 *
 *   catalog(table('users', [column('id', 'integer', { notNull: true }), column('email')], { rows: 10 }))
 */
import type {
  Catalog,
  CheckConstraint,
  Column,
  ColumnType,
  Enum,
  ForeignKey,
  Index,
  IndexKey,
  PrimaryKey,
  ReferentialAction,
  Sequence,
  SequenceOptions,
  Table,
  UniqueConstraint,
  View,
} from '../../src/catalog/model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A built-in type by its `format_type` spelling; `text[]` gives one dimension per `[]`. */
export const type = (spelling: string): ColumnType => {
  const dimensions = (spelling.match(/\[\]/g) ?? []).length;
  return { name: spelling.replace(/\[\]/g, ''), schema: null, category: 'base', dimensions };
};

export const enumType = (name: string, schema = 'public', dimensions = 0): ColumnType => ({
  name,
  schema,
  category: 'enum',
  dimensions,
});

export type ColumnInput = Partial<Omit<Column, 'name' | 'type'>>;

/** A column; `position` is assigned by `table()` from the column's place in the list. */
export const column = (name: string, columnType: string | ColumnType = 'text', options: ColumnInput = {}): Column => ({
  name,
  position: 0,
  type: typeof columnType === 'string' ? type(columnType) : columnType,
  notNull: false,
  default: null,
  identity: null,
  generated: null,
  collation: null,
  comment: null,
  ...options,
});

export type TableInput = Partial<Omit<Table, 'name' | 'columns'>>;

export const table = (name: string, columns: readonly Column[] = [], options: TableInput = {}): Table => ({
  schema: 'public',
  name,
  kind: 'table',
  partitionOf: null,
  comment: null,
  rowLevelSecurity: { enabled: false, forced: false },
  rows: 0,
  primaryKey: null,
  uniques: [],
  foreignKeys: [],
  checks: [],
  indexes: [],
  policies: [],
  ...options,
  columns: columns.map((c, index) => ({ ...c, position: index + 1 })),
});

export const primaryKey = (name: string, columns: readonly string[]): PrimaryKey => ({ name, columns });

export const unique = (name: string, columns: readonly string[], nullsNotDistinct = false): UniqueConstraint => ({
  name,
  columns,
  nullsNotDistinct,
});

export interface ForeignKeyInput {
  readonly schema?: string;
  readonly onUpdate?: ReferentialAction;
  readonly onDelete?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

export const foreignKey = (
  name: string,
  columns: readonly string[],
  references: string,
  referencedColumns: readonly string[],
  options: ForeignKeyInput = {},
): ForeignKey => ({
  name,
  columns,
  references: { schema: options.schema ?? 'public', name: references, columns: referencedColumns },
  onUpdate: options.onUpdate ?? 'no action',
  onDelete: options.onDelete ?? 'no action',
  deferrable: options.deferrable ?? false,
  initiallyDeferred: options.initiallyDeferred ?? false,
});

export const check = (name: string, expression: string): CheckConstraint => ({ name, expression });

/** An index key: a column name, or `{ expression }`; ascending, nulls last unless said. */
export type IndexKeyInput =
  | string
  | (Partial<Omit<Extract<IndexKey, { kind: 'column' }>, 'kind'>> & { readonly column: string })
  | (Partial<Omit<Extract<IndexKey, { kind: 'expression' }>, 'kind'>> & { readonly expression: string });

const indexKey = (input: IndexKeyInput): IndexKey => {
  if (typeof input === 'string') return { kind: 'column', column: input, order: 'asc', nulls: 'last', opclass: null };
  const order = input.order ?? 'asc';
  const options = { order, nulls: input.nulls ?? (order === 'asc' ? 'last' : 'first'), opclass: input.opclass ?? null } as const;
  return 'column' in input
    ? { kind: 'column', column: input.column, ...options }
    : { kind: 'expression', expression: input.expression, ...options };
};

export type IndexInput = Partial<Omit<Index, 'name' | 'keys'>>;

export const index = (name: string, keys: readonly IndexKeyInput[], options: IndexInput = {}): Index => ({
  name,
  unique: false,
  nullsNotDistinct: false,
  method: 'btree',
  include: [],
  predicate: null,
  constraint: null,
  definition: null,
  ...options,
  keys: keys.map(indexKey),
});

export const enumOf = (name: string, values: readonly string[], schema = 'public'): Enum => ({ schema, name, values });

export const sequenceOptions = (overrides: Partial<SequenceOptions> = {}): SequenceOptions => ({
  type: 'bigint',
  start: '1',
  increment: '1',
  min: '1',
  max: '9223372036854775807',
  cache: '1',
  cycle: false,
  ...overrides,
});

export const sequence = (name: string, options: Partial<Mutable<Omit<Sequence, 'name'>>> = {}): Sequence => ({
  schema: 'public',
  name,
  options: sequenceOptions(),
  ownedBy: null,
  ...options,
});

export const view = (name: string, definition: string, options: Partial<Omit<View, 'name' | 'definition'>> = {}): View => ({
  schema: 'public',
  name,
  materialized: false,
  ...options,
  definition,
});

export interface CatalogInput {
  readonly tables?: readonly Table[];
  readonly enums?: readonly Enum[];
  readonly sequences?: readonly Sequence[];
  readonly views?: readonly View[];
  readonly schemas?: readonly string[];
}

/** A catalog; `schemas` defaults to every schema its objects use (plus `public`). */
export const catalog = (input: CatalogInput | readonly Table[] = {}): Catalog => {
  const parts: CatalogInput = Array.isArray(input) ? { tables: input as readonly Table[] } : (input as CatalogInput);
  const tables = parts.tables ?? [];
  const enums = parts.enums ?? [];
  const sequences = parts.sequences ?? [];
  const views = parts.views ?? [];
  const used = new Set<string>(['public', ...tables.map((t) => t.schema), ...enums.map((e) => e.schema)]);
  return {
    schemas: parts.schemas ?? [...used].sort(),
    tables,
    enums,
    domains: [],
    sequences,
    views,
    extensions: [],
  };
};

/** Replaces one table (by name) in a catalog. */
export const withTable = (base: Catalog, name: string, change: (t: Table) => Table, schema = 'public'): Catalog => ({
  ...base,
  tables: base.tables.map((t) => (t.name === name && t.schema === schema ? change(t) : t)),
});

/** Replaces one column (by name) of a table, renumbering nothing. */
export const withColumn = (t: Table, name: string, change: (c: Column) => Column): Table => ({
  ...t,
  columns: t.columns.map((c) => (c.name === name ? change(c) : c)),
});
