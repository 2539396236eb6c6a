/**
 * drizzle-kit 1.0's schema state (JSON version 9, `ddl.ts`) → Catalog, as capture would read
 * the same objects once drizzle-kit 1.0's push, started from an empty database, has nothing
 * left to do. Pure.
 *
 * Names are the ones PostgreSQL ends up with: a name drizzle-kit derived itself
 * (`nameExplicit: false`) as PostgreSQL stores it (cut at 63 bytes, or chosen by PostgreSQL where
 * drizzle-kit leaves it out: `key-constraints.ts`), an explicit name as written, even past 63
 * bytes (the diff reports it as `identifier-too-long`: drizzle-kit 1.0 asks about it on every
 * push). What PostgreSQL adds on its own is added as in the 0.31 mapping: the sequence and
 * `nextval` default of serial columns, NOT NULL on primary key, serial and identity columns,
 * the indexes behind primary keys and unique constraints. Expressions keep drizzle-kit's SQL
 * text (defaults with the cast drizzle-kit adds when it writes them); `src/sql/` compares them
 * as parsed SQL.
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
  Sequence,
  Table,
  View,
} from '../../catalog/model.js';
import { sortCatalog } from '../../catalog/sort.js';
import { createTablesFilter } from '../../config/tables-filter.js';
import { quoteIdentifier, truncateIdentifier } from '../../naming/index.js';
import { isDefaultOpclass } from '../default-opclasses.js';
import { constraintIndex, isNullDefault, referentialAction, sequenceOptions, sequenceType } from '../pg-implied.js';
import { serialDefault, serialSequenceName } from '../pg-names.js';
import { cachedPgColumnType } from '../pg-type.js';
import type {
  DdlCheck,
  DdlColumn,
  DdlEntity,
  DdlEnum,
  DdlForeignKey,
  DdlIndex,
  DdlPolicy,
  DdlPrimaryKey,
  DdlSchema,
  DdlSequence,
  DdlTable,
  DdlUnique,
  DdlView,
  DrizzleDdlJson,
} from './ddl.js';
import { keyConstraints, storedName } from './key-constraints.js';

export interface DdlToCatalogOptions {
  /**
   * The config's `schemaFilter`, as drizzle-kit 1.0 reads it: glob patterns (`!` negates) with
   * the same voting rule as `tablesFilter`; none means every schema. Tables and views of other
   * schemas are already left out of drizzle-kit's state; enums and sequences are left out here,
   * so the catalog describes exactly the schemas drizzle-kit push manages.
   */
  readonly schemaFilter: readonly string[];
}

/** The entities of one table. */
interface TableParts {
  readonly columns: DdlColumn[];
  readonly primaryKeys: DdlPrimaryKey[];
  readonly uniques: DdlUnique[];
  readonly foreignKeys: DdlForeignKey[];
  readonly checks: DdlCheck[];
  readonly indexes: DdlIndex[];
  readonly policies: DdlPolicy[];
}

interface Entities {
  readonly schemas: DdlSchema[];
  readonly tables: DdlTable[];
  readonly enums: DdlEnum[];
  readonly sequences: DdlSequence[];
  readonly views: DdlView[];
  readonly parts: Map<string, TableParts>;
}

const tableKey = (schema: string, table: string): string => `${schema}\u0000${table}`;

/** Sorts the flat entity list by kind, and table parts by table, keeping the list's order (columns in declaration order). */
const groupEntities = (ddl: readonly DdlEntity[]): Entities => {
  const entities: Entities = { schemas: [], tables: [], enums: [], sequences: [], views: [], parts: new Map() };
  const partsOf = (schema: string, table: string): TableParts => {
    const key = tableKey(schema, table);
    let parts = entities.parts.get(key);
    if (parts === undefined) {
      parts = { columns: [], primaryKeys: [], uniques: [], foreignKeys: [], checks: [], indexes: [], policies: [] };
      entities.parts.set(key, parts);
    }
    return parts;
  };
  for (const entity of ddl) {
    switch (entity.entityType) {
      case 'schemas':
        entities.schemas.push(entity);
        break;
      case 'tables':
        entities.tables.push(entity);
        break;
      case 'enums':
        entities.enums.push(entity);
        break;
      case 'sequences':
        entities.sequences.push(entity);
        break;
      case 'views':
        entities.views.push(entity);
        break;
      case 'columns':
        partsOf(entity.schema, entity.table).columns.push(entity);
        break;
      case 'pks':
        partsOf(entity.schema, entity.table).primaryKeys.push(entity);
        break;
      case 'uniques':
        partsOf(entity.schema, entity.table).uniques.push(entity);
        break;
      case 'fks':
        partsOf(entity.schema, entity.table).foreignKeys.push(entity);
        break;
      case 'checks':
        partsOf(entity.schema, entity.table).checks.push(entity);
        break;
      case 'indexes':
        partsOf(entity.schema, entity.table).indexes.push(entity);
        break;
      case 'policies':
        partsOf(entity.schema, entity.table).policies.push(entity);
        break;
      default:
        // Roles and privileges have no place in the Catalog.
        break;
    }
  }
  return entities;
};

