/**
 * The snapshot file format: the single source of truth. Types are inferred from these
 * zod schemas, `serialize.ts` writes keys in their order, `load.ts` validates with them,
 * and `schemas/snapshot.v1.schema.json` (editor validation) is generated from them
 * (`npm run snapshot-schema`).
 *
 * Every object is strict: an unknown key is an error, not silently dropped, so a
 * hand-edited typo or a file from a newer tool does not load as something else.
 */
import { z } from 'zod';
import type { Catalog } from '../catalog/model.js';
import type { MigrationsJournal } from '../capture/queries/migrations.js';
import { FORMAT_VERSION, TOOL_NAME } from './format-constants.js';

export { FORMAT_VERSION, SNAPSHOT_SCHEMA_ID, SNAPSHOT_SCHEMA_URL, TOOL_NAME } from './format-constants.js';

/** PostgreSQL names are never empty (a zero-length quoted identifier is a syntax error). */
const identifier = z.string().min(1, 'a PostgreSQL name is never empty');
const bigintText = z.string().regex(/^-?\d+$/, 'expected an integer written as a string (a bigint)');
const sqlText = z.string();

/**
 * NOTE: PostgreSQL records the dimensions a column declares (`attndims`) without enforcing
 * them, and accepts hundreds (`int[][]...`); values hold at most 6 (MAXDIM). A bound far
 * above anything declared keeps a corrupted number (1041641834) from reaching verify,
 * which spells the type with one `[]` per dimension.
 */
const MAX_DIMENSIONS = 1000;

const qualifiedName = { schema: identifier, name: identifier } as const;

const columnType = z
  .strictObject({
    name: z.string().describe('format_type() spelling without array brackets; for a user-defined type, its name'),
    schema: identifier.nullable().describe('Schema of a user-defined type; null for built-in types'),
    category: z.enum(['base', 'enum', 'domain', 'composite', 'range', 'other']),
    dimensions: z
      .int()
      .nonnegative()
      .max(MAX_DIMENSIONS)
      .describe('0 for a scalar, 1 for integer[], 2 for integer[][]'),
  })
  .meta({ id: 'ColumnType' });

const sequenceOptions = z
  .strictObject({
    type: z.enum(['smallint', 'integer', 'bigint']),
    start: bigintText,
    increment: bigintText,
    min: bigintText,
    max: bigintText,
    cache: bigintText,
    cycle: z.boolean(),
  })
  .meta({ id: 'SequenceOptions', description: 'Sequence parameters; numbers are strings because they are bigints' });

const checkConstraint = z
  .strictObject({
    name: identifier,
    expression: sqlText.describe('The boolean expression inside CHECK (...)'),
  })
  .meta({ id: 'CheckConstraint' });

const referentialAction = z.enum(['no action', 'restrict', 'cascade', 'set null', 'set default']);

const column = z
  .strictObject({
    name: identifier,
    position: z.int().positive().describe('1-based ordinal among the live columns'),
    type: columnType,
    notNull: z.boolean(),
    default: sqlText.nullable().describe('pg_get_expr() of the default, or null'),
    identity: z
      .strictObject({ generation: z.enum(['always', 'by default']), sequence: sequenceOptions })
      .nullable(),
    generated: sqlText.nullable().describe('Expression of a generated column, or null'),
    collation: z.string().nullable().describe("Collation when it is not the type's default"),
    comment: z.string().nullable(),
  })
  .meta({ id: 'Column' });

const indexKeyOptions = {
  order: z.enum(['asc', 'desc']),
  nulls: z.enum(['first', 'last']),
  opclass: z.string().nullable().describe("Operator class when it is not the type's default"),
} as const;

const indexKey = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('column'), column: identifier, ...indexKeyOptions }),
  z.strictObject({ kind: z.literal('expression'), expression: sqlText, ...indexKeyOptions }),
]);

const index = z
  .strictObject({
    name: identifier,
    unique: z.boolean(),
    nullsNotDistinct: z.boolean(),
    method: z.string().describe('Access method: btree, gin, gist, hash, brin, spgist, ...'),
    keys: z.array(indexKey),
    include: z.array(identifier),
    predicate: sqlText.nullable(),
    constraint: identifier.nullable().describe('The constraint this index backs, or null'),
    definition: z.string().nullable().describe('pg_get_indexdef()'),
  })
  .meta({ id: 'Index' });

const policy = z
  .strictObject({
    name: identifier,
    command: z.enum(['all', 'select', 'insert', 'update', 'delete']),
    permissive: z.boolean(),
    roles: z.array(z.string()),
    using: sqlText.nullable(),
    withCheck: sqlText.nullable(),
  })
  .meta({ id: 'Policy' });

