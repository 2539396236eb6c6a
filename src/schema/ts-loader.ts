/**
 * The TypeScript loader (tsx), behind one file.
 *
 * Chosen by measurement (issue 4/7): on a 2,000-table schema jiti with a cold cache took
 * 11.7 s and 740 MiB, tsx's loader hook 2.7 s cold; see bench/loader.ts for our own figures.
 * tsx's namespaced `register()` installs its ESM and CommonJS hooks once for all the files
 * of one load, and scopes them: modules get a `?tsx-namespace=` query, so every load imports
 * fresh copies and nothing leaks into the host's own module graph.
 * Installed ES module packages are the exception (`shareInstalledPackagesHook`): a schema's
 * drizzle-orm is the host's, not a second copy.
 *
 * Installed packages are the exception (`shareInstalledPackages`): a namespaced load would
 * also load a second copy of drizzle-orm (and of drizzle-kit, which drizzle.config.ts
 * imports), beside the one drizzle-kit/api uses.
 *
 * NOTE: tsx applies the tsconfig it is given (compiler options, `paths`) to the files that
 * tsconfig includes; without one it uses the tsconfig found from `process.cwd()`. We always
 * pass the user's (or `false`), never let it fall back to ours.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { register as registerHooks } from 'node:module';
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
  const namespace = `drizzle-catalog-${randomUUID()}`;
  const api = register({ namespace, tsconfig: tsconfig ?? false });
  // After tsx's: hooks run last registered first.
  registerHooks(`data:text/javascript,${encodeURIComponent(shareInstalledPackagesHook(namespace))}`);
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
 * A resolve hook to run before tsx's: an ES module file of an installed package
 * (`node_modules/**.js|.mjs`) that tsx would load in our namespace is loaded under its plain
 * URL instead, so a schema's `drizzle-orm` is the very module instance drizzle-kit/api
 * loaded (as when drizzle-kit itself loads a schema), not a second copy. Our own files,
 * TypeScript files and CommonJS files (tsx keeps their namespace in the path) keep the
 * namespace, so a second load of an edited schema still sees the new files.
 *
 * Hooks cannot be removed: once the loader is closed, tsx's hook stops adding the
 * namespace and this one has nothing left to do.
 */
const shareInstalledPackagesHook = (namespace: string): string => `
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.format !== 'module' || !resolved.url.startsWith('file:')) return resolved;
  const url = new URL(resolved.url);
  if (url.search !== ${JSON.stringify(`?tsx-namespace=${namespace}`)}) return resolved;
  if (!url.pathname.includes('/node_modules/') || !/\\.m?js$/.test(url.pathname)) return resolved;
  url.search = '';
  return { ...resolved, url: url.href };
}
`;

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