const mapForeignKey = (fk: DdlForeignKey): ForeignKey => ({
  name: storedName(fk),
  columns: [...fk.columns],
  references: { schema: fk.schemaTo, name: fk.tableTo, columns: [...fk.columnsTo] },
  onUpdate: referentialAction(fk.onUpdate),
  onDelete: referentialAction(fk.onDelete),
  deferrable: false,
  initiallyDeferred: false,
});

const mapIndex = (index: DdlIndex): Index => ({
  name: storedName(index),
  unique: index.isUnique,
  nullsNotDistinct: false,
  method: index.method,
  keys: index.columns.map((key): IndexKey => {
    const options = {
      order: key.asc ? 'asc' : 'desc',
      nulls: key.nullsFirst ? 'first' : 'last',
      opclass: key.opclass === null || key.opclass.default || isDefaultOpclass(index.method, key.opclass.name) ? null : key.opclass.name,
    } as const;
    return key.isExpression ? { kind: 'expression', expression: key.value, ...options } : { kind: 'column', column: key.value, ...options };
  }),
  include: [],
  predicate: index.where,
  constraint: null,
  definition: null,
});

const mapPolicy = (policy: DdlPolicy): Policy => ({
  name: policy.name,
  command: policy.for.toLowerCase() as Policy['command'],
  permissive: policy.as === 'PERMISSIVE',
  roles: [...policy.roles],
  using: policy.using,
  withCheck: policy.withCheck,
});

/**
 * A column's default as drizzle-kit 1.0 writes it (`defaultToSQL`): the state holds enum and
 * array defaults without their cast, and CREATE TABLE adds it (`'a'::"mood"`, `'{x}'::text[]`).
 */
const writtenDefault = (column: DdlColumn): string | null => {
  if (column.default === null || column.default === '') return null;
  // NOTE: one pair of brackets whatever the dimensions: PostgreSQL ignores declared dimensions.
  const brackets = column.dimensions > 0 ? '[]' : '';
  if (column.typeSchema !== null) {
    const schema = column.typeSchema === 'public' ? '' : `${quoteIdentifier(column.typeSchema)}.`;
    return `${column.default}::${schema}${quoteIdentifier(column.type)}${brackets}`;
  }
  return column.dimensions > 0 ? `${column.default}::${column.type}${brackets}` : column.default;
};

interface MappedTable {
  readonly table: Table;
  readonly sequences: readonly Sequence[];
}

const NO_PARTS: TableParts = { columns: [], primaryKeys: [], uniques: [], foreignKeys: [], checks: [], indexes: [], policies: [] };

