/**
 * Turns a `SchemaSpec` into real Drizzle objects (drizzle-orm/pg-core), exactly as a
 * schema module would declare them: the result is what drizzle-kit's `pushSchema` and
 * our schema loader receive as `imports`.
 *
 * `toDrizzle` builds with the repository's drizzle-orm (0.45); `toDrizzleWith` with another
 * drizzle-orm whose pg-core has the same builders (test/drizzle-1/to-drizzle.ts: 1.0).
 */
import { getTableColumns, sql } from 'drizzle-orm';
import * as pgCore from 'drizzle-orm/pg-core';
import type {
  ExtraConfigColumn,
  PgColumn,
  PgColumnBuilderBase,
  PgEnum,
  PgSchema,
  PgTableExtraConfigValue,
  PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import type { ColumnSpec, ColumnTypeSpec, DefaultSpec, SchemaSpec, TableSpec } from './schema-spec.js';

/**
 * The parts of drizzle-orm a schema module uses, typed as 0.45's: another major is passed in
 * with a cast, and must have builders of the same shape.
 */
export interface DrizzleOrmApi {
  readonly pgCore: typeof pgCore;
  readonly sql: typeof sql;
  readonly getTableColumns: typeof getTableColumns;
  /** An array column of `dimensions` dimensions (0.45 chains `.array()`; 1.0 takes `'[][]'`). */
  readonly array: (builder: ChainableColumn, dimensions: 1 | 2) => ChainableColumn;
}

const DRIZZLE_ORM_0_45: DrizzleOrmApi = {
  pgCore,
  sql,
  getTableColumns,
  array: (builder, dimensions) => (dimensions === 1 ? builder.array() : builder.array().array()),
};

export interface DrizzleSchema {
  /** Exports of the schema module, in declaration order: schemas, enums, tables. */
  readonly imports: Readonly<Record<string, unknown>>;
  /** Every schema the module uses (`public` first): drizzle-kit's `schemaFilters`. */
  readonly schemaFilters: readonly string[];
}

// `pgTable()` with a dynamic column map: the table's columns are looked up by key.
type AnyTable = PgTableWithColumns<{
  name: string;
  schema: string | undefined;
  columns: Record<string, PgColumn>;
  dialect: 'pg';
}>;

/**
 * The subset of Drizzle's column builder chain used here, with the value types loosened:
 * the spec decides values at run time, so the static types of `.default()` cannot help.
 */
export interface ChainableColumn {
  array(dimensions?: string): ChainableColumn;
  notNull(): ChainableColumn;
  default(value: unknown): ChainableColumn;
  defaultNow(): ChainableColumn;
  defaultRandom(): ChainableColumn;
  primaryKey(): ChainableColumn;
  unique(name?: string, config?: { nulls: 'distinct' | 'not distinct' }): ChainableColumn;
  references(ref: () => PgColumn, actions?: { onDelete?: string; onUpdate?: string }): ChainableColumn;
  generatedAlwaysAsIdentity(options?: { startWith?: number; increment?: number }): ChainableColumn;
  generatedByDefaultAsIdentity(options?: { startWith?: number; increment?: number }): ChainableColumn;
}

const chainable = (builder: PgColumnBuilderBase): ChainableColumn => builder as unknown as ChainableColumn;

export const toDrizzleWith = (api: DrizzleOrmApi) => (spec: SchemaSpec): DrizzleSchema => {
  const { pgEnum, pgSchema } = api.pgCore;
  const imports: Record<string, unknown> = {};
  const schemas = new Map<string, PgSchema>();
  for (const name of spec.schemas) {
    const schema = pgSchema(name);
    schemas.set(name, schema);
    imports[`${camel(name)}Schema`] = schema;
  }
  const enums = new Map<string, PgEnum<[string, ...string[]]>>();
  for (const e of spec.enums) {
    const values = e.values as [string, ...string[]];
    const declared = e.schema === 'public' ? pgEnum(e.name, values) : schemaOf(schemas, e.schema).enum(e.name, values);
    enums.set(`${e.schema}.${e.name}`, declared);
    imports[e.key] = declared;
  }
  const tables = new Map<string, AnyTable>();
  for (const table of spec.tables) {
    const declared = buildTable(api, table, schemas, enums, tables);
    tables.set(`${table.schema}.${table.name}`, declared);
    imports[table.key] = declared;
  }
  const used = new Set(['public', ...spec.schemas]);
  return { imports, schemaFilters: [...used] };
};

export const toDrizzle = toDrizzleWith(DRIZZLE_ORM_0_45);

const schemaOf = (schemas: ReadonlyMap<string, PgSchema>, name: string): PgSchema => {
  const schema = schemas.get(name);
  if (!schema) throw new Error(`schema ${name} is used but not declared in the spec`);
  return schema;
};

const buildTable = (
  api: DrizzleOrmApi,
  table: TableSpec,
  schemas: ReadonlyMap<string, PgSchema>,
  enums: ReadonlyMap<string, PgEnum<[string, ...string[]]>>,
  tables: ReadonlyMap<string, AnyTable>,
): AnyTable => {
  const { foreignKey, index, pgTable, primaryKey, unique, uniqueIndex } = api.pgCore;
  const { getTableColumns, sql } = api;
  const referenced = (schema: string, name: string): AnyTable => {
    const target = tables.get(`${schema}.${name}`);
    if (!target) throw new Error(`foreign key from ${table.name} to ${schema}.${name}, which is not declared before it`);
    return target;
  };
  const columnOf = (target: AnyTable, name: string): PgColumn => {
    const column = Object.values(getTableColumns(target)).find((c) => c.name === name);
    if (!column) throw new Error(`no column ${name} in a referenced table`);
    return column;
  };

  const columns: Record<string, PgColumnBuilderBase> = {};
  for (const column of table.columns) {
    let builder = chainable(baseColumn(api.pgCore, column.name, column.type, enums));
    if (column.dimensions > 0) builder = api.array(builder, column.dimensions === 1 ? 1 : 2);
    if (column.identity) {
      const options = {
        ...(column.identity.startWith === null ? {} : { startWith: column.identity.startWith }),
        ...(column.identity.increment === null ? {} : { increment: column.identity.increment }),
      };
      builder =
        column.identity.generation === 'always'
          ? builder.generatedAlwaysAsIdentity(options)
          : builder.generatedByDefaultAsIdentity(options);
    }
    if (column.default) builder = withDefault(api.sql, builder, column.default);
    if (column.notNull) builder = builder.notNull();
    const pk = table.primaryKey;
    if (pk?.style === 'column' && pk.columns[0] === column.name) builder = builder.primaryKey();
    const inlineUnique = table.uniques.find((u) => u.style === 'column' && u.columns[0] === column.name);
    if (inlineUnique) {
      builder = builder.unique(inlineUnique.name ?? undefined, {
        nulls: inlineUnique.nullsNotDistinct ? 'not distinct' : 'distinct',
      });
    }
    const fk = table.foreignKeys.find((f) => f.style === 'references' && f.columns[0] === column.name);
    if (fk) {
      const target = fk.references;
      const targetColumn = target.columns[0] ?? '';
      builder = builder.references(() => columnOf(referenced(target.schema, target.table), targetColumn), {
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      });
    }
    columns[column.key] = builder as unknown as PgColumnBuilderBase;
  }

  const keyOf = new Map(table.columns.map((c) => [c.name, c.key]));
  const extra = (self: Record<string, ExtraConfigColumn>): PgTableExtraConfigValue[] => {
    const col = (name: string): ExtraConfigColumn => {
      const found = self[keyOf.get(name) ?? ''];
      if (!found) throw new Error(`no column ${name} in ${table.name}`);
      return found;
    };
    const cols = (names: readonly string[]): [ExtraConfigColumn, ...ExtraConfigColumn[]] => {
      const [first, ...rest] = names.map(col);
      if (!first) throw new Error(`empty column list in ${table.name}`);
      return [first, ...rest];
    };
    const out: PgTableExtraConfigValue[] = [];
    const pk = table.primaryKey;
    if (pk?.style === 'constraint') {
      out.push(pk.name === null ? primaryKey({ columns: cols(pk.columns) }) : primaryKey({ name: pk.name, columns: cols(pk.columns) }));
    }
    for (const u of table.uniques) {
      if (u.style !== 'constraint') continue;
      const built = unique(u.name ?? undefined).on(...cols(u.columns));
      out.push(u.nullsNotDistinct ? built.nullsNotDistinct() : built);
    }
    for (const fk of table.foreignKeys) {
      if (fk.style !== 'constraint') continue;
      const target = referenced(fk.references.schema, fk.references.table);
      const foreignColumns = fk.references.columns.map((name) => columnOf(target, name));
      const config = {
        columns: cols(fk.columns),
        foreignColumns: foreignColumns as [PgColumn, ...PgColumn[]],
        ...(fk.name === null ? {} : { name: fk.name }),
      };
      out.push(foreignKey(config as Parameters<typeof foreignKey>[0]).onDelete(fk.onDelete).onUpdate(fk.onUpdate));
    }
    for (const ix of table.indexes) {
      const keys = ix.keys.map((key) => {
        let c: Partial<ExtraConfigColumn> = col(key.column);
        if (ix.method === 'btree') {
          // Drizzle's `.asc()`/`.desc()` and nulls ordering live on the extra-config column.
          const ordered = key.order === 'desc' ? col(key.column).desc() : col(key.column).asc();
          c = key.nulls === 'first' ? ordered.nullsFirst() : key.nulls === 'last' ? ordered.nullsLast() : ordered;
        }
        return c;
      }) as [Partial<ExtraConfigColumn>, ...Partial<ExtraConfigColumn>[]];
      const start = (ix.unique ? uniqueIndex : index)(ix.name ?? undefined);
      const built = ix.method === 'btree' ? start.on(...keys) : start.using(ix.method, ...keys);
      out.push(ix.whereNotNull === null ? built : built.where(sql`${col(ix.whereNotNull)} is not null`));
    }
    return out;
  };

  const built =
    table.schema === 'public'
      ? pgTable(table.name, columns, extra as never)
      : schemaOf(schemas, table.schema).table(table.name, columns, extra as never);
  return built as unknown as AnyTable;
};

const baseColumn = (
  { bigint, bigserial, boolean, date, doublePrecision, integer, jsonb, numeric, real, serial, smallint, smallserial, text, timestamp, uuid, varchar }: typeof pgCore,
  name: string,
  type: ColumnTypeSpec,
  enums: ReadonlyMap<string, PgEnum<[string, ...string[]]>>,
): PgColumnBuilderBase => {
  switch (type.kind) {
    case 'smallint':
      return smallint(name);
    case 'integer':
      return integer(name);
    case 'bigint':
      return bigint(name, { mode: 'number' });
    case 'smallserial':
      return smallserial(name);
    case 'serial':
      return serial(name);
    case 'bigserial':
      return bigserial(name, { mode: 'number' });
    case 'text':
      return text(name);
    case 'boolean':
      return boolean(name);
    case 'real':
      return real(name);
    case 'double precision':
      return doublePrecision(name);
    case 'date':
      return date(name, { mode: 'string' });
    case 'jsonb':
      return jsonb(name);
    case 'uuid':
      return uuid(name);
    case 'varchar':
      return type.length === null ? varchar(name) : varchar(name, { length: type.length });
    case 'numeric':
      return type.precision === null ? numeric(name) : numeric(name, { precision: type.precision, scale: type.scale });
    case 'timestamp':
      return timestamp(name, {
        mode: 'string',
        withTimezone: type.withTimezone,
        ...(type.precision === null ? {} : { precision: type.precision as 0 | 1 | 2 | 3 | 4 | 5 | 6 }),
      });
    case 'enum': {
      const e = enums.get(`${type.schema}.${type.name}`);
      if (!e) throw new Error(`enum ${type.schema}.${type.name} is used but not declared in the spec`);
      return e(name);
    }
  }
};

const withDefault = (sql: DrizzleOrmApi['sql'], builder: ChainableColumn, spec: DefaultSpec): ChainableColumn => {
  switch (spec.kind) {
    case 'value':
      return builder.default(spec.value);
    case 'now':
      return builder.defaultNow();
    case 'random-uuid':
      return builder.defaultRandom();
    case 'sql':
      return builder.default(sql.raw(spec.sql));
  }
};

const camel = (name: string): string => name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());

/** The Drizzle column named `name` in a spec column list (for tests that look one up). */
export const columnSpec = (table: TableSpec, name: string): ColumnSpec => {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name} in ${table.name}`);
  return column;
};
