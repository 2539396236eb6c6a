/**
 * A tsconfig.json get-tsconfig cannot read (drizzle-kit 0.x through tsx, and 1.0 itself,
 * read tsconfigs with it), in our words: what is wrong, and what fixes it. Pure.
 */
import { isAbsolute } from 'node:path';
import { packageOf } from './package-name.js';

export interface TsconfigError {
  /** `extends './.svelte-kit/tsconfig.json', which is not found`, or get-tsconfig's message. */
  readonly problem: string;
  /** `run \`svelte-kit sync\` ...`, `install the workspace's dependencies ...` */
  readonly fix: string;
}

/** get-tsconfig: `File './.svelte-kit/tsconfig.json' not found.` */
const MISSING = /^File '(.+)' not found\.$/;


export const explainTsconfigError = (message: string): TsconfigError => {
  const missing = MISSING.exec(message.trim())?.[1];
  if (missing === undefined) return { problem: `cannot be read: ${message.split('\n')[0]?.trim() ?? message}`, fix: 'fix the tsconfig.json' };
  const fix = missing.includes('.svelte-kit/')
    ? 'run `svelte-kit sync` (or `vite dev` once) so that .svelte-kit/tsconfig.json exists'
    : !missing.startsWith('.') && !isAbsolute(missing)
      ? `install the workspace's dependencies (npm install at the workspace root) so that '${packageOf(missing)}' resolves`
      : 'fix the path in "extends"';
  return { problem: `extends '${missing}', which is not found`, fix };
};
