import type { Json } from './ast.js';

/**
 * JSON with object keys sorted, so that equal trees give equal strings whatever the
 * order in which rules rebuilt their fields.
 */
export const stableStringify = (value: Json): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const object = value as { readonly [key: string]: Json };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(object[key] ?? null)}`).join(',')}}`;
};
