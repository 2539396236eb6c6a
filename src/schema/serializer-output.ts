/**
 * Runs drizzle-kit's serializer as a value: what it returns, or the exit it asked for,
 * with what it printed.
 *
 * NOTE: drizzle-kit's serializers print with console.log and call `process.exit(1)` on some
 * schemas (0.31: duplicate index, unique, check, policy or view names, an expression index
 * without a name, a vector index without an operator class; 1.0: the same checks and
 * more, through `humanLog`). We stop the exit, keep what it printed and return it: verify
 * must never exit from inside the library.
 */

export type SerializerOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly printed: readonly string[] }
  | { readonly ok: false; readonly exitCode: string; readonly printed: readonly string[] };

class SerializerExit {
  constructor(readonly code: unknown) {}
}

const ANSI = /\u001b\[[0-9;]*m/g;

const printedLine = (args: readonly unknown[]): string =>
  args
    .map((arg) => String(arg))
    .join(' ')
    .replace(ANSI, '');

export const withSerializerOutput = async <T>(serialize: () => T | Promise<T>): Promise<SerializerOutcome<T>> => {
  const printed: string[] = [];
  const { exit } = process;
  const { log, warn, error } = console;
  process.exit = ((code?: unknown) => {
    throw new SerializerExit(code);
  }) as typeof process.exit;
  console.log = (...args: unknown[]) => void printed.push(printedLine(args));
  console.warn = console.log;
  console.error = console.log;
  const lines = (): readonly string[] => printed.map((line) => line.trim()).filter(Boolean);
  try {
    const value = await serialize();
    return { ok: true, value, printed: lines() };
  } catch (caught) {
    if (!(caught instanceof SerializerExit)) throw caught;
    return { ok: false, exitCode: String(caught.code), printed: lines() };
  } finally {
    process.exit = exit;
    console.log = log;
    console.warn = warn;
    console.error = error;
  }
};
