/** Where the benchmark keeps its databases and generated files. */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = path.dirname(BENCH_DIR);
/** Generated projects, snapshots and scratch folders (gitignored). */
export const WORK_DIR = path.join(BENCH_DIR, '.work');

/** Server URL for administration (create and drop the bench databases). */
export const ADMIN_URL = process.env['BENCH_ADMIN_URL'] ?? process.env['DRIZZLE_CATALOG_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `bench_<n>`; BENCH_DB_PREFIX changes `bench`, so that runs from two checkouts on one server do not drop each other's databases. */
export const databaseName = (tables: number): string => `${process.env['BENCH_DB_PREFIX'] ?? 'bench'}_${tables}`;

/** URL of a bench database, optionally through another host and port (the proxy). */
export const databaseUrl = (tables: number, via?: { readonly host: string; readonly port: number }): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName(tables)}`;
  if (via !== undefined) {
    url.hostname = via.host;
    url.port = String(via.port);
  }
  return url.toString();
};

export const projectDir = (tables: number): string => path.join(WORK_DIR, String(tables));
