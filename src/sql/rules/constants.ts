import { fieldsOf, isObject, type Json } from '../ast.js';
import { constantNode, type Constant } from '../literals/constant.js';
import { canonicalNumber } from '../literals/number.js';
import type { Rule } from './rule.js';

/**
 * `A_Const` → `Const`. Why: the parser wraps each kind differently and omits default
 * values (`0` prints as `{"ival":{}}`, `false` as `{"boolval":{}}`); numbers are put in
 * canonical text so that `05`, `5` and `'5'::integer` can meet, and `1e3` meets the
 * database's `'1000'::numeric`.
 */
export const canonicalConstant: Rule = (node) => {
  const fields = fieldsOf(node, 'A_Const');
  if (fields === undefined) return undefined;
  const constant = readAConst(fields);
  return constant === undefined ? undefined : constantNode(constant);
};

const inner = (fields: { readonly [key: string]: Json }, key: string): Json | undefined => {
  const wrapper = fields[key];
  return isObject(wrapper) ? (wrapper[key] ?? null) : undefined;
};

const readAConst = (fields: { readonly [key: string]: Json }): Constant | undefined => {
  if (fields['isnull'] === true) return { kind: 'null' };
  if (isObject(fields['ival'])) {
    const value = inner(fields, 'ival');
    return { kind: 'number', value: String(typeof value === 'number' ? value : 0) };
  }
  if (isObject(fields['fval'])) {
    const text = String(inner(fields, 'fval') ?? '');
    return { kind: 'number', value: canonicalNumber(text) ?? text };
  }
  if (isObject(fields['sval'])) return { kind: 'string', value: String(inner(fields, 'sval') ?? '') };
  if (isObject(fields['boolval'])) return { kind: 'boolean', value: inner(fields, 'boolval') === true };
  if (isObject(fields['bsval'])) return bits(String(inner(fields, 'bsval') ?? ''));
  return undefined;
};

/** `B'101'` arrives as `b101`, `X'1F'` as `x1F`; both become binary digits, as the database prints them. */
const bits = (text: string): Constant | undefined => {
  const digits = text.slice(1);
  if (text.startsWith('b') && /^[01]*$/.test(digits)) return { kind: 'bits', value: digits };
  if (text.startsWith('x') && /^[0-9a-fA-F]*$/.test(digits)) {
    return { kind: 'bits', value: [...digits].map((digit) => parseInt(digit, 16).toString(2).padStart(4, '0')).join('') };
  }
  return undefined;
};
