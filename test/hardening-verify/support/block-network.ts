/**
 * Blocks every way Node opens a connection or resolves a name, in this process: each entry
 * point throws and records the attempt. Verify must never get there.
 *
 * NOTE: ES modules that imported a builtin's function by name (`import { connect } from
 * 'node:net'`) hold their own binding; `syncBuiltinESMExports()` updates those bindings
 * after the CommonJS exports object is patched, and again after it is restored.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

// The builtins' CommonJS exports objects: the ones every importer shares (ESM namespaces are read-only).
const require = createRequire(import.meta.url);
const dgram = require('node:dgram') as typeof import('node:dgram');
const dns = require('node:dns') as typeof import('node:dns');
const http = require('node:http') as typeof import('node:http');
const http2 = require('node:http2') as typeof import('node:http2');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');
const tls = require('node:tls') as typeof import('node:tls');

export interface NetworkBlock {
  /** Every attempt, as `name(first argument)`, in order. */
  readonly attempts: string[];
  /** Puts the real functions back. */
  readonly restore: () => void;
}

type Patchable = Record<string, unknown>;

const describe = (args: readonly unknown[]): string => {
  const [first] = args;
  if (typeof first === 'string' || typeof first === 'number') return String(first);
  if (first instanceof URL) return first.href;
  if (typeof first === 'object' && first !== null) {
    const { host, hostname, port, path } = first as Record<string, unknown>;
    return JSON.stringify({ host, hostname, port, path });
  }
  return typeof first;
};

export const blockNetwork = (): NetworkBlock => {
  const attempts: string[] = [];
  const saved: (() => void)[] = [];
  const block = (target: object, key: string, name: string): void => {
    const owner = target as Patchable;
    const original = owner[key];
    owner[key] = function blocked(...args: unknown[]): never {
      attempts.push(`${name}(${describe(args)})`);
      throw new Error(`network access blocked by the test: ${name}`);
    };
    saved.push(() => {
      owner[key] = original;
    });
  };

  block(net, 'connect', 'net.connect');
  block(net, 'createConnection', 'net.createConnection');
  block(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
  block(tls, 'connect', 'tls.connect');
  for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveSrv']) {
    block(dns, key, `dns.${key}`);
    block(dns.promises, key, `dns.promises.${key}`);
  }
  block(http, 'request', 'http.request');
  block(http, 'get', 'http.get');
  block(https, 'request', 'https.request');
  block(https, 'get', 'https.get');
  block(http2, 'connect', 'http2.connect');
  block(dgram, 'createSocket', 'dgram.createSocket');
  block(globalThis, 'fetch', 'fetch');
  syncBuiltinESMExports();

  return {
    attempts,
    restore: () => {
      for (const undo of saved.reverse()) undo();
      syncBuiltinESMExports();
    },
  };
};
