import { fieldsOf, isArray, isObject, makeNode, omit, stringList, type Json } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `(SELECT auth.uid())` = `( SELECT auth.uid() AS uid)`: an alias equal to the name
 * PostgreSQL gives the column anyway is dropped. Why: the database prints `AS name`
 * for every non-column target of a subquery (ruleutils.c, get_target_list), which is
 * the usual Supabase policy `(select auth.uid()) = user_id`.
 *
 * Runs before the node's children are normalized (engine: PRE_RULES), because the
 * implicit name comes from the expression as written (`now()` is named `now`).
 */
export const implicitColumnAlias: Rule = (node) => {
  const fields = fieldsOf(node, 'ResTarget');
  const name = fields?.['name'];
  if (fields === undefined || typeof name !== 'string' || implicitName(fields['val']) !== name) return undefined;
  return makeNode('ResTarget', omit(fields, 'name'));
};

const lastName = (value: Json | undefined): string | undefined => {
  const names = stringList(value);
  return names?.[names.length - 1];
};

const SQL_VALUE_FUNCTION_NAMES: { readonly [op: string]: string } = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime',
  SVFOP_LOCALTIME_N: 'localtime',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_ROLE: 'current_role',
  SVFOP_CURRENT_USER: 'current_user',
  SVFOP_USER: 'user',
  SVFOP_SESSION_USER: 'session_user',
  SVFOP_CURRENT_CATALOG: 'current_catalog',
  SVFOP_CURRENT_SCHEMA: 'current_schema',
};

/** The column name PostgreSQL figures for an unnamed target (parse_target.c, FigureColnameInternal), for common nodes. */
const implicitName = (value: Json | undefined): string | undefined => {
  const column = fieldsOf(value, 'ColumnRef');
  if (column !== undefined) return isArray(column['fields']) ? lastName(column['fields']) : undefined;
  const call = fieldsOf(value, 'FuncCall');
  if (call !== undefined) return lastName(call['funcname']);
  const cast = fieldsOf(value, 'TypeCast');
  if (cast !== undefined) {
    const typeName = cast['typeName'];
    return implicitName(cast['arg']) ?? (isObject(typeName) ? lastName(typeName['names']) : undefined);
  }
  const svf = fieldsOf(value, 'SQLValueFunction');
  if (svf !== undefined) return SQL_VALUE_FUNCTION_NAMES[String(svf['op'])];
  if (fieldsOf(value, 'CaseExpr') !== undefined) return 'case';
  if (fieldsOf(value, 'CoalesceExpr') !== undefined) return 'coalesce';
  if (fieldsOf(value, 'A_ArrayExpr') !== undefined) return 'array';
  const minMax = fieldsOf(value, 'MinMaxExpr');
  if (minMax !== undefined) return minMax['op'] === 'IS_GREATEST' ? 'greatest' : 'least';
  return undefined;
};
