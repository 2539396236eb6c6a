import { fieldsOf, isArray, makeNode, type Json } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `a AND (b AND c)` = `(a AND b) AND c` = `a AND b AND c` (same for OR). Why: the
 * database prints every operand in parentheses, and the parser flattens only a
 * left-nested chain, so the same condition arrives nested differently from each side
 * (`x BETWEEN 1 AND 2 AND y` is another source of nesting).
 */
export const flattenBoolean: Rule = (node) => {
  const fields = fieldsOf(node, 'BoolExpr');
  const op = fields?.['boolop'];
  const args = fields?.['args'];
  if (fields === undefined || (op !== 'AND_EXPR' && op !== 'OR_EXPR') || !isArray(args)) return undefined;
  const nested = (arg: Json): readonly Json[] | undefined => {
    const inner = fieldsOf(arg, 'BoolExpr');
    const innerArgs = inner?.['args'];
    return inner?.['boolop'] === op && isArray(innerArgs) ? innerArgs : undefined;
  };
  if (!args.some((arg) => nested(arg) !== undefined)) return undefined;
  return makeNode('BoolExpr', { ...fields, args: args.flatMap((arg) => nested(arg) ?? [arg]) });
};
