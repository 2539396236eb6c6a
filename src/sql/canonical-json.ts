import type { Json } from './ast.js';

/**
 * JSON with object keys sorted, so that equal trees give equal strings whatever the
 * order in which rules rebuilt their fields.
 */
export const stableStringify = (value: Json): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Plain loops and concatenation: this runs once per node of every expression verify parses.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item: Json | undefined = value[i];
      // As `join` would: a hole prints as nothing.
      out += `${i === 0 ? '' : ','}${item === undefined ? '' : stableStringify(item)}`;
    }
    return `${out}]`;
  }
  const object = value as { readonly [key: string]: Json };
  const keys = Object.keys(object).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${stableStringify(object[key] ?? null)}`;
  }
  return `${out}}`;
};
