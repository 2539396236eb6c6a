/** Runs our schema pipeline (drizzle-kit serializer → Catalog) on in-memory Drizzle objects. */
import type { Catalog, Table } from '../../../src/catalog/model.js';
import { generateDrizzleJson, type Casing } from '../../../src/schema/kit0/drizzle-kit-json.js';
import { drizzleJsonToCatalog } from '../../../src/schema/kit0/to-catalog.js';

export const catalogOf = async (
  imports: Record<string, unknown>,
  options: { readonly schemaFilter?: readonly string[]; readonly casing?: Casing } = {},
): Promise<Catalog> => {
  const schemaFilter = options.schemaFilter ?? ['public'];
  const result = await generateDrizzleJson(imports, undefined, schemaFilter, options.casing);
  if (!result.ok) throw new Error(`drizzle-kit refused the schema: ${result.error.message}`);
  return drizzleJsonToCatalog(result.json, { schemaFilter });
};

export const tableOf = (catalog: Catalog, name: string, schema = 'public'): Table => {
  const table = catalog.tables.find((t) => t.name === name && t.schema === schema);
  if (!table) throw new Error(`no table ${schema}.${name} in the catalog`);
  return table;
};
