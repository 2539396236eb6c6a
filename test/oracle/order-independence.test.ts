/**
 * Issue 5, property 3: order independence and determinism. The same schema, declared in
 * another export order, and the same database, created in another order, give the same
 * output byte for byte: the snapshot file (capturedAt pinned) and verify's JSON report.
 *
 * Two PGlite instances; drizzle-kit creates each database from the schema with its exports
 * (tables, enums, schemas) and each table's indexes and constraints in a different order.
 *
 * `ORACLE_RUNS=200 npx vitest run test/oracle/order-independence` runs the long property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../src/capture/capture.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import { verify } from '../../src/diff/index.js';
import { renderJson } from '../../src/report/json.js';
import { parseSnapshot } from '../../src/snapshot/load.js';
import { buildSnapshot, serializeSnapshot } from '../../src/snapshot/serialize.js';
import { createPgliteDatabase } from '../support/databases.js';
import { schemaSpecArb } from './arbitrary-schema.js';
import { mutationArb, mutationCandidates, mutationSql, type Mutation } from './mutations.js';
import { schemaCatalog } from './our-verify.js';
import { DrizzleKitOracle } from './push.js';
import { resetDatabase } from './reset-database.js';
import type { IndexSpec, SchemaSpec, TableSpec } from './schema-spec.js';
import { column, enumColumnType, enumType, schemaSpec, table } from './spec-builders.js';
import { toDrizzle } from './to-drizzle.js';

const RUNS = Number(process.env['ORACLE_RUNS'] ?? 8);
const CAPTURED_AT = new Date('2025-01-02T03:04:05.000Z');

type PgliteDatabase = Awaited<ReturnType<typeof createPgliteDatabase>>;
let first: PgliteDatabase;
let second: PgliteDatabase;
let firstOracle: DrizzleKitOracle;
let secondOracle: DrizzleKitOracle;
beforeAll(async () => {
  [first, second] = await Promise.all([createPgliteDatabase(), createPgliteDatabase()]);
  firstOracle = DrizzleKitOracle.pglite(first.pglite);
  secondOracle = DrizzleKitOracle.pglite(second.pglite);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});

// --- orders ---------------------------------------------------------------------------

/** A permutation of `0..n-1`. */
const permutationArb = (n: number): fc.Arbitrary<readonly number[]> => {
  const indices = Array.from({ length: n }, (_, i) => i);
  return fc.shuffledSubarray(indices, { minLength: n, maxLength: n });
};

/** Where each table's indexes, uniques and foreign keys go in the other declaration order. */
interface TableOrder {
  readonly indexes: readonly number[];
  readonly uniques: readonly number[];
  readonly foreignKeys: readonly number[];
}

interface Orders {
  /** The schema module's exports, in two orders. */
  readonly exportsA: readonly number[];
  readonly exportsB: readonly number[];
  /** Per table, the second declaration order of its indexes and constraints. */
  readonly tables: readonly TableOrder[];
}

const exportCount = (spec: SchemaSpec): number => spec.schemas.length + spec.enums.length + spec.tables.length;

const ordersArb = (spec: SchemaSpec): fc.Arbitrary<Orders> =>
  fc.record({
    exportsA: permutationArb(exportCount(spec)),
    exportsB: permutationArb(exportCount(spec)),
    tables: fc.tuple(
      ...spec.tables.map((t) =>
        fc.record({ indexes: permutationArb(t.indexes.length), uniques: permutationArb(t.uniques.length), foreignKeys: permutationArb(t.foreignKeys.length) }),
      ),
    ),
  });

/** The same object with its keys in `order` (what another `export const` order gives). */
const reordered = (imports: Readonly<Record<string, unknown>>, order: readonly number[]): Record<string, unknown> => {
  const entries = Object.entries(imports);
  expect(order.length).toBe(entries.length);
  return Object.fromEntries(order.map((i) => entries[i] ?? ['', undefined]));
};

/**
 * `items` with the ones `movable` accepts rearranged by `order` (over the movable ones);
 * the others stay where they are (to-drizzle finds inline `.unique()`/`.references()` by
 * position, so only extra-config entries are moved).
 */
