/**
 * drizzle-kit 0.x's module loading and serializer, in the loader process: the only place
 * that loads the project's `drizzle-kit/api` (0.x).
 *
 * NOTE: drizzle-kit 0.31 (bin.cjs: `ensureTsxRegistered`, `safeRegister`,
 * `drizzleConfigFromFile`, `prepareFromPgImports`) registers tsx's CommonJS hooks once,
 * globally (`require('tsx/cjs/api').register()`, no namespace: tsx then reads the
 * tsconfig.json found from the working directory, or TSX_TSCONFIG_PATH), then plain
 * `require()`s the config and every schema file. Everything is CommonJS there: extensionless
 * imports and `index.ts` folders resolve, ES module syntax is compiled to CommonJS (so a
 * top-level await fails to compile), `.mts`/`.mjs` files included. We do exactly that, with
 * the tsx drizzle-kit itself depends on (resolved from its folder; ours if it has none).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { KitLoader } from '../child/kit-loader.js';
import { findPackageDir } from '../find-package.js';

interface TsxCjsApi {
  register(): unknown;
}

interface DrizzleKitApi0 {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string, schemaFilters?: string[], casing?: string): unknown;
}

/** The tsx drizzle-kit depends on, or ours; with its version. */
const loadTsx = (fromKit: NodeJS.Require): { readonly api: TsxCjsApi; readonly version: string } => {
  const own = createRequire(import.meta.url);
  for (const from of [fromKit, own]) {
    try {
      const entry = from.resolve('tsx/cjs/api');
      const dir = findPackageDir(dirname(entry), 'tsx');
      const version = dir === null ? 'unknown' : String((from(join(dir, 'package.json')) as { version?: unknown }).version);
      return { api: from(entry) as TsxCjsApi, version };
    } catch {
      // not installed there: try the next
    }
  }
  throw new Error('tsx is not installed: drizzle-catalog depends on it; reinstall drizzle-catalog');
};

interface CompilingModule {
  _compile(content: string, filename: string): unknown;
}

/**
 * Tells `onModule` when each of the user's CommonJS modules (not installed packages) starts
 * and ends running its top-level code, so that a module that never finishes is named, not
 * only the schema file that imports it. tsx hands every compiled file to `_compile`.
 */
const traceModules = (onModule: (file: string, phase: 'start' | 'end') => void): void => {
  const { Module } = createRequire(import.meta.url)('node:module') as { Module: { prototype: CompilingModule } };
  const compile = Module.prototype._compile;
  Module.prototype._compile = function traced(this: CompilingModule, content: string, filename: string): unknown {
    const user = !filename.includes('/node_modules/') && !filename.includes('\\node_modules\\');
    if (user) onModule(filename, 'start');
    try {
      return compile.call(this, content, filename);
    } finally {
      if (user) onModule(filename, 'end');
    }
  };
};

export const createKit0Loader = (drizzleKitDir: string, onModule: (file: string, phase: 'start' | 'end') => void): KitLoader => {
  const fromKit = createRequire(join(drizzleKitDir, 'package.json'));
  // Before tsx's hooks: tsx turns source maps on, and Node then reads the .map file of every
  // module loaded after that (drizzle-orm ships one per file). drizzle-kit's CLI, one bundle,
  // loads its drizzle-orm before registering tsx too.
  const api = fromKit(join(drizzleKitDir, 'api.js')) as DrizzleKitApi0;
  const tsx = loadTsx(fromKit);
  tsx.api.register();
  traceModules(onModule);
  const name = `tsx ${tsx.version}`;
  return {
    name,
    loadedAs: () => `CommonJS, required through ${name}, as drizzle-kit 0.x loads every file`,
    importModule: async (file) => createRequire(file)(file) as unknown,
    dedupesTables: true,
    serialize: async (imports, schemaFilter, casing) =>
      api.generateDrizzleJson({ ...imports }, undefined, schemaFilter === null ? undefined : [...schemaFilter], casing ?? undefined),
    warnings: [],
  };
};
