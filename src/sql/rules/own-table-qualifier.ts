import { fieldsOf, isArray, makeNode } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `"users"."email" IS NOT NULL` = `email IS NOT NULL` when the expression reads one
 * relation. Why: drizzle-kit qualifies every column in checks and index predicates
 * (`CHECK ("t"."price" > 0)`), the database prints them unqualified. With a
 * subquery in the expression (policies), qualifiers can matter and are kept.
 */
export const ownTableQualifier: Rule = (node, context) => {
  if (!context.singleRelation) return undefined;
  const fields = fieldsOf(node, 'ColumnRef');
  const parts = fields?.['fields'];
  if (fields === undefined || !isArray(parts) || parts.length < 2) return undefined;
  const last = parts[parts.length - 1];
  if (fieldsOf(last, 'String') === undefined) return undefined;
  return makeNode('ColumnRef', { ...fields, fields: [last ?? null] });
};
