/**
 * drizzle-kit's snapshot JSON → Catalog, as capture would see the same objects after
 * `drizzle-kit push` created them in an empty database. Pure.
 *
 * What PostgreSQL adds or decides on its own is added here: the sequence and `nextval`
 * default of `serial` columns, the name of an inline PRIMARY KEY (`<table>_pkey`), NOT NULL on
 * primary key and identity columns, the indexes backing primary keys and unique constraints,
 * row-level security switched on by policies. Names drizzle-kit writes itself (constraints,
 * indexes, identity sequences) are kept as drizzle-kit wrote them, even past 63 bytes:
 * PostgreSQL truncates them, and the diff matches them by truncation to report
 * `identifier-too-long`. Expressions (defaults, checks, generated columns, index expressions,
 * predicates, policies, views) keep drizzle-kit's SQL text; `src/sql/` compares them as parsed
 * SQL.
 */
import type {
  Catalog,
  CheckConstraint,
  Column,
  Enum,
  ForeignKey,
  Identity,
  Index,
  IndexKey,
  Policy,
  PrimaryKey,
  Sequence,
  Table,
  UniqueConstraint,
  View,
} from '../../catalog/model.js';
import { sortCatalog } from '../../catalog/sort.js';
import { isDefaultOpclass } from '../default-opclasses.js';
import type {
  DrizzleKitColumn,
  DrizzleKitIndex,
  DrizzleKitJson,
  DrizzleKitPolicy,
  DrizzleKitTable,
} from './drizzle-kit-json.js';
import { columnIndexKey, constraintIndex, referentialAction, sequenceOptions, sequenceType } from '../pg-implied.js';
import { primaryKeyName, serialDefault, serialSequenceName } from '../pg-names.js';
import { cachedPgColumnType, type PgColumnType } from '../pg-type.js';

export interface ToCatalogOptions {
  /**
   * The config's `schemaFilter`. drizzle-kit already leaves tables of other schemas out of
   * its JSON; enums, sequences and views of other schemas are left out here too, so the
   * catalog describes exactly the schemas drizzle-kit push manages.
   */
  readonly schemaFilter: readonly string[];
}

const defaultText = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : String(value);
};

const mapIndex = (index: DrizzleKitIndex): Index => ({
  name: index.name,
  unique: index.isUnique,
  nullsNotDistinct: false,
  method: index.method,
  keys: index.columns.map((key): IndexKey => {
    if (key.isExpression) {
      return { kind: 'expression', expression: key.expression, order: 'asc', nulls: 'last', opclass: null };
    }
    if (key.opclass !== undefined && key.opclass !== '') {
      // NOTE: drizzle-kit 0.31 writes `"col" opclass` and drops DESC and NULLS whenever an
      // operator class is given (CreatePgIndexConvertor), so the index is ASC NULLS LAST.
      return {
        kind: 'column',
        column: key.expression,
        order: 'asc',
        nulls: 'last',
        opclass: isDefaultOpclass(index.method, key.opclass) ? null : key.opclass,
      };
    }
    const order = key.asc ? 'asc' : 'desc';
    const nulls = key.nulls === 'first' || key.nulls === 'last' ? key.nulls : key.asc ? 'last' : 'first';
    return columnIndexKey(key.expression, order, nulls);
  }),
  include: [],
  predicate: index.where ?? null,
  constraint: null,
  definition: null,
});

/**
 * NOTE: drizzle-kit 0.31 push creates policies without their USING / WITH CHECK clauses
 * (`squashPolicyPush` keeps only name, as, for, to) and never compares them, while
 * generate + migrate writes them. We keep the schema's expressions: they are what the schema
 * means (test/schema/pushed-objects.test.ts pins the drizzle-kit behaviour).
 */
const mapPolicy = (policy: DrizzleKitPolicy): Policy => ({
  name: policy.name,
  command: (policy.for ?? 'ALL').toLowerCase() as Policy['command'],
  permissive: (policy.as ?? 'PERMISSIVE') === 'PERMISSIVE',
  roles: [...(policy.to ?? ['public'])],
  using: policy.using ?? null,
  withCheck: policy.withCheck ?? null,
});

interface MappedTable {
  readonly table: Table;
  readonly sequences: readonly Sequence[];
}

type TypeOf = (sqlType: string, typeSchema: string | undefined) => PgColumnType;

