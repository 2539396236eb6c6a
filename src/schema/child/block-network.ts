/**
 * Verify is offline. In the loader process, every way Node opens a connection or resolves
 * a name refuses, and tells who asked: a schema module that connects to its database at
 * import time becomes an import error naming the module and the host, never a connection.
 *
 * Installed after the loaders themselves are loaded (tsx probes a local IPC socket of a
 * parent tsx process when it loads), before any user module runs.
 *
 * NOTE: ES modules that imported a builtin's function by name hold their own binding;
 * `syncBuiltinESMExports()` updates those after the CommonJS exports objects are patched.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetworkAttempt } from './protocol.js';

const require = createRequire(import.meta.url);

export const OFFLINE_ERROR_CODE = 'DRIZZLE_CATALOG_OFFLINE';

/** Our own files: frames in them are not the user's. */
const OWN_DIR = fileURLToPath(new URL('../', import.meta.url));

const STACK_FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?$/;

/** The first frame of `stack` in a user's file (not Node's, not a package's, not ours): `file:line`. */
const userFrame = (stack: string): string | null => {
  for (const line of stack.split('\n')) {
    const match = STACK_FRAME.exec(line);
    if (!match) continue;
    const [, raw = '', row = ''] = match;
    const file = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
    if (file.includes(`${sep}node_modules${sep}`) || file.startsWith(OWN_DIR)) continue;
    return `${file}:${row}`;
  }
  return null;
};

const targetOf = (args: readonly unknown[]): string => {
  const [first, second] = args;
  if (Array.isArray(first)) return targetOf(first);
  if (typeof first === 'string' && typeof second !== 'string') return first;
  if (typeof first === 'number' || typeof first === 'string') {
    const host = typeof second === 'string' ? second : 'localhost';
    return `${host}:${String(first)}`;
  }
  if (first instanceof URL) return first.href;
  if (typeof first === 'object' && first !== null) {
    const { host, hostname, port, path, href } = first as Record<string, unknown>;
    if (typeof href === 'string') return href;
    if (typeof path === 'string' && host === undefined && hostname === undefined) return path;
    const name = typeof hostname === 'string' ? hostname : typeof host === 'string' ? host : 'localhost';
    return port === undefined ? name : `${name}:${String(port)}`;
  }
  return 'an unknown address';
};

/** Blocks the network for the rest of the process; `onAttempt` hears of each refused attempt. */
export const blockNetwork = (onAttempt: (attempt: NetworkAttempt) => void): void => {
  const block = (owner: Record<string, unknown>, key: string, describe: (args: readonly unknown[]) => string): void => {
    owner[key] = function blocked(...args: unknown[]): never {
      const target = describe(args);
      const error = new Error(`network access is blocked while the schema is loaded (${key} to ${target})`) as Error & { code: string };
      error.code = OFFLINE_ERROR_CODE;
      onAttempt({ target, module: userFrame(error.stack ?? '') });
      throw error;
    };
  };
  const net = require('node:net') as Record<string, unknown> & { Socket: { prototype: Record<string, unknown> } };
  const tls = require('node:tls') as Record<string, unknown>;
  const dns = require('node:dns') as Record<string, unknown> & { promises: Record<string, unknown> };
  const http = require('node:http') as Record<string, unknown>;
  const https = require('node:https') as Record<string, unknown>;
  const http2 = require('node:http2') as Record<string, unknown>;
  const dgram = require('node:dgram') as Record<string, unknown>;

  block(net.Socket.prototype, 'connect', targetOf);
  block(net, 'connect', targetOf);
  block(net, 'createConnection', targetOf);
  block(tls, 'connect', targetOf);
  for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveSrv', 'resolveTxt']) {
    block(dns, key, (args) => String(args[0]));
    block(dns.promises, key, (args) => String(args[0]));
  }
  for (const module of [http, https]) {
    block(module, 'request', targetOf);
    block(module, 'get', targetOf);
  }
  block(http2, 'connect', targetOf);
  block(dgram, 'createSocket', () => 'a UDP socket');
  block(globalThis as unknown as Record<string, unknown>, 'fetch', targetOf);
  syncBuiltinESMExports();
};
