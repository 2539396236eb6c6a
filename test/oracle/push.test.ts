import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import { DrizzleKitOracle, parsePrompt, type DrizzleKitPrompt } from './push.js';

const server = await serverTestsEnabled();
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
});

const meeting = pgTable('meetings', {
  id: serial('id').primaryKey(),
  userId: integer('userId').notNull(),
  title: text('title'),
});

const onPglite = async (): Promise<{ db: TestDatabase; oracle: DrizzleKitOracle }> => {
  const db = await createPgliteDatabase();
  const oracle = DrizzleKitOracle.pglite(db.pglite);
  opened.push(db, oracle);
  return { db, oracle };
};

const onServer = async (): Promise<{ db: TestDatabase; oracle: DrizzleKitOracle }> => {
  const db = await createServerDatabase('oracle');
  const oracle = await DrizzleKitOracle.server(db.url);
  opened.push(db, oracle);
  return { db, oracle };
};

const targets = [
  { name: 'PGlite', open: onPglite, enabled: true },
  { name: 'server', open: onServer, enabled: server },
];

describe.each(targets)('drizzle-kit pushSchema on $name', ({ open, enabled }) => {
  it.skipIf(!enabled)('creates an empty database, then has nothing to do', async () => {
    const { db, oracle } = await open();
    const first = await oracle.push({ meeting });
    expect(first.kind).toBe('statements');
    if (first.kind !== 'statements') return;
    expect(first.statements.join('\n')).toContain('CREATE TABLE "meetings"');
    await first.apply();
    expect(await db.query(`select count(*)::int as n from information_schema.columns where table_name = 'meetings'`)).toEqual([
      { n: 3 },
    ]);
    const second = await oracle.push({ meeting });
    expect(second).toMatchObject({ kind: 'statements', statements: [], hasDataLoss: false });
  });

  it.skipIf(!enabled)('would prompt in CI when a column might be a rename', async () => {
    const { db, oracle } = await open();
    await db.exec('create table meetings (id serial primary key, user_id integer not null, title text)');
    const outcome = await oracle.push({ meeting });
    expect(outcome.kind).toBe('would-prompt');
  });

  it.skipIf(!enabled)('records the prompt and follows the answer', async () => {
    const { db, oracle } = await open();
    await db.exec('create table meetings (id serial primary key, user_id integer not null, title text)');
    const renamed = await oracle.pushAnswering({ meeting }, (prompt) =>
      prompt.options.findIndex((option) => option.kind === 'rename'),
    );
    const expected: DrizzleKitPrompt = {
      entity: 'column',
      name: 'userId',
      table: 'meetings',
      options: [
        { kind: 'create', name: 'userId' },
        { kind: 'rename', from: 'user_id', to: 'userId' },
      ],
    };
    expect(renamed.prompts).toEqual([expected]);
    expect(renamed.statements).toEqual(['ALTER TABLE "meetings" RENAME COLUMN "user_id" TO "userId";']);

    const created = await oracle.pushAnswering({ meeting });
    expect(created.prompts).toEqual([expected]);
    expect(created.statements.join('\n')).toMatch(/ADD COLUMN "userId"[\s\S]*DROP COLUMN "user_id"/);
  });
});

describe('parsePrompt', () => {
  it('reads a table prompt in a custom schema', () => {
    const rendered =
      '\nIs \u001b[1m\u001b[34mcrm.people\u001b[39m\u001b[22m table created or renamed from another table?\n' +
      '\u001b[32m❯ \u001b[39m\u001b[32m+\u001b[39m crm.people           \u001b[90mcreate table\u001b[39m\n' +
      '  \u001b[33m~\u001b[39m crm.person › crm.people \u001b[90mrename table\u001b[39m';
    expect(parsePrompt(rendered)).toEqual({
      entity: 'table',
      name: 'crm.people',
      table: null,
      options: [
        { kind: 'create', name: 'crm.people' },
        { kind: 'rename', from: 'crm.person', to: 'crm.people' },
      ],
    });
  });
});
