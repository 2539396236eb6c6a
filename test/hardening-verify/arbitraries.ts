/**
 * fast-check arbitraries of Catalog values that pass the snapshot format (src/snapshot/format.ts):
 * every field of every object, names drawn from small pools (so that the two sides of a
 * verify share, nearly share and collide on names) mixed with arbitrary text, expressions
 * both valid and broken SQL, and references that may point nowhere. Unique where the
 * loader requires it (objects per schema, columns, indexes and policies per table, schemas).
 */
import fc from 'fast-check';
import type {
  Catalog,
  CheckConstraint,
  Column,
  ColumnType,
  Domain,
  Enum,
  Extension,
  ForeignKey,
  Index,
  IndexKey,
  Policy,
  Sequence,
  SequenceOptions,
  Table,
  View,
} from '../../src/catalog/model.js';

const SCHEMAS = ['public', 'auth', 'Public', 'drizzle', 'billing'];
const TABLE_NAMES = ['users', 'user', 'Users', 'meetings', 'meeting', 'meeting_notes', 'meetingNotes', 'project', 'projects', 'order', 't', 'x'.repeat(63), 'ñandú', 'two words'];
const COLUMN_NAMES = ['id', 'user_id', 'userId', 'UserId', 'USER_ID', 'email', 'created_at', 'createdAt', 'name', 'body', 'meeting_id', 'status', 'a'.repeat(64), 'select'];
const BASE_TYPES = [
  'integer',
  'bigint',
  'smallint',
  'text',
  'character varying(50)',
  'character varying',
  'character(1)',
  'numeric(10,2)',
  'numeric',
  'timestamp with time zone',
  'timestamp(3) without time zone',
  'boolean',
  'uuid',
  'jsonb',
  'bytea',
  'double precision',
  'geometry(Point,4326)',
  'interval',
];
const EXPRESSIONS = [
  '0',
  "'x'::text",
  'now()',
  "nextval('users_id_seq'::regclass)",
  '(id > 0)',
  'gen_random_uuid()',
  "('a'::character varying)::text",
  "'{}'::text[]",
  '((',
  "'unterminated",
  'SELECT 1; DROP TABLE users',
  'lower((email)::text)',
  'CURRENT_TIMESTAMP',
];

/** Non-empty text: PostgreSQL names are never empty. */
const text = (maxLength = 12): fc.Arbitrary<string> => fc.string({ minLength: 1, maxLength, unit: fc.constantFrom('a', 'B', '_', '1', ' ', 'é', '"', '\\', '.', '-', '\u0000', '😀') });

const pick = (pool: readonly string[], maxLength = 12): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 4 }, { arbitrary: text(maxLength), weight: 1 });

const schemaName = pick(SCHEMAS);
const expression = fc.oneof({ arbitrary: fc.constantFrom(...EXPRESSIONS), weight: 4 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null });
const bigintText = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String);
const action = fc.constantFrom<ForeignKey['onDelete']>('no action', 'restrict', 'cascade', 'set null', 'set default');

const columnType: fc.Arbitrary<ColumnType> = fc.oneof(
  { arbitrary: fc.record({ name: pick(BASE_TYPES, 20), schema: fc.constant(null), category: fc.constant('base' as const), dimensions: fc.integer({ min: 0, max: 2 }) }), weight: 4 },
  {
    arbitrary: fc.record({
      name: pick(['mood', 'status', 'role', 'meeting_status']),
      schema: nullable(schemaName),
      category: fc.constantFrom<ColumnType['category']>('enum', 'domain', 'composite', 'range', 'other'),
      dimensions: fc.integer({ min: 0, max: 2 }),
    }),
    weight: 1,
  },
);

const sequenceOptions: fc.Arbitrary<SequenceOptions> = fc.record({
  type: fc.constantFrom<SequenceOptions['type']>('smallint', 'integer', 'bigint'),
  start: bigintText,
  increment: bigintText,
  min: bigintText,
  max: bigintText,
  cache: bigintText,
  cycle: fc.boolean(),
});

const columnOf = (name: string, position: number): fc.Arbitrary<Column> =>
  fc.record({
    name: fc.constant(name),
    position: fc.oneof(fc.constant(position), fc.integer({ min: 1, max: 1600 })),
    type: columnType,
    notNull: fc.boolean(),
    default: nullable(expression),
    identity: nullable(fc.record({ generation: fc.constantFrom<'always' | 'by default'>('always', 'by default'), sequence: sequenceOptions })),
    generated: nullable(expression),
    collation: nullable(pick(['C', 'en_US', 'und-x-icu'])),
    comment: nullable(fc.string({ maxLength: 20 })),
  });

const keyOptions = { order: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), nulls: fc.constantFrom<'first' | 'last'>('first', 'last'), opclass: nullable(pick(['text_pattern_ops', 'gin_trgm_ops'])) };

const indexKey = (columns: readonly string[]): fc.Arbitrary<IndexKey> =>
  fc.oneof(
    fc.record({ kind: fc.constant('column' as const), column: pick([...columns, ...COLUMN_NAMES]), ...keyOptions }),
    fc.record({ kind: fc.constant('expression' as const), expression, ...keyOptions }),
  );

const columnList = (columns: readonly string[]): fc.Arbitrary<readonly string[]> => fc.array(pick([...columns, ...COLUMN_NAMES]), { minLength: 1, maxLength: 3 });

