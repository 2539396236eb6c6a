import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from './databases.js';

const server = await serverTestsEnabled();
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

describe('test databases', () => {
  it('PGlite runs real SQL', async () => {
    const db = await createPgliteDatabase();
    opened.push(db);
    await db.exec('create table t (id int); insert into t values (41)');
    expect(await db.query('select id + 1 as n from t')).toEqual([{ n: 42 }]);
  });

  it.skipIf(!server)('the server gives each test its own database', async () => {
    const a = await createServerDatabase('support');
    const b = await createServerDatabase('support');
    opened.push(a, b);
    await a.exec('create table only_in_a (id int)');
    expect(await b.query(`select to_regclass('only_in_a') as t`)).toEqual([{ t: null }]);
  });
});
