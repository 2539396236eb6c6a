/**
 * drizzle-kit 1.0's module loading and serializer, in the loader process: the only place
 * that loads the project's `drizzle-kit/api-postgres`.
 *
 * NOTE: drizzle-kit 1.0.0-rc.5 (bin.cjs: `loadModule`, `getAliasesForTsconfig`,
 * `prepareFromSchemaFiles`, `drizzleConfigFromFile`) loads `.ts`, `.mts` and `.cts` files
 * through jiti 2.6.1, bundled in its bin.cjs: one `createJiti(<folder of the file>,
 * { interopDefault: true, alias, requireCache: false })` per file, its `alias` built from
 * the `paths` and `baseUrl` of the tsconfig.json found from that folder (get-tsconfig 4.13,
 * `extends` followed: one that does not resolve throws, and drizzle-kit stops there), only
 * exact keys and trailing `/*` patterns (others are ignored with a warning). Every other
 * file goes through Node's own `import()`. We do the same with the same jiti version
 * (pinned in package.json) and get-tsconfig.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KitLoader } from '../child/kit-loader.js';

interface Jiti {
  import(id: string): Promise<unknown>;
}
type CreateJiti = (id: string, options: Readonly<Record<string, unknown>>) => Jiti;

interface TsconfigResult {
  readonly path: string;
  readonly config: { readonly compilerOptions?: { readonly paths?: Readonly<Record<string, readonly string[] | undefined>>; readonly baseUrl?: string } };
}
type GetTsconfig = (searchPath?: string) => TsconfigResult | null;

interface DrizzleKitApiPostgres {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string, schemaFilters?: string[]): Promise<unknown>;
}

/** A tsconfig.json drizzle-kit 1.0 could not read: which file, and get-tsconfig's message. */
export class TsconfigError extends Error {
  override readonly name = 'TsconfigError';
  constructor(
    readonly tsconfig: string,
    message: string,
  ) {
    super(message);
  }
}

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

/** The tsconfig.json get-tsconfig starts from for `dir`: the nearest one up the tree. */
const nearestTsconfig = (dir: string): string => {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return join(dir, 'tsconfig.json');
  }
};

const packageType = (file: string): string | null => {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: unknown };
      return typeof manifest.type === 'string' ? manifest.type : null;
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
};

export const createKit1Loader = (drizzleKitDir: string): KitLoader => {
  const own = createRequire(import.meta.url);
  const fromKit = createRequire(join(drizzleKitDir, 'package.json'));
  const api = fromKit(join(drizzleKitDir, 'api-postgres.js')) as DrizzleKitApiPostgres;
  const { createJiti } = own('jiti') as { createJiti: CreateJiti };
  const { getTsconfig } = own('get-tsconfig') as { getTsconfig: GetTsconfig };
  const jitiVersion = String((own('jiti/package.json') as { version?: unknown }).version);
  const warnings: string[] = [];
  const aliasCache = new Map<string, Record<string, string> | undefined>();

  /** drizzle-kit 1.0's aliases for the files of `dir`, from its tsconfig's `paths`. */
  const aliasesFor = (dir: string): Record<string, string> | undefined => {
    if (aliasCache.has(dir)) return aliasCache.get(dir);
    let tsconfig: TsconfigResult | null;
    try {
      tsconfig = getTsconfig(dir);
    } catch (error) {
      throw new TsconfigError(nearestTsconfig(dir), error instanceof Error ? error.message : String(error));
    }
    const paths = tsconfig?.config.compilerOptions?.paths;
    if (tsconfig === null || paths === undefined) {
      aliasCache.set(dir, undefined);
      return undefined;
    }
    const base = resolve(dirname(tsconfig.path), tsconfig.config.compilerOptions?.baseUrl ?? '.');
    const aliases: Record<string, string> = {};
    for (const [key, values] of Object.entries(paths)) {
      const targets = (values ?? []).filter((target) => target !== '');
      if (targets.length === 0) continue;
      const wildcard = key.includes('*') || targets.some((target) => target.includes('*'));
      const trailing = key.endsWith('/*') && targets.every((target) => target.endsWith('/*'));
      if (wildcard && !trailing) {
        warnings.push(
          `${tsconfig.path}: drizzle-kit 1.0 ignores the paths mapping "${key}" (only exact names and trailing "/*" patterns are supported), and so does verify`,
        );
        continue;
      }
      const resolved = targets.map((target) => resolve(base, trailing ? target.slice(0, -1) : target));
      aliases[trailing ? key.slice(0, -1) : key] = resolved.find((candidate) => existsSync(candidate)) ?? (resolved[0] as string);
    }
    aliasCache.set(dir, aliases);
    return aliases;
  };

  return {
    name: `jiti ${jitiVersion}`,
    loadedAs: (file) => {
      const extension = extname(file);
      if (TYPESCRIPT.has(extension)) return `through jiti ${jitiVersion}, as drizzle-kit 1.0 loads TypeScript`;
      const esm = extension === '.mjs' || (extension !== '.cjs' && packageType(file) === 'module');
      return `${esm ? 'an ES module' : 'CommonJS'}, through Node's own import(), as drizzle-kit 1.0 loads JavaScript`;
    },
    importModule: async (file) => {
      if (!TYPESCRIPT.has(extname(file))) return import(pathToFileURL(file).href);
      const dir = dirname(file);
      const alias = aliasesFor(dir);
      return createJiti(dir, { interopDefault: true, alias, requireCache: false }).import(file);
    },
    dedupesTables: false,
    serialize: (imports, schemaFilter) => api.generateDrizzleJson({ ...imports }, undefined, schemaFilter === null ? undefined : [...schemaFilter]),
    warnings,
  };
};
