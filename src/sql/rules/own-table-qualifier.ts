import { fieldsOf, isArray, makeNode } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `"users"."email" IS NOT NULL` = `email IS NOT NULL` outside subqueries. Why:
 * drizzle-kit qualifies every column in checks, index predicates and policies
 * (`CHECK ("t"."price" > 0)`, `(select auth.uid()) = "t"."owner"`), the database
 * prints them unqualified; outside a subquery only the expression's own table is in
 * scope. Inside a subquery (`EXISTS (SELECT 1 FROM o2 WHERE o2.id = t.id)`)
 * qualifiers choose between relations and are kept.
 */
export const ownTableQualifier: Rule = (node, context) => {
  if (context.insideSubquery) return undefined;
  const fields = fieldsOf(node, 'ColumnRef');
  const parts = fields?.['fields'];
  if (fields === undefined || !isArray(parts) || parts.length < 2) return undefined;
  const last = parts[parts.length - 1];
  if (fieldsOf(last, 'String') === undefined) return undefined;
  return makeNode('ColumnRef', { ...fields, fields: [last ?? null] });
};
