/** The drizzle-kit config as verify reads it. */
export { CONFIG_FILE_NAMES } from './load-config.js';
export { credentialsOf, parseDrizzleConfig, type Casing, type ConfigCredentials, type DrizzleConfig } from './drizzle-config.js';
export {
  INPUT_ERROR_TITLES,
  type ImportFacts,
  type ImportFailedError,
  type ImportFailureReason,
  type InputError,
  type InputErrorCode,
  type Result,
  type SourceLocation,
} from './errors.js';
export { resolveConfig, type ConfigImporter, type ResolveConfigOptions, type ResolvedConfig } from './resolve-config.js';
export { expandSchemaPaths, type SchemaFiles } from './schema-files.js';
export { createTablesFilter, type TableNameFilter } from './tables-filter.js';
