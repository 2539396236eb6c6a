/**
 * A tsconfig.json drizzle-kit 0.x cannot read is a warning, not an error: loading goes on
 * as it does in drizzle-kit.
 *
 * NOTE: tsx (which drizzle-kit 0.31 registers) reads the tsconfig.json found from the
 * working directory with get-tsconfig, and when that throws (an `extends` that does not
 * resolve: a workspace's shared base config not installed, SvelteKit's
 * `./.svelte-kit/tsconfig.json` before `svelte-kit sync`) it catches the error and goes on
 * with no tsconfig at all: its `paths` aliases then do not apply (tsx `loadTsconfig`).
 * With TSX_TSCONFIG_PATH set, tsx reads that file and does not catch: the import fails.
 */
import { createRequire } from 'node:module';
import { displayPath } from '../../config/display-path.js';
import { findTsconfig } from '../../config/resolve-config.js';
import { explainTsconfigError, type TsconfigError } from '../tsconfig-error.js';

type GetTsconfig = (searchPath?: string) => unknown;

/** The tsconfig.json tsx ignores, why, and how to make it readable. */
export interface TsconfigProblem extends TsconfigError {
  /** Relative to the working directory. */
  readonly tsconfig: string;
}

export const tsconfigProblem = (cwd: string, env: Readonly<Record<string, string | undefined>>): TsconfigProblem | null => {
  if ((env['TSX_TSCONFIG_PATH'] ?? '') !== '') return null;
  const tsconfig = findTsconfig(cwd);
  if (tsconfig === null) return null;
  const { getTsconfig } = createRequire(import.meta.url)('get-tsconfig') as { getTsconfig: GetTsconfig };
  try {
    getTsconfig(cwd);
    return null;
  } catch (error) {
    return { tsconfig: displayPath(tsconfig, cwd), ...explainTsconfigError(error instanceof Error ? error.message : String(error)) };
  }
};

/** The warning verify prints for a tsconfig.json drizzle-kit 0.x ignores. */
export const describeTsconfigProblem = ({ tsconfig, problem, fix }: TsconfigProblem): string =>
  `${tsconfig}: ${problem}; drizzle-kit 0.x (through tsx) then ignores this tsconfig.json entirely, and so does verify: its "paths" aliases do not apply. To use it, ${fix}`;
