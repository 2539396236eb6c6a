/**
 * Adapter for PGlite (PostgreSQL compiled to WASM, in process). Typed structurally so
 * that the library does not depend on @electric-sql/pglite at runtime: any object with
 * PGlite's `query` signature fits.
 */
import type { Queryable, QueryResult } from './queryable.js';

/** The part of PGlite's API capture uses (`exec` runs several statements at once). */
export interface PgliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec?(sql: string): Promise<unknown>;
}

export const pgliteQueryable = (db: PgliteLike): Queryable => {
  const exec = db.exec?.bind(db);
  return {
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> => {
      const result = await db.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    ...(exec === undefined
      ? {}
      : {
          exec: async (sql: string): Promise<void> => {
            await exec(sql);
          },
        }),
  };
};
