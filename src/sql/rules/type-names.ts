import { fieldsOf, isArray, isObject, makeNode, nodeType, stringList, type Json, type JsonObject } from '../ast.js';
import type { TypeInfo } from '../types.js';
import type { Rule } from './rule.js';

/**
 * `TypeName` → `Type`: the parser already resolves SQL-standard spellings to internal
 * names (`integer`, `int` → `pg_catalog.int4`; `character varying` → `pg_catalog.varchar`;
 * `timestamp with time zone` → `pg_catalog.timestamptz`; `boolean` → `pg_catalog.bool`),
 * while the internal spellings (`int4`, `timestamptz`, `bool`) arrive unqualified.
 * Dropping `pg_catalog` makes them meet. `public` is dropped too (pg_get_expr omits a
 * schema on the search_path; see regclass.ts for the same decision). Any array bounds
 * mean "array" (`int[3]`, `int[][]` and `int[]` are one type to PostgreSQL).
 */
export const canonicalTypeName: Rule = (node) => {
  const wrapped = fieldsOf(node, 'TypeName');
  if (wrapped !== undefined) return canonicalType(wrapped);
  // In a TypeCast (and other nodes) the type is a plain field object, not a node.
  const type = nodeType(node);
  const fields = type === undefined ? undefined : node[type];
  const typeName = isObject(fields) ? fields['typeName'] : undefined;
  if (type === undefined || !isObject(fields) || !isObject(typeName) || !isArray(typeName['names'])) return undefined;
  return makeNode(type, { ...fields, typeName: canonicalType(typeName) });
};

const canonicalType = (fields: JsonObject): JsonObject => {
  const names = stringList(fields['names']) ?? [];
  const typmods = fields['typmods'];
  const bounds = fields['arrayBounds'];
  const canonical: { [key: string]: Json } = { names: unqualified(names) };
  if (isArray(typmods) && typmods.length > 0) canonical['typmods'] = typmods;
  if (isArray(bounds) && bounds.length > 0) canonical['array'] = true;
  if (fields['setof'] === true) canonical['setof'] = true;
  if (fields['pct_type'] === true) canonical['pct_type'] = true;
  return makeNode('Type', canonical);
};

const IMPLIED_SCHEMAS = new Set(['pg_catalog', 'public']);

const unqualified = (names: readonly string[]): readonly string[] =>
  names.length === 2 && IMPLIED_SCHEMAS.has(names[0] ?? '') ? names.slice(1) : names;

/** What the rules need from a canonical `Type` node. */
export const readType = (value: Json | undefined): TypeInfo | undefined => {
  const fields = fieldsOf(value, 'Type');
  const names = fields?.['names'];
  if (fields === undefined || !isArray(names) || fields['setof'] === true || fields['pct_type'] === true) return undefined;
  const parts = names.filter((name): name is string => typeof name === 'string');
  if (parts.length === 0 || parts.length > 2 || parts.length !== names.length) return undefined;
  return {
    name: parts[parts.length - 1] as string,
    schema: parts.length === 2 ? parts[0] : undefined,
    array: fields['array'] === true,
    hasTypmods: fields['typmods'] !== undefined,
  };
};
