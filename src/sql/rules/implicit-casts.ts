import { fieldsOf } from '../ast.js';
import { readConstant } from '../literals/constant.js';
import { readType } from './type-names.js';
import type { Rule } from './rule.js';

/**
 * A cast on a constant is dropped: `price > (0)::numeric` = `price > 0`,
 * `status = 'active'::mood` = `status = 'active'`, `current_setting('x'::text)` =
 * `current_setting('x')`. Why: the database resolves every literal's type from its
 * context and prints that type as a cast; SQL as written leaves it implicit. We do
 * not know the context's types, so any cast on a constant goes (after typed-literal.ts
 * has put the constant in that type's canonical form).
 *
 * Lossy: `'2024-01-01'::date > x` and `'2024-01-01' > x` meet although the literal's
 * type could differ. A default's own top-level cast is handled by column-default.ts.
 */
export const castOnConstant: Rule = (node, context) => {
  if (context.typedRoot) return undefined;
  const fields = fieldsOf(node, 'TypeCast');
  if (fields === undefined || readConstant(fields['arg']) === undefined) return undefined;
  return fields['arg'] ?? null;
};

const TEXT_TYPES = new Set(['text', 'varchar']);

/**
 * `(status)::text = 'a'` = `status = 'a'` on a `varchar` column. Why: `varchar` has no
 * operators of its own; the database coerces it to `text` and prints the coercion
 * (`((status)::text = ANY (...))`, also in generated columns and index predicates).
 *
 * Lossy: an explicit `(code)::text` on an integer column also loses its cast here.
 */
export const textRelabel: Rule = (node) => {
  const fields = fieldsOf(node, 'TypeCast');
  if (fields === undefined || fieldsOf(fields['arg'], 'ColumnRef') === undefined) return undefined;
  const type = readType(fields['typeName']);
  if (type === undefined || type.schema !== undefined || type.array || type.hasTypmods || !TEXT_TYPES.has(type.name)) return undefined;
  return fields['arg'] ?? null;
};
