/** Public library API. */
export type * from './catalog/model.js';
export { runCli, createCli } from './cli.js';
export { ExitCode, type CliIo } from './cli-io.js';
export { VERSION } from './version.js';
export {
  loadDrizzleSchema,
  type DrizzleSchema,
  type LoadDrizzleSchemaOptions,
} from './schema/index.js';
export {
  resolveConfig,
  createTablesFilter,
  INPUT_ERROR_TITLES,
  type DrizzleConfig,
  type ResolvedConfig,
  type ResolveConfigOptions,
  type InputError,
  type InputErrorCode,
  type TableNameFilter,
} from './config/index.js';
