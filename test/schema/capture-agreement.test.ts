/**
 * The contract between the two sources of a Catalog: a schema pushed by drizzle-kit and then
 * captured by `capture` must give the Catalog our mapping builds from the same schema, field
 * for field, except expression texts (PostgreSQL rewrites them: `'pending'` becomes
 * `'pending'::app.order_status`; they are compared as parsed SQL by src/sql/, so here only
 * their presence must agree) and what only a database knows (row estimates, index
 * definitions, view definitions, installed extensions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Column, Index, Table } from '../../src/catalog/model.js';
import { capture } from '../../src/capture/capture.js';
import { pgQueryable } from '../../src/capture/pg-queryable.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import type { Queryable } from '../../src/capture/queryable.js';
import pg from 'pg';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { loadDrizzleSchema } from '../../src/schema/load-drizzle-schema.js';
import { importSchemaExports } from '../support/schema-exports.js';
import { catalogOf } from './support/catalog.js';
import { project } from './support/fixtures.js';
import { push, type PushTarget } from './support/push.js';
import { RICH_SCHEMA, RICH_SCHEMAS } from './support/rich-schema.js';

const present = (value: string | null): string | null => (value === null ? null : '<expr>');

/** Keeps serial defaults exact (we spell them as PostgreSQL does); other expressions by presence. */
const column = (c: Column): Column => ({
  ...c,
  default: c.default?.startsWith('nextval(') ? c.default : present(c.default),
  generated: present(c.generated),
});

const index = (i: Index): Index => ({
  ...i,
  keys: i.keys.map((key) => (key.kind === 'expression' ? { ...key, expression: '<expr>' } : key)),
  predicate: present(i.predicate),
  definition: null,
});

const table = (t: Table): Table => ({
  ...t,
  rows: 'unknown',
  columns: t.columns.map(column),
  checks: t.checks.map((c) => ({ ...c, expression: '<expr>' })),
  indexes: t.indexes.map(index),
  // NOTE: drizzle-kit push drops USING / WITH CHECK (see to-catalog.ts); compare the rest.
  policies: t.policies.map((p) => ({ ...p, using: null, withCheck: null })),
});

const comparable = (catalog: Catalog): Catalog => ({
  ...catalog,
  tables: catalog.tables.map(table),
  views: catalog.views.map((v) => ({ ...v, definition: '<sql>' })),
  extensions: [],
});

const server = await serverTestsEnabled();

describe.each([
  ['PGlite', createPgliteDatabase],
  ...(server ? ([['PostgreSQL server', () => createServerDatabase('schema_capture')]] as const) : []),
] as const)('push with drizzle-kit, capture from %s', (_label, create) => {
  let db: PushTarget;
  let client: pg.Client | null = null;
  let captured: Catalog;
  let mapped: Catalog;

  beforeAll(async () => {
    db = await create();
    await push(db, RICH_SCHEMA, RICH_SCHEMAS);
    let queryable: Queryable;
    if (db.pglite) {
      queryable = pgliteQueryable(db.pglite);
    } else {
      client = new pg.Client({ connectionString: db.url ?? '' });
      await client.connect();
      queryable = pgQueryable(client);
    }
    const outcome = await capture({ queryable, schemas: RICH_SCHEMAS });
    if (!outcome.ok) throw new Error(outcome.error.message);
    captured = outcome.capture.catalog;
    mapped = await catalogOf(RICH_SCHEMA, { schemaFilter: RICH_SCHEMAS });
  });
  afterAll(async () => {
    await client?.end();
    await db?.close();
  });

  it('gives the same schemas, enums and sequences', () => {
    expect(mapped.schemas).toEqual(captured.schemas);
    expect(mapped.enums).toEqual(captured.enums);
    expect(mapped.sequences).toEqual(captured.sequences);
  });

  it('gives the same tables, field for field', () => {
    const actual = comparable(mapped).tables;
    const expected = comparable(captured).tables;
    expect(actual.map((t) => `${t.schema}.${t.name}`)).toEqual(expected.map((t) => `${t.schema}.${t.name}`));
    for (const [i, t] of actual.entries()) expect(t).toEqual(expected[i]);
  });

  it('gives the same views, and expressions wherever the database has them', () => {
    expect(comparable(mapped).views).toEqual(comparable(captured).views);
    expect(comparable(mapped)).toEqual(comparable(captured));
  });
});

describe.each([
  ['aliases', ['public']],
  ['multi-schema', ['public', 'auth']],
  ['relations', ['public']],
] as const)('fixture project %s: loadDrizzleSchema, then push and capture on PGlite', (name, schemas) => {
  it('gives the same Catalog', async () => {
    const cwd = project(name);
    const loaded = await loadDrizzleSchema({ cwd });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const exports = await importSchemaExports(loaded.files, loaded.config.tsconfigPath);
    const db = await createPgliteDatabase();
    try {
      // NOTE: pushSchema takes no casing; the casing fixture is checked in load-drizzle-schema.test.ts.
      await push(db, exports, [...schemas]);
      const outcome = await capture({ queryable: pgliteQueryable(db.pglite), schemas });
      if (!outcome.ok) throw new Error(outcome.error.message);
      expect(comparable(loaded.catalog)).toEqual(comparable(outcome.capture.catalog));
    } finally {
      await db.close();
    }
  });
});
