/**
 * Every drizzle pg-core column type PostgreSQL supports without extensions, pushed for real
 * by drizzle-kit (PGlite and the PostgreSQL server) and read back with `format_type`: our
 * mapping must spell each type exactly as the database does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bigint,
  bigserial,
  bit,
  boolean,
  char,
  cidr,
  customType,
  date,
  doublePrecision,
  geometry,
  halfvec,
  inet,
  integer,
  interval,
  json,
  jsonb,
  line,
  macaddr,
  macaddr8,
  numeric,
  pgEnum,
  pgSchema,
  pgTable,
  point,
  real,
  serial,
  smallint,
  smallserial,
  sparsevec,
  text,
  time,
  timestamp,
  uuid,
  varchar,
  vector,
  type PgColumnBuilderBase,
} from 'drizzle-orm/pg-core';
import type { Column, ColumnType } from '../../src/catalog/model.js';
import { capture } from '../../src/capture/capture.js';
import { pgQueryable } from '../../src/capture/pg-queryable.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import { pgColumnType } from '../../src/schema/pg-type.js';
import pg from 'pg';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { catalogOf, tableOf } from './support/catalog.js';
import { push, type PushTarget } from './support/push.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const mood = pgEnum('mood', ['sad', 'ok', 'happy']);
const crm = pgSchema('crm');
const stage = crm.enum('stage', ['lead', 'won', 'lost']);

interface TypeCase {
  readonly column: PgColumnBuilderBase;
  /** The `format_type` spelling of the element type. */
  readonly type: string;
  readonly dimensions?: number;
  readonly enumSchema?: string;
}

const CASES: readonly TypeCase[] = [
  { column: smallint(), type: 'smallint' },
  { column: integer(), type: 'integer' },
  { column: bigint({ mode: 'number' }), type: 'bigint' },
  { column: bigint({ mode: 'bigint' }), type: 'bigint' },
  { column: serial(), type: 'integer' },
  { column: smallserial(), type: 'smallint' },
  { column: bigserial({ mode: 'number' }), type: 'bigint' },
  { column: boolean(), type: 'boolean' },
  { column: text(), type: 'text' },
  { column: text({ enum: ['a', 'b'] }), type: 'text' },
  { column: varchar(), type: 'character varying' },
  { column: varchar({ length: 50 }), type: 'character varying(50)' },
  { column: char(), type: 'character(1)' },
  { column: char({ length: 3 }), type: 'character(3)' },
  { column: numeric(), type: 'numeric' },
  { column: numeric({ precision: 10 }), type: 'numeric(10,0)' },
  { column: numeric({ precision: 10, scale: 2 }), type: 'numeric(10,2)' },
  { column: numeric({ precision: 20, scale: 0, mode: 'bigint' }), type: 'numeric(20,0)' },
  { column: real(), type: 'real' },
  { column: doublePrecision(), type: 'double precision' },
  { column: json(), type: 'json' },
  { column: jsonb(), type: 'jsonb' },
  { column: uuid(), type: 'uuid' },
  { column: inet(), type: 'inet' },
  { column: cidr(), type: 'cidr' },
  { column: macaddr(), type: 'macaddr' },
  { column: macaddr8(), type: 'macaddr8' },
  { column: date(), type: 'date' },
  { column: date({ mode: 'date' }), type: 'date' },
  { column: time(), type: 'time without time zone' },
  { column: time({ precision: 3 }), type: 'time(3) without time zone' },
  { column: time({ withTimezone: true }), type: 'time with time zone' },
  { column: time({ precision: 2, withTimezone: true }), type: 'time(2) with time zone' },
  { column: timestamp(), type: 'timestamp without time zone' },
  { column: timestamp({ precision: 3 }), type: 'timestamp(3) without time zone' },
  { column: timestamp({ withTimezone: true }), type: 'timestamp with time zone' },
  { column: timestamp({ precision: 3, withTimezone: true }), type: 'timestamp(3) with time zone' },
  { column: timestamp({ mode: 'string', precision: 6, withTimezone: true }), type: 'timestamp(6) with time zone' },
  { column: timestamp({ precision: 0 }), type: 'timestamp(0) without time zone' },
  { column: interval(), type: 'interval' },
  { column: interval({ precision: 2 }), type: 'interval(2)' },
  { column: interval({ fields: 'day' }), type: 'interval day' },
  { column: interval({ fields: 'year to month' }), type: 'interval year to month' },
  { column: interval({ fields: 'day to second', precision: 3 }), type: 'interval day to second(3)' },
  { column: interval({ fields: 'second', precision: 1 }), type: 'interval second(1)' },
  { column: point(), type: 'point' },
  { column: point({ mode: 'tuple' }), type: 'point' },
  { column: line(), type: 'line' },
  { column: line({ mode: 'abc' }), type: 'line' },
  { column: bit({ dimensions: 3 }), type: 'bit(3)' },
  { column: bytea(), type: 'bytea' },
  { column: tsvector(), type: 'tsvector' },
  { column: mood(), type: 'mood', enumSchema: 'public' },
  { column: stage(), type: 'stage', enumSchema: 'crm' },
  { column: integer().array(), type: 'integer', dimensions: 1 },
  { column: integer().array().array(), type: 'integer', dimensions: 2 },
  { column: integer().array(3), type: 'integer', dimensions: 1 },
  { column: text().array(), type: 'text', dimensions: 1 },
  { column: varchar({ length: 10 }).array(), type: 'character varying(10)', dimensions: 1 },
  { column: numeric({ precision: 6, scale: 3 }).array(), type: 'numeric(6,3)', dimensions: 1 },
  { column: timestamp({ precision: 3, withTimezone: true }).array(), type: 'timestamp(3) with time zone', dimensions: 1 },
  { column: mood().array(), type: 'mood', dimensions: 1, enumSchema: 'public' },
  { column: stage().array().array(), type: 'stage', dimensions: 2, enumSchema: 'crm' },
];

