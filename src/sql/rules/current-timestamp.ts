import { fieldsOf, makeNode, stringList } from '../ast.js';
import type { Rule } from './rule.js';

/**
 * `now()` = `transaction_timestamp()` = `CURRENT_TIMESTAMP`: the same function
 * (PostgreSQL docs, 9.9.5). The database prints what was written (`default now()`
 * reads back as `now()`, `default CURRENT_TIMESTAMP` as `CURRENT_TIMESTAMP`), so the
 * spellings must meet here. `CURRENT_TIMESTAMP(3)`, `LOCALTIMESTAMP`,
 * `statement_timestamp()` and `clock_timestamp()` are different values and stay apart.
 */
export const currentTimestamp: Rule = (node) => {
  const fields = fieldsOf(node, 'FuncCall');
  const name = stringList(fields?.['funcname']);
  if (fields === undefined || name === undefined || name.length !== 1) return undefined;
  if (name[0] !== 'now' && name[0] !== 'transaction_timestamp') return undefined;
  if (Object.keys(fields).some((key) => key !== 'funcname' && key !== 'funcformat')) return undefined;
  return CURRENT_TIMESTAMP;
};

const CURRENT_TIMESTAMP = makeNode('SQLValueFunction', { op: 'SVFOP_CURRENT_TIMESTAMP', typmod: -1 });
