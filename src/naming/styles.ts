/**
 * Naming styles: recognise them and convert between them.
 *
 * Conversions are built on drizzle-orm's own words (ASCII letters and digits, see
 * ./words.ts), because what matters is the name drizzle-orm would produce:
 * `toSnakeCase` and `toCamelCase` equal drizzle-orm's `casing: 'snake_case'` and
 * `casing: 'camelCase'` for every input (property-tested against the real functions).
 *
 * NOTE: drizzle-orm drops every character that is not an ASCII letter or digit
 * (`Café → caf`, `名前 → ''`), so a non-ASCII key with `casing` set names a column
 * differently from what one may expect. The other conversions behave the same way.
 */
import { drizzleWords } from './words.js';

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

/** Every style, in a fixed order (used for counts and reports). */
export const STYLES: readonly Style[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'SCREAMING_SNAKE',
  'single',
  'mixed',
];

// Character classes as in ./words.ts: caseless letters and marks count as lower case.
const L = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]';
const U = '[\\p{Lu}\\p{Lt}]';
const D = '\\p{N}';
const LD = `[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}${D}]`;
const UD = `[\\p{Lu}\\p{Lt}${D}]`;

/**
 * Patterns, tried in this order. A single upper-case letter (`A`) is PascalCase; two or
 * more upper-case characters without lower case (`ID`, `USER_ID`) are SCREAMING_SNAKE.
 * A leading digit, a leading or doubled separator, or separators mixed with capitals
 * (`User_id`, `__internal`, `user__id`, `2fa`) make an identifier `mixed`, as does ''.
 */
const STYLE_PATTERNS: readonly (readonly [Exclude<Style, 'mixed'>, RegExp])[] = [
  ['single', new RegExp(`^${L}${LD}*$`, 'u')],
  ['snake_case', new RegExp(`^${L}${LD}*(?:_${LD}+)+$`, 'u')],
  ['kebab-case', new RegExp(`^${L}${LD}*(?:-${LD}+)+$`, 'u')],
  ['SCREAMING_SNAKE', new RegExp(`^(?=.*_|${U}.)${U}${UD}*(?:_${UD}+)*$`, 'u')],
  ['camelCase', new RegExp(`^${L}${LD}*(?:${U}${LD}*)+$`, 'u')],
  ['PascalCase', new RegExp(`^${U}${LD}*(?:${U}${LD}*)*$`, 'u')],
];

export const detectStyle = (identifier: string): Style =>
  STYLE_PATTERNS.find(([, pattern]) => pattern.test(identifier))?.[0] ?? 'mixed';

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Equal to drizzle-orm's `casing: 'snake_case'` conversion for every input. */
export const toSnakeCase = (identifier: string): string =>
  drizzleWords(identifier)
    .map((word) => word.toLowerCase())
    .join('_');

/**
 * Equal to drizzle-orm's `casing: 'camelCase'` conversion for every input: the first word
 * in lower case, each later word with its first letter raised and the rest kept
 * (`HTTPServerURL → httpServerURL`, `user_ID → userID`).
 */
export const toCamelCase = (identifier: string): string =>
  drizzleWords(identifier)
    .map((word, index) => (index === 0 ? word.toLowerCase() : upperFirst(word)))
    .join('');

/**
 * Like toCamelCase, but the first word is treated as the others (`HTTPServerURL` stays,
 * `user_id → UserId`). Lowering the first word would not be idempotent: `a_b_c → ABC`
 * would then become `Abc`.
 */
export const toPascalCase = (identifier: string): string => drizzleWords(identifier).map(upperFirst).join('');

export const toKebabCase = (identifier: string): string => toSnakeCase(identifier).replaceAll('_', '-');

/** Upper-case letters and digits separated by single underscores: already SCREAMING_SNAKE. */
const SCREAMING_SHAPE = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

/**
 * NOTE: drizzle-orm's words split digits from upper-case letters (`ADDRESS2` is
 * `ADDRESS`, `2`), so upper-casing toSnakeCase would turn `address2` into `ADDRESS2` and
 * then `ADDRESS_2`. A name already in that shape is therefore kept as it is, which makes
 * the conversion idempotent.
 */
export const toScreamingSnakeCase = (identifier: string): string =>
  SCREAMING_SHAPE.test(identifier) ? identifier : toSnakeCase(identifier).toUpperCase();

const CONVERTERS: Readonly<Record<TargetStyle, (identifier: string) => string>> = {
  snake_case: toSnakeCase,
  camelCase: toCamelCase,
  PascalCase: toPascalCase,
  'kebab-case': toKebabCase,
  SCREAMING_SNAKE: toScreamingSnakeCase,
};

/** Every target style, in a fixed order. */
export const TARGET_STYLES: readonly TargetStyle[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'SCREAMING_SNAKE',
];

export const convertStyle = (identifier: string, style: TargetStyle): string => CONVERTERS[style](identifier);
