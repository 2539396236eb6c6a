import { fieldsOf, makeNode } from '../ast.js';
import { constantNode, readConstant } from '../literals/constant.js';
import { canonicalLiteral } from '../literals/for-type.js';
import { readType } from './type-names.js';
import type { Rule } from './rule.js';

/**
 * `'<literal>'::type`: the literal is read as a value of that type and put in canonical
 * form (`'-1'::integer` → `-1::integer`, `'{true}'::boolean[]` → `'{t}'::boolean[]`,
 * `'{"a": 1}'::jsonb` → canonical jsonb). Why: the database prints typed constants its
 * own way; this must happen before implicit-casts.ts drops the cast and the type with it.
 */
export const typedLiteral: Rule = (node) => {
  const fields = fieldsOf(node, 'TypeCast');
  if (fields === undefined) return undefined;
  const constant = readConstant(fields['arg']);
  const type = readType(fields['typeName']);
  if (constant === undefined || type === undefined) return undefined;
  const canonical = canonicalLiteral(constant, type);
  return canonical === undefined ? undefined : makeNode('TypeCast', { ...fields, arg: constantNode(canonical) });
};
