/**
 * A project as its drizzle-kit sees it: which drizzle-kit and drizzle-orm it has installed
 * (found from the working directory, else from the config's folder), which of our
 * adapters that picks, and a loader-process session to import its modules with.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigCredentials } from '../config/drizzle-config.js';
import type { Result } from '../config/errors.js';
import { findConfigFile } from '../config/load-config.js';
import { chooseDrizzleKit, type DrizzleKitChoice } from './drizzle-kit-choice.js';
import { findInstalledPackage, type InstalledPackage } from './find-package.js';
import { DEFAULT_IMPORT_TIMEOUT_SECONDS, openProjectSession, type ProjectSession } from './project-session.js';

/** What every way of loading a project (its config, its schema) takes. */
export interface ProjectLoadOptions {
  /** Working directory (where drizzle-kit would run): default config names, `--config`, `--schema` and the config's globs are read from it. */
  readonly cwd: string;
  /** `--config FILE`, relative to `cwd`. */
  readonly configPath?: string;
  /** The environment drizzle-kit would run in (default: this process's); `.env` is added to a copy, in the loader process. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How long one module may take to import, in seconds (default 60). */
  readonly importTimeoutSeconds?: number;
  /** Told credentials as soon as they are known (the config's, `.env`'s), so output can mask them. */
  readonly onCredentials?: (credentials: ConfigCredentials) => void;
  /** Told what the project's modules printed while they were imported (never written anywhere by us). */
  readonly onOutput?: (text: string) => void;
}

export interface OpenProjectOptions extends Omit<ProjectLoadOptions, 'onOutput'> {
  /** Loading the schema needs drizzle-orm; reading the config alone does not. */
  readonly needsDrizzleOrm: boolean;
}

export interface OpenProject {
  readonly choice: DrizzleKitChoice;
  readonly session: ProjectSession;
}

/** drizzle-catalog's own drizzle-kit (a dependency), found from where this file is installed. */
const bundledDrizzleKit = (): InstalledPackage | null => findInstalledPackage('drizzle-kit', dirname(fileURLToPath(import.meta.url)));

export const openProject = (options: OpenProjectOptions): Result<OpenProject> => {
  const { cwd } = options;
  const config = findConfigFile(cwd, options.configPath);
  const dirs = [cwd, ...(config.ok && dirname(config.path) !== cwd ? [dirname(config.path)] : [])];
  const first = (name: string): InstalledPackage | null =>
    dirs.map((dir) => findInstalledPackage(name, dir)).find((found) => found !== null) ?? null;
  const project = { drizzleKit: first('drizzle-kit'), drizzleOrm: first('drizzle-orm') };
  const chosen = chooseDrizzleKit({
    project,
    bundled: project.drizzleKit === null ? bundledDrizzleKit() : null,
    cwd,
    searched: dirs.join(' and '),
    needsDrizzleOrm: options.needsDrizzleOrm,
  });
  if (!chosen.ok) return chosen;
  const session = openProjectSession({
    cwd,
    env: options.env ?? process.env,
    choice: chosen.choice,
    importTimeoutSeconds: options.importTimeoutSeconds ?? DEFAULT_IMPORT_TIMEOUT_SECONDS,
    ...(options.onCredentials === undefined ? {} : { onCredentials: options.onCredentials }),
  });
  return { ok: true, choice: chosen.choice, session };
};
