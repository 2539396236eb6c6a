/**
 * The parse tree as plain JSON, and small helpers to read and build its nodes.
 *
 * libpg_query prints every node as an object with exactly one key, the node type:
 * `{ "A_Const": { "sval": { "sval": "x" } } }`. Field objects inside a node (like the
 * inner `{ "sval": "x" }`) are plain objects. Rules match nodes by type and rebuild
 * them; nothing here knows pg-query-emscripten.
 */

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;

export interface JsonObject {
  readonly [key: string]: Json;
}

export const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isArray = (value: Json | undefined): value is readonly Json[] => Array.isArray(value);

/** The node type of a one-key node object, else undefined. */
export const nodeType = (value: Json | undefined): string | undefined => {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : undefined;
};

/** The fields of `value` when it is a node of type `type`. */
export const fieldsOf = (value: Json | undefined, type: string): JsonObject | undefined => {
  if (!isObject(value)) return undefined;
  const fields = value[type];
  // Most calls ask a node whether it is some other type: answer those without listing keys.
  if (!isObject(fields)) return undefined;
  return nodeType(value) === type ? fields : undefined;
};

export const makeNode = (type: string, fields: JsonObject): JsonObject => ({ [type]: fields });

/** Reads a list of `{ String: { sval } }` nodes (qualified names, operator names). */
export const stringList = (value: Json | undefined): readonly string[] | undefined => {
  if (!isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    const fields = fieldsOf(item, 'String');
    if (fields === undefined) return undefined;
    const sval = fields['sval'];
    out.push(typeof sval === 'string' ? sval : '');
  }
  return out;
};

export const makeStringList = (names: readonly string[]): readonly Json[] =>
  names.map((sval) => makeNode('String', { sval }));

/** A copy of `fields` without `key`. */
export const omit = (fields: JsonObject, key: string): JsonObject => {
  const { [key]: _dropped, ...rest } = fields;
  return rest;
};
