/**
 * Drift one thing in a database drizzle-kit created, keep the schema, and record what
 * drizzle-kit push says: a prompt for renames, else the statement undoing the drift, and
 * nothing else beyond its known false positives.
 *
 * `ORACLE_RUNS=1000 npx vitest run test/oracle/mutations` runs the long property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '../support/databases.js';
import { schemaSpecArb } from './arbitrary-schema.js';
import { unexplained } from './drizzle-kit-quirks.js';
import { drizzleKitExpectation } from './mutation-expectations.js';
import { mutationArb, mutationCandidates, mutationSql, type Mutation, type MutationKind } from './mutations.js';
import { answerCreate, DrizzleKitOracle } from './push.js';
import { resetDatabase } from './reset-database.js';
import type { SchemaSpec } from './schema-spec.js';
import { column, enumColumnType, enumType, schemaSpec, table } from './spec-builders.js';
import { parseStatements, splitStatements } from './statements.js';
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

/** Creates `spec` with drizzle-kit, drifts the database by `mutation`, and checks drizzle-kit's answer. */
const checkMutation = async (spec: SchemaSpec, mutation: Mutation): Promise<void> => {
  await resetDatabase(db);
  const { imports, schemaFilters } = toDrizzle(spec);
  const first = await oracle.push(imports, { schemaFilters });
  if (first.kind !== 'statements') throw new Error('drizzle-kit prompted on an empty database');
  await first.apply();
  const baseline = await oracle.push(imports, { schemaFilters });
  const known = new Set(baseline.kind === 'statements' ? splitStatements(baseline.statements) : []);
  await db.exec(mutationSql(mutation, spec));

  const outcome = await oracle.push(imports, { schemaFilters });
  const expected = drizzleKitExpectation(mutation, spec);
  if (expected.kind === 'prompt') {
    expect(outcome.kind).toBe('would-prompt');
    const answered = await oracle.pushAnswering(imports, answerCreate, { schemaFilters });
    expect(answered.prompts).toEqual([expected.prompt]);
    return;
  }
  expect(outcome.kind).toBe('statements');
  if (outcome.kind !== 'statements') return;
  const parsed = parseStatements(outcome.statements);
  expect(parsed.filter((p) => expected.matches(p.target)).map((p) => p.sql), expected.description).not.toEqual([]);
  const others = parsed.filter((p) => !expected.matches(p.target) && !known.has(p.sql)).map((p) => p.sql);
  expect(unexplained(others, spec)).toEqual([]);
};

const withMutation = schemaSpecArb()
  .chain((spec) => mutationArb(spec).map((mutation) => ({ spec, mutation })))
  .filter((x): x is { spec: SchemaSpec; mutation: Mutation } => x.mutation !== null);

describe('drizzle-kit after one drift of the database (PGlite)', () => {
  it(`answers each generated drift with its prompt or its statement (${RUNS} drifts)`, async () => {
    await fc.assert(
      fc.asyncProperty(withMutation, ({ spec, mutation }) => checkMutation(spec, mutation)),
      { numRuns: RUNS, endOnFailure: process.env['ORACLE_NO_SHRINK'] !== undefined },
    );
  }, Math.max(60_000, RUNS * 3_000));

  // Every kind, every run, on one small schema.
  const mood = enumType('mood', ['happy', 'sad', 'meh']);
  const example = schemaSpec(
    [
      table('users', [column('id', 'serial', { notNull: true }), column('display_name', { kind: 'varchar', length: 40 }), column('score', 'integer', { notNull: true, default: { kind: 'value', value: 0 } }), column('mood', enumColumnType(mood))], {
        primaryKey: { columns: ['id'], name: null, style: 'column' },
        indexes: [{ name: 'users_id_score_idx', unique: false, method: 'btree', keys: [{ column: 'id', order: 'asc', nulls: null }], whereNotNull: null }],
      }),
    ],
    [mood],
  );
  const candidates = mutationCandidates(example);
  const kinds: readonly MutationKind[] = ['rename-column', 'rename-table', 'drop-column', 'change-type', 'set-not-null', 'drop-not-null', 'set-default', 'drop-default', 'add-enum-value', 'remove-enum-value', 'drop-index'];
  it.each(kinds)('%s', async (kind) => {
    const mutation = candidates.find((m) => m.kind === kind);
    expect(mutation, `no ${kind} mutation for the example schema`).toBeDefined();
    if (mutation) await checkMutation(example, mutation);
  });
});
