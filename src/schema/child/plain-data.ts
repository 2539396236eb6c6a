/**
 * A config value as plain data that survives a structured clone: objects, arrays and
 * primitives are copied; functions, symbols, class instances' methods and cycles are
 * dropped. A drizzle-kit config is plain data; whatever else it holds is not read.
 */

const MAX_DEPTH = 16;

export const toPlainData = (value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown => {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  try {
    if (seen.has(value)) return undefined;
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => toPlainData(item, depth + 1, seen));
    if (value instanceof RegExp || value instanceof Date) return value;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = toPlainData((value as Record<string, unknown>)[key], depth + 1, seen);
      if (item !== undefined) copy[key] = item;
    }
    return copy;
  } catch {
    return undefined;
  }
};
