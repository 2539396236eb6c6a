/**
 * The TypeScript loader (tsx), behind one file.
 *
 * Chosen by measurement (issue 4/7): on a 2,000-table schema jiti with a cold cache took
 * 11.7 s and 740 MiB, tsx's loader hook 2.7 s cold; see bench/loader.ts for our own figures.
 * tsx's namespaced `register()` installs its ESM and CommonJS hooks once for all the files
 * of one load, and scopes them: modules get a `?tsx-namespace=` query, so every load imports
 * fresh copies and nothing leaks into the host's own module graph.
 *
 * NOTE: tsx applies the tsconfig it is given (compiler options, `paths`) to the files that
 * tsconfig includes; without one it uses the tsconfig found from `process.cwd()`. We always
 * pass the user's (or `false`), never let it fall back to ours.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

export interface ModuleLoader {
  /** Imports a file (absolute path) and returns its namespace; rejects with what the module threw. */
  import(file: string): Promise<Readonly<Record<string, unknown>>>;
  /** Removes the hooks. */
  close(): Promise<void>;
}

export interface ModuleLoaderOptions {
  /** The user's tsconfig.json (paths, compiler options), or null for none. */
  readonly tsconfig: string | null;
}

/**
 * Thrown in place of `process.exit(code)` called by a module while it is imported (an
 * environment check such as `if (!process.env.DATABASE_URL) process.exit(1)`): the import
 * fails with it instead of the whole process ending, silently, with an exit code that
 * would read as "findings" (1).
 */
export class ModuleExitError extends Error {
  override readonly name = 'ModuleExitError';
  constructor(readonly exitCode: unknown) {
    super(`called process.exit(${exitCode === undefined ? '' : String(exitCode)})`);
  }
}

/** Runs `body` with `process.exit` throwing ModuleExitError; restores it after. */
const withExitAsError = async <T>(body: () => Promise<T>): Promise<T> => {
  const { exit } = process;
  const replacement = (code?: unknown): never => {
    const error = new ModuleExitError(code);
    // The caller's frame (the module that called exit) leads the stack, not this function.
    Error.captureStackTrace(error, replacement);
    throw error;
  };
  process.exit = replacement as typeof process.exit;
  try {
    return await body();
  } finally {
    process.exit = exit;
  }
};

export const createModuleLoader = ({ tsconfig }: ModuleLoaderOptions): ModuleLoader => {
  const api = register({ namespace: `drizzle-catalog-${randomUUID()}`, tsconfig: tsconfig ?? false });
  return {
    import: async (file) => {
      const parent = pathToFileURL(join(dirname(file), '__drizzle-catalog-importer__.js')).href;
      try {
        const namespace: unknown = await withExitAsError(() => api.import(pathToFileURL(file).href, parent));
        return (typeof namespace === 'object' && namespace !== null ? namespace : {}) as Readonly<Record<string, unknown>>;
      } catch (error) {
        formatStackWithSourceMaps(error);
        throw error;
      }
    },
    close: () => api.unregister(),
  };
};

/**
 * Formats `error.stack` now, with Node's own formatter, which applies tsx's source maps
 * (tsx's `register()` enables them).
 *
 * NOTE: V8 formats a stack lazily, on first read, through `Error.prepareStackTrace`; a host
 * that replaces it (vitest, source-map-support) formats our user's TypeScript frames against
 * the transformed code (line 1, column 120). The first read decides, so read it here.
 */
const formatStackWithSourceMaps = (error: unknown): void => {
  if (!(error instanceof Error)) return;
  const errorClass: { prepareStackTrace?: unknown } = Error;
  const hook = errorClass.prepareStackTrace;
  errorClass.prepareStackTrace = undefined;
  try {
    void error.stack;
  } finally {
    errorClass.prepareStackTrace = hook;
  }
};

/**
 * The tsconfig.json tsx would pick for a project run from `cwd`: the nearest one in `cwd`
 * or a parent directory (as drizzle-kit, which runs tsx from the working directory).
 */
export const findTsconfig = (cwd: string): string | null => {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
};
