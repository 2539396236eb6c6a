/**
 * The third place capture finds its connection URL: `dbCredentials.url` of the
 * drizzle-kit config in the working directory (or `--config`), as drizzle-kit reads it.
 */
import { parseDrizzleConfig } from '../config/drizzle-config.js';
import { findConfigFile, importConfigFile } from '../config/load-config.js';
import { createModuleLoader, findTsconfig } from '../schema/ts-loader.js';
import type { CliIo } from '../cli-io.js';

/**
 * Resolves to the config's URL, or undefined when there is no config file or it has no
 * URL. A config that exists but cannot be read is reported on stderr, not fatal: the
 * caller then says that no URL was found.
 */
export const configDatabaseUrl = async (io: CliIo, configPath?: string): Promise<string | undefined> => {
  const found = findConfigFile(io.cwd, configPath);
  if (!found.ok) return undefined;
  const loader = createModuleLoader({ tsconfig: findTsconfig(io.cwd) });
  try {
    const imported = await importConfigFile(found.path, io.cwd, loader);
    const parsed = imported.ok ? parseDrizzleConfig(imported.raw, found.path) : imported;
    if (!parsed.ok) {
      io.stderr(`warning: ${parsed.error.path}: ${parsed.error.message} (its dbCredentials.url is not used)\n`);
      return undefined;
    }
    return parsed.config.url ?? undefined;
  } finally {
    await loader.close();
  }
};
