import { fieldsOf, makeNode, type Json, type JsonObject } from '../ast.js';

/**
 * A constant in canonical form. The parser's `A_Const` (with its per-kind wrappers and
 * omitted default values) becomes one `Const` node per value, so that `'5'::integer`,
 * `5` and `05` can end up as the same node.
 *
 * `array` is an array literal already in `array_out` form (`{a,"b c",NULL}`); it is a
 * separate kind only while normalizing, so that a nested `ARRAY[ARRAY[1]]` is not
 * quoted as a string; at the end it becomes a `string` (see normalize.ts).
 */
export type Constant =
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'array'; readonly value: string }
  | { readonly kind: 'bits'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export const CONST = 'Const';

export const constantNode = (constant: Constant): JsonObject => makeNode(CONST, constant);

export const readConstant = (value: Json | undefined): Constant | undefined => {
  const fields = fieldsOf(value, CONST);
  if (fields === undefined) return undefined;
  const kind = fields['kind'];
  const field = fields['value'];
  if (kind === 'null') return { kind };
  if (kind === 'boolean') return typeof field === 'boolean' ? { kind, value: field } : undefined;
  if (kind === 'number' || kind === 'string' || kind === 'array' || kind === 'bits') {
    return typeof field === 'string' ? { kind, value: field } : undefined;
  }
  return undefined;
};

export const sameConstant = (a: Constant, b: Constant): boolean =>
  a.kind === b.kind && (a.kind === 'null' || (b.kind !== 'null' && a.value === b.value));
