/**
 * `resolveConfig` (src/config) with the project's drizzle-kit importing the config: which
 * config, its validated value, and the schema files it names, as verify reads them.
 */
import { resolve } from 'node:path';
import type { Result } from '../config/errors.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js';
import { openProject, type ProjectLoadOptions } from './open-project.js';

export interface ResolveDrizzleConfigOptions extends ProjectLoadOptions {
  /** `--schema PATH` (repeatable): replaces the config's `schema`; with it a config file is optional. */
  readonly schemaOverride?: readonly string[];
}

export const resolveDrizzleConfig = async (given: ResolveDrizzleConfigOptions): Promise<Result<ResolvedConfig>> => {
  const options = { ...given, cwd: resolve(given.cwd) };
  const { onOutput, ...rest } = options;
  const project = openProject({ ...rest, needsDrizzleOrm: false });
  if (!project.ok) return project;
  try {
    return await resolveConfig({ ...rest, importConfig: project.session.importConfig });
  } finally {
    const printed = await project.session.close();
    if (printed !== '') onOutput?.(printed);
  }
};
