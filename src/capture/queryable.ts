/**
 * The only thing the catalog-reading code knows about a database: send one SQL
 * statement with positional parameters, get rows back. `pg` and PGlite both fit
 * behind it (see pg-queryable.ts and pglite-queryable.ts), so capture runs
 * unchanged on a server and in process.
 */
export interface QueryResult<Row> {
  readonly rows: readonly Row[];
}

export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/** Wraps a Queryable and counts the statements sent through it (the capture summary reports it). */
export interface CountingQueryable extends Queryable {
  readonly count: () => number;
}

export const countingQueryable = (inner: Queryable): CountingQueryable => {
  let count = 0;
  return {
    query: <Row extends object>(sql: string, params?: readonly unknown[]) => {
      count += 1;
      return inner.query<Row>(sql, params);
    },
    count: () => count,
  };
};
