/**
 * Adapter for the `pg` driver: the one file that knows its API. The CLI connects here;
 * everything else sees a Queryable.
 */
import pg from 'pg';
import type { Queryable, QueryResult } from './queryable.js';

/**
 * NOTE: pg 8.23 deprecates calling query() while another query runs (pg 9 drops that
 * queue) except on a client in pipeline mode (`pipeline: true`), which sends each query
 * at once and lets the server run them back to back. connectPg makes such a client; on
 * any other client, queries wait here for the previous one, in call order.
 */
export const pgQueryable = (client: pg.ClientBase): Queryable => {
  const pipelined = (client as Partial<Pick<pg.Client, 'pipeline'>>).pipeline === true;
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(send: () => Promise<T>): Promise<T> => {
    if (pipelined) return send();
    const sent = previous.then(send);
    previous = sent.catch(() => undefined);
    return sent;
  };
  return {
    query: async <Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> => {
      const result = await inTurn(() => client.query(sql, [...params]));
      return { rows: result.rows as Row[] };
    },
    // NOTE: pg uses the simple query protocol when a query has no parameters, and that
    // protocol accepts several statements in one message.
    exec: async (sql: string): Promise<void> => {
      await inTurn(() => client.query(sql));
    },
  };
};

export interface PgConnectOptions {
  readonly connectTimeoutMs: number;
  /**
   * Client-side limit per query, for a server that stops answering after the
   * connection is made (statement_timeout only helps when the server is alive).
   */
  readonly queryTimeoutMs: number;
}

export interface PgConnection {
  readonly queryable: Queryable;
  close(): Promise<void>;
}

/**
 * NOTE: pg 8 treats `sslmode=prefer|require|verify-ca` as `verify-full` (TLS required,
 * certificate verified) and prints a multi-line deprecation warning on stderr when it
 * sees them (pg-connection-string 2.x, "SECURITY WARNING: The SSL modes ..."). We keep
 * exactly that behaviour, spelled `verify-full`, so the warning does not interleave
 * with our progress. With `uselibpqcompat=true` the URL is passed untouched and pg
 * applies libpq's weaker semantics. `sslmode=disable` and `no-verify` pass through.
 */
export const pgConnectionString = (url: string): string =>
  /[?&]uselibpqcompat=true(?:&|$)/.test(url)
    ? url
    : url.replace(/([?&])sslmode=(?:prefer|require|verify-ca)(?=&|#|$)/, '$1sslmode=verify-full');

/** `channel_binding=require` (Neon URLs carry it) turns on pg's SCRAM-SHA-256-PLUS. */
const wantsChannelBinding = (url: string): boolean => /[?&]channel_binding=require(?:&|#|$)/.test(url);

/** Opens a connection; rejects with the driver's error (callers redact it, see url.ts). */
export const connectPg = async (url: string, options: PgConnectOptions): Promise<PgConnection> => {
  const client = new pg.Client({
    connectionString: pgConnectionString(url),
    connectionTimeoutMillis: options.connectTimeoutMs,
    query_timeout: options.queryTimeoutMs,
    application_name: 'drizzle-catalog',
    enableChannelBinding: wantsChannelBinding(url),
    // Capture sends its reads without waiting for each answer (see pgQueryable).
    pipeline: true,
  });
  // NOTE: an idle pg.Client emits 'error' when the server goes away; without a listener
  // Node crashes the process. The pending query (if any) rejects with the same error.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    queryable: pgQueryable(client),
    close: () => client.end().catch(() => undefined),
  };
};