const columnName = (index: number): string => `c${String(index).padStart(2, '0')}`;

const types = pgTable('types', Object.fromEntries(CASES.map((c, index) => [columnName(index), c.column])));
const SCHEMA = { crm, mood, stage, types };

const expectedType = (c: TypeCase): ColumnType => ({
  name: c.type,
  schema: c.enumSchema ?? null,
  category: c.enumSchema === undefined ? 'base' : 'enum',
  dimensions: c.dimensions ?? 0,
});

describe('drizzle column types → format_type spelling', () => {
  it('maps every case as listed', async () => {
    const catalog = await catalogOf(SCHEMA, { schemaFilter: ['public', 'crm'] });
    const columns = tableOf(catalog, 'types').columns;
    expect(columns.map((column) => column.type)).toEqual(CASES.map(expectedType));
  });

  it.each([
    ['vector(3)', 'vector(3)'],
    ['halfvec(3)', 'halfvec(3)'],
    ['sparsevec(5)', 'sparsevec(5)'],
    ['geometry(point)', 'geometry(Point)'],
    ['geometry(pointz,4326)', 'geometry(PointZ,4326)'],
    ['VARCHAR (20)', 'character varying(20)'],
    ['timestamptz', 'timestamp with time zone'],
    ['int4', 'integer'],
    ['float(24)', 'real'],
    ['float(25)', 'double precision'],
    ['decimal(8, 3)', 'numeric(8,3)'],
    ['int4range', 'int4range'],
    ['citext', 'citext'],
    ['"MyType"', 'MyType'],
  ])('spells %s as %s', (sqlType, expected) => {
    expect(pgColumnType(sqlType, undefined).type.name).toBe(expected);
  });

  it.each([
    ['int4range', null, 'range'],
    ['int4multirange', null, 'other'],
    ['bytea', null, 'base'],
    ['citext', 'public', 'base'],
    ['extensions.vector(3)', 'extensions', 'base'],
  ] as const)('places %s in schema %s, category %s', (sqlType, schema, category) => {
    expect(pgColumnType(sqlType, undefined).type).toMatchObject({ schema, category });
  });

  it('spells extension column builders like their extension', async () => {
    const table = pgTable('ext', {
      v: vector({ dimensions: 3 }),
      h: halfvec({ dimensions: 2 }),
      s: sparsevec({ dimensions: 5 }),
      g: geometry({ type: 'point', srid: 4326 }),
    });
    const columns = tableOf(await catalogOf({ table }), 'ext').columns;
    expect(columns.map((column) => column.type)).toEqual(
      ['vector(3)', 'halfvec(2)', 'sparsevec(5)', 'geometry(Point)'].map((name) => ({
        name,
        // Not built in: in the extension's schema, assumed public (drizzle-kit writes them unqualified).
        schema: 'public',
        category: 'base',
        dimensions: 0,
      })),
    );
  });
});