const indexOf = (name: string, columns: readonly string[]): fc.Arbitrary<Index> =>
  fc.record({
    name: fc.constant(name),
    unique: fc.boolean(),
    nullsNotDistinct: fc.boolean(),
    method: pick(['btree', 'gin', 'gist', 'hash', 'brin']),
    keys: fc.array(indexKey(columns), { maxLength: 3 }),
    include: fc.array(pick(columns.length > 0 ? [...columns] : COLUMN_NAMES), { maxLength: 2 }),
    predicate: nullable(expression),
    constraint: nullable(pick([name, 'users_pkey'])),
    definition: nullable(fc.string({ maxLength: 40 })),
  });

const policyOf = (name: string): fc.Arbitrary<Policy> =>
  fc.record({
    name: fc.constant(name),
    command: fc.constantFrom<Policy['command']>('all', 'select', 'insert', 'update', 'delete'),
    permissive: fc.boolean(),
    roles: fc.array(pick(['public', 'authenticated', 'admin']), { maxLength: 3 }),
    using: nullable(expression),
    withCheck: nullable(expression),
  });

const check: fc.Arbitrary<CheckConstraint> = fc.record({ name: pick(['users_check', 'positive', 'c']), expression });

const foreignKey = (columns: readonly string[]): fc.Arbitrary<ForeignKey> =>
  fc.record({
    name: pick(['users_fk', 'fk_meeting', 'f']),
    columns: columnList(columns),
    references: fc.record({ schema: schemaName, name: pick(TABLE_NAMES), columns: columnList(['id']) }),
    onUpdate: action,
    onDelete: action,
    deferrable: fc.boolean(),
    initiallyDeferred: fc.boolean(),
  });

const tableOf = (schema: string, name: string): fc.Arbitrary<Table> =>
  fc.uniqueArray(pick(COLUMN_NAMES), { maxLength: 8 }).chain((columnNames) =>
    fc.record({
      schema: fc.constant(schema),
      name: fc.constant(name),
      kind: fc.constantFrom<Table['kind']>('table', 'partitioned-table'),
      partitionOf: nullable(fc.record({ schema: schemaName, name: pick(TABLE_NAMES) })),
      comment: nullable(fc.string({ maxLength: 20 })),
      rowLevelSecurity: fc.record({ enabled: fc.boolean(), forced: fc.boolean() }),
      rows: fc.oneof(fc.constant('unknown' as const), fc.constantFrom(0, 1, 10, 1000, 1_000_000), fc.nat()),
      columns: fc.tuple(...columnNames.map((column, i) => columnOf(column, i + 1))),
      primaryKey: nullable(fc.record({ name: pick([`${name}_pkey`, 'pk']), columns: columnList(columnNames) })),
      uniques: fc.array(fc.record({ name: pick(['users_email_unique', 'u']), columns: columnList(columnNames), nullsNotDistinct: fc.boolean() }), { maxLength: 2 }),
      foreignKeys: fc.array(foreignKey(columnNames), { maxLength: 2 }),
      checks: fc.array(check, { maxLength: 2 }),
      indexes: fc.uniqueArray(pick([`${name}_pkey`, 'users_email_idx', 'idx', 'users_email_unique']), { maxLength: 3 }).chain((names) => fc.tuple(...names.map((n) => indexOf(n, columnNames)))),
      policies: fc.uniqueArray(pick(['owner_only', 'read', 'p']), { maxLength: 2 }).chain((names) => fc.tuple(...names.map(policyOf))),
    }),
  );

/** Unique (schema, name) pairs, then one object per pair. */
const objects = <T>(names: readonly string[], maxLength: number, of: (schema: string, name: string) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc
    .uniqueArray(fc.tuple(schemaName, pick(names)), { maxLength, selector: ([schema, name]) => JSON.stringify([schema, name]) })
    .chain((pairs) => fc.tuple(...pairs.map(([schema, name]) => of(schema, name))));

const enumOf = (schema: string, name: string): fc.Arbitrary<Enum> =>
  fc.record({ schema: fc.constant(schema), name: fc.constant(name), values: fc.array(pick(['draft', 'published', 'cancelled', '']), { maxLength: 4 }) });

const domainOf = (schema: string, name: string): fc.Arbitrary<Domain> =>
  fc.record({ schema: fc.constant(schema), name: fc.constant(name), type: columnType, notNull: fc.boolean(), default: nullable(expression), checks: fc.array(check, { maxLength: 2 }) });

const sequenceOf = (schema: string, name: string): fc.Arbitrary<Sequence> =>
  fc.record({
    schema: fc.constant(schema),
    name: fc.constant(name),
    options: sequenceOptions,
    ownedBy: nullable(fc.record({ schema: schemaName, name: pick(TABLE_NAMES), column: pick(COLUMN_NAMES) })),
  });

const viewOf = (schema: string, name: string): fc.Arbitrary<View> =>
  fc.record({ schema: fc.constant(schema), name: fc.constant(name), materialized: fc.boolean(), definition: fc.oneof(expression, fc.constant(' SELECT users.id FROM users;')) });

const extension: fc.Arbitrary<Extension> = fc.record({ name: pick(['pgcrypto', 'postgis', 'pg_trgm']), schema: schemaName, version: pick(['1.3', '3.4.2']) });

/** A Catalog the snapshot format accepts. */
export const catalogArbitrary: fc.Arbitrary<Catalog> = fc.record({
  schemas: fc.uniqueArray(schemaName, { maxLength: 3 }),
  tables: objects(TABLE_NAMES, 5, tableOf),
  enums: objects(['mood', 'status', 'meeting_status'], 2, enumOf),
  domains: objects(['email', 'positive_int'], 2, domainOf),
  sequences: objects(['users_id_seq', 'counter', 'meetings_id_seq'], 2, sequenceOf),
  views: objects(['active_users', 'users'], 2, viewOf),
  extensions: fc.array(extension, { maxLength: 2 }),
});
