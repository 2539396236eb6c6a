/**
 * Naming rules: pure functions over identifiers, no I/O. The matcher (src/diff/) and
 * the reports use only what this file exports.
 *
 * CONTRACT STUB: signatures are fixed; implementations land with the naming issue.
 */

/** A naming style. `single` is one lower-case word (fits both snake_case and camelCase). */
export type Style =
  | 'snake_case'
  | 'camelCase'
  | 'PascalCase'
  | 'kebab-case'
  | 'SCREAMING_SNAKE'
  | 'single'
  | 'mixed';

/** Styles an identifier can be converted to. */
export type TargetStyle = Exclude<Style, 'single' | 'mixed'>;

export type Inflection = 'singular' | 'plural' | 'uncountable';

/** Why two identifiers can name the same thing. */
export type NameReason = 'casing' | 'folded' | 'inflection' | 'truncated';

/** Match tiers, strongest first. */
export type MatchTier = 'identical' | 'casing' | 'folded' | 'inflection' | 'casing+inflection' | 'truncated';

export interface NameRelation {
  readonly tier: MatchTier;
  /** Empty for `identical`. */
  readonly reasons: readonly NameReason[];
}

export interface Convention {
  /** Dominant style among identifiers that are not `single`; `none` when there are none, `tie` on a tie. */
  readonly style: Exclude<Style, 'single'> | 'none' | 'tie';
  readonly styleCounts: Readonly<Record<Style, number>>;
  /** Dominant inflection of the last word, uncountables excluded. */
  readonly inflection: 'singular' | 'plural' | 'none' | 'tie';
  readonly inflectionCounts: Readonly<Record<Inflection, number>>;
  readonly total: number;
}

/** NAMEDATALEN - 1: PostgreSQL cuts identifiers at 63 bytes of UTF-8. */
export const MAX_IDENTIFIER_BYTES = 63;

const todo = (): never => {
  throw new Error('naming: not implemented yet');
};

export const splitWords = (_identifier: string): readonly string[] => todo();
export const detectStyle = (_identifier: string): Style => todo();
/** Equal to drizzle-orm's `casing: 'snake_case'` conversion for every input. */
export const toSnakeCase = (_identifier: string): string => todo();
/** Equal to drizzle-orm's `casing: 'camelCase'` conversion for every input. */
export const toCamelCase = (_identifier: string): string => todo();
export const toPascalCase = (_identifier: string): string => todo();
export const toKebabCase = (_identifier: string): string => todo();
export const toScreamingSnakeCase = (_identifier: string): string => todo();
export const convertStyle = (_identifier: string, _style: TargetStyle): string => todo();
/** What PostgreSQL makes of an unquoted identifier (ASCII lower case). */
export const foldUnquoted = (_identifier: string): string => todo();
/** Cut at `maxBytes` of UTF-8 without splitting a character, as PostgreSQL does. */
export const truncateIdentifier = (_identifier: string, _maxBytes?: number): string => todo();
export const needsQuoting = (_identifier: string): boolean => todo();
/** As PostgreSQL's `quote_ident()`. */
export const quoteIdentifier = (_identifier: string): string => todo();
export const inflectionOf = (_identifier: string): Inflection => todo();
/** Singular of the last word, keeping the identifier's style and other words. */
export const singularize = (_identifier: string): string => todo();
/** Plural of the last word, keeping the identifier's style and other words. */
export const pluralize = (_identifier: string): string => todo();
/** Whether two identifiers can name the same thing, and why; null when unrelated. */
export const relateNames = (_a: string, _b: string): NameRelation | null => todo();
export const inferConvention = (_identifiers: readonly string[]): Convention => todo();
