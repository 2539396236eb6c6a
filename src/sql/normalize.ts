/**
 * The normalization engine: a parse tree in, a canonical string out. Two expressions
 * are equivalent when their canonical strings are equal.
 *
 * Each rule is one small function in rules/ with the reason it exists. The engine
 * drops `location` fields (positions in the source text), normalizes children before
 * their parent, applies the first rule that changes a node, and normalizes the
 * replacement again, until no rule applies.
 */
import { fieldsOf, isArray, isObject, nodeType, type Json, type JsonObject } from './ast.js';
import { stableStringify } from './canonical-json.js';
import { CONST, readConstant, constantNode } from './literals/constant.js';
import type { TypeInfo } from './types.js';
import { arrayConstructor } from './rules/array-constructor.js';
import { betweenAsComparisons } from './rules/between.js';
import { caseElseNull } from './rules/case-else-null.js';
import { normalizeDefaultRoot } from './rules/column-default.js';
import { canonicalConstant } from './rules/constants.js';
import { currentTimestamp } from './rules/current-timestamp.js';
import { flattenBoolean } from './rules/flatten-boolean.js';
import { castOnConstant, textRelabel } from './rules/implicit-casts.js';
import { implicitColumnAlias } from './rules/implicit-column-alias.js';
import { inListAsArray } from './rules/in-list.js';
import { likeAsOperator } from './rules/like.js';
import { ownTableQualifier } from './rules/own-table-qualifier.js';
import { unqualifiedBuiltinNames, unqualifiedRelation } from './rules/qualified-names.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { sequenceArgument } from './rules/sequence-argument.js';
import { typedLiteral } from './rules/typed-literal.js';
import { canonicalTypeName, readType } from './rules/type-names.js';

/** Rules that need the node as written, before its children are normalized. */
const PRE_RULES: readonly Rule[] = [implicitColumnAlias];

/** Order matters only where a rule reads what another leaves: typedLiteral before castOnConstant. */
const RULES: readonly Rule[] = [
  canonicalConstant,
  canonicalTypeName,
  unqualifiedBuiltinNames,
  unqualifiedRelation,
  currentTimestamp,
  typedLiteral,
  sequenceArgument,
  inListAsArray,
  betweenAsComparisons,
  likeAsOperator,
  flattenBoolean,
  caseElseNull,
  castOnConstant,
  textRelabel,
  arrayConstructor,
  ownTableQualifier,
];

/** Canonical string of an expression's parse tree; `column` is the type of the column whose default it is. */
export const canonicalExpression = (tree: Json, column: TypeInfo | undefined): string => {
  const context: RuleContext = { insideSubquery: false, typedRoot: column !== undefined };
  let normalized = normalizeValue(tree, context);
  if (column !== undefined) normalized = normalizeValue(normalizeDefaultRoot(normalized, column), context);
  return stableStringify(finalizeArrays(normalized));
};

/** The type named by a probe `NULL::<type>` (normalized like any cast, and kept). */
export const probedType = (tree: Json): TypeInfo | undefined =>
  readType(fieldsOf(normalizeValue(tree, { insideSubquery: false, typedRoot: true }), 'TypeCast')?.['typeName']);

const childContext = (context: RuleContext): RuleContext =>
  context.typedRoot ? { ...context, typedRoot: false } : context;

const normalizeValue = (value: Json, context: RuleContext): Json => {
  if (isArray(value)) return value.map((item) => normalizeValue(item, childContext(context)));
  if (!isObject(value)) return value;
  let current: JsonObject = value;
  for (const rule of PRE_RULES) {
    const replaced = rule(current, context);
    if (isObject(replaced)) current = replaced;
  }
  const type = nodeType(current);
  const fields = type === undefined ? undefined : current[type];
  if (type === undefined || !isObject(fields)) return normalizeFields(current, childContext(context));
  const inner = childContext(context);
  // A subquery's own SELECT has other relations in scope; its test expression (`x` in `x IN (SELECT ...)`) does not.
  const subquery = type === 'SubLink' ? { ...inner, insideSubquery: true } : inner;
  const rebuilt: JsonObject = { [type]: normalizeFields(fields, inner, subquery) };
  for (const rule of RULES) {
    const replaced = rule(rebuilt, context);
    if (replaced !== undefined) return normalizeValue(replaced, context);
  }
  return rebuilt;
};

/** Normalizes every field except `location` (a position in the source text). */
const normalizeFields = (fields: JsonObject, context: RuleContext, subselectContext: RuleContext = context): JsonObject => {
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(fields)) {
    if (key !== 'location') out[key] = normalizeValue(fields[key] ?? null, key === 'subselect' ? subselectContext : context);
  }
  return out;
};

/** `array` constants were only kept apart while nesting arrays; in the result they are strings. */
const finalizeArrays = (value: Json): Json => {
  if (isArray(value)) return value.map(finalizeArrays);
  if (!isObject(value)) return value;
  const constant = nodeType(value) === CONST ? readConstant(value) : undefined;
  if (constant?.kind === 'array') return constantNode({ kind: 'string', value: constant.value });
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) out[key] = finalizeArrays(value[key] ?? null);
  return out;
};
