import { fieldsOf, isArray } from '../ast.js';
import { formatArrayLiteral, type ArrayItem } from '../literals/array.js';
import { constantNode, readConstant } from '../literals/constant.js';
import { parseArrayLiteral } from '../literals/array.js';
import type { Rule } from './rule.js';

/**
 * `ARRAY['a', 'b']` = `'{a,b}'`: an array constructor of constants is the array
 * literal of the same values. Why: the database prints `ARRAY['a'::text, 'b'::text]`
 * for a default written `ARRAY['a','b']` but `'{a,b}'::text[]` for one written
 * `'{a,b}'`, drizzle-kit writes `'{"a","b"}'`, and `x IN ('a','b')` prints as
 * `x = ANY (ARRAY['a'::text, 'b'::text])`. Element casts are gone by now
 * (implicit-casts.ts). Lossy on purpose: `ARRAY['1']` and `ARRAY[1]` meet.
 */
export const arrayConstructor: Rule = (node) => {
  const fields = fieldsOf(node, 'A_ArrayExpr');
  if (fields === undefined) return undefined;
  const elements = fields['elements'] ?? [];
  if (!isArray(elements)) return undefined;
  const items: ArrayItem[] = [];
  for (const element of elements) {
    const constant = readConstant(element);
    if (constant === undefined || constant.kind === 'bits') return undefined;
    if (constant.kind === 'null') {
      items.push({ kind: 'null' });
    } else if (constant.kind === 'array') {
      const nested = parseArrayLiteral(constant.value);
      if (nested === undefined) return undefined;
      items.push({ kind: 'array', items: nested });
    } else if (constant.kind === 'boolean') {
      items.push({ kind: 'value', text: constant.value ? 't' : 'f' });
    } else {
      items.push({ kind: 'value', text: constant.value });
    }
  }
  return constantNode({ kind: 'array', value: formatArrayLiteral(items, (text) => text) });
};
