/**
 * A Drizzle schema as plain data: what the fast-check arbitrary generates, what mutations
 * edit, and what `toDrizzle()` turns into real `pgTable`/`pgEnum` objects. Names are the
 * database names; `key` is the export / property name in the Drizzle module.
 */

export interface SchemaSpec {
  /** Custom schemas (never `public`), each declared with `pgSchema()`. */
  readonly schemas: readonly string[];
  readonly enums: readonly EnumSpec[];
  /** In creation order: a foreign key only references an earlier table. */
  readonly tables: readonly TableSpec[];
}

export interface EnumSpec {
  readonly key: string;
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
}

export interface TableSpec {
  readonly key: string;
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey: PrimaryKeySpec | null;
  readonly uniques: readonly UniqueSpec[];
  readonly foreignKeys: readonly ForeignKeySpec[];
  readonly indexes: readonly IndexSpec[];
}

export type ColumnTypeSpec =
  | { readonly kind: 'smallint' | 'integer' | 'bigint' }
  | { readonly kind: 'smallserial' | 'serial' | 'bigserial' }
  | { readonly kind: 'text' | 'boolean' | 'real' | 'double precision' | 'date' | 'jsonb' | 'uuid' }
  | { readonly kind: 'varchar'; readonly length: number | null }
  | { readonly kind: 'numeric'; readonly precision: number | null; readonly scale: number }
  | { readonly kind: 'timestamp'; readonly withTimezone: boolean; readonly precision: number | null }
  | { readonly kind: 'enum'; readonly schema: string; readonly name: string };

export type ColumnTypeKind = ColumnTypeSpec['kind'];

/**
 * A column default: a JS value given to `.default()` (strings, numbers, booleans, JSON,
 * arrays), or one of Drizzle's helpers.
 */
export type DefaultSpec =
  | { readonly kind: 'value'; readonly value: DefaultValue }
  | { readonly kind: 'now' }
  | { readonly kind: 'random-uuid' }
  | { readonly kind: 'sql'; readonly sql: string };

export type DefaultValue = string | number | boolean | null | readonly DefaultValue[] | { readonly [key: string]: DefaultValue };

export interface IdentitySpec {
  readonly generation: 'always' | 'by default';
  readonly startWith: number | null;
  readonly increment: number | null;
}

export interface ColumnSpec {
  readonly key: string;
  readonly name: string;
  readonly type: ColumnTypeSpec;
  /** 0 scalar, 1 `.array()`, 2 `.array().array()`. */
  readonly dimensions: 0 | 1 | 2;
  readonly notNull: boolean;
  readonly default: DefaultSpec | null;
  readonly identity: IdentitySpec | null;
}

/** `style: 'column'` is `.primaryKey()` on the single column; `'constraint'` is `primaryKey({ columns })`. */
export interface PrimaryKeySpec {
  readonly columns: readonly string[];
  readonly name: string | null;
  readonly style: 'column' | 'constraint';
}

/** `style: 'column'` is `.unique()` on a single column; `'constraint'` is `unique().on(...)`. */
export interface UniqueSpec {
  readonly columns: readonly string[];
  readonly name: string | null;
  readonly nullsNotDistinct: boolean;
  readonly style: 'column' | 'constraint';
}

export type ReferentialActionSpec = 'cascade' | 'restrict' | 'no action' | 'set null' | 'set default';

/** `style: 'references'` is `.references()` on a single column; `'constraint'` is `foreignKey({...})`. */
export interface ForeignKeySpec {
  readonly columns: readonly string[];
  readonly references: { readonly schema: string; readonly table: string; readonly columns: readonly string[] };
  readonly name: string | null;
  readonly onDelete: ReferentialActionSpec;
  readonly onUpdate: ReferentialActionSpec;
  readonly style: 'references' | 'constraint';
}

export interface IndexKeySpec {
  readonly column: string;
  readonly order: 'asc' | 'desc';
  /** null: Drizzle's default for the order. */
  readonly nulls: 'first' | 'last' | null;
}

