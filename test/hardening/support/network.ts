/**
 * Misbehaving network peers for capture tests, all on 127.0.0.1: a TCP server that
 * accepts connections and never answers, a port nothing listens on, and a resolver
 * stand-in for `.invalid` names (so no lookup ever leaves the machine).
 */
import { createRequire } from 'node:module';
import { createServer, type AddressInfo, type Socket } from 'node:net';

/** The dns module object itself (an ESM namespace cannot be patched); net.connect calls its lookup. */
const dns = createRequire(import.meta.url)('node:dns') as typeof import('node:dns');

export interface StallServer {
  readonly port: number;
  /** Connections accepted so far (each never gets a byte back). */
  readonly connections: () => number;
  close(): Promise<void>;
}

/** A TCP server that accepts and then stalls: reads whatever comes, answers nothing. */
export const startStallServer = async (): Promise<StallServer> => {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** A port on 127.0.0.1 that refuses connections: bound once, then released. */
export const refusedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

type LookupCallback = (error: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;

export interface ResolverStandIn {
  /** Every host name looked up while installed. */
  readonly lookups: readonly string[];
  restore(): void;
}

/**
 * Replaces dns.lookup (which net.connect uses) for `.invalid` names. RFC 6761 reserves
 * `.invalid` to never resolve, yet the system resolver still asks the network; here it
 * is answered locally: `nxdomain` fails at once as getaddrinfo does (ENOTFOUND), `hang`
 * never answers (a dead DNS server). Other names go to the real resolver.
 */
export const resolveInvalidNamesLocally = (behaviour: 'nxdomain' | 'hang'): ResolverStandIn => {
  const original = dns.lookup;
  const lookups: string[] = [];
  const standIn = (hostname: string, options: unknown, callback?: LookupCallback): void => {
    lookups.push(hostname);
    const done = (typeof options === 'function' ? options : callback) as LookupCallback;
    if (!hostname.endsWith('.invalid')) {
      (original as (...args: unknown[]) => void)(hostname, options, callback);
      return;
    }
    if (behaviour === 'hang') return;
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      errno: -3008,
      syscall: 'getaddrinfo',
      hostname,
    });
    process.nextTick(() => done(error));
  };
  dns.lookup = standIn as typeof dns.lookup;
  return {
    lookups,
    restore: () => {
      dns.lookup = original;
    },
  };
};
