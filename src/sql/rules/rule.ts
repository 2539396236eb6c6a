import type { Json, JsonObject } from '../ast.js';

export interface RuleContext {
  /**
   * True when the expression reads one relation only (no subquery): checks, index
   * expressions, generated columns and most policies. A qualified column reference
   * can then only name that relation.
   */
  readonly singleRelation: boolean;
  /**
   * True at the root of a default whose column type is known: a cast there is the
   * column's own coercion and is judged against that type (column-default.ts), not
   * dropped blindly.
   */
  readonly typedRoot: boolean;
}

/**
 * One normalization: given a node whose children are already normalized, returns
 * its replacement, or undefined when the rule does not apply. A rule must not apply
 * to its own output (the engine re-normalizes every replacement).
 */
export type Rule = (node: JsonObject, context: RuleContext) => Json | undefined;
