/**
 * Generators shared by the naming property tests. Bounded sizes: the machine is shared.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/** Any well-formed text: user-perceived characters from the whole of Unicode. */
export const graphemeText = fc.string({ unit: 'grapheme', maxLength: 40 });

/** Any code points, lone surrogates included. */
export const binaryText = fc.string({ unit: 'binary', maxLength: 40 });

/** Characters that decide word splitting, densely mixed. */
const trickyChar = fc.constantFrom(
  'a', 'b', 'z', 'A', 'B', 'Z', '0', '1', '9', '_', '-', ' ', '$', "'", '\u2019', '.',
  'é', 'É', 'ß', 'İ', 'Ω', 'ω', 'ǅ', '名', '\u0301', '😀', '\u212A',
);
export const trickyText = fc.string({ unit: trickyChar, maxLength: 30 });

const lowerRun = fc.stringMatching(/^[a-z]{1,7}$/);
const capitalized = fc.stringMatching(/^[A-Z][a-z]{1,7}$/);
const upperRun = fc.stringMatching(/^[A-Z]{1,4}$/);
const digits = fc.stringMatching(/^[0-9]{1,3}$/);
const separator = fc.constantFrom('_', '-', '__', ' ', '$', "'");

/** Identifier-shaped ASCII: words in every case shape, digits and separators. */
export const identifierLike = fc
  .array(fc.oneof(lowerRun, capitalized, upperRun, digits, separator), { minLength: 0, maxLength: 8 })
  .map((parts) => parts.join(''));

/** Any of the above: the input space for "equal to drizzle-orm" and "never throws". */
export const anyIdentifier = fc.oneof(identifierLike, trickyText, graphemeText, binaryText);

/**
 * A camelCase name that survives toSnakeCase and back: after the first word, each word is
 * a capital followed by a lower-case letter (an upper-case run such as `ID` comes back as
 * `Id`, and `B1` splits into `B`, `1`), and a single capital may close the name (`userA`).
 */
export const canonicalCamel = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    fc.array(fc.stringMatching(/^[A-Z][a-z][a-z0-9]{0,6}$/), { maxLength: 4 }),
    fc.option(fc.stringMatching(/^[A-Z]$/), { nil: '' }),
  )
  .map(([first, rest, last]) => first + rest.join('') + last);

/**
 * A snake_case name that survives toCamelCase and back: later words start with two
 * letters (`b1` would come back as `b_1`, and `b_c` as `bc`), a one-letter word may close it.
 */
export const canonicalSnake = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    fc.array(fc.stringMatching(/^[a-z]{2}[a-z0-9]{0,6}$/), { maxLength: 4 }),
    fc.option(fc.stringMatching(/^[a-z]$/), { nil: undefined }),
  )
  .map(([first, rest, last]) => [first, ...rest, ...(last === undefined ? [] : [last])].join('_'));

/** Characters of 1, 2, 3 and 4 bytes of UTF-8, for names that cross 63 bytes mid-character. */
const multiByteChar = fc.constantFrom('a', 'Z', '_', '1', ' ', '"', 'é', 'ß', 'Ω', 'ж', '名', '€', '\u0301', '😀', '𝔘');
export const longIdentifier = fc.string({ unit: multiByteChar, minLength: 20, maxLength: 90 });

/** test/fixtures/nouns.txt: common singular nouns of table names. */
export const NOUNS: readonly string[] = readFileSync(new URL('../fixtures/nouns.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

export const noun = fc.constantFrom(...NOUNS);

/** Property-run budget for pure functions. */
export const RUNS = { numRuns: 400 } as const;

/** Long ASCII camelCase names (over 63 bytes): their snake_case form is longer still. */
export const longCamelName = fc
  .array(fc.stringMatching(/^[A-Z][a-z]{3,8}$/), { minLength: 16, maxLength: 24 })
  .map((words) => `the${words.join('')}`);
