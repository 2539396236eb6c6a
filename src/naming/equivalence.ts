/**
 * Whether two identifiers can name the same thing, and why. The answer is data (a tier
 * and its reasons) that the matcher ranks and the reports show as evidence.
 *
 * Tiers, checked in this order (the first that holds wins):
 *
 * - `identical`: the same string.
 * - `casing`: the same words, compared case-insensitively, spelled in another style; or
 *   one is a style conversion of the other, i.e. what drizzle-orm's `casing` would
 *   produce (`user_id ~ userId`, `USER_ID ~ userId`, `oauth2_token ~ OAUTH2_TOKEN`).
 *   NOTE: drizzle-orm's conversions drop non-ASCII characters, so `user_名前 ~ user` is a
 *   casing relation (a key `user_名前` with `casing: 'snake_case'` names column `user`),
 *   while `user_名前` and `user_住所` stay unrelated.
 * - `folded`: equal once ASCII is lower-cased, as PostgreSQL folds an unquoted name
 *   (`fullname ~ fullName`).
 * - `inflection`: singular and plural of the last word, every other character equal
 *   (`meeting ~ meetings`, `clientProfile ~ clientProfiles`).
 * - `casing+inflection`: both at once; the reasons say `casing` or `folded`
 *   (`meeting_transcript ~ meetingTranscripts`, `clientprofiles ~ clientProfile`).
 * - `truncated`: one name (or a casing or folded variant of it) is longer than 63 bytes
 *   and cuts to the other, or both cut to the same 63 bytes; the reasons say which
 *   variant (`truncated`, `casing` + `truncated`, `folded` + `truncated`).
 *
 * The relation is symmetric: every test is made in both directions. Inflection is only
 * believed when the English rules map the plural back to the singular (`bus` is not the
 * plural of `bu`, though `bu` pluralizes to `bus`), and never for one-letter words
 * (`a ~ as`).
 */
import { foldUnquoted, MAX_IDENTIFIER_BYTES, truncateIdentifier, utf8ByteLength } from './postgres-identifiers.js';
import { singularWord } from './english.js';
import { singularize } from './inflection.js';
import { convertStyle, TARGET_STYLES } from './styles.js';
import { splitWords } from './words.js';

/** Why two identifiers can name the same thing. */
export type NameReason = 'casing' | 'folded' | 'inflection' | 'truncated';

/** Match tiers, strongest first. */
export type MatchTier = 'identical' | 'casing' | 'folded' | 'inflection' | 'casing+inflection' | 'truncated';

/** Every tier, strongest first. */
export const MATCH_TIERS: readonly MatchTier[] = [
  'identical',
  'casing',
  'folded',
  'inflection',
  'casing+inflection',
  'truncated',
];

export interface NameRelation {
  readonly tier: MatchTier;
  /** Empty for `identical`. */
  readonly reasons: readonly NameReason[];
}

const lowerWords = (identifier: string): readonly string[] => splitWords(identifier).map((word) => word.toLowerCase());

const sameWords = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((word, index) => word === b[index]);

/** The non-empty conversions of an identifier to every target style. */
const styleVariants = (identifier: string): readonly string[] =>
  TARGET_STYLES.map((style) => convertStyle(identifier, style)).filter((variant) => variant !== '');

const isCasingVariant = (a: string, b: string): boolean => {
  const wordsA = lowerWords(a);
  return (
    (wordsA.length > 0 && sameWords(wordsA, lowerWords(b))) ||
    styleVariants(a).includes(b) ||
    styleVariants(b).includes(a)
  );
};

const isInflectionVariant = (a: string, b: string): boolean => singularize(a) === b || singularize(b) === a;

/** Same words except the last, whose lower-case forms are singular and plural. */
const isWordsInflectionVariant = (a: string, b: string): boolean => {
  const wordsA = lowerWords(a);
  const wordsB = lowerWords(b);
  const lastA = wordsA.at(-1);
  const lastB = wordsB.at(-1);
  if (lastA === undefined || lastB === undefined || lastA === lastB) return false;
  if (!sameWords(wordsA.slice(0, -1), wordsB.slice(0, -1))) return false;
  return singularWord(lastA) === lastB || singularWord(lastB) === lastA;
};

const relation = (tier: MatchTier, ...reasons: NameReason[]): NameRelation => ({ tier, reasons });

/**
 * The ways `long` can be cut to what `other` is (or cuts to), with the reasons that led
 * there. Only variants over the byte limit count: a cut must actually happen.
 */
const truncationReasons = (long: string, other: string): (readonly NameReason[])[] => {
  const variants: (readonly [string, readonly NameReason[]])[] = [
    [long, ['truncated']],
    ...styleVariants(long).map((variant) => [variant, ['casing', 'truncated']] as const),
    [foldUnquoted(long), ['folded', 'truncated']],
  ];
  const target = truncateIdentifier(other);
  return variants
    .filter(([variant]) => utf8ByteLength(variant) > MAX_IDENTIFIER_BYTES && truncateIdentifier(variant) === target)
    .map(([, reasons]) => reasons);
};

/** Fewest reasons first, then casing before folded: a fixed order keeps the answer symmetric. */
const reasonsRank = (reasons: readonly NameReason[]): number =>
  reasons.length * 10 + (reasons.includes('folded') ? 1 : 0);

/** Whether two identifiers can name the same thing, and why; null when unrelated. */
export const relateNames = (a: string, b: string): NameRelation | null => {
  if (a === b) return relation('identical');
  if (isCasingVariant(a, b)) return relation('casing', 'casing');
  const foldedA = foldUnquoted(a);
  const foldedB = foldUnquoted(b);
  if (foldedA === foldedB) return relation('folded', 'folded');
  if (isInflectionVariant(a, b)) return relation('inflection', 'inflection');
  if (isWordsInflectionVariant(a, b)) return relation('casing+inflection', 'casing', 'inflection');
  if (isInflectionVariant(foldedA, foldedB)) return relation('casing+inflection', 'folded', 'inflection');
  const truncations = [...truncationReasons(a, b), ...truncationReasons(b, a)];
  const best = truncations.sort((x, y) => reasonsRank(x) - reasonsRank(y))[0];
  return best === undefined ? null : relation('truncated', ...best);
};
