/**
 * The loading matrix: small projects written from scratch, each a real folder with its own
 * package.json, tsconfig.json and drizzle.config.ts, in the shapes real projects have
 * (module systems, aliases, workspaces, tsconfig `extends`, `.env`, globs, file kinds,
 * top-level await, modules that never finish). 0.x projects live in test/loading/projects
 * (the repository's drizzle-orm 0.45 and drizzle-kit 0.31), 1.0 projects in
 * test/drizzle-1/projects (the 1.0 release candidates of that npm workspace).
 *
 * Each names what drizzle-kit's own `export` does on it (checked by the matrix test), and
 * what verify does: load the same objects, or fail with a clear message.
 */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const PROJECTS_0 = join(REPO, 'test/loading/projects');
const PROJECTS_1 = join(REPO, 'test/drizzle-1/projects');

export const DRIZZLE_KIT_DIR = { 0: join(REPO, 'node_modules/drizzle-kit'), 1: join(REPO, 'test/drizzle-1/node_modules/drizzle-kit') } as const;
const DRIZZLE_ORM_DIR = { 0: join(REPO, 'node_modules/drizzle-orm'), 1: join(REPO, 'test/drizzle-1/node_modules/drizzle-orm') } as const;

export type Expected =
  /** verify loads what drizzle-kit exports; `warning` matches one of verify's warnings. */
  | { readonly loads: true; readonly warning?: RegExp }
  /** verify stops with exit 2: the error names `path` and says `message`; drizzle-kit ends as `drizzleKit` says. */
  | {
      readonly loads: false;
      readonly path: string;
      /** The error's code, and its reason for an import failure. */
      readonly code: string;
      readonly reason?: string;
      readonly message: RegExp;
      readonly drizzleKit: 'failed' | 'silent' | 'unfinished';
    };

export interface Fixture {
  readonly name: string;
  readonly major: 0 | 1;
  /** The project folder (node_modules links are made there). */
  readonly root: string;
  /** Where drizzle-kit and verify run. */
  readonly cwd: string;
  /** `--config ...`, for both. */
  readonly args: readonly string[];
  /** Workspace links: `node_modules/@acme/db` in `cwd`-relative folders → the package folder. */
  readonly links: Readonly<Record<string, string>>;
  /** verify's --import-timeout; drizzle-kit is given up after `waitSeconds`. */
  readonly importTimeoutSeconds: number;
  readonly waitSeconds: number;
  readonly expected: Expected;
}

interface Spec {
  readonly project: string;
  readonly in?: string;
  readonly args?: readonly string[];
  readonly links?: Readonly<Record<string, string>>;
  readonly importTimeoutSeconds?: number;
  readonly waitSeconds?: number;
  readonly expected: Expected;
}

const LOADS: Expected = { loads: true };

const fixture = (major: 0 | 1, name: string, spec: Spec): Fixture => {
  const root = join(major === 0 ? PROJECTS_0 : PROJECTS_1, spec.project);
  return {
    name,
    major,
    root,
    cwd: spec.in === undefined ? root : join(root, spec.in),
    args: spec.args ?? [],
    links: spec.links ?? {},
    importTimeoutSeconds: spec.importTimeoutSeconds ?? 60,
    waitSeconds: spec.waitSeconds ?? 120,
    expected: spec.expected,
  };
};

