/**
 * drizzle-kit 0.x's snapshot JSON, behind one file with `loader.ts`: the only modules that
 * import `drizzle-kit/api` (this one drizzle-catalog's own, in process; `loader.ts` the
 * project's, in the loader process).
 *
 * The schema goes through drizzle-kit's own `generateDrizzleJson` so names, generated
 * constraint names and types are exactly those `drizzle-kit push` would use. The JSON types
 * below are the subset of drizzle-kit's PostgreSQL snapshot (version 7) that
 * `to-catalog.ts` reads; `assertCompatible` makes the compiler check them against
 * drizzle-kit's own declaration, so a drizzle-kit upgrade that changes them fails to build.
 */
import type { DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { failure, type Result } from '../../config/errors.js';
import { withSerializerOutput } from '../serializer-output.js';

/** Sequence options as drizzle-kit writes them (bigints as text), for sequences and identities alike. */
export interface DrizzleKitSequenceOptions {
  readonly increment?: string | undefined;
  readonly minValue?: string | undefined;
  readonly maxValue?: string | undefined;
  readonly startWith?: string | undefined;
  readonly cache?: string | undefined;
  readonly cycle?: boolean | undefined;
}

export interface DrizzleKitIdentity extends DrizzleKitSequenceOptions {
  readonly type: 'always' | 'byDefault';
  readonly name: string;
  readonly schema: string;
}

export interface DrizzleKitColumn {
  readonly name: string;
  /** `getSQLType()`: `varchar(50)`, `timestamp (3) with time zone`, `serial`, `mood[]`... */
  readonly type: string;
  /** Schema of an enum type (`public` when unset); undefined for other types. */
  readonly typeSchema?: string | undefined;
  readonly primaryKey: boolean;
  readonly notNull: boolean;
  /** SQL text for `sql` defaults and strings; a number, boolean or bigint as given otherwise. */
  readonly default?: unknown;
  readonly generated?: { readonly type: 'stored'; readonly as: string } | undefined;
  readonly identity?: DrizzleKitIdentity | undefined;
}

export interface DrizzleKitIndexColumn {
  readonly expression: string;
  readonly isExpression: boolean;
  readonly asc: boolean;
  readonly nulls?: string | undefined;
  readonly opclass?: string | undefined;
}

export interface DrizzleKitIndex {
  readonly name: string;
  readonly columns: readonly DrizzleKitIndexColumn[];
  readonly isUnique: boolean;
  readonly method: string;
  readonly where?: string | undefined;
  readonly with?: Readonly<Record<string, unknown>> | undefined;
  readonly concurrently: boolean;
}

export interface DrizzleKitForeignKey {
  readonly name: string;
  readonly tableFrom: string;
  readonly columnsFrom: readonly string[];
  readonly tableTo: string;
  readonly schemaTo?: string | undefined;
  readonly columnsTo: readonly string[];
  readonly onUpdate?: string | undefined;
  readonly onDelete?: string | undefined;
}

export interface DrizzleKitPolicy {
  readonly name: string;
  readonly as?: 'PERMISSIVE' | 'RESTRICTIVE' | undefined;
  readonly for?: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | undefined;
  readonly to?: readonly string[] | undefined;
  readonly using?: string | undefined;
  readonly withCheck?: string | undefined;
  readonly on?: string | undefined;
  readonly schema?: string | undefined;
}

export interface DrizzleKitTable {
  readonly name: string;
  /** `''` for tables declared without a schema (public). */
  readonly schema: string;
  /** In declaration order. */
  readonly columns: Readonly<Record<string, DrizzleKitColumn>>;
  readonly indexes: Readonly<Record<string, DrizzleKitIndex>>;
  readonly foreignKeys: Readonly<Record<string, DrizzleKitForeignKey>>;
  readonly compositePrimaryKeys: Readonly<Record<string, { readonly name: string; readonly columns: readonly string[] }>>;
  readonly uniqueConstraints: Readonly<
    Record<string, { readonly name: string; readonly columns: readonly string[]; readonly nullsNotDistinct: boolean }>
  >;
  readonly policies: Readonly<Record<string, DrizzleKitPolicy>>;
  readonly checkConstraints: Readonly<Record<string, { readonly name: string; readonly value: string }>>;
  readonly isRLSEnabled: boolean;
}

export interface DrizzleKitSequence extends DrizzleKitSequenceOptions {
  readonly name: string;
  readonly schema: string;
}

export interface DrizzleKitView {
  readonly name: string;
  readonly schema: string;
  /** Absent for `.existing()` views, which drizzle-kit does not manage. */
  readonly definition?: string | undefined;
  readonly materialized: boolean;
  readonly isExisting: boolean;
}

/** drizzle-kit's PostgreSQL snapshot JSON (version 7), the parts we read. */
export interface DrizzleKitJson {
  readonly version: '7';
  readonly dialect: 'postgresql';
  /** Keyed `schema.name`. */
  readonly tables: Readonly<Record<string, DrizzleKitTable>>;
  readonly enums: Readonly<
    Record<string, { readonly name: string; readonly schema: string; readonly values: readonly string[] }>
  >;
  /** Declared schemas other than public, within the schema filter. */
  readonly schemas: Readonly<Record<string, string>>;
  readonly sequences: Readonly<Record<string, DrizzleKitSequence>>;
  /** Policies on tables not in `tables` (linked with `.link()`). */
  readonly policies: Readonly<Record<string, DrizzleKitPolicy>>;
  readonly views: Readonly<Record<string, DrizzleKitView>>;
}

/** Compile-time check that drizzle-kit's declared snapshot type fits ours. */
const assertCompatible = (json: DrizzleSnapshotJSON): DrizzleKitJson => json;

export type Casing = 'snake_case' | 'camelCase';

/**
 * drizzle-kit's `generateDrizzleJson(imports, prevId, schemaFilters, casing)` of
 * drizzle-catalog's own drizzle-kit 0.31, in this process, as a value: the snapshot JSON and
 * whatever drizzle-kit printed (warnings such as an unlinked policy), or the error it would
 * have exited with. For Drizzle objects built in memory (the tests, the oracle); a
 * project's files go through the loader process and the project's own drizzle-kit
 * (`kit0/loader.ts`).
 */
export const generateDrizzleJson = async (
  imports: Readonly<Record<string, unknown>>,
  prevId?: string,
  schemaFilters?: readonly string[],
  casing?: Casing,
): Promise<Result<{ readonly json: DrizzleKitJson; readonly warnings: readonly string[] }>> => {
  const api = await import('drizzle-kit/api');
  const outcome = await withSerializerOutput(() =>
    api.generateDrizzleJson({ ...imports }, prevId, schemaFilters ? [...schemaFilters] : undefined, casing),
  );
  if (outcome.ok) return { ok: true, json: assertCompatible(outcome.value), warnings: outcome.printed };
  return failure({
    code: 'schema-rejected-by-drizzle-kit',
    path: '',
    message: outcome.printed.join(' ').replace(/\s+/g, ' ') || `drizzle-kit's serializer exited with code ${outcome.exitCode}`,
    hint: 'drizzle-kit push would stop here too: fix the schema as the message says',
  });
};
