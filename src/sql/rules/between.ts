import { fieldsOf, isArray, makeNode, makeStringList, type Json } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `x BETWEEN a AND b` = `x >= a AND x <= b`, `x NOT BETWEEN a AND b` = `x < a OR x > b`.
 * Why: the database stores the expanded form and prints `((x >= a) AND (x <= b))`.
 * (`BETWEEN SYMMETRIC` expands to something longer and is left alone.)
 */
export const betweenAsComparisons: Rule = (node) => {
  const fields = fieldsOf(node, 'A_Expr');
  const kind = fields?.['kind'];
  if (fields === undefined || (kind !== 'AEXPR_BETWEEN' && kind !== 'AEXPR_NOT_BETWEEN')) return undefined;
  const bounds = fieldsOf(fields['rexpr'], 'List')?.['items'];
  if (!isArray(bounds) || bounds.length !== 2) return undefined;
  const subject = fields['lexpr'] ?? null;
  const compare = (operator: string, bound: Json): Json =>
    makeNode('A_Expr', { kind: 'AEXPR_OP', name: makeStringList([operator]), lexpr: subject, rexpr: bound });
  const [low = null, high = null] = bounds;
  return kind === 'AEXPR_BETWEEN'
    ? makeNode('BoolExpr', { boolop: 'AND_EXPR', args: [compare('>=', low), compare('<=', high)] })
    : makeNode('BoolExpr', { boolop: 'OR_EXPR', args: [compare('<', low), compare('>', high)] });
};
