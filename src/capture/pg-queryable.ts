/**
 * Adapter for the `pg` driver: the one file that knows its API. The CLI connects here;
 * everything else sees a Queryable.
 */
import pg from 'pg';
import type { Queryable, QueryResult } from './queryable.js';

export const pgQueryable = (client: pg.ClientBase): Queryable => ({
  query: async <Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> => {
    const result = await client.query(sql, [...params]);
    return { rows: result.rows as Row[] };
  },
});

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
