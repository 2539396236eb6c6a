import { fieldsOf, type Json } from '../ast.js';
import { constantNode, readConstant } from '../literals/constant.js';
import { canonicalLiteral } from '../literals/for-type.js';
import { EXACT_NUMERIC_TYPES, NUMERIC_TYPES, type TypeInfo } from '../types.js';
import { readType } from './type-names.js';

/**
 * Rules for the top of a column default, where the column's type is known.
 *
 * - A cast to the column's own type is dropped: `'x'::text` = `'x'` on a text column,
 *   `'{}'::text[]` = `'{}'` on a text[] column, `'active'::mood` (or
 *   `'active'::myschema.mood`) = `'active'` on a `mood` column. Why: the database
 *   stores a default coerced to its column and prints that coercion; drizzle-kit
 *   writes the bare literal. Modifiers are ignored (`'x'::character varying` on a
 *   `varchar(50)` column: PostgreSQL prints the cast without them). An unqualified
 *   type name matches a column type of any schema (the database omits schemas on
 *   the search_path).
 * - On a numeric column, a cast of a number to an exact numeric type is dropped:
 *   `'-0.25'::numeric` = `-0.25` on a `double precision` column. Why: the database
 *   prints negative and large constants quoted with their own type (`'-1'::integer`,
 *   `'3000000000'::bigint`), which need not be the column's type.
 * - The remaining bare literal is read as a value of the column's type: `'5'` = `5`
 *   on an integer column, `'yes'` = `true` on a boolean column, `'{"a","b"}'` =
 *   `'{a,b}'` on a text[] column.
 *
 * Other casts at the top stay: on a text column `'x'::varchar` is not `'x'`.
 */
export const normalizeDefaultRoot = (node: Json, column: TypeInfo): Json => {
  const cast = fieldsOf(node, 'TypeCast');
  const castConstant = readConstant(cast?.['arg']);
  const castType = readType(cast?.['typeName']);
  if (castConstant !== undefined && castType !== undefined) {
    const numberCast =
      castConstant.kind === 'number' &&
      NUMERIC_TYPES.has(column.name) &&
      !column.array &&
      castType.schema === undefined &&
      !castType.array &&
      !castType.hasTypmods &&
      EXACT_NUMERIC_TYPES.has(castType.name);
    if (!sameType(castType, column) && !numberCast) return node;
    return constantNode(canonicalLiteral(castConstant, column) ?? castConstant);
  }
  const constant = readConstant(node);
  const canonical = constant === undefined ? undefined : canonicalLiteral(constant, column);
  return canonical === undefined ? node : constantNode(canonical);
};

const sameType = (cast: TypeInfo, column: TypeInfo): boolean =>
  cast.name === column.name && cast.array === column.array && (cast.schema === undefined || cast.schema === column.schema);