const READ_BACK = `
  select a.attname as column,
         format_type(et.oid, a.atttypmod) as type,
         a.attndims as dimensions,
         et.typtype as typtype,
         et.typname as typname,
         n.nspname as type_schema,
         t.typcategory = 'A' as is_array
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    -- NOTE: point and line have a typelem (float8) too, but are not arrays (typcategory 'G').
    join pg_type et on et.oid = case when t.typcategory = 'A' then t.typelem else a.atttypid end
    join pg_namespace n on n.oid = et.typnamespace
   where a.attrelid = 'public.types'::regclass and a.attnum > 0 and not a.attisdropped
   order by a.attnum`;

interface ReadBackRow extends Record<string, unknown> {
  readonly column: string;
  readonly type: string;
  readonly dimensions: number;
  readonly typtype: string;
  readonly typname: string;
  readonly type_schema: string;
  readonly is_array: boolean;
}

const server = await serverTestsEnabled();

describe.each([
  ['PGlite', createPgliteDatabase],
  ...(server ? ([['PostgreSQL server', () => createServerDatabase('schema_types')]] as const) : []),
] as const)('pushed by drizzle-kit to %s', (_label, create) => {
  let db: PushTarget;
  let rows: readonly ReadBackRow[];
  let mapped: readonly Column[];

  beforeAll(async () => {
    db = await create();
    await push(db, SCHEMA, ['public', 'crm']);
    rows = await db.query<ReadBackRow>(READ_BACK);
    mapped = tableOf(await catalogOf(SCHEMA, { schemaFilter: ['public', 'crm'] }), 'types').columns;
  });
  afterAll(async () => db?.close());

  it('reads back as capture reads it', async () => {
    const client = db.pglite ? null : new pg.Client({ connectionString: db.url ?? '' });
    await client?.connect();
    try {
      const queryable = db.pglite ? pgliteQueryable(db.pglite) : pgQueryable(client as pg.Client);
      const outcome = await capture({ queryable, schemas: ['public', 'crm'] });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const captured = outcome.capture.catalog.tables.find((t) => t.name === 'types')?.columns;
      expect(mapped.map((c) => c.type)).toEqual(captured?.map((c) => c.type));
      expect(captured?.map((c) => c.type)).toEqual(CASES.map(expectedType));
    } finally {
      await client?.end();
    }
  });

  it('reads back every column', () => {
    expect(rows.map((row) => row.column)).toEqual(CASES.map((_, index) => columnName(index)));
  });

  it.each(CASES.map((c, index) => [columnName(index), c] as const))('%s reads back as mapped', (name, c) => {
    const row = rows.find((r) => r.column === name);
    expect(row).toBeDefined();
    if (!row) return;
    const isEnum = row.typtype === 'e';
    const actual: ColumnType = {
      // format_type qualifies an enum outside the search path (`crm.stage`); the model keeps the bare name.
      name: isEnum ? row.typname : row.type,
      schema: isEnum ? row.type_schema : null,
      category: isEnum ? 'enum' : 'base',
      dimensions: row.is_array ? Number(row.dimensions) : 0,
    };
    expect(mapped.find((column) => column.name === name)?.type).toEqual(actual);
    expect(actual).toEqual(expectedType(c));
  });
});
