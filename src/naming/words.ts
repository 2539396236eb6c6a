/**
 * Splitting identifiers into words.
 *
 * The rule is drizzle-orm's own (`drizzle-orm/casing`): remove apostrophes, then take the
 * matches of `/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g`; everything else separates words.
 * On ASCII input `splitWords` returns exactly drizzle-orm's words (a property test checks
 * it against the real function). Beyond ASCII the same three alternatives are widened to
 * Unicode classes so that names in other scripts still have words to compare:
 *
 * - lower-case class: `\p{Ll}` plus letters without case (`\p{Lo}`, `\p{Lm}`, e.g. 名前)
 *   and combining marks (`\p{M}`, so a decomposed `é` stays one word);
 * - digit class: `\p{N}`;
 * - upper-case class: `\p{Lu}`, `\p{Lt}`.
 *
 * | input               | words                        | why                                              |
 * |---------------------|------------------------------|--------------------------------------------------|
 * | `userId`            | user, Id                     | a capital starts a word                          |
 * | `user_id`           | user, id                     | `_` separates                                    |
 * | `UserID`            | User, ID                     | an upper-case run ends before the last capital   |
 * | `userID`            | user, ID                     |                                                  |
 * | `APIKey`            | API, Key                     | `APIK` backs off to `API`: `K` starts `Key`      |
 * | `HTTPServerURL`     | HTTP, Server, URL            |                                                  |
 * | `credentialID`      | credential, ID               | drizzle: `credential_id`                         |
 * | `oauth2Token`       | oauth2, Token                | digits stay with the lower-case run before them  |
 * | `t1Id1`             | t1, Id1                      | drizzle: `t1_id1`                                |
 * | `address2`          | address2                     |                                                  |
 * | `ID2`, `OAUTH2`     | ID, 2 / OAUTH, 2             | digits never join an upper-case run (drizzle)    |
 * | `2fa`               | 2fa                          | a leading digit is part of the lower-case run    |
 * | `__internal`        | internal                     | leading/trailing separators vanish               |
 * | `meeting-transcripts` | meeting, transcripts       | `-` (and any non-word character) separates       |
 * | `user's`            | users                        | apostrophes (' and ’) are removed, as drizzle does |
 * | `` (empty), `__`    | (none)                       |                                                  |
 * | `123`               | 123                          | digits alone form a word                         |
 * | `Café`, `ÉCOLE_Ω`   | Café / ÉCOLE, Ω              | Unicode letters are word characters              |
 * | `名前_id`           | 名前, id                     | letters without case behave as lower case        |
 * | `user😀id`          | user, id                     | symbols and emoji separate                       |
 *
 * NOTE: drizzle-orm's conversions (toSnakeCase/toCamelCase in ./styles.ts) keep only the
 * ASCII words: `Café` becomes `caf`. `splitWords` keeps `Café` whole, so the matcher can
 * still compare such names; the conversions follow drizzle-orm exactly.
 */

const LOWER = '\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}';
const DIGIT = '\\p{N}';
const UPPER = '\\p{Lu}\\p{Lt}';

/** drizzle-orm's word pattern with its ASCII classes widened to Unicode (see the table above). */
const WORD = new RegExp(`[${LOWER}${DIGIT}]+|[${UPPER}]+(?![${LOWER}])|[${UPPER}][${LOWER}${DIGIT}]+`, 'gu');

/** drizzle-orm's word pattern, verbatim: ASCII only. Used by the conversions. */
const DRIZZLE_WORD = /[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g;

const APOSTROPHES = /['\u2019]/g;

/** A word and where it sits in the original identifier (UTF-16 offsets, end exclusive). */
export interface WordSpan {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Words with their positions in `identifier`. A span covers any apostrophes inside the
 * word (`user's` is one word `users` spanning the whole string), so replacing a span
 * rewrites exactly that word.
 */
export const wordSpans = (identifier: string): readonly WordSpan[] => {
  // Strip apostrophes but remember where each remaining code unit came from.
  let stripped = '';
  const rawIndex: number[] = [];
  for (let i = 0; i < identifier.length; i++) {
    const unit = identifier[i] as string;
    if (unit === "'" || unit === '\u2019') continue;
    stripped += unit;
    rawIndex.push(i);
  }
  const spans: WordSpan[] = [];
  for (const match of stripped.matchAll(WORD)) {
    const first = match.index;
    const last = first + match[0].length - 1;
    spans.push({ word: match[0], start: rawIndex[first] as number, end: (rawIndex[last] as number) + 1 });
  }
  return spans;
};

/** The words of an identifier, in order (see the table above). */
export const splitWords = (identifier: string): readonly string[] => wordSpans(identifier).map((span) => span.word);

/** The last word, or undefined when there is none. */
export const lastWordSpan = (identifier: string): WordSpan | undefined => wordSpans(identifier).at(-1);

/**
 * The words drizzle-orm's casing sees: ASCII letters and digits only, apostrophes removed.
 * Base of every style conversion, so that they agree with drizzle-orm on every input.
 */
export const drizzleWords = (identifier: string): readonly string[] =>
  identifier.replace(APOSTROPHES, '').match(DRIZZLE_WORD) ?? [];
