/**
 * Drizzle's SQL type names (`column.getSQLType()`, as drizzle-kit writes them into CREATE
 * TABLE) in PostgreSQL's `format_type()` spelling, which is what capture reads back after
 * drizzle-kit pushes them. Pure.
 *
 * Checked against real PostgreSQL (server and PGlite) by test/schema/pg-type.test.ts: every
 * pg-core column type is pushed with drizzle-kit and read back with `format_type`.
 */
import type { ColumnType, SequenceOptions } from '../catalog/model.js';
import { PG_CATALOG_TYPES } from './pg-catalog-types.js';

export interface PgColumnType {
  readonly type: ColumnType;
  /** For `serial`, `bigserial`, `smallserial`: the type of the sequence PostgreSQL creates. */
  readonly serial: SequenceOptions['type'] | null;
}

const SIMPLE: Readonly<Record<string, string>> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  int2: 'smallint',
  smallint: 'smallint',
  int8: 'bigint',
  bigint: 'bigint',
  bool: 'boolean',
  boolean: 'boolean',
  float4: 'real',
  real: 'real',
  float: 'double precision',
  float8: 'double precision',
  'double precision': 'double precision',
  decimal: 'numeric',
  numeric: 'numeric',
  varchar: 'character varying',
  'character varying': 'character varying',
  // NOTE: `char` without a length is char(1) in PostgreSQL; same for `bit`.
  char: 'character(1)',
  character: 'character(1)',
  bit: 'bit(1)',
  varbit: 'bit varying',
  'bit varying': 'bit varying',
  timestamptz: 'timestamp with time zone',
  timetz: 'time with time zone',
};

const SERIALS: Readonly<Record<string, SequenceOptions['type']>> = {
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  serial2: 'smallint',
};

/** PostGIS spells geometry subtypes in CamelCase in `format_type` (`geometry(Point,4326)`). */
const POSTGIS_SUBTYPES: ReadonlyMap<string, string> = new Map(
  ['Geometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'].map(
    (name) => [name.toLowerCase(), name],
  ),
);

const INTERVAL_FIELDS =
  '(?:year to month|day to hour|day to minute|day to second|hour to minute|hour to second|minute to second|year|month|day|hour|minute|second)';
const INTERVAL = new RegExp(`^interval(?: (${INTERVAL_FIELDS}))?(?:\\((\\d+)\\))?$`);
const TIME = /^(timestamp|time)(?:\((\d+)\))?(?: (with|without) time zone)?$/;
const WITH_ARGS = /^([a-z][a-z0-9_ ]*?)\(([^)]*)\)$/;

/** Lower case (PostgreSQL folds unquoted type names), single spaces, no space before `(` or after `,`. */
const normalize = (sqlType: string): string =>
  sqlType
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?\( ?/g, '(')
    .replace(/ ?, ?/g, ',')
    .replace(/ ?\)/g, ')');

const geometry = (args: string): string => {
  const [subtype = '', ...rest] = args.split(',');
  const match = /^(.*?)(zm|z|m)?$/.exec(subtype) ?? [];
  const name = POSTGIS_SUBTYPES.get(match[1] ?? '') ?? subtype;
  return `geometry(${[`${name}${(match[2] ?? '').toUpperCase()}`, ...rest].join(',')})`;
};

