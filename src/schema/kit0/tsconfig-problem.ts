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

type GetTsconfig = (searchPath?: string) => unknown;

const MISSING = /^File '(.+)' not found\.$/;

/** The tsconfig.json tsx ignores, why, and how to make it readable. */
export interface TsconfigProblem {
  /** Relative to the working directory. */
  readonly tsconfig: string;
  /** `extends '@acme/tsconfig/base.json', which is not found`, or get-tsconfig's message. */
  readonly problem: string;
  /** `run \`svelte-kit sync\` ...` */
  readonly fix: string;
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
    const reason = error instanceof Error ? error.message : String(error);
    const missing = MISSING.exec(reason)?.[1];
    const fix =
      missing === undefined
        ? 'fix it'
        : missing.includes('.svelte-kit/')
          ? 'run `svelte-kit sync` (or `vite dev` once) so that .svelte-kit/tsconfig.json exists'
          : missing.startsWith('.') || missing.startsWith('/')
            ? 'fix the path in "extends"'
            : "install the workspace's dependencies (npm install at the workspace root) so that it resolves";
    return {
      tsconfig: displayPath(tsconfig, cwd),
      problem: missing === undefined ? reason : `extends '${missing}', which is not found`,
      fix,
    };
  }
};

/** The warning verify prints for a tsconfig.json drizzle-kit 0.x ignores. */
export const describeTsconfigProblem = ({ tsconfig, problem, fix }: TsconfigProblem): string =>
  `${tsconfig}: ${problem}; drizzle-kit 0.x (through tsx) then ignores this tsconfig.json entirely, and so does verify: its "paths" aliases do not apply. To use it, ${fix}`;
