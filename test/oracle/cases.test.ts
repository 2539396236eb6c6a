/**
 * The case library against drizzle-kit push: each case's database is built from its SQL,
 * and drizzle-kit's answer (in sync, statements, or the prompts it would ask) is checked
 * against what was recorded. Where drizzle-kit is wrong, the case says so in a NOTE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { CASES, type DrizzleKitSays, type OracleCase } from './cases/index.js';
import { answerCreate, DrizzleKitOracle, type DrizzleKitPrompt } from './push.js';
import { resetDatabase } from './reset-database.js';

const server = await serverTestsEnabled();

/** What drizzle-kit says about a case's database and schema, in the shape cases record it. */
export const drizzleKitSays = async (db: TestDatabase, oracle: DrizzleKitOracle, c: OracleCase): Promise<DrizzleKitSays> => {
  await resetDatabase(db);
  await db.exec(c.setupSql);
  const options = { schemaFilters: c.schemaFilters };
  const outcome = await oracle.push(c.imports, options);
  if (outcome.kind === 'statements') {
    return outcome.statements.length === 0 ? { kind: 'in-sync' } : { kind: 'statements', statements: outcome.statements };
  }
  const answered = await oracle.pushAnswering(c.imports, answerCreate, options);
  return { kind: 'prompts', prompts: answered.prompts };
};

// NOTE: rename candidates come in drizzle-kit's (unsorted) catalog order, which differs between servers.
const byName = (a: { kind: string } & Record<string, unknown>, b: { kind: string } & Record<string, unknown>): number =>
  JSON.stringify(a).localeCompare(JSON.stringify(b));
const normalized = (says: DrizzleKitSays): DrizzleKitSays =>
  says.kind !== 'prompts'
    ? says
    : { kind: 'prompts', prompts: says.prompts.map((p): DrizzleKitPrompt => ({ ...p, options: [...p.options].sort(byName) })) };

const targets = [
  { name: 'PGlite (PostgreSQL 18)', key: 'pglite' as const, enabled: true },
  { name: 'server (PostgreSQL 15)', key: 'server' as const, enabled: server },
];

describe.each(targets)('drizzle-kit push on the case library, $name', ({ key, enabled }) => {
  let db: TestDatabase;
  let oracle: DrizzleKitOracle;
  beforeAll(async () => {
    if (!enabled) return;
    if (key === 'pglite') {
      const created = await createPgliteDatabase();
      db = created;
      oracle = DrizzleKitOracle.pglite(created.pglite);
    } else {
      const created = await createServerDatabase('oracle');
      db = created;
      oracle = await DrizzleKitOracle.server(created.url);
    }
  });
  afterAll(async () => {
    if (!enabled) return;
    await oracle.close();
    await db.close();
  });

  it.skipIf(!enabled).each(CASES)('$name', async (c) => {
    const { server: onServer, ...onPglite } = c.drizzleKit;
    const expected = key === 'server' && onServer ? onServer : onPglite;
    expect(normalized(await drizzleKitSays(db, oracle, c))).toEqual(normalized(expected));
  });
});

describe('drizzle-kit cannot carry out a table rename with an altered column (PGlite)', () => {
  it('answering "rename" makes its diff throw', async () => {
    const db = await createPgliteDatabase();
    const oracle = DrizzleKitOracle.pglite(db.pglite);
    try {
      await db.exec('create table meetings (id integer, title varchar(10))');
      const meeting = pgTable('meeting', { id: integer('id'), title: text('title') });
      const renameFirst = (p: DrizzleKitPrompt) => p.options.findIndex((o) => o.kind === 'rename');
      const asked = await oracle.askAll({ meeting }, renameFirst);
      expect(asked.prompts.map((p) => p.name)).toEqual(['meeting']);
      // NOTE: preparePgAlterColumns reads the old table under its new name (json1.tables['public.meeting']).
      expect(asked.outcome).toEqual({ kind: 'failed', message: "Cannot read properties of undefined (reading 'columns')" });
    } finally {
      await db.close();
    }
  });
});