const rearranged = <T>(items: readonly T[], movable: (item: T) => boolean, order: readonly number[]): T[] => {
  const placed = order.map((i) => items[i]).filter((x): x is T => x !== undefined && movable(x));
  let next = 0;
  return items.map((item) => (movable(item) ? (placed[next++] ?? item) : item));
};

/** The same schema with each table's indexes and constraint declarations in another order. */
const redeclared = (spec: SchemaSpec, orders: readonly TableOrder[]): SchemaSpec => ({
  ...spec,
  tables: spec.tables.map((t, i): TableSpec => {
    const order = orders[i];
    if (!order) return t;
    return {
      ...t,
      indexes: rearranged(t.indexes, () => true, order.indexes),
      uniques: rearranged(t.uniques, (u) => u.style === 'constraint', order.uniques),
      foreignKeys: rearranged(t.foreignKeys, (f) => f.style === 'constraint', order.foreignKeys),
    };
  }),
});

// --- one case ---------------------------------------------------------------------------

/** Creates the schema with drizzle-kit in an emptied database. */
const createWith = async (db: PgliteDatabase, oracle: DrizzleKitOracle, imports: Readonly<Record<string, unknown>>, schemaFilters: readonly string[]): Promise<void> => {
  await resetDatabase(db);
  const pushed = await oracle.push(imports, { schemaFilters });
  if (pushed.kind !== 'statements') throw new Error(`drizzle-kit prompted on an empty database: ${pushed.message}`);
  await pushed.apply();
};

/** The snapshot file `drizzle-catalog capture` would write, at a fixed time. */
const snapshotText = async (db: PgliteDatabase): Promise<string> => {
  const outcome = await capture({ queryable: pgliteQueryable(db.pglite) });
  if (!outcome.ok) throw new Error(`capture failed: ${outcome.error.message}`);
  return serializeSnapshot(buildSnapshot(outcome.capture, { capturedAt: CAPTURED_AT }));
};

/** verify's JSON report for a schema module against a snapshot file, as the CLI reads it. */
const reportJson = async (imports: Readonly<Record<string, unknown>>, schemaFilters: readonly string[], snapshot: string): Promise<string> => {
  const loaded = parseSnapshot(snapshot, 'snapshot.json');
  if (!loaded.ok) throw new Error(`our own snapshot does not load: ${loaded.error.message}`);
  const schema = await schemaCatalog(imports, schemaFilters);
  return renderJson(verify(schema, loaded.snapshot.catalog, { databaseFilter: { schemas: schemaFilters } }));
};

interface Outputs {
  readonly snapshots: readonly [string, string];
  readonly drifted: readonly [string, string] | null;
  /** [schema order A, schema order B] × [in-sync snapshot, drifted snapshot]. */
  readonly reports: readonly string[];
}

const outputsOf = async (spec: SchemaSpec, orders: Orders, mutation: Mutation | null): Promise<Outputs> => {
  const a = toDrizzle(spec);
  const b = toDrizzle(redeclared(spec, orders.tables));
  const importsA = reordered(a.imports, orders.exportsA);
  const importsB = reordered(b.imports, orders.exportsB);
  await Promise.all([createWith(first, firstOracle, importsA, a.schemaFilters), createWith(second, secondOracle, importsB, b.schemaFilters)]);
  const snapshots = [await snapshotText(first), await snapshotText(second)] as const;
  let drifted: readonly [string, string] | null = null;
  if (mutation !== null) {
    const sql = mutationSql(mutation, spec);
    await first.exec(sql);
    await second.exec(sql);
    drifted = [await snapshotText(first), await snapshotText(second)];
  }
  const reports: string[] = [];
  for (const imports of [importsA, importsB]) {
    for (const snapshot of [snapshots[0], drifted?.[0] ?? snapshots[0]]) reports.push(await reportJson(imports, a.schemaFilters, snapshot));
  }
  return { snapshots, drifted, reports };
};

