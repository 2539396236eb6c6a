/**
 * Our two readings of one database: drizzle-kit pushes a schema into an empty database;
 * `capture` reads the database; src/schema maps the same Drizzle objects (drizzle-kit JSON →
 * Catalog). They must agree: on a database drizzle-kit has just created, we see no difference,
 * also where drizzle-kit itself does (its false positives, `quirk-cases.ts`).
 *
 * `ORACLE_RUNS=1000 npx vitest run test/oracle/catalog-agreement` runs the long property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/model.js';
import { generateDrizzleJson } from '../../src/schema/kit0/drizzle-kit-json.js';
import { drizzleJsonToCatalog } from '../../src/schema/kit0/to-catalog.js';
import { createPgliteDatabase } from '../support/databases.js';
import { schemaSpecArb } from './arbitrary-schema.js';
import { captureCatalog } from './capture-catalog.js';
import { comparableCatalog } from './comparable-catalog.js';
import { DrizzleKitOracle } from './push.js';
import { QUIRK_CASES } from './quirk-cases.js';
import { resetDatabase } from './reset-database.js';
import type { SchemaSpec } from './schema-spec.js';
import { column, enumColumnType, enumType, schemaSpec, table } from './spec-builders.js';
import { toDrizzle } from './to-drizzle.js';

const RUNS = Number(process.env['ORACLE_RUNS'] ?? 15);

let db: Awaited<ReturnType<typeof createPgliteDatabase>>;
let oracle: DrizzleKitOracle;
beforeAll(async () => {
  db = await createPgliteDatabase();
  oracle = DrizzleKitOracle.pglite(db.pglite);
});
afterAll(async () => {
  await db.close();
});

/** Pushes `spec` with drizzle-kit into an empty database; returns our two catalogs of it. */
const bothCatalogs = async (spec: SchemaSpec): Promise<{ schema: Catalog; database: Catalog }> => {
  await resetDatabase(db);
  const { imports, schemaFilters } = toDrizzle(spec);
  const first = await oracle.push(imports, { schemaFilters });
  if (first.kind !== 'statements') throw new Error('drizzle-kit prompted on an empty database');
  await first.apply();
  const json = await generateDrizzleJson(imports, undefined, schemaFilters);
  if (!json.ok) throw new Error(`drizzle-kit refused the schema: ${json.error.message}`);
  return { schema: drizzleJsonToCatalog(json.json, { schemaFilter: schemaFilters }), database: await captureCatalog(db, schemaFilters) };
};

const expectAgreement = async (spec: SchemaSpec): Promise<void> => {
  const { schema, database } = await bothCatalogs(spec);
  expect(comparableCatalog(schema)).toEqual(comparableCatalog(database));
};

/** Schemas that meet a known bug of ours (below, as failing-by-design tests); left out of the property until fixed. */
const meetsKnownBug = (spec: SchemaSpec): boolean =>
  spec.tables.some(
    (t) =>
      t.primaryKey !== null && t.uniques.some((u) => [...u.columns].sort().join() === [...(t.primaryKey?.columns ?? [])].sort().join()),
  );

describe('capture and the schema mapping agree on databases drizzle-kit created (PGlite)', () => {
  it(`on generated schemas (${RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(schemaSpecArb().filter((spec) => !meetsKnownBug(spec)), (spec) => expectAgreement(spec)),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 2_000));

  // Where drizzle-kit's second push has statements, we must see nothing.
  it.each(QUIRK_CASES.filter((c) => !meetsKnownBug(c.spec)))('where drizzle-kit is wrong: $name', async ({ spec }) => {
    await expectAgreement(spec);
  });

  // NOTE: known bugs of ours, found by this property. Each asserts the right answer and fails
  // today (`it.fails`); when one starts passing, drop `.fails` and its clause in meetsKnownBug.
  it.fails('capture: a unique constraint on exactly the primary key columns is read as the primary key, and lost', async () => {
    await expectAgreement(
      schemaSpec([
        table('accounts', [column('id', 'integer', { notNull: true })], {
          primaryKey: { columns: ['id'], name: null, style: 'column' },
          uniques: [{ columns: ['id'], name: 'accounts_id_key', nullsNotDistinct: false, style: 'constraint' }],
        }),
      ]),
    );
  });

  it("sql: a default cast to its own enum type is dropped when the enum's name needs quotes ('x'::\"Mood\")", async () => {
    const mood = enumType('Mood', ['happy', 'sad']);
    await expectAgreement(schemaSpec([table('people', [column('mood', enumColumnType(mood), { default: { kind: 'value', value: 'happy' } })])], [mood]));
  });
});
