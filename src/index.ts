/** Public library API. */
export type * from './catalog/model.js';
export { runCli, createCli } from './cli.js';
export { ExitCode, type CliIo } from './cli-io.js';
export { VERSION } from './version.js';
