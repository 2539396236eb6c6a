// Development only (never shipped: dist/ has entry.js). When drizzle-catalog runs from
// its TypeScript sources (vitest, `node --import tsx src/bin.ts`), the loader process
// starts with `--import` of this file: it compiles drizzle-catalog's own src/**/*.ts files
// with esbuild and nothing else. A global TypeScript loader (`--import tsx`) would also
// load the user's modules, which must meet only their drizzle-kit's loader, as they do
// when the published package runs.
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const SRC = new URL('../../', import.meta.url).href;

// Run by --import on the main thread: register this same file as the hooks (Node runs
// hooks on a thread of their own).
if (isMainThread) register(import.meta.url);

const esbuild = isMainThread ? null : createRequire(import.meta.url)('esbuild');

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.startsWith(SRC) && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), parent);
    try {
      readFileSync(typescript);
      return { url: typescript.href, shortCircuit: true };
    } catch {
      // not one of ours in TypeScript: Node resolves it
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(SRC) || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: fileURLToPath(url) });
  return { format: 'module', source: code, shortCircuit: true };
}
