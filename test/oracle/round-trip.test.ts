/**
 * drizzle-kit's own round trip: push a schema into an empty database, push it again. A
 * correct tool has nothing to do the second time. Where drizzle-kit does, the statement
 * must be one of its known false positives (`drizzle-kit-quirks.ts`); anything else is a
 * new finding and fails here with a shrunk schema.
 *
 * `ORACLE_RUNS=1000 npx vitest run test/oracle/round-trip` runs the long property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import { schemaSpecArb } from './arbitrary-schema.js';
import { captureCatalog } from './capture-catalog.js';
import { explain, unexplained, type QuirkId } from './drizzle-kit-quirks.js';
import { DrizzleKitExit, DrizzleKitOracle } from './push.js';
import { QUIRK_CASES, QUIRK_CONTROLS } from './quirk-cases.js';
import { resetDatabase } from './reset-database.js';
import type { SchemaSpec } from './schema-spec.js';
import { column, schemaSpec, table } from './spec-builders.js';
import { toDrizzle } from './to-drizzle.js';

const server = await serverTestsEnabled();
const RUNS = Number(process.env['ORACLE_RUNS'] ?? 15);

let pglite: Awaited<ReturnType<typeof createPgliteDatabase>>;
let onPglite: DrizzleKitOracle;
beforeAll(async () => {
  pglite = await createPgliteDatabase();
  onPglite = DrizzleKitOracle.pglite(pglite.pglite);
});
afterAll(async () => {
  await pglite.close();
});

/** Pushes `spec` into the (emptied) database, applies it, and returns drizzle-kit's second push. */
const pushTwice = async (db: TestDatabase, oracle: DrizzleKitOracle, spec: SchemaSpec): Promise<readonly string[]> => {
  await resetDatabase(db);
  const { imports, schemaFilters } = toDrizzle(spec);
  const first = await oracle.push(imports, { schemaFilters });
  if (first.kind !== 'statements') throw new Error(`drizzle-kit prompted on an empty database: ${first.message}`);
  await first.apply();
  const second = await oracle.push(imports, { schemaFilters });
  if (second.kind !== 'statements') throw new Error(`drizzle-kit prompted on its own database: ${second.message}`);
  return second.statements;
};

