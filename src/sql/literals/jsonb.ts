/**
 * Canonical text of a jsonb literal, printed like `jsonb_out`: keys deduplicated (last
 * wins) and sorted (shorter first, then bytewise), `": "` and `", "` separators.
 * Why: drizzle-kit writes `'{"a":1}'::jsonb`, the database prints `'{"a": 1}'::jsonb`.
 * Numbers compare by value (jsonb does: `1.0` equals `1`); literals with a number of
 * 16 or more digits are left alone, since JavaScript numbers would round them.
 */
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export const canonicalJsonb = (text: string): string | undefined => {
  if (/\d{16,}/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) return undefined;
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  return print(value);
};

const byteLength = (key: string): number => Buffer.byteLength(key);

const compareKeys = (a: string, b: string): number =>
  byteLength(a) - byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));

const print = (value: JsonValue): string => {
  if (Array.isArray(value)) return `[${value.map(print).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort(compareKeys);
    return `{${keys.map((key) => `${JSON.stringify(key)}: ${print(value[key] ?? null)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
};
