import type { Json, JsonObject } from '../ast.js';

export interface RuleContext {
  /**
   * True inside a subquery. Outside any subquery, a check, index expression,
   * generated column or policy has exactly one relation in scope, so a qualified
   * column reference can only name that relation; inside one, qualifiers matter.
   */
  readonly insideSubquery: boolean;
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
