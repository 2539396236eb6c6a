/**
 * The third place capture finds its connection URL: `dbCredentials.url` of the
 * drizzle-kit config in the working directory (or `--config`), as drizzle-kit reads it:
 * imported by the project's drizzle-kit loader, with `.env` read first (a config that
 * throws without DATABASE_URL works when `.env` sets it).
 */
import { readDrizzleConfig } from '../schema/read-drizzle-config.js';
import type { CliIo } from '../cli-io.js';

/**
 * Resolves to the config's URL, or undefined when there is no config file or it has no
 * URL. A config that exists but cannot be read is reported on stderr, not fatal: the
 * caller then says that no URL was found. What the config's modules print goes to stderr.
 */
export const configDatabaseUrl = async (io: CliIo, configPath?: string): Promise<string | undefined> => {
  const read = await readDrizzleConfig({
    cwd: io.cwd,
    env: io.env,
    ...(configPath === undefined ? {} : { configPath }),
    onOutput: (text) => io.stderr(text),
  });
  if (!read.ok) {
    if (read.error.code === 'config-not-found') return undefined;
    io.stderr(`warning: ${read.error.path}: ${read.error.message} (its dbCredentials.url is not used)\n`);
    return undefined;
  }
  return read.config.url ?? undefined;
};
