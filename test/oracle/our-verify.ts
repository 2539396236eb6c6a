/**
 * Our answer for a database and a Drizzle schema, the way `drizzle-catalog verify` gets it:
 * capture the database, map the schema (drizzle-kit JSON → Catalog), verify one against the
 * other, narrowed to drizzle-kit's `schemaFilter`.
 */
import type { Catalog } from '../../src/catalog/model.js';
import { verify, type VerifyResult } from '../../src/diff/index.js';
import { generateDrizzleJson } from '../../src/schema/kit0/drizzle-kit-json.js';
import { drizzleJsonToCatalog } from '../../src/schema/kit0/to-catalog.js';
import type { TestDatabase } from '../support/databases.js';
import { captureCatalog } from './capture-catalog.js';

export interface OurAnswer {
  readonly result: VerifyResult;
  readonly schema: Catalog;
  readonly database: Catalog;
}

export const schemaCatalog = async (imports: Readonly<Record<string, unknown>>, schemaFilters: readonly string[]): Promise<Catalog> => {
  const json = await generateDrizzleJson(imports, undefined, schemaFilters);
  if (!json.ok) throw new Error(`drizzle-kit refused the schema: ${json.error.message}`);
  return drizzleJsonToCatalog(json.json, { schemaFilter: schemaFilters });
};

export const ourVerify = async (db: TestDatabase, imports: Readonly<Record<string, unknown>>, schemaFilters: readonly string[]): Promise<OurAnswer> => {
  const schema = await schemaCatalog(imports, schemaFilters);
  const database = await captureCatalog(db);
  return { result: verify(schema, database, { databaseFilter: { schemas: schemaFilters } }), schema, database };
};
