/**
 * For dump tests: pg_dump of a real server database, its live capture, a shared PGlite
 * data directory (one initdb per test file instead of one per capture), and the catalog
 * with the fields a dump cannot say normalized, for "dump equals live" comparisons.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { capture, type Capture } from '../../src/capture/capture.js';
import { pgQueryable } from '../../src/capture/pg-queryable.js';
import type { Catalog } from '../../src/catalog/model.js';
import { captureDump, type DumpCapture } from '../../src/dump/capture-dump.js';
import { initializedDataDir } from '../../src/dump/pglite.js';

const run = promisify(execFile);

/** `pg_dump` of the database at `url`, with `args` (default: --schema-only), as text or bytes. */
export const pgDump = async (url: string, args: readonly string[] = ['--schema-only']): Promise<string> =>
  (await run('pg_dump', [...args, url], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' })).stdout;

export const pgDumpBytes = async (url: string, args: readonly string[]): Promise<Buffer> =>
  (await run('pg_dump', [...args, url], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' })).stdout;

let dataDir: Promise<Blob> | undefined;

/** A PGlite data directory initialized once per test file (initdb takes seconds). */
export const sharedDataDir = (): Promise<Blob> => {
  dataDir ??= initializedDataDir();
  return dataDir;
};

export const liveCapture = async (url: string, options: { readonly migrationsTable?: { schema: string; name: string } } = {}): Promise<Capture> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const outcome = await capture({ queryable: pgQueryable(client), migrationsTable: options.migrationsTable });
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.capture;
  } finally {
    await client.end();
  }
};

export const dumpCapture = async (dump: string, options: Omit<Parameters<typeof captureDump>[0], 'dump' | 'dataDir'> = {}): Promise<DumpCapture> => {
  const outcome = await captureDump({ dump, dataDir: await sharedDataDir(), ...options });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.capture;
};

/**
 * The catalog without what a dump cannot say, from either source: row estimates (no
 * statistics in a dump), extension versions (CREATE EXTENSION without VERSION), and
 * declared array dimensions beyond one (pg_dump prints `integer[]` for `integer[][]`:
 * format_type() has no dimensions).
 */
export const comparable = (catalog: Catalog): Catalog => ({
  ...catalog,
  tables: catalog.tables.map((table) => ({
    ...table,
    rows: 'unknown',
    columns: table.columns.map((column) => ({ ...column, type: { ...column.type, dimensions: Math.min(column.type.dimensions, 1) } })),
  })),
  domains: catalog.domains.map((domain) => ({ ...domain, type: { ...domain.type, dimensions: Math.min(domain.type.dimensions, 1) } })),
  extensions: catalog.extensions.map((extension) => ({ ...extension, version: 'unknown' })),
});

/** Catalog as stable JSON text, for a byte-for-byte comparison with a readable diff. */
export const catalogText = (catalog: Catalog): string => `${JSON.stringify(catalog, null, 2)}\n`;