const rowEstimate = z
  .union([z.literal('unknown'), z.int().nonnegative()])
  .describe("Catalog estimate: 0, a power of ten at or below the row count, or 'unknown' (never analyzed)");

const table = z
  .strictObject({
    ...qualifiedName,
    kind: z.enum(['table', 'partitioned-table']),
    partitionOf: z.strictObject(qualifiedName).nullable(),
    comment: z.string().nullable(),
    rowLevelSecurity: z.strictObject({ enabled: z.boolean(), forced: z.boolean() }),
    rows: rowEstimate,
    columns: z.array(column),
    primaryKey: z.strictObject({ name: identifier, columns: z.array(identifier) }).nullable(),
    uniques: z.array(z.strictObject({ name: identifier, columns: z.array(identifier), nullsNotDistinct: z.boolean() })),
    foreignKeys: z.array(
      z.strictObject({
        name: identifier,
        columns: z.array(identifier),
        references: z.strictObject({ ...qualifiedName, columns: z.array(identifier) }),
        onUpdate: referentialAction,
        onDelete: referentialAction,
        deferrable: z.boolean(),
        initiallyDeferred: z.boolean(),
      }),
    ),
    checks: z.array(checkConstraint),
    indexes: z.array(index),
    policies: z.array(policy),
  })
  .meta({ id: 'Table' });

export const catalogSchema = z
  .strictObject({
    schemas: z.array(identifier),
    tables: z.array(table),
    enums: z.array(z.strictObject({ ...qualifiedName, values: z.array(z.string()) })),
    domains: z.array(
      z.strictObject({
        ...qualifiedName,
        type: columnType,
        notNull: z.boolean(),
        default: sqlText.nullable(),
        checks: z.array(checkConstraint),
      }),
    ),
    sequences: z.array(
      z.strictObject({
        ...qualifiedName,
        options: sequenceOptions,
        ownedBy: z.strictObject({ ...qualifiedName, column: identifier }).nullable(),
      }),
    ),
    views: z.array(z.strictObject({ ...qualifiedName, materialized: z.boolean(), definition: z.string() })),
    extensions: z.array(z.strictObject({ name: z.string(), schema: identifier, version: z.string() })),
  })
  .meta({ id: 'Catalog' });

const migrationsJournal = z
  .strictObject({
    schema: identifier,
    table: identifier,
    entries: z.array(
      z.strictObject({
        hash: z.string(),
        createdAt: bigintText.nullable().describe('created_at in milliseconds, as a string (a bigint)'),
      }),
    ),
  })
  .meta({ id: 'MigrationsJournal', description: "drizzle-kit's migrations journal, in id order" });

export const metadataSchema = z
  .strictObject({
    capturedAt: z.iso.datetime().describe('When the capture ran (UTC); ignored when deciding whether a snapshot changed'),
    tool: z.strictObject({ name: z.literal(TOOL_NAME), version: z.string() }),
    server: z.strictObject({
      version: z.string().describe('server_version'),
      versionNumber: z.int().describe('server_version_num'),
    }),
    database: z.string(),
    host: z.string().nullable().describe('host[:port], only when captured with --include-host'),
    schemaFilter: z
      .array(identifier)
      .nullable()
      .describe('Schemas asked for with --schema; null means every non-system schema. The captured list is catalog.schemas'),
  })
  .meta({ id: 'Metadata' });

export const snapshotV1Schema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    metadata: metadataSchema,
    catalog: catalogSchema,
    migrations: migrationsJournal.nullable().describe('null when the journal table is absent or unreadable'),
  })
  .meta({
    title: 'drizzle-catalog snapshot, format 1',
    description: 'A PostgreSQL catalog captured by `drizzle-catalog capture`: structure only, never row data.',
  });

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A snapshot as read or about to be written; its `catalog` is exactly a Catalog. */
export type Snapshot = DeepReadonly<z.output<typeof snapshotV1Schema>>;
export type SnapshotMetadata = Snapshot['metadata'];

// Compile-time proof that the file format and the Catalog model describe the same data:
// a field added to one and not the other fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogMatchesModel: Same<DeepReadonly<z.output<typeof catalogSchema>>, Catalog> = true;
const journalMatchesCapture: Same<DeepReadonly<z.output<typeof migrationsJournal>>, MigrationsJournal> = true;
void catalogMatchesModel;
void journalMatchesCapture;