const builtIn = (base: string): string | null => {
  const simple = SIMPLE[base];
  if (simple !== undefined) return simple;
  const time = TIME.exec(base);
  if (time) {
    const [, kind, precision, zone] = time;
    return `${kind}${precision === undefined ? '' : `(${precision})`} ${zone ?? 'without'} time zone`;
  }
  const interval = INTERVAL.exec(base);
  if (interval) {
    const [, fields, precision] = interval;
    return `interval${fields === undefined ? '' : ` ${fields}`}${precision === undefined ? '' : `(${precision})`}`;
  }
  const withArgs = WITH_ARGS.exec(base);
  if (!withArgs) return null;
  const [, name = '', args = ''] = withArgs;
  switch (name) {
    case 'varchar':
    case 'character varying':
      return `character varying(${args})`;
    case 'char':
    case 'character':
    case 'bpchar':
      return `character(${args})`;
    case 'numeric':
    case 'decimal':
      // NOTE: numeric(10) is numeric(10,0) for format_type.
      return `numeric(${args.includes(',') ? args : `${args},0`})`;
    case 'bit':
      return `bit(${args})`;
    case 'varbit':
    case 'bit varying':
      return `bit varying(${args})`;
    case 'float':
      // NOTE: float(p) is real up to 24 bits of precision, double precision above.
      return Number(args) <= 24 ? 'real' : 'double precision';
    case 'geometry':
      return geometry(args);
    default:
      return null;
  }
};

/**
 * Schema the type would live in, if it were not built in.
 *
 * NOTE: drizzle-kit writes non-enum types unqualified, so PostgreSQL finds them through the
 * pushing role's search_path: extension types (vector, geometry, citext) are usually in
 * public. A Drizzle schema cannot say more; `customType` names given qualified
 * (`extensions.vector(3)`) keep their schema.
 */
const ASSUMED_EXTENSION_SCHEMA = 'public';

/** The `format_type` name without type modifiers: `numeric(10,2)` → `numeric`. */
const withoutModifiers = (name: string): string => {
  const bare = name.replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim();
  return bare.startsWith('interval') ? 'interval' : bare;
};

const builtInOrAssumed = (name: string, dimensions: number): ColumnType => {
  const category = PG_CATALOG_TYPES[withoutModifiers(name)];
  if (category !== undefined) return { name, schema: null, category, dimensions };
  const qualified = /^([a-z_][a-z0-9_$]*)\.(.+)$/.exec(name);
  return qualified
    ? { name: qualified[2] ?? name, schema: qualified[1] ?? ASSUMED_EXTENSION_SCHEMA, category: 'base', dimensions }
    : { name, schema: ASSUMED_EXTENSION_SCHEMA, category: 'base', dimensions };
};

export const pgColumnType = (sqlType: string, typeSchema: string | undefined): PgColumnType => {
  let base = sqlType.trim();
  let dimensions = 0;
  for (let match = /\s*\[\d*\]$/.exec(base); match; match = /\s*\[\d*\]$/.exec(base)) {
    base = base.slice(0, match.index);
    dimensions += 1;
  }
  if (typeSchema !== undefined) {
    return { type: { name: base, schema: typeSchema, category: 'enum', dimensions }, serial: null };
  }
  // A quoted custom type name keeps its case: `"MyType"` is the type named MyType.
  const quoted = /^"((?:[^"]|"")+)"$/.exec(base);
  if (quoted) {
    const name = (quoted[1] ?? '').replaceAll('""', '"');
    return { type: { name, schema: ASSUMED_EXTENSION_SCHEMA, category: 'base', dimensions }, serial: null };
  }
  const normalized = normalize(base);
  const serial = SERIALS[normalized];
  if (serial !== undefined) {
    return { type: { name: serial, schema: null, category: 'base', dimensions }, serial };
  }
  return { type: builtInOrAssumed(builtIn(normalized) ?? normalized, dimensions), serial: null };
};

/**
 * `pgColumnType` with a memory: schemas repeat a handful of types thousands of times, so
 * each is spelled once per mapping.
 */
export const cachedPgColumnType = (): typeof pgColumnType => {
  const types = new Map<string, PgColumnType>();
  return (sqlType, typeSchema) => {
    const key = `${typeSchema ?? ''}\u0000${sqlType}`;
    let type = types.get(key);
    if (type === undefined) {
      type = pgColumnType(sqlType, typeSchema);
      types.set(key, type);
    }
    return type;
  };
};