const mapTable = (source: DdlTable, parts: TableParts, typeOf: ReturnType<typeof cachedPgColumnType>): MappedTable => {
  const { schema, name: tableName } = source;
  const { primaryKey, uniques } = keyConstraints(
    tableName,
    parts.columns.map((column) => column.name),
    parts.primaryKeys[0],
    parts.uniques,
  );
  const primaryKeyColumns = new Set(primaryKey?.columns ?? []);
  const sequences: Sequence[] = [];

  const mapColumn = (column: DdlColumn, index: number): Column => {
    const { type: elementType, serial } = typeOf(column.type, column.typeSchema ?? undefined);
    const type = column.dimensions === elementType.dimensions ? elementType : { ...elementType, dimensions: column.dimensions };
    const ownedBy = { schema, name: tableName, column: column.name };
    let identity: Identity | null = null;
    const nullDefault = column.default !== null && isNullDefault(column.default, type, (cast) => typeOf(cast, undefined).type);
    let defaultValue = column.generated === null && !nullDefault ? writtenDefault(column) : null;
    if (serial !== null) {
      const sequence = serialSequenceName(tableName, column.name);
      sequences.push({ schema, name: sequence, options: sequenceOptions(serial, {}), ownedBy });
      defaultValue = serialDefault(schema, sequence);
    } else if (column.identity !== null) {
      const { cache, ...declared } = column.identity;
      const options = sequenceOptions(sequenceType(type), { ...declared, cache: cache === null ? null : String(cache) });
      identity = { generation: column.identity.type === 'always' ? 'always' : 'by default', sequence: options };
      // NOTE: drizzle-kit writes `sequence name "<schema>"."<name>"`: PostgreSQL cuts it at 63 bytes.
      sequences.push({ schema, name: truncateIdentifier(column.identity.name), options, ownedBy });
      defaultValue = null;
    }
    return {
      name: column.name,
      position: index + 1,
      type,
      // NOTE: PostgreSQL makes primary key, serial and identity columns NOT NULL.
      notNull: column.notNull || primaryKeyColumns.has(column.name) || serial !== null || identity !== null,
      default: defaultValue,
      identity,
      generated: column.generated?.as ?? null,
      collation: null,
      comment: null,
    };
  };

  const checks: CheckConstraint[] = parts.checks.map((check) => ({ name: check.name, expression: check.value }));
  const indexes: Index[] = [
    ...(primaryKey ? [constraintIndex(primaryKey.name, primaryKey.columns, false)] : []),
    ...uniques.map((unique) => constraintIndex(unique.name, unique.columns, unique.nullsNotDistinct)),
    ...parts.indexes.map(mapIndex),
  ];
  return {
    table: {
      schema,
      name: tableName,
      kind: 'table',
      partitionOf: null,
      comment: null,
      rowLevelSecurity: { enabled: source.isRlsEnabled || parts.policies.length > 0, forced: false },
      rows: 'unknown',
      columns: parts.columns.map(mapColumn),
      primaryKey,
      uniques,
      foreignKeys: parts.foreignKeys.map(mapForeignKey),
      checks,
      indexes,
      policies: parts.policies.map(mapPolicy),
    },
    sequences,
  };
};

/**
 * NOTE: drizzle-kit 1.0 writes CREATE SEQUENCE without AS, so PostgreSQL makes it bigint, and
 * fills in every option itself (`fromDrizzleSchema`).
 */
const mapSequence = (sequence: DdlSequence): Sequence => ({
  schema: sequence.schema,
  name: sequence.name,
  options: sequenceOptions('bigint', {
    increment: sequence.incrementBy,
    minValue: sequence.minValue,
    maxValue: sequence.maxValue,
    startWith: sequence.startWith,
    cache: sequence.cacheSize === null ? null : String(sequence.cacheSize),
    cycle: sequence.cycle,
  }),
  ownedBy: null,
});

/** Maps drizzle-kit 1.0's schema state into the Catalog model. */
export const drizzleDdlToCatalog = (json: DrizzleDdlJson, options: DdlToCatalogOptions): Catalog => {
  // NOTE: drizzle-kit 1.0 applies the same voting rule to schemaFilter as to tablesFilter (prepareSchemasFitler).
  const inFilter = createTablesFilter(options.schemaFilter);
  const entities = groupEntities(json.ddl);
  const typeOf = cachedPgColumnType();
  const mapped = entities.tables
    .filter((table) => inFilter(table.schema))
    .map((table) => mapTable(table, entities.parts.get(tableKey(table.schema, table.name)) ?? NO_PARTS, typeOf));
  const tables = mapped.map(({ table }) => table);

  const enums: Enum[] = entities.enums
    .filter((e) => inFilter(e.schema))
    .map((e) => ({ schema: e.schema, name: e.name, values: [...e.values] }));

  const sequences: Sequence[] = [
    ...mapped.flatMap((m) => m.sequences),
    ...entities.sequences.filter((sequence) => inFilter(sequence.schema)).map(mapSequence),
  ];

  const views: View[] = entities.views
    .filter((view) => inFilter(view.schema))
    .flatMap((view) =>
      view.definition === null ? [] : [{ schema: view.schema, name: view.name, materialized: view.materialized, definition: view.definition }],
    );

  const schemas = new Set<string>(inFilter('public') ? ['public'] : []);
  for (const schema of entities.schemas) if (inFilter(schema.name)) schemas.add(schema.name);
  for (const object of [...tables, ...enums, ...sequences, ...views]) schemas.add(object.schema);

  return sortCatalog({ schemas: [...schemas], tables, enums, domains: [], sequences, views, extensions: [] });
};
