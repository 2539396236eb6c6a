/**
 * A local TCP proxy in front of PostgreSQL, for the benchmark only. It does two things:
 *
 * - adds latency: every chunk from the server reaches the client `delayMs` later (order
 *   kept, delays not summed), so each request/response round trip costs `delayMs` more,
 *   as a remote database would (a Neon region away is 20–100 ms);
 * - counts what clients send, by reading the frontend protocol: simple queries (`Q`),
 *   extended-protocol parses (`P`) and executes (`E`). That counts the statements any
 *   client issues (pg_dump, drizzle-kit, capture) without touching the server's settings,
 *   which other sessions share.
 *
 * It refuses SSL and GSS encryption itself (answers `N`), so clients that prefer TLS
 * fall back to plain text the proxy can read; it is bounded (at most `maxConnections`
 * at once) and closes itself after `lifetimeMs` so a forgotten proxy cannot outlive a run.
 *
 *   node --import tsx bench/latency-proxy.ts [--delay 50] [--lifetime 600]
 */
import * as net from 'node:net';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface ProxyOptions {
  readonly targetHost: string;
  readonly targetPort: number;
  /** Added to every server → client chunk. */
  readonly delayMs: number;
  /** The proxy closes itself after this long. */
  readonly lifetimeMs: number;
  readonly maxConnections?: number;
}

export interface ProxyStats {
  readonly connections: number;
  /** Simple-protocol `Query` messages (one may hold several statements). */
  readonly simpleQueries: number;
  readonly parses: number;
  readonly executes: number;
  /** Statements issued: simple queries plus extended-protocol executes. */
  readonly statements: number;
  readonly bytesToServer: number;
  readonly bytesToClient: number;
}

export interface LatencyProxy {
  readonly host: string;
  readonly port: number;
  stats(): ProxyStats;
  resetStats(): void;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

interface Counters {
  connections: number;
  simpleQueries: number;
  parses: number;
  executes: number;
  bytesToServer: number;
  bytesToClient: number;
}

const zero = (): Counters => ({ connections: 0, simpleQueries: 0, parses: 0, executes: 0, bytesToServer: 0, bytesToClient: 0 });

/**
 * Reads the client → server byte stream. The first message has no type byte (startup,
 * SSL request, cancel); every later one is a type byte and a 4-byte length that counts itself.
 */
class FrontendScanner {
  private startup = true;
  private pending: Buffer = Buffer.alloc(0);
  private skip = 0;

  constructor(
    private readonly counters: Counters,
    private readonly forward: (data: Buffer) => void,
    private readonly refuseEncryption: () => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.startup) {
      this.pending = Buffer.concat([this.pending, chunk]);
      this.drainStartup();
      return;
    }
    this.forward(chunk);
    this.scan(chunk);
  }

  private drainStartup(): void {
    while (this.startup && this.pending.length >= 8) {
      const length = this.pending.readInt32BE(0);
      if (this.pending.length < length) return;
      const code = this.pending.readInt32BE(4);
      const message = this.pending.subarray(0, length);
      const rest = this.pending.subarray(length);
      this.pending = Buffer.alloc(0);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        this.refuseEncryption();
        this.pending = rest;
        continue;
      }
      this.startup = false;
      this.forward(message);
      // After a cancel request nothing follows; after a startup message, typed messages do.
      if (code !== CANCEL_REQUEST && rest.length > 0) this.push(rest);
    }
  }

  private scan(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - offset);
        this.skip -= n;
        offset += n;
        continue;
      }
      const need = 5 - this.pending.length;
      const take = chunk.subarray(offset, offset + need);
      this.pending = this.pending.length === 0 ? Buffer.from(take) : Buffer.concat([this.pending, take]);
      offset += take.length;
      if (this.pending.length < 5) return;
      const type = String.fromCharCode(this.pending[0] ?? 0);
      if (type === 'Q') this.counters.simpleQueries += 1;
      else if (type === 'P') this.counters.parses += 1;
      else if (type === 'E') this.counters.executes += 1;
      this.skip = this.pending.readInt32BE(1) - 4;
      this.pending = Buffer.alloc(0);
    }
  }
}

/** Writes chunks to `socket` `delayMs` after they arrived, in arrival order. */
const delayedWriter = (socket: net.Socket, delayMs: number) => {
  const queue: { readonly at: number; readonly data: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let ending = false;
  const flush = (): void => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.at ?? Infinity) <= now) {
      const item = queue.shift();
      if (item !== undefined && !socket.destroyed) socket.write(item.data);
    }
    if (queue.length > 0) schedule();
    else if (ending) socket.end();
  };
  const schedule = (): void => {
    const head = queue[0];
    if (head === undefined || timer !== null) return;
    timer = setTimeout(flush, Math.max(0, head.at - performance.now()));
  };
  return {
    write: (data: Buffer): void => {
      if (delayMs <= 0) {
        socket.write(data);
        return;
      }
      queue.push({ at: performance.now() + delayMs, data });
      schedule();
    },
    end: (): void => {
      ending = true;
      if (queue.length === 0) socket.end();
    },
    cancel: (): void => {
      if (timer !== null) clearTimeout(timer);
      queue.length = 0;
    },
  };
};

export const startLatencyProxy = async (options: ProxyOptions): Promise<LatencyProxy> => {
  const maxConnections = options.maxConnections ?? 32;
  const counters = zero();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    if (sockets.size / 2 >= maxConnections) {
      client.destroy();
      return;
    }
    counters.connections += 1;
    const upstream = net.connect(options.targetPort, options.targetHost);
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const toClient = delayedWriter(client, options.delayMs);
    const scanner = new FrontendScanner(
      counters,
      (data) => {
        counters.bytesToServer += data.length;
        upstream.write(data);
      },
      () => client.write('N'),
    );
    client.on('data', (chunk: Buffer) => scanner.push(chunk));
    upstream.on('data', (chunk: Buffer) => {
      counters.bytesToClient += chunk.length;
      toClient.write(chunk);
    });
    const teardown = (): void => {
      toClient.cancel();
      client.destroy();
      upstream.destroy();
    };
    client.on('end', () => upstream.end());
    upstream.on('end', () => toClient.end());
    client.on('error', teardown);
    upstream.on('error', teardown);
    client.on('close', () => {
      sockets.delete(client);
      upstream.end();
    });
    upstream.on('close', () => sockets.delete(upstream));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
    return closing;
  };
  const lifetime = setTimeout(() => void close(), options.lifetimeMs);

  return {
    host: '127.0.0.1',
    port: address.port,
    stats: () => ({ ...counters, statements: counters.simpleQueries + counters.executes }),
    resetStats: () => {
      Object.assign(counters, zero());
    },
    close,
  };
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      delay: { type: 'string', default: '50' },
      lifetime: { type: 'string', default: '600' },
      target: { type: 'string', default: '127.0.0.1:5432' },
    },
  });
  const [host = '127.0.0.1', port = '5432'] = values.target.split(':');
  const proxy = await startLatencyProxy({
    targetHost: host,
    targetPort: Number(port),
    delayMs: Number(values.delay),
    lifetimeMs: Number(values.lifetime) * 1000,
  });
  console.log(`proxy on ${proxy.host}:${proxy.port} → ${host}:${port}, +${values.delay} ms per round trip, closes in ${values.lifetime} s`);
  const stop = async (): Promise<void> => {
    console.log(JSON.stringify(proxy.stats()));
    await proxy.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
