/**
 * The Catalog: plain, readonly data describing PostgreSQL objects in PostgreSQL's
 * own terms. Every source (a live database through capture, a snapshot file, a
 * Drizzle schema through drizzle-kit's serializer) maps *into* this model; the diff
 * engine reads only this model and knows nothing of Drizzle or of `pg`.
 *
 * Spelling rules, so that two sources describing the same object produce equal data:
 * - type names are `format_type()` spellings of the element type (`character varying(50)`,
 *   `timestamp(3) with time zone`, `integer`), never aliases (`varchar`, `int4`, `timestamptz`);
 * - expressions (defaults, checks, generated columns, index expressions and predicates)
 *   are kept as SQL text as their source wrote them; they are compared as parsed SQL by
 *   `src/sql/`, never as strings;
 * - every list is sorted (see `src/catalog/sort.ts`) except where order has meaning
 *   (columns by position, key columns, enum values).
 */

export interface Catalog {
  /** Schemas this catalog describes (even empty ones), sorted. */
  readonly schemas: readonly string[];
  readonly tables: readonly Table[];
  readonly enums: readonly Enum[];
  readonly domains: readonly Domain[];
  readonly sequences: readonly Sequence[];
  readonly views: readonly View[];
  readonly extensions: readonly Extension[];
}

export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/**
 * Coarse row estimate from `pg_class.reltuples`: `'unknown'` when the table was never
 * analyzed (reltuples = -1) or the source has no data (a Drizzle schema), `0` when
 * empty, else the power of ten at or below the estimate (1, 10, 100, ...). Coarse on
 * purpose so that re-capturing an unchanged schema gives an unchanged file.
 */
export type RowEstimate = 'unknown' | number;

export interface Table extends QualifiedName {
  readonly kind: 'table' | 'partitioned-table';
  /** The parent when this table is a partition. */
  readonly partitionOf: QualifiedName | null;
  readonly comment: string | null;
  readonly rowLevelSecurity: { readonly enabled: boolean; readonly forced: boolean };
  readonly rows: RowEstimate;
  /** In `position` order. */
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  readonly uniques: readonly UniqueConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly CheckConstraint[];
  readonly indexes: readonly Index[];
  readonly policies: readonly Policy[];
}

export interface ColumnType {
  /**
   * `format_type()` spelling of the element type without array brackets and, for
   * user-defined types, without the schema: `character varying(50)`, `numeric(10,2)`,
   * `timestamp(3) with time zone`, `mood`.
   */
  readonly name: string;
  /** Schema of a user-defined type (enum, domain, composite); null for built-in types. */
  readonly schema: string | null;
  readonly category: 'base' | 'enum' | 'domain' | 'composite' | 'range' | 'other';
  /** 0 for a scalar; 1 for `integer[]`, 2 for `integer[][]` (as declared: PostgreSQL does not enforce it). */
  readonly dimensions: number;
}

export interface Identity {
  readonly generation: 'always' | 'by default';
  readonly sequence: SequenceOptions;
}

export interface Column {
  readonly name: string;
  /** 1-based ordinal among the table's live columns. */
  readonly position: number;
  readonly type: ColumnType;
  readonly notNull: boolean;
  /** Default expression as SQL text (`pg_get_expr`), or null. */
  readonly default: string | null;
  readonly identity: Identity | null;
  /** Expression of a `GENERATED ALWAYS AS (...) STORED` column, or null. */
  readonly generated: string | null;
  /** Collation when it is not the type's default, else null. */
  readonly collation: string | null;
  readonly comment: string | null;
}

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface UniqueConstraint {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: QualifiedName & { readonly columns: readonly string[] };
  readonly onUpdate: ReferentialAction;
  readonly onDelete: ReferentialAction;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export interface CheckConstraint {
  readonly name: string;
  /** The boolean expression inside `CHECK (...)`, as SQL text. */
  readonly expression: string;
}

export type IndexKey =
  | (IndexKeyOptions & { readonly kind: 'column'; readonly column: string })
  | (IndexKeyOptions & { readonly kind: 'expression'; readonly expression: string });

export interface IndexKeyOptions {
  readonly order: 'asc' | 'desc';
  readonly nulls: 'first' | 'last';
  /** Operator class when it is not the type's default, else null. */
  readonly opclass: string | null;
}

export interface Index {
  readonly name: string;
  readonly unique: boolean;
  readonly nullsNotDistinct: boolean;
  /** Access method: `btree`, `gin`, `gist`, `hash`, `brin`, `spgist`, ... */
  readonly method: string;
  readonly keys: readonly IndexKey[];
  /** Non-key columns of `INCLUDE (...)`. */
  readonly include: readonly string[];
  /** `WHERE` predicate as SQL text, or null. */
  readonly predicate: string | null;
  /** The constraint (primary key, unique, exclusion) this index backs, or null. */
  readonly constraint: string | null;
  /** Full `pg_get_indexdef()` when captured from a database; null from other sources. */
  readonly definition: string | null;
}

export interface Policy {
  readonly name: string;
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  readonly permissive: boolean;
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly withCheck: string | null;
}

export interface Enum extends QualifiedName {
  /** In declaration (sort) order. */
  readonly values: readonly string[];
}

export interface Domain extends QualifiedName {
  readonly type: ColumnType;
  readonly notNull: boolean;
  readonly default: string | null;
  readonly checks: readonly CheckConstraint[];
}

/** Sequence bounds are strings: they are bigints and must survive JSON exactly. */
export interface SequenceOptions {
  readonly type: 'smallint' | 'integer' | 'bigint';
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

export interface Sequence extends QualifiedName {
  readonly options: SequenceOptions;
  /** The column owning this sequence (serial, identity), or null. */
  readonly ownedBy: (QualifiedName & { readonly column: string }) | null;
}

export interface View extends QualifiedName {
  readonly materialized: boolean;
  /** `pg_get_viewdef()` text, or the source's SQL. */
  readonly definition: string;
}

export interface Extension {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
}
