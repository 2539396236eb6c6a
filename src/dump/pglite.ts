/**
 * The one runtime import of @electric-sql/pglite: an in-process PostgreSQL (compiled to
 * WebAssembly) to replay a dump into. Imported lazily, only by `capture --dump`, so that
 * `--help`, `verify` and a live capture never load it (test/cli/lazy-loading.test.ts).
 *
 * NOTE: PGlite 0.5 is PostgreSQL 18 and runs initdb in WebAssembly on every start (about
 * 2-4 s); a data directory saved from an earlier start (`dataDir`) skips that (tests).
 * Contrib extensions come as separate bundles (`@electric-sql/pglite/contrib/<name>`)
 * that must be given when the database starts, not later.
 */
import type { Extension } from '@electric-sql/pglite';
import type { Queryable } from '../capture/queryable.js';
import { pgliteQueryable } from '../capture/pglite-queryable.js';

/** A statement the replay's PostgreSQL refused. */
export interface ReplayFailure {
  /** SQLSTATE, e.g. `42601` (syntax error), `42704` (undefined object). */
  readonly code: string;
  readonly message: string;
  /** 1-based character position in the statement text, when PostgreSQL reported one. */
  readonly position: number | null;
}

export interface ReplayDatabase {
  /** For capture(): the same catalog queries as a live capture. */
  readonly queryable: Queryable;
  /** Runs one or more statements in one round trip (one implicit transaction). */
  exec(sql: string): Promise<void>;
  /** Runs `COPY table (columns) FROM '/dev/blob'` with `data` (COPY's text format) as its input. */
  copyFrom(sql: string, data: string): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Extensions (their SQL names) to make available; those PGlite does not ship are returned as missing. */
  readonly extensions: readonly string[];
  /** A saved data directory (`PGlite.dumpDataDir()`), to skip initdb. */
  readonly dataDir?: Blob | undefined;
}

export interface StartedDatabase {
  readonly database: ReplayDatabase;
  /** Extensions asked for that PGlite does not ship. */
  readonly missingExtensions: readonly string[];
}

/** Extension names that can name a bundle (no path tricks). */
const EXTENSION_NAME = /^[a-z0-9][a-z0-9_-]*$/;
/** Built into PGlite, no bundle needed. */
const BUILT_IN = new Set(['plpgsql']);

/** The contrib bundle of an extension, or undefined when PGlite does not ship one. */
const loadBundle = async (name: string): Promise<Extension | undefined> => {
  if (!EXTENSION_NAME.test(name)) return undefined;
  const id = name.replaceAll('-', '_');
  try {
    const module = (await import(`@electric-sql/pglite/contrib/${id}`)) as Record<string, unknown>;
    const bundle = module[id];
    return typeof bundle === 'object' && bundle !== null && 'setup' in bundle ? (bundle as Extension) : undefined;
  } catch {
    return undefined;
  }
};

export const startReplayDatabase = async (options: StartOptions): Promise<StartedDatabase> => {
  const wanted = [...new Set(options.extensions)].filter((name) => !BUILT_IN.has(name));
  const bundles = await Promise.all(wanted.map(async (name) => [name, await loadBundle(name)] as const));
  const extensions: Record<string, Extension> = {};
  for (const [name, bundle] of bundles) if (bundle !== undefined) extensions[name.replaceAll('-', '_')] = bundle;
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({
    extensions,
    ...(options.dataDir === undefined ? {} : { loadDataDir: options.dataDir }),
  });
  const database: ReplayDatabase = {
    queryable: pgliteQueryable(pglite),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    copyFrom: async (sql, data) => {
      await pglite.query(sql, [], { blob: new Blob([data]) });
    },
    close: () => pglite.close(),
  };
  return { database, missingExtensions: bundles.filter(([, bundle]) => bundle === undefined).map(([name]) => name) };
};

/** A saved data directory of a freshly initialized PGlite, for starts without initdb (tests, benchmarks). */
export const initializedDataDir = async (): Promise<Blob> => {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  try {
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
};

/** The SQLSTATE, message and position of an error PGlite threw, or null for anything else (a fault). */
export const replayFailureOf = (error: unknown): ReplayFailure | null => {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, position } = error as { code?: unknown; message?: unknown; position?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || typeof message !== 'string') return null;
  const at = Number(position);
  return { code, message, position: Number.isInteger(at) && at > 0 ? at : null };
};
