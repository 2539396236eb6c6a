/**
 * The in-sync property on generated schemas: the oracle's schema generator
 * (test/oracle/arbitrary-schema.ts) built with drizzle-orm 1.0 (test/drizzle-1/to-drizzle.ts),
 * pushed by drizzle-kit 1.0 into an empty PGlite database until it has nothing new to do,
 * captured, and verified against the 1.0 mapping. Every finding must be something drizzle-kit
 * itself still wants to do: a unique constraint PostgreSQL dropped from CREATE TABLE because it
 * repeats the primary key, which drizzle-kit then fails to add when the primary key took its
 * name (key-constraints.ts). Nothing else.
 *
 * Left out: schemas with a partial index whose derived name passes 63 bytes. drizzle-kit 1.0 asks
 * "rename or create?" about such an index on every push (the case library's
 * `long-derived-partial-index` pins it), so it never gets past it to finish the schema.
 *
 * `ORACLE_RUNS=200 npx vitest run test/schema/kit1/generated-schemas` runs it longer.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleKit1 } from '../../drizzle-1/kit.js';
import { toDrizzle1 } from '../../drizzle-1/to-drizzle.js';
import { schemaSpecArb } from '../../oracle/arbitrary-schema.js';
import { byteLength, indexName, MAX_IDENTIFIER_BYTES, type SchemaSpec } from '../../oracle/schema-spec.js';
import { createPgliteDatabase } from '../../support/databases.js';
import { pushCaptureVerify } from './in-sync.js';

const RUNS = Number(process.env['ORACLE_RUNS'] ?? 15);

let db: Awaited<ReturnType<typeof createPgliteDatabase>>;
let kit: DrizzleKit1;
beforeAll(async () => {
  db = await createPgliteDatabase();
  kit = DrizzleKit1.pglite(db.pglite);
});
afterAll(async () => {
  await db.close();
});

const asksOnEveryPush = (spec: SchemaSpec): boolean =>
  spec.tables.some((t) => t.indexes.some((ix) => ix.name === null && ix.whereNotNull !== null && byteLength(indexName(t, ix)) > MAX_IDENTIFIER_BYTES));

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

describe('generated drizzle-orm 1.0 schemas, pushed by drizzle-kit 1.0, verify clean (PGlite)', () => {
  it(`on generated schemas (${RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(schemaSpecArb().filter((spec) => !asksOnEveryPush(spec)), async (spec) => {
        const { imports, schemaFilters } = toDrizzle1(spec);
        const outcome = await pushCaptureVerify(db, kit, imports, schemaFilters);
        const unexplained = outcome.result.findings.filter(
          (finding) =>
            !(
              finding.kind === 'create-unique' &&
              finding.object !== null &&
              outcome.drizzleKitRepeats.some((line) => line.includes(`ADD CONSTRAINT ${quoted(finding.object ?? '')} UNIQUE`))
            ),
        );
        expect(unexplained.map((f) => f.message)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 4_000));
});