export interface IndexSpec {
  readonly name: string | null;
  readonly unique: boolean;
  readonly method: 'btree' | 'hash';
  readonly keys: readonly IndexKeySpec[];
  /** Partial index `WHERE <column> IS NOT NULL`, or null. */
  readonly whereNotNull: string | null;
}

// --- names Drizzle derives, as Drizzle derives them ------------------------------------

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

export const byteLength = (name: string): number => Buffer.byteLength(name, 'utf8');

/** What PostgreSQL keeps of an identifier: its first 63 bytes, never splitting a character. */
export const truncateIdentifier = (name: string): string => {
  if (byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  let out = '';
  for (const char of name) {
    if (byteLength(out + char) > MAX_IDENTIFIER_BYTES) break;
    out += char;
  }
  return out;
};

/** drizzle-orm `uniqueKeyName()`. */
export const defaultUniqueName = (table: string, columns: readonly string[]): string =>
  `${table}_${columns.join('_')}_unique`;

/** drizzle-orm `PrimaryKey.getName()` for `primaryKey({ columns })`. */
export const defaultPrimaryKeyName = (table: string, columns: readonly string[]): string =>
  `${table}_${columns.join('_')}_pk`;

/** drizzle-orm `ForeignKey.getName()`. */
export const defaultForeignKeyName = (table: string, columns: readonly string[], foreignTable: string, foreignColumns: readonly string[]): string =>
  `${table}_${columns.join('_')}_${foreignTable}_${foreignColumns.join('_')}_fk`;

/** drizzle-kit `indexName()` for an unnamed index. */
export const defaultIndexName = (table: string, columns: readonly string[]): string => `${table}_${columns.join('_')}_index`;

/** drizzle-kit's identity sequence name. */
export const identitySequenceName = (table: string, column: string): string => `${table}_${column}_seq`;

/** The name drizzle-kit gives the primary key: `<table>_pkey` (PostgreSQL's own) for `.primaryKey()`. */
export const primaryKeyName = (table: TableSpec): string | null => {
  const pk = table.primaryKey;
  if (!pk) return null;
  if (pk.style === 'column') return `${table.name}_pkey`;
  return pk.name ?? defaultPrimaryKeyName(table.name, pk.columns);
};

export const uniqueName = (table: TableSpec, unique: UniqueSpec): string => unique.name ?? defaultUniqueName(table.name, unique.columns);

export const foreignKeyName = (table: TableSpec, fk: ForeignKeySpec): string =>
  fk.name ?? defaultForeignKeyName(table.name, fk.columns, fk.references.table, fk.references.columns);

export const indexName = (table: TableSpec, index: IndexSpec): string =>
  index.name ??
  defaultIndexName(
    table.name,
    index.keys.map((key) => key.column),
  );

export const qualified = (schema: string, name: string): string => (schema === 'public' ? name : `${schema}.${name}`);

export const isSerial = (type: ColumnTypeSpec): boolean =>
  type.kind === 'smallserial' || type.kind === 'serial' || type.kind === 'bigserial';

/** The type a column referencing `type` must have (a serial references as its integer type). */
export const referencingType = (type: ColumnTypeSpec): ColumnTypeSpec => {
  switch (type.kind) {
    case 'smallserial':
      return { kind: 'smallint' };
    case 'serial':
      return { kind: 'integer' };
    case 'bigserial':
      return { kind: 'bigint' };
    default:
      return type;
  }
};

/** `format_type()` spelling of a column's element type (for SQL written by tests). */
export const sqlType = (type: ColumnTypeSpec): string => {
  switch (type.kind) {
    case 'varchar':
      return type.length === null ? 'character varying' : `character varying(${type.length})`;
    case 'numeric':
      return type.precision === null ? 'numeric' : `numeric(${type.precision},${type.scale})`;
    case 'timestamp': {
      const precision = type.precision === null ? '' : `(${type.precision})`;
      return `timestamp${precision} ${type.withTimezone ? 'with' : 'without'} time zone`;
    }
    case 'enum':
      return `${quoteIdent(type.schema)}.${quoteIdent(type.name)}`;
    default:
      return type.kind;
  }
};

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const tableRef = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;
