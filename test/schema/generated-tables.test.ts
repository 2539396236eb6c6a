/** The static tables generated from PostgreSQL 15 match the live catalogs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPCLASSES } from '../../src/schema/default-opclasses.js';
import { PG_CATALOG_TYPES } from '../../src/schema/pg-catalog-types.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';

const OPCLASSES = `
  select am.amname || ':' || format_type(opc.opcintype, null) as key, opc.opcname as value
    from pg_opclass opc join pg_am am on am.oid = opc.opcmethod
   where opc.opcdefault and am.amname in ('btree', 'hash', 'gin', 'gist', 'brin', 'spgist')
   order by 1`;

const TYPES = `
  select format_type(oid, null) as key,
         case typtype when 'b' then 'base' when 'r' then 'range' else 'other' end as value
    from pg_type
   where typnamespace = 'pg_catalog'::regnamespace and typcategory <> 'A' and typtype in ('b', 'r', 'm')
   order by 1`;

const server = await serverTestsEnabled();

const asRecord = (rows: readonly { key: string; value: string }[]): Record<string, string> =>
  Object.fromEntries(rows.map((row) => [row.key, row.value]));

describe.each([
  ['PostgreSQL 15 server', () => createServerDatabase('schema_tables'), 'exact'],
  ['PGlite', createPgliteDatabase, 'subset'],
] as const)('generated tables on %s', (label, create, mode) => {
  const enabled = label === 'PGlite' || server;
  let db: TestDatabase;
  beforeAll(async () => {
    if (enabled) db = await create();
  });
  afterAll(async () => db?.close());

  // PGlite runs a newer PostgreSQL, which may add types and default classes.
  const check = async (query: string, table: Readonly<Record<string, string>>): Promise<void> => {
    const live = asRecord(await db.query<{ key: string; value: string }>(query));
    if (mode === 'exact') expect(table).toEqual(live);
    else expect(live).toMatchObject(table);
  };

  it.skipIf(!enabled)('default operator classes', () => check(OPCLASSES, DEFAULT_OPCLASSES));
  it.skipIf(!enabled)('pg_catalog types', () => check(TYPES, PG_CATALOG_TYPES));
});
