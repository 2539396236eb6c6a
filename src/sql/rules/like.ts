import { fieldsOf, makeNode } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `x LIKE 'a%'` = `x ~~ 'a%'` (and ILIKE = `~~*`, NOT LIKE = `!~~`). Why: LIKE is an
 * operator; the database prints it as `(x ~~ 'a%'::text)`. The parser already names
 * the operator; only the node kind differs.
 */
export const likeAsOperator: Rule = (node) => {
  const fields = fieldsOf(node, 'A_Expr');
  if (fields === undefined || (fields['kind'] !== 'AEXPR_LIKE' && fields['kind'] !== 'AEXPR_ILIKE')) return undefined;
  return makeNode('A_Expr', { ...fields, kind: 'AEXPR_OP' });
};
