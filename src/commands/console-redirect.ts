/**
 * Runs `body` with the global console's output methods, and `process.stdout.write`,
 * writing to `write` (the CLI's stderr): user schema modules may log while they are
 * imported, and stdout must carry only the report (`--format json` is parsed by scripts).
 *
 * NOTE: a module (or a logger it imports) that writes to `process.stdout` directly, not
 * through `console`, would otherwise land in the middle of the JSON. Only writes through
 * the stream are caught; a raw `fs.writeSync(1, ...)` is not.
 *
 * Arguments are formatted as console.log formats them (`util.format`): `String()` would
 * throw on an object without a prototype and turn the module's log into an import failure.
 */
import { format } from 'node:util';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

type StreamWrite = typeof process.stdout.write;

const text = (chunk: unknown, encoding: unknown): string =>
  typeof chunk === 'string'
    ? chunk
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : String(chunk);

export const withConsoleOn = async <T>(write: (text: string) => void, body: () => Promise<T>): Promise<T> => {
  const saved = METHODS.map((name) => [name, console[name]] as const);
  const savedStdoutWrite = process.stdout.write;
  for (const name of METHODS) {
    console[name] = (...args: unknown[]): void => write(`${format(...args)}\n`);
  }
  process.stdout.write = ((chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    write(text(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as StreamWrite;
  try {
    return await body();
  } finally {
    process.stdout.write = savedStdoutWrite;
    for (const [name, method] of saved) console[name] = method;
  }
};
