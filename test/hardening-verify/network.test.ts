/**
 * Verify is offline: the whole worked example (config, schema import, drizzle-kit's
 * serializer, the SQL normalizer, the diff, both reporters) runs with every network entry
 * point of Node blocked, in this process and in a real `drizzle-catalog` process, and
 * nothing is even attempted.
 *
 * The project's modules are imported in the loader process (src/schema/child/), which
 * blocks the network itself (block-network.ts) and turns any attempt into an import error:
 * the last case shows that block at work, and that verify's own process still attempts
 * nothing.
 */
import { execFile } from 'node:child_process';
import * as dns from 'node:dns';
import * as net from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { blockNetwork } from './support/block-network.js';
import { EXAMPLE_PROJECT, REPO, verifyIn, writeProject } from './support/run.js';

const ARGS = ['--snapshot', '../../snapshots/example.json', '--fail-on', 'none'];

describe('verify opens no network connection', () => {
  it('in process: the worked example verifies with the network blocked, and nothing is attempted', async () => {
    // NOTE: tsx, when it first loads, probes a local IPC socket of a parent tsx process
    // (/tmp/tsx-<uid>/<ppid>.pipe, for its watch mode). The CLI loads verify's modules
    // when verify runs, so load tsx first, as `--import tsx` does for the real process below:
    // the block is about what verify does.
    await import('tsx/esm/api');
    const block = blockNetwork();
    try {
      // The block works: these would have reached the network.
      expect(() => net.connect(5432, '127.0.0.1')).toThrow('network access blocked');
      expect(() => dns.lookup('example.com', () => undefined)).toThrow('network access blocked');
      await expect(Promise.resolve().then(() => dns.promises.lookup('example.com'))).rejects.toThrow('network access blocked');
      expect(() => new net.Socket().connect(5432, '127.0.0.1')).toThrow('network access blocked');
      await expect(Promise.resolve().then(() => fetch('https://example.com'))).rejects.toThrow('network access blocked');
      expect(block.attempts).toEqual([
        'net.connect(5432)',
        'dns.lookup(example.com)',
        'dns.promises.lookup(example.com)',
        'net.Socket.prototype.connect(5432)',
        'fetch(https://example.com)',
      ]);
      block.attempts.length = 0;

      const text = await verifyIn(EXAMPLE_PROJECT, ARGS);
      const json = await verifyIn(EXAMPLE_PROJECT, [...ARGS, '--format', 'json']);
      expect(block.attempts).toEqual([]);
      expect(text.code, text.err).toBe(0);
      expect(text.out).toContain('rename table meetings › meeting');
      expect(json.code, json.err).toBe(0);
      expect((JSON.parse(json.out) as { verdict: string }).verdict).toBe('dangerous');
    } finally {
      block.restore();
    }
  });

  it('in a real process: `node --import <network block> src/bin.ts verify` succeeds and attempts nothing', async () => {
    const work = writeProject('network-child', {});
    const { DATABASE_URL: _unused, ...env } = process.env;
    const run = async (log: string, args: readonly string[], cwd = EXAMPLE_PROJECT) => {
      const child = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--import', join(REPO, 'test/hardening-verify/support/block-network-preload.ts'), join(REPO, 'src/bin.ts'), ...args],
        { cwd, env: { ...env, DRIZZLE_CATALOG_TEST_NETWORK_LOG: join(work, log), NO_COLOR: '1' }, timeout: 120_000 },
      ).catch((error: { stdout: string; stderr: string; code: number }) => error);
      return { ...child, attempts: JSON.parse(readFileSync(join(work, log), 'utf8')) as { installed: boolean; attempts: string[] } };
    };
    const [verified, connecting, captured] = await Promise.all([
      run('verify.json', ['verify', ...ARGS]),
      // A schema module that connects at import: refused in the loader process, named.
      run('connects.json', ['verify', '--snapshot', join(REPO, 'snapshots/example.json')], join(REPO, 'test/loading/projects/connects-at-import')),
      // The control: the same block does catch a command that connects.
      run('capture.json', ['capture', '--url', 'postgres://postgres@127.0.0.1:5432/test', '--out', '-', '--connect-timeout', '5s']),
    ]);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toContain('rename table meetings › meeting');
    expect(verified.attempts).toEqual({ installed: true, attempts: [] });
    expect(connecting.stderr).toMatch(/^drizzle-catalog verify: src\/db\.ts:\d+:\d+: connects to 127\.0\.0\.1:1 while being imported/m);
    expect(connecting.attempts).toEqual({ installed: true, attempts: [] });
    expect(captured.attempts.attempts).toContain('net.Socket.prototype.connect(5432)');
  });
});
