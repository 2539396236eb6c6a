/**
 * drizzle-kit 1.0's PostgreSQL schema state (snapshot JSON version 9), the parts
 * `to-catalog.ts` reads: `generateDrizzleJson` of `drizzle-kit/api-postgres` returns it, and
 * so do `reconstruct` and `up`. The state is a flat list of entities keyed by `entityType`,
 * each naming its schema and table instead of nesting.
 *
 * These types are written by hand from drizzle-kit 1.0.0-rc.5's declaration
 * (`src/dialects/postgres/ddl.ts`, `createDDL`): the repository's own drizzle-kit is 0.31, so
 * `src/` cannot import 1.0's types. test/drizzle-1/ddl-types.ts, which resolves drizzle-kit 1.0
 * from its location, makes the compiler check that 1.0's declared state fits these types.
 */

export interface DdlSchema {
  readonly entityType: 'schemas';
  readonly name: string;
}

export interface DdlTable {
  readonly entityType: 'tables';
  readonly schema: string;
  readonly name: string;
  /** Row-level security, also switched on by drizzle-kit for a table with policies. */
  readonly isRlsEnabled: boolean;
}

export interface DdlEnum {
  readonly entityType: 'enums';
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
}

/** Identity options as drizzle-kit 1.0 fills them in: bounds as text, the cache as a number. */
export interface DdlIdentity {
  readonly name: string;
  readonly type: 'always' | 'byDefault';
  readonly increment: string | null;
  readonly minValue: string | null;
  readonly maxValue: string | null;
  readonly startWith: string | null;
  readonly cache: number | null;
  readonly cycle: boolean | null;
}

export interface DdlColumn {
  readonly entityType: 'columns';
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /**
   * Drizzle's SQL type without array brackets: `varchar(20)`, `timestamp(3) with time zone`,
   * `serial`, `vector(3)`; an enum's bare name when `typeSchema` is set.
   */
  readonly type: string;
  /** Schema of an enum type; null for every other type. */
  readonly typeSchema: string | null;
  readonly notNull: boolean;
  /** 0 for a scalar, 1 for `.array()`, 2 for `.array('[][]')`. */
  readonly dimensions: number;
  /**
   * SQL text without the cast to the column's type that drizzle-kit adds when it writes an
   * enum or array default (`'a'`, `'{x}'`, `now()`, `5`); null without a default.
   */
  readonly default: string | null;
  readonly generated: { readonly type: 'stored'; readonly as: string } | null;
  readonly identity: DdlIdentity | null;
}

export interface DdlIndexColumn {
  /** A column name, or SQL text when `isExpression`. */
  readonly value: string;
  readonly isExpression: boolean;
  readonly asc: boolean;
  readonly nullsFirst: boolean;
  /** `default` is true only for an operator class drizzle-kit read from a database as the type's default. */
  readonly opclass: { readonly name: string; readonly default: boolean } | null;
}

/** `nameExplicit` is false for names drizzle-kit (or drizzle-orm) derived itself. */
interface Named {
  readonly name: string;
  readonly nameExplicit: boolean;
}

export interface DdlIndex extends Named {
  readonly entityType: 'indexes';
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly DdlIndexColumn[];
  readonly isUnique: boolean;
  readonly where: string | null;
  readonly method: string;
}

export type DdlReferentialAction = 'NO ACTION' | 'RESTRICT' | 'SET NULL' | 'CASCADE' | 'SET DEFAULT';

export interface DdlForeignKey extends Named {
  readonly entityType: 'fks';
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly schemaTo: string;
  readonly tableTo: string;
  readonly columnsTo: readonly string[];
  /** null when the schema does not say (PostgreSQL's NO ACTION). */
  readonly onUpdate: DdlReferentialAction | null;
  readonly onDelete: DdlReferentialAction | null;
}

export interface DdlPrimaryKey extends Named {
  readonly entityType: 'pks';
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
}

export interface DdlUnique extends Named {
  readonly entityType: 'uniques';
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
}

export interface DdlCheck {
  readonly entityType: 'checks';
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly value: string;
}

export interface DdlSequence {
  readonly entityType: 'sequences';
  readonly schema: string;
  readonly name: string;
  readonly incrementBy: string | null;
  readonly minValue: string | null;
  readonly maxValue: string | null;
  readonly startWith: string | null;
  readonly cacheSize: number | null;
  readonly cycle: boolean | null;
}

export interface DdlPolicy {
  readonly entityType: 'policies';
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly as: 'PERMISSIVE' | 'RESTRICTIVE';
  readonly for: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  /** Role names, `public`, `current_user`, `current_role` or `session_user`. */
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly withCheck: string | null;
}

export interface DdlView {
  readonly entityType: 'views';
  readonly schema: string;
  readonly name: string;
  /** The view's query as SQL; null for a view drizzle-kit does not create. */
  readonly definition: string | null;
  readonly materialized: boolean;
}

/** Entities the Catalog has no place for (roles, privileges), and any kind a later drizzle-kit adds. */
export interface DdlOtherEntity {
  readonly entityType: 'roles' | 'privileges';
}

export type DdlEntity =
  | DdlSchema
  | DdlTable
  | DdlEnum
  | DdlColumn
  | DdlIndex
  | DdlForeignKey
  | DdlPrimaryKey
  | DdlUnique
  | DdlCheck
  | DdlSequence
  | DdlPolicy
  | DdlView
  | DdlOtherEntity;

/** drizzle-kit 1.0's PostgreSQL schema state (`generateDrizzleJson`), the parts we read. */
export interface DrizzleDdlJson {
  readonly version: '9';
  readonly dialect: 'postgres';
  readonly ddl: readonly DdlEntity[];
}