export const FIXTURES: readonly Fixture[] = [
  fixture(0, 'ES module package, NodeNext .js imports, enum, pgSchema, sequence, view', { project: 'esm', expected: LOADS }),
  fixture(0, 'CommonJS package: extensionless imports, index.ts folders', { project: 'cjs', expected: LOADS }),
  fixture(0, 'CommonJS package with $lib and @/ tsconfig aliases', { project: 'cjs-lib-alias', expected: LOADS }),
  fixture(0, 'ES module app importing a CommonJS lib folder that re-exports with export *', { project: 'esm-app-cjs-lib', expected: LOADS }),
  fixture(0, 'workspace package importing itself through its exports', { project: 'workspace', in: 'packages/db', expected: LOADS }),
  fixture(0, 'workspace app importing a symlinked workspace package', {
    project: 'workspace',
    in: 'apps/api',
    links: { 'apps/api/node_modules/@acme/db': 'packages/db' },
    expected: LOADS,
  }),
  fixture(0, 'tsconfig extending a shared base that is not installed', {
    project: 'extends-missing',
    expected: { loads: true, warning: /^tsconfig\.json: extends '@acme\/tsconfig\/base\.json', which is not found; drizzle-kit 0\.x \(through tsx\) then ignores/ },
  }),
  fixture(0, 'SvelteKit before svelte-kit sync: extends .svelte-kit/tsconfig.json, uses $lib', {
    project: 'extends-svelte-kit',
    expected: {
      loads: false,
      path: 'src/lib/server/db/schema.ts',
      code: 'schema-import-failed',
      reason: 'unresolved-alias',
      message: /^cannot resolve '\$lib\/server\/db\/columns'/,
      drizzleKit: 'failed',
    },
  }),
  fixture(0, 'tsconfig extending a base that holds the paths', { project: 'extends-present', expected: LOADS }),
  fixture(0, 'DATABASE_URL only in .env, the config throws without it', { project: 'env-only', expected: LOADS }),
  fixture(0, 'schema: a folder', { project: 'schema-folder', expected: LOADS }),
  fixture(0, 'schema: a glob', { project: 'schema-glob', expected: LOADS }),
  fixture(0, '.mts, .cts, .mjs and .cjs schema files', { project: 'mixed-extensions', expected: LOADS }),
  fixture(0, 'top-level await (drizzle-kit 0.x compiles to CommonJS)', {
    project: 'top-level-await',
    expected: { loads: false, path: 'src/schema.ts', code: 'schema-import-failed', reason: 'module-system', message: /^top-level await in a module drizzle-kit 0\.x loads as CommonJS$/, drizzleKit: 'failed' },
  }),
  fixture(0, 'a module that never finishes importing', {
    project: 'never-finishes',
    importTimeoutSeconds: 5,
    waitSeconds: 10,
    expected: {
      loads: false,
      path: 'src/wait-for-database.ts',
      code: 'schema-import-failed',
      reason: 'pending',
      message: /^was still being imported after 5 s \(imported by src\/schema\.ts\)$/,
      drizzleKit: 'unfinished',
    },
  }),
  fixture(0, 'monorepo, run from the package folder', { project: 'monorepo', in: 'packages/db', expected: LOADS }),
  fixture(0, 'monorepo, run from the root with --config', { project: 'monorepo', args: ['--config', 'packages/db/drizzle.config.ts'], expected: LOADS }),
  fixture(0, 'satisfies, enums, const type parameters, casing in a satisfies Config', { project: 'modern-typescript', expected: LOADS }),
  fixture(0, 'a schema module that connects to its database at import', {
    project: 'connects-at-import',
    expected: { loads: false, path: 'src/db.ts', code: 'schema-import-failed', reason: 'network', message: /^connects to 127\.0\.0\.1:1 while being imported/, drizzleKit: 'failed' },
  }),
  fixture(0, "a schema folder whose index.ts re-exports the others (0.31 collects the view twice)", {
    project: 'folder-reexport',
    expected: { loads: false, path: 'drizzle.config.ts', code: 'schema-rejected-by-drizzle-kit', message: /duplicated view name/, drizzleKit: 'failed' },
  }),

  fixture(1, '1.0: ES module package, NodeNext .js imports, enum, pgSchema, sequence, role, view', { project: 'esm', expected: LOADS }),
  fixture(1, '1.0: CommonJS package with $lib/* and @/* aliases', { project: 'cjs-lib-alias', expected: LOADS }),
  fixture(1, '1.0: tsconfig extending a shared base that is not installed', {
    project: 'extends-missing',
    expected: { loads: false, path: 'tsconfig.json', code: 'config-import-failed', reason: 'tsconfig', message: /^extends '@acme\/tsconfig\/base\.json', which is not found$/, drizzleKit: 'failed' },
  }),
  fixture(1, '1.0: top-level await that settles', { project: 'top-level-await', expected: LOADS }),
  fixture(1, '1.0: top-level await that never settles, a timer keeping the process alive', {
    project: 'await-never-settles',
    importTimeoutSeconds: 5,
    waitSeconds: 10,
    expected: { loads: false, path: 'src/schema.ts', code: 'schema-import-failed', reason: 'pending', message: /^was still being imported after 5 s$/, drizzleKit: 'unfinished' },
  }),
  fixture(1, '1.0: top-level await on a promise nothing can settle', {
    project: 'await-abandoned',
    expected: { loads: false, path: 'src/schema.ts', code: 'schema-import-failed', reason: 'pending', message: /^its top-level await never settles/, drizzleKit: 'silent' },
  }),
  fixture(1, '1.0: .mts, .cts, .mjs and .cjs schema files', { project: 'mixed-extensions', expected: LOADS }),
];

/**
 * Gives each fixture project a node_modules with links to the drizzle-orm and drizzle-kit of
 * its major (as an install would), and the workspace links it declares.
 */
export const linkNodeModules = (fixtures: readonly Fixture[]): void => {
  for (const { root, major, links } of fixtures) {
    const entries = {
      'node_modules/drizzle-orm': DRIZZLE_ORM_DIR[major],
      'node_modules/drizzle-kit': DRIZZLE_KIT_DIR[major],
      ...Object.fromEntries(Object.entries(links).map(([from, to]) => [from, join(root, to)])),
    };
    for (const [from, target] of Object.entries(entries)) {
      const path = join(root, from);
      mkdirSync(dirname(path), { recursive: true });
      rmSync(path, { recursive: true, force: true });
      symlinkSync(target, path, 'dir');
    }
  }
};
