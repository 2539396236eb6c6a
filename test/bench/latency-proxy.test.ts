/**
 * The benchmark proxy counts the statements clients send (its figures go in
 * bench/results.md), so its protocol reading is checked against a real server.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startLatencyProxy } from '../../bench/latency-proxy.js';
import { SERVER_ADMIN_URL, serverTestsEnabled } from '../support/databases.js';

const server = await serverTestsEnabled();
const run = promisify(execFile);
const hasPsql = await run('psql', ['--version']).then(
  () => true,
  () => false,
);

const startProxy = () => {
  const target = new URL(SERVER_ADMIN_URL);
  return startLatencyProxy({ targetHost: target.hostname, targetPort: Number(target.port || 5432), delayMs: 5, lifetimeMs: 30_000 });
};

describe.runIf(server)('bench latency proxy', () => {
  it('forwards a session and counts simple queries and extended executes', async () => {
    const proxy = await startProxy();
    try {
      const url = new URL(SERVER_ADMIN_URL);
      url.hostname = proxy.host;
      url.port = String(proxy.port);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const simple = await client.query<{ n: number }>('select 1 as n');
      await client.query('select 2; select 3');
      const extended = await client.query<{ n: number }>('select $1::int as n', [41]);
      await client.query({ name: 'named', text: 'select $1::int + 1 as n', values: [1] });
      await client.query({ name: 'named', text: 'select $1::int + 1 as n', values: [2] });
      await client.end();
      expect(simple.rows[0]?.n).toBe(1);
      expect(extended.rows[0]?.n).toBe(41);
      const stats = proxy.stats();
      expect(stats).toMatchObject({ connections: 1, simpleQueries: 2, executes: 3, statements: 5 });
      // The named statement is parsed once and executed twice.
      expect(stats.parses).toBe(2);
      proxy.resetStats();
      expect(proxy.stats().statements).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it.runIf(hasPsql)('refuses TLS itself, so a libpq client that prefers it (pg_dump, psql) falls back to plain text', async () => {
    const proxy = await startProxy();
    try {
      const url = new URL(SERVER_ADMIN_URL);
      url.hostname = proxy.host;
      url.port = String(proxy.port);
      url.searchParams.set('sslmode', 'prefer');
      const { stdout } = await run('psql', [url.toString(), '-Atc', 'select 40 + 2']);
      expect(stdout.trim()).toBe('42');
      expect(proxy.stats().simpleQueries).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
