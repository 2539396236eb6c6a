import { fieldsOf, makeNode, makeStringList, stringList } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `pg_catalog.lower(x)` = `lower(x)`, `OPERATOR(pg_catalog.=)` = `=`. Why: pg_get_expr
 * qualifies a built-in function or operator only when something else shadows it,
 * and SQL written for safety may qualify them anyway.
 */
export const unqualifiedBuiltinNames: Rule = (node) => {
  for (const [type, key] of [
    ['FuncCall', 'funcname'],
    ['A_Expr', 'name'],
  ] as const) {
    const fields = fieldsOf(node, type);
    const names = stringList(fields?.[key]);
    if (fields !== undefined && names !== undefined && names.length === 2 && names[0] === 'pg_catalog') {
      return makeNode(type, { ...fields, [key]: makeStringList(names.slice(1)) });
    }
  }
  return undefined;
};
