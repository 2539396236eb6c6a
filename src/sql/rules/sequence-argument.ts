import { fieldsOf, isArray, makeNode, stringList } from '../ast.js';
import { constantNode, readConstant } from '../literals/constant.js';
import { canonicalRegclass } from '../literals/regclass.js';
import type { Rule } from './rule.js';

const SEQUENCE_FUNCTIONS = new Set(['nextval', 'currval', 'setval']);

/**
 * `nextval('users_id_seq')` = `nextval('users_id_seq'::regclass)` =
 * `nextval('public.users_id_seq'::regclass)`. Why: the argument is a regclass either
 * way (the database stores and prints the cast; hand-written SQL often omits it), and
 * regclass.ts decides what the name means. The `::regclass` cast itself is handled by
 * typed-literal.ts and implicit-casts.ts; this rule covers the bare string.
 */
export const sequenceArgument: Rule = (node) => {
  const fields = fieldsOf(node, 'FuncCall');
  const name = stringList(fields?.['funcname']);
  const args = fields?.['args'];
  if (fields === undefined || name?.length !== 1 || !SEQUENCE_FUNCTIONS.has(name[0] ?? '') || !isArray(args)) return undefined;
  const first = readConstant(args[0]);
  if (first?.kind !== 'string') return undefined;
  const canonical = canonicalRegclass(first.value);
  if (canonical === undefined || canonical === first.value) return undefined;
  return makeNode('FuncCall', { ...fields, args: [constantNode({ kind: 'string', value: canonical }), ...args.slice(1)] });
};
