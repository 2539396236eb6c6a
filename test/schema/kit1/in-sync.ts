/**
 * The 1.0 pipeline on one database: drizzle-kit 1.0 pushes a schema into an empty database,
 * `capture` reads it back, our 1.0 mapping maps the same schema (drizzle-kit 1.0's state →
 * Catalog), and `verify` compares the two. drizzle-kit's own second push says whether it
 * considers the database in sync.
 */
import type { Catalog } from '../../../src/catalog/model.js';
import { verify, type VerifyResult } from '../../../src/diff/index.js';
import { drizzleDdlToCatalog } from '../../../src/schema/kit1/to-catalog.js';
import { DrizzleKit1, generateDdl, type Kit1PushOutcome } from '../../drizzle-1/kit.js';
import { captureCatalog } from '../../oracle/capture-catalog.js';
import { resetDatabase } from '../../oracle/reset-database.js';
import type { TestDatabase } from '../../support/databases.js';

export interface InSyncOutcome {
  readonly schema: Catalog;
  readonly database: Catalog;
  readonly result: VerifyResult;
  /** How many pushes drizzle-kit ran before it had nothing new to do (1 when the first sufficed). */
  readonly pushes: number;
  /** What drizzle-kit's last push still wanted, as `pushSays` prints it: empty when in sync. */
  readonly drizzleKitRepeats: readonly string[];
}

/** The 1.0 mapping of `imports`, as verify would read it. */
export const kit1Catalog = async (imports: Readonly<Record<string, unknown>>, schemaFilters: readonly string[]): Promise<Catalog> =>
  drizzleDdlToCatalog(await generateDdl(imports, schemaFilters), { schemaFilter: schemaFilters });

/** drizzle-kit's answer in one line per item: its statements, or the hints it asks for. */
export const pushSays = (outcome: Kit1PushOutcome): readonly string[] =>
  outcome.kind === 'statements'
    ? outcome.statements.map((statement) => statement.trim())
    : outcome.missing.map((hint) => `missing hint: ${hint.kind} ${hint.entity.join('.')}`);

const MAX_PUSHES = 3;

/**
 * Pushes `imports` with drizzle-kit 1.0 into `db`, emptied first, until drizzle-kit has nothing
 * new to do: its push is empty, asks for hints, repeats the statements of the push before (its
 * false positives), or fails to apply them; at most three pushes. (A second push is needed where
 * PostgreSQL drops a unique of CREATE TABLE that repeats the primary key: key-constraints.ts.)
 * Then captures the database and verifies it against the 1.0 mapping.
 */
export const pushCaptureVerify = async (
  db: TestDatabase,
  kit: DrizzleKit1,
  imports: Readonly<Record<string, unknown>>,
  schemaFilters: readonly string[],
): Promise<InSyncOutcome> => {
  await resetDatabase(db);
  const first = await kit.push(imports, schemaFilters);
  if (first.kind !== 'statements') throw new Error(`drizzle-kit 1.0 asked for hints on an empty database: ${first.message}`);
  await first.apply();
  let pushes = 1;
  let previous = pushSays(first);
  let repeats: readonly string[] = [];
  for (;;) {
    const next = await kit.push(imports, schemaFilters);
    repeats = pushSays(next);
    const same = repeats.length === previous.length && repeats.every((line, i) => line === previous[i]);
    if (next.kind !== 'statements' || repeats.length === 0 || same || pushes === MAX_PUSHES) break;
    try {
      await next.apply();
    } catch (error) {
      repeats = [...repeats, `apply failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`];
      break;
    }
    pushes += 1;
    previous = repeats;
  }
  const schema = await kit1Catalog(imports, schemaFilters);
  const database = await captureCatalog(db, schemaFilters);
  const result = verify(schema, database, { databaseFilter: { schemas: schemaFilters } });
  return { schema, database, result, pushes, drizzleKitRepeats: repeats };
};
