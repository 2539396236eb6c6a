/**
 * Singular and plural of identifiers: only the last word changes, and it keeps its case
 * pattern; every other character stays where it is (`meeting_transcript ↔
 * meeting_transcripts`, `clientProfile ↔ clientProfiles`, `USER_ROLE ↔ USER_ROLES`).
 */
import { pluralWord, singularWord, wordInflection } from './english.js';
import { lastWordSpan, type WordSpan } from './words.js';

export type Inflection = 'singular' | 'plural' | 'uncountable';

/**
 * Re-apply the case pattern of `original` to the lower-case `inflected` word. Words from
 * splitWords are lower case, all upper case or capitalized, so these three shapes suffice.
 */
const restoreCase = (original: string, inflected: string): string => {
  if (original === original.toLowerCase()) return inflected;
  if (original === original.toUpperCase()) return inflected.toUpperCase();
  return inflected.charAt(0).toUpperCase() + inflected.slice(1);
};

/** The last word when it is made of ASCII letters: the only words English rules apply to. */
const lastEnglishWord = (identifier: string): WordSpan | undefined => {
  const last = lastWordSpan(identifier);
  return last !== undefined && /^[A-Za-z]+$/.test(last.word) ? last : undefined;
};

const inflectLastWord = (identifier: string, inflect: (word: string) => string): string => {
  const last = lastEnglishWord(identifier);
  if (last === undefined) return identifier;
  const lower = last.word.toLowerCase();
  const inflected = inflect(lower);
  if (inflected === lower) return identifier;
  return identifier.slice(0, last.start) + restoreCase(last.word, inflected) + identifier.slice(last.end);
};

/**
 * Inflection of the last word. `uncountable` also covers identifiers whose last word
 * cannot inflect (digits, one letter, other scripts, no word at all): they count for
 * neither singular nor plural.
 */
export const inflectionOf = (identifier: string): Inflection => {
  const last = lastEnglishWord(identifier);
  return last === undefined ? 'uncountable' : wordInflection(last.word.toLowerCase());
};

/** Singular of the last word, keeping the identifier's style and other words. */
export const singularize = (identifier: string): string => inflectLastWord(identifier, singularWord);

/** Plural of the last word, keeping the identifier's style and other words. */
export const pluralize = (identifier: string): string => inflectLastWord(identifier, pluralWord);
