/** The Drizzle schema as verify reads it: TypeScript modules → drizzle-kit JSON → Catalog. */
export { loadDrizzleSchema, type DrizzleSchema, type LoadDrizzleSchemaOptions } from './load-drizzle-schema.js';
export { loadSchemaModules, type LoadSchemaModulesOptions, type SchemaModules } from './load-modules.js';
export { generateDrizzleJson, type DrizzleKitJson } from './drizzle-kit-json.js';
export { drizzleJsonToCatalog, type ToCatalogOptions } from './to-catalog.js';
export { pgColumnType, type PgColumnType } from './pg-type.js';
export { createModuleLoader, findTsconfig, type ModuleLoader } from './ts-loader.js';