describe('drizzle-kit round trip on generated schemas (PGlite)', () => {
  it(`every second-push statement is a known drizzle-kit false positive (${RUNS} schemas)`, async () => {
    const seen = new Map<QuirkId, number>();
    let inSync = 0;
    await fc.assert(
      fc.asyncProperty(schemaSpecArb(), async (spec) => {
        const statements = await pushTwice(pglite, onPglite, spec);
        expect(unexplained(statements, spec)).toEqual([]);
        if (statements.length === 0) inSync += 1;
        for (const e of explain(statements, spec)) for (const q of e.quirks) seen.set(q, (seen.get(q) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    if (process.env['ORACLE_RUNS']) {
      console.info(`round trip: ${inSync}/${RUNS} generated schemas in sync on drizzle-kit's second push; false positives seen:`, Object.fromEntries([...seen].sort()));
    }
  }, Math.max(60_000, RUNS * 2_000));
});

const targets = [
  { name: 'PGlite (PostgreSQL 18)', key: 'pglite' as const, enabled: true },
  { name: 'server (PostgreSQL 15)', key: 'server' as const, enabled: server },
];

describe.each(targets)('drizzle-kit false positives, one minimal schema each, on $name', ({ key, enabled }) => {
  let db: TestDatabase;
  let oracle: DrizzleKitOracle;
  beforeAll(async () => {
    if (!enabled) return;
    if (key === 'pglite') {
      db = pglite;
      oracle = onPglite;
    } else {
      const created = await createServerDatabase('oracle');
      db = created;
      oracle = await DrizzleKitOracle.server(created.url);
    }
  });
  afterAll(async () => {
    if (key === 'server' && enabled) {
      await oracle.close();
      await db.close();
    }
  });

  it.skipIf(!enabled).each(QUIRK_CASES)('$name', async ({ spec, quirk, secondPush, applying }) => {
    const statements = await pushTwice(db, oracle, spec);
    expect(statements).toEqual(secondPush[key]);
    if (statements.length > 0) {
      // Who is right: apply drizzle-kit's statements and look at PostgreSQL's catalog.
      const { imports, schemaFilters } = toDrizzle(spec);
      const before = await captureCatalog(db);
      const expected = applying?.[key] ?? 'changes nothing';
      const second = await oracle.push(imports, { schemaFilters });
      if (second.kind !== 'statements') throw new Error('unexpected prompt');
      const error = await second.apply().then(
        () => null,
        (e: unknown) => (e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e)),
      );
      expect(error).toEqual(expected === 'changes nothing' ? null : expected.fails);
      expect(await captureCatalog(db)).toEqual(before);
      const third = await oracle.push(imports, { schemaFilters });
      expect(third.kind === 'statements' ? third.statements : third.kind).toEqual(statements);
    }
    // The classifier explains each statement, and this quirk is among the explanations.
    const explained = explain(statements, spec);
    for (const e of explained) expect(e.quirks, e.statement.sql).not.toEqual([]);
    if (statements.length > 0) expect(explained.flatMap((e) => e.quirks)).toContain(quirk);
  });

  it.skipIf(!enabled).each(QUIRK_CONTROLS)('in sync: $name', async ({ spec }) => {
    expect(await pushTwice(db, oracle, spec)).toEqual([]);
  });
});

describe('drizzle-kit writes SQL that PostgreSQL rejects, or cannot read its own database (PGlite)', () => {
  const firstPushFails = async (spec: SchemaSpec): Promise<string> => {
    await resetDatabase(pglite);
    const { imports, schemaFilters } = toDrizzle(spec);
    const first = await onPglite.push(imports, { schemaFilters });
    if (first.kind !== 'statements') throw new Error('unexpected prompt');
    const error = await first.apply().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const cause = (error as Error & { cause?: unknown }).cause;
    return String(cause instanceof Error ? cause.message : (error as Error).message);
  };

  it("jsonb string default: written as a bare SQL string ('dark'), not JSON", async () => {
    const spec = schemaSpec([table('settings', [column('theme', 'jsonb', { default: { kind: 'value', value: 'dark' } })])]);
    expect(await firstPushFails(spec)).toMatch(/invalid input syntax for type json/);
  });

  it("jsonb default with an apostrophe: the quote is not doubled", async () => {
    const spec = schemaSpec([table('settings', [column('prefs', 'jsonb', { default: { kind: 'value', value: { motto: "it's" } } })])]);
    expect(await firstPushFails(spec)).toMatch(/syntax error/);
  });

  it("text array default with an apostrophe: the quote is not doubled", async () => {
    const spec = schemaSpec([table('posts', [column('tags', 'text', { dimensions: 1, default: { kind: 'value', value: ["it's"] } })])]);
    expect(await firstPushFails(spec)).toMatch(/syntax error/);
  });

  it('text array default with a double quote: escaped as "" instead of \\"', async () => {
    const spec = schemaSpec([table('posts', [column('tags', 'text', { dimensions: 1, default: { kind: 'value', value: ['"quoted"'] } })])]);
    expect(await firstPushFails(spec)).toMatch(/malformed array literal/);
  });

  it('jsonb array with a default: pushed once, drizzle-kit cannot read it back (push exits)', async () => {
    const spec = schemaSpec([table('events', [column('payloads', 'jsonb', { dimensions: 1, default: { kind: 'value', value: [] } })])]);
    await resetDatabase(pglite);
    const { imports, schemaFilters } = toDrizzle(spec);
    const first = await onPglite.push(imports, { schemaFilters });
    if (first.kind !== 'statements') throw new Error('unexpected prompt');
    expect(first.statements).toEqual([`CREATE TABLE "events" (\n\t"payloads" jsonb[] DEFAULT '{}'\n);\n`]);
    await first.apply();
    await expect(onPglite.push(imports, { schemaFilters })).rejects.toBeInstanceOf(DrizzleKitExit);
  });

  it("two-column primary key in a mixed-case schema: introspection fails ('Billing'::regnamespace folds to billing)", async () => {
    const spec = schemaSpec([
      table('lines', [column('invoice_id', 'integer', { notNull: true }), column('n', 'integer', { notNull: true })], {
        schema: 'Billing',
        primaryKey: { columns: ['invoice_id', 'n'], name: null, style: 'constraint' },
      }),
    ]);
    await resetDatabase(pglite);
    const { imports, schemaFilters } = toDrizzle(spec);
    const first = await onPglite.push(imports, { schemaFilters });
    if (first.kind !== 'statements') throw new Error('unexpected prompt');
    await first.apply();
    await expect(onPglite.push(imports, { schemaFilters })).rejects.toBeInstanceOf(DrizzleKitExit);
  });
});
