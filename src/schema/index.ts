/** The Drizzle schema as verify reads it: the project's modules → its drizzle-kit's JSON → Catalog. */
export {
  describeSchemaLoading,
  loadDrizzleSchema,
  loadDrizzleSchemaJson,
  type DrizzleSchema,
  type DrizzleSchemaJson,
  type LoadDrizzleSchemaOptions,
  type SchemaLoading,
} from './load-drizzle-schema.js';
export { readDrizzleConfig, type ReadDrizzleConfigOptions } from './read-drizzle-config.js';
export { resolveDrizzleConfig, type ResolveDrizzleConfigOptions } from './resolve-drizzle-config.js';
export { generateDrizzleJson, type DrizzleKitJson } from './kit0/drizzle-kit-json.js';
export { drizzleJsonToCatalog, type ToCatalogOptions } from './kit0/to-catalog.js';
export { pgColumnType, type PgColumnType } from './pg-type.js';
export { DEFAULT_IMPORT_TIMEOUT_SECONDS } from './project-session.js';
