/**
 * The only thing the catalog-reading code knows about a database: send one SQL
 * statement with positional parameters, get rows back. `pg` and PGlite both fit
 * behind it (see pg-queryable.ts and pglite-queryable.ts), so capture runs
 * unchanged on a server and in process.
 *
 * Statements run in the order `query` is called, each after the previous one ends
 * (both drivers queue them on their one connection): capture sends its reads without
 * waiting for each answer, and relies on that order.
 */
export interface QueryResult<Row> {
  readonly rows: readonly Row[];
}

export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /**
   * Optional: runs several statements without parameters, separated by semicolons, in
   * one round trip (PostgreSQL's simple query protocol), discarding their rows. Without
   * it, callers send such statements one by one.
   */
  readonly exec?: (sql: string) => Promise<void>;
}

/** Wraps a Queryable and counts the round trips made through it (the capture summary reports them). */
export interface CountingQueryable extends Queryable {
  readonly count: () => number;
}

export const countingQueryable = (inner: Queryable): CountingQueryable => {
  let count = 0;
  const exec = inner.exec;
  return {
    query: <Row extends object>(sql: string, params?: readonly unknown[]) => {
      count += 1;
      return inner.query<Row>(sql, params);
    },
    ...(exec === undefined
      ? {}
      : {
          exec: (sql: string) => {
            count += 1;
            return exec(sql);
          },
        }),
    count: () => count,
  };
};
