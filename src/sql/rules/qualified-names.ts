import { fieldsOf, makeNode, makeStringList, omit, stringList } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * Schemas that pg_get_expr may or may not print, depending on the reader's
 * search_path: `pg_catalog` (built-ins) and `public`. Dropping both makes
 * `pg_catalog.lower(x)` = `lower(x)` and `public.my_func(x)` = `my_func(x)`.
 *
 * NOTE: capture reads with `search_path = pg_catalog` (src/capture/transaction.ts), so
 * the database side arrives qualified (`public.my_func(x)`, `OPERATOR(public.<->)`,
 * `FROM public.members`), while drizzle-kit writes names as the schema author did,
 * usually unqualified. Decision (as for types and sequences, regclass.ts): `public`
 * is implied; any other schema is kept (`auth.uid()` stays `auth.uid()`).
 */
const IMPLIED_SCHEMAS = new Set(['pg_catalog', 'public']);

const NAMED_NODES = [
  ['FuncCall', 'funcname'],
  ['A_Expr', 'name'],
  ['CollateClause', 'collname'],
] as const;

/** Function, operator and collation names: `FuncCall.funcname`, `A_Expr.name`, `CollateClause.collname`. */
export const unqualifiedBuiltinNames: Rule = (node) => {
  for (const [type, key] of NAMED_NODES) {
    const fields = fieldsOf(node, type);
    const names = stringList(fields?.[key]);
    if (fields !== undefined && names !== undefined && names.length === 2 && IMPLIED_SCHEMAS.has(names[0] ?? '')) {
      return makeNode(type, { ...fields, [key]: makeStringList(names.slice(1)) });
    }
  }
  return undefined;
};

/** Relations in subqueries: `FROM public.members m` = `FROM members m`. */
export const unqualifiedRelation: Rule = (node) => {
  const fields = fieldsOf(node, 'RangeVar');
  const schema = fields?.['schemaname'];
  if (fields === undefined || typeof schema !== 'string' || !IMPLIED_SCHEMAS.has(schema)) return undefined;
  return makeNode('RangeVar', omit(fields, 'schemaname'));
};
