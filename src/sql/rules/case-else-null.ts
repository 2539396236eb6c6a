import { fieldsOf, makeNode, omit } from '../ast.js';
import { readConstant } from '../literals/constant.js';
import type { Rule } from './rule.js';

/**
 * `CASE WHEN c THEN 1 END` = `CASE WHEN c THEN 1 ELSE NULL END`. Why: the database
 * stores the implicit `ELSE NULL` and prints `ELSE NULL::integer`.
 */
export const caseElseNull: Rule = (node) => {
  const fields = fieldsOf(node, 'CaseExpr');
  if (fields === undefined || readConstant(fields['defresult'])?.kind !== 'null') return undefined;
  return makeNode('CaseExpr', omit(fields, 'defresult'));
};