const expectOrderIndependent = async (spec: SchemaSpec, orders: Orders, mutation: Mutation | null): Promise<Outputs> => {
  const outputs = await outputsOf(spec, orders, mutation);
  const { snapshots, drifted, reports } = outputs;
  expect(snapshots[1], 'snapshots of the database created in two orders').toBe(snapshots[0]);
  if (drifted) expect(drifted[1], 'snapshots after the same drift').toBe(drifted[0]);
  const [inSyncA, driftedA, inSyncB, driftedB] = reports;
  expect(inSyncB, 'verify report, in sync, two export orders').toBe(inSyncA);
  expect(driftedB, 'verify report, drifted, two export orders').toBe(driftedA);
  if (mutation !== null) {
    // The drift is seen, so the comparison above covered a non-empty report.
    expect(driftedA).not.toBe(inSyncA);
  }
  return outputs;
};

/** The database's relations in creation order (oid order: PGlite starts each instance alike). */
const creationOrder = async (db: PgliteDatabase): Promise<readonly string[]> =>
  (
    await db.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' order by c.oid`,
    )
  ).map((r) => r.name);

const caseArb = schemaSpecArb().chain((spec) =>
  fc.record({ spec: fc.constant(spec), orders: ordersArb(spec), mutation: mutationArb(spec) }),
);

describe('order independence and determinism (PGlite)', () => {
  it(`snapshot and verify report do not depend on export or creation order (${RUNS} schemas)`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ spec, orders, mutation }) => void (await expectOrderIndependent(spec, orders, mutation))),
      { numRuns: RUNS, endOnFailure: process.env['ORACLE_NO_SHRINK'] !== undefined },
    );
  }, Math.max(60_000, RUNS * 4_000));

  // A fixed schema where the two orders surely differ: proves the property compares two
  // databases built in different orders, not two copies of one order.
  it('a three-table schema created forwards and backwards: same snapshot, same reports', async () => {
    const mood = enumType('mood', ['happy', 'sad']);
    const byIndex = (name: string, col: string): IndexSpec => ({ name, unique: false, method: 'btree', keys: [{ column: col, order: 'asc', nulls: null }], whereNotNull: null });
    const spec = schemaSpec(
      [
        table('users', [column('id', 'serial', { notNull: true }), column('email', 'text', { notNull: true }), column('mood', enumColumnType(mood))], {
          primaryKey: { columns: ['id'], name: null, style: 'column' },
          uniques: [{ columns: ['email'], name: null, nullsNotDistinct: false, style: 'constraint' }],
        }),
        table('posts', [column('id', 'serial', { notNull: true }), column('user_id', 'integer', { notNull: true }), column('title', 'text'), column('score', 'integer')], {
          primaryKey: { columns: ['id'], name: null, style: 'column' },
          foreignKeys: [{ columns: ['user_id'], references: { schema: 'public', table: 'users', columns: ['id'] }, name: null, onDelete: 'cascade', onUpdate: 'no action', style: 'constraint' }],
          indexes: [byIndex('posts_title_idx', 'title'), byIndex('posts_score_idx', 'score')],
        }),
        table('tags', [column('label', 'text', { notNull: true })], { uniques: [{ columns: ['label'], name: 'tags_label_key', nullsNotDistinct: false, style: 'constraint' }] }),
      ],
      [mood],
    );
    const forwards = [0, 1, 2, 3];
    const backwards = [3, 2, 1, 0];
    const orders: Orders = { exportsA: forwards, exportsB: backwards, tables: [{ indexes: [], uniques: [0], foreignKeys: [] }, { indexes: [1, 0], uniques: [], foreignKeys: [0] }, { indexes: [], uniques: [0], foreignKeys: [] }] };
    const mutation = mutationCandidates(spec).find((m) => m.kind === 'drop-index') ?? null;
    expect(mutation).not.toBeNull();
    const { drifted } = await expectOrderIndependent(spec, orders, mutation);
    expect(drifted).not.toBeNull();
    const [orderA, orderB] = [await creationOrder(first), await creationOrder(second)];
    expect([...orderB].sort()).toEqual([...orderA].sort());
    expect(orderB).not.toEqual(orderA);
  });
});
