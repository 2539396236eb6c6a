/** The static default operator class table matches PostgreSQL's catalog. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPCLASSES } from '../../src/schema/default-opclasses.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';

const QUERY = `
  select am.amname || ':' || format_type(opc.opcintype, null) as key, opc.opcname as name
    from pg_opclass opc join pg_am am on am.oid = opc.opcmethod
   where opc.opcdefault and am.amname in ('btree', 'hash', 'gin', 'gist', 'brin', 'spgist')
   order by 1`;

const server = await serverTestsEnabled();

describe.each([
  ['PostgreSQL 15 server', () => createServerDatabase('schema_opclass'), 'exact'],
  ['PGlite', createPgliteDatabase, 'subset'],
] as const)('default operator classes on %s', (label, create, mode) => {
  let db: TestDatabase;
  let rows: Record<string, string>;
  beforeAll(async () => {
    if (label !== 'PGlite' && !server) return;
    db = await create();
    const result = await db.query<{ key: string; name: string }>(QUERY);
    rows = Object.fromEntries(result.map((row) => [row.key, row.name]));
  });
  afterAll(async () => db?.close());

  it.skipIf(label !== 'PGlite' && !server)(mode === 'exact' ? 'are exactly the table' : 'include every entry of the table', () => {
    if (mode === 'exact') expect(DEFAULT_OPCLASSES).toEqual(rows);
    // PGlite runs a newer PostgreSQL, which may add default classes for new types.
    else expect(rows).toMatchObject(DEFAULT_OPCLASSES);
  });
});