const mapTable = (source: DrizzleKitTable, typeOf: TypeOf): MappedTable => {
  const schema = source.schema === '' ? 'public' : source.schema;
  const sourceColumns = Object.values(source.columns);
  const composite = Object.values(source.compositePrimaryKeys)[0];
  const primaryKey: PrimaryKey | null = composite
    ? { name: composite.name, columns: [...composite.columns] }
    : sourceColumns.some((column) => column.primaryKey)
      ? { name: primaryKeyName(source.name), columns: sourceColumns.filter((c) => c.primaryKey).map((c) => c.name) }
      : null;
  const primaryKeyColumns = new Set(primaryKey?.columns ?? []);
  const sequences: Sequence[] = [];

  const mapColumn = (column: DrizzleKitColumn, index: number): Column => {
    const { type, serial } = typeOf(column.type, column.typeSchema);
    const ownedBy = { schema, name: source.name, column: column.name };
    let identity: Identity | null = null;
    let defaultValue = defaultText(column.default);
    if (serial !== null) {
      const name = serialSequenceName(source.name, column.name);
      sequences.push({ schema, name, options: sequenceOptions(serial, {}), ownedBy });
      defaultValue = serialDefault(schema, name);
    } else if (column.identity) {
      const options = sequenceOptions(sequenceType(type), column.identity);
      identity = { generation: column.identity.type === 'always' ? 'always' : 'by default', sequence: options };
      sequences.push({ schema: column.identity.schema || schema, name: column.identity.name, options, ownedBy });
      defaultValue = null;
    }
    return {
      name: column.name,
      position: index + 1,
      type,
      // NOTE: PostgreSQL makes primary key, serial and identity columns NOT NULL.
      notNull: column.notNull || primaryKeyColumns.has(column.name) || serial !== null || identity !== null,
      default: column.generated ? null : defaultValue,
      identity,
      generated: column.generated?.as ?? null,
      collation: null,
      comment: null,
    };
  };

  const columns = sourceColumns.map(mapColumn);
  const uniques: UniqueConstraint[] = Object.entries(source.uniqueConstraints)
    .map(([key, unique]) => ({
      name: unique.name || key,
      columns: [...unique.columns],
      nullsNotDistinct: unique.nullsNotDistinct,
    }));
  const foreignKeys: ForeignKey[] = Object.values(source.foreignKeys)
    .map((fk) => ({
      name: fk.name,
      columns: [...fk.columnsFrom],
      references: { schema: fk.schemaTo || 'public', name: fk.tableTo, columns: [...fk.columnsTo] },
      onUpdate: referentialAction(fk.onUpdate),
      onDelete: referentialAction(fk.onDelete),
      deferrable: false,
      initiallyDeferred: false,
    }));
  const checks: CheckConstraint[] = Object.values(source.checkConstraints)
    .map((check) => ({ name: check.name, expression: check.value }));
  const indexes: Index[] = [
    ...(primaryKey ? [constraintIndex(primaryKey.name, primaryKey.columns, false)] : []),
    ...uniques.map((unique) => constraintIndex(unique.name, unique.columns, unique.nullsNotDistinct)),
    ...Object.values(source.indexes).map(mapIndex),
  ];
  const policies = Object.values(source.policies).map(mapPolicy);

  return {
    table: {
      schema,
      name: source.name,
      kind: 'table',
      partitionOf: null,
      comment: null,
      // NOTE: drizzle-kit enables row-level security on a table with policies even without `.enableRLS()`.
      rowLevelSecurity: { enabled: source.isRLSEnabled || policies.length > 0, forced: false },
      rows: 'unknown',
      columns,
      primaryKey,
      uniques,
      foreignKeys,
      checks,
      indexes,
      policies,
    },
    sequences,
  };
};

/** Maps drizzle-kit's snapshot JSON into the Catalog model. */
export const drizzleJsonToCatalog = (json: DrizzleKitJson, options: ToCatalogOptions): Catalog => {
  const inFilter = (schema: string): boolean => options.schemaFilter.includes(schema);
  const typeOf: TypeOf = cachedPgColumnType();
  const mapped = Object.values(json.tables)
    .map((table) => mapTable(table, typeOf))
    .filter(({ table }) => inFilter(table.schema));
  const tables = mapped.map(({ table }) => table);

  const enums: Enum[] = Object.values(json.enums)
    .filter((e) => inFilter(e.schema))
    .map((e) => ({ schema: e.schema, name: e.name, values: [...e.values] }));

  const sequences: Sequence[] = [
    ...mapped.flatMap((m) => m.sequences),
    ...Object.values(json.sequences).map(
      (sequence): Sequence => ({
        schema: sequence.schema,
        name: sequence.name,
        // NOTE: drizzle-kit's CREATE SEQUENCE has no AS clause: PostgreSQL makes it bigint.
        options: sequenceOptions('bigint', sequence),
        ownedBy: null,
      }),
    ),
  ].filter((sequence) => inFilter(sequence.schema));

  const views: View[] = Object.values(json.views)
    .filter((view) => inFilter(view.schema) && !view.isExisting && view.definition !== undefined)
    .map((view) => ({
      schema: view.schema,
      name: view.name,
      materialized: view.materialized,
      definition: view.definition ?? '',
    }));

  const schemas = new Set<string>(options.schemaFilter.filter((schema) => schema === 'public'));
  for (const schema of Object.values(json.schemas)) if (inFilter(schema)) schemas.add(schema);
  for (const object of [...tables, ...enums, ...sequences, ...views]) schemas.add(object.schema);

  return sortCatalog({ schemas: [...schemas], tables, enums, domains: [], sequences, views, extensions: [] });
};
