/**
 * The drizzle-kit config alone, imported as the project's drizzle-kit imports it (the same
 * loader process, `.env` read first): for capture's connection URL, which needs no schema.
 */
import { resolve } from 'node:path';
import { displayPath } from '../config/display-path.js';
import { credentialsOf, parseDrizzleConfig, type DrizzleConfig } from '../config/drizzle-config.js';
import type { Result } from '../config/errors.js';
import { findConfigFile, readJsonConfig } from '../config/load-config.js';
import { openProject, type ProjectLoadOptions } from './open-project.js';

export type ReadDrizzleConfigOptions = ProjectLoadOptions;

/** The config file's path and validated value; `config-not-found` when there is none. */
export const readDrizzleConfig = async (
  options: ReadDrizzleConfigOptions,
): Promise<Result<{ readonly path: string; readonly config: DrizzleConfig }>> => {
  const cwd = resolve(options.cwd);
  const found = findConfigFile(cwd, options.configPath);
  if (!found.ok) return found;
  const parse = (raw: unknown): Result<{ readonly path: string; readonly config: DrizzleConfig }> => {
    options.onCredentials?.(credentialsOf(raw));
    const parsed = parseDrizzleConfig(raw, displayPath(found.path, cwd));
    return parsed.ok ? { ok: true, path: found.path, config: parsed.config } : parsed;
  };
  if (found.path.endsWith('.json')) {
    const read = readJsonConfig(found.path, cwd);
    return read.ok ? parse(read.raw) : read;
  }
  const project = openProject({
    cwd,
    needsDrizzleOrm: false,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.importTimeoutSeconds === undefined ? {} : { importTimeoutSeconds: options.importTimeoutSeconds }),
    ...(options.onCredentials === undefined ? {} : { onCredentials: options.onCredentials }),
  });
  if (!project.ok) return project;
  try {
    const imported = await project.session.importConfig(found.path);
    return imported.ok ? parse(imported.raw) : imported;
  } finally {
    const printed = await project.session.close();
    if (printed !== '') options.onOutput?.(printed);
  }
};
