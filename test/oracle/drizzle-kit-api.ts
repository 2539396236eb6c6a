/**
 * The one place the oracle touches `drizzle-kit/api`.
 *
 * NOTE: drizzle-kit 0.31's `pushSchema` wraps the database as
 * `query: (query, params) => drizzleInstance.execute(sql.raw(query))`: the params are
 * dropped (drizzle-team/drizzle-orm#5557). Its PostgreSQL introspection passes params in
 * exactly one query, the name lookup of a primary key with more than one column, so any
 * database holding such a table fails with "there is no parameter $1" (and drizzle-kit
 * then calls `process.exit(1)`). The `drizzle-kit push` CLI passes the params and works.
 *
 * To judge drizzle-kit's *diff* (what the CLI users run) and not this wrapper, we load a
 * copy of `api.js` in which that one line inlines the params as SQL literals. Everything
 * else is drizzle-kit's own code, untouched. `upstreamPushSchema` is the unpatched export,
 * kept so a test shows the bug is still there (and tells us to drop the patch once fixed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pushSchema as upstream } from 'drizzle-kit/api';

export type PushSchema = typeof upstream;
export const upstreamPushSchema: PushSchema = upstream;

const DROPPED_PARAMS = 'const res = await drizzleInstance.execute(sql.raw(query));';
// Inline `$n` params as quoted literals (the only params drizzle-kit sends are schema and table names).
const WITH_PARAMS =
  'const res = await drizzleInstance.execute(sql.raw(Array.isArray(params) && params.length > 0 ? ' +
  "query.replace(/\\$(\\d+)/g, (_, n) => \"'\" + String(params[Number(n) - 1]).replace(/'/g, \"''\") + \"'\") : query));";

interface CommonJsModule {
  filename: string;
  paths: string[];
  exports: Record<string, unknown>;
  _compile(source: string, filename: string): void;
}
interface ModuleConstructor {
  new (id: string): CommonJsModule;
  _nodeModulePaths(from: string): string[];
}

const loadPatched = (): PushSchema => {
  const require = createRequire(import.meta.url);
  const path = require.resolve('drizzle-kit/api');
  const source = readFileSync(path, 'utf8');
  const start = source.indexOf('var pushSchema = async (');
  const at = source.indexOf(DROPPED_PARAMS, start);
  const next = source.indexOf('var startStudioPostgresServer', start);
  if (start < 0 || at < 0 || at > next) {
    throw new Error(`drizzle-kit's pushSchema changed (${path}); re-check drizzle-team/drizzle-orm#5557 and this patch`);
  }
  const patched = source.slice(0, at) + WITH_PARAMS + source.slice(at + DROPPED_PARAMS.length);
  const Module = require('node:module') as ModuleConstructor;
  const copy = new Module(path);
  copy.filename = path;
  copy.paths = Module._nodeModulePaths(dirname(path));
  copy._compile(patched, path);
  const pushSchema = copy.exports['pushSchema'];
  if (typeof pushSchema !== 'function') throw new Error('patched drizzle-kit api has no pushSchema');
  return pushSchema as PushSchema;
};

/** drizzle-kit's `pushSchema`, with the params of its queries passed through (see the module comment). */
export const pushSchema: PushSchema = loadPatched();
