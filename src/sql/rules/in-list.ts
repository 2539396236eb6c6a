import { fieldsOf, isArray, makeNode, stringList } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `x IN (a, b)` = `x = ANY (ARRAY[a, b])`, `x NOT IN (a, b)` = `x <> ALL (ARRAY[a, b])`,
 * and with one element `x IN (a)` = `x = a`. Why: that is how the database stores and
 * prints an IN list (parse_expr.c, transformAExprIn); drizzle-kit keeps the IN.
 */
export const inListAsArray: Rule = (node) => {
  const fields = fieldsOf(node, 'A_Expr');
  if (fields === undefined || fields['kind'] !== 'AEXPR_IN') return undefined;
  const items = fieldsOf(fields['rexpr'], 'List')?.['items'];
  if (!isArray(items) || items.length === 0) return undefined;
  const negated = stringList(fields['name'])?.[0] === '<>';
  if (items.length === 1) return makeNode('A_Expr', { ...fields, kind: 'AEXPR_OP', rexpr: items[0] ?? null });
  return makeNode('A_Expr', {
    ...fields,
    kind: negated ? 'AEXPR_OP_ALL' : 'AEXPR_OP_ANY',
    rexpr: makeNode('A_ArrayExpr', { elements: items }),
  });
};
