/**
 * English singular and plural of ONE lower-case word: the only file that talks to the
 * `pluralize` package. Schema-name rules below are checked first; pluralize's own rule
 * set is never modified (it is a process-wide singleton other code may use).
 *
 * test/naming/inflection.test.ts pins pluralize 8.0.0's behaviour on the cases these
 * rules correct, so a change in the library shows up as a failing test.
 */
import pluralizeLibrary from 'pluralize';

/**
 * Words that do not inflect in schema names. pluralize gets these wrong:
 * - `data → datum`, `metadata → metadatum`: tables named `data`/`metadata` are mass nouns;
 * - abbreviations that end in s: `sms → sm`, `gps → gp`, `os → o`, `ios → io`,
 *   `dns → dn`, `https → http`, `aws → aw`, `cms → cm`, `tos → to`, `vs → v`;
 * - function words pluralize treats as pronouns or verbs: `is → are`, `has → have`,
 *   `was → were`, `this → these`, `us → me`, `his → hi`, `its → it`;
 * - singular words it reads as plurals: `basis → basi` (`cost_basis`; its plural `bases`
 *   would clash with `base`), `devops → devop`, `chaos → chao`, `ethos → etho`.
 * Without them `use_http` and `use_https` would look like singular and plural.
 */
const UNCOUNTABLE: ReadonlySet<string> = new Set([
  'data',
  'metadata',
  'sms',
  'mms',
  'gps',
  'os',
  'ios',
  'macos',
  'dns',
  'http',
  'https',
  'aws',
  'cms',
  'tos',
  'vs',
  'is',
  'has',
  'was',
  'this',
  'us',
  'his',
  'its',
  'basis',
  'devops',
  'chaos',
  'ethos',
]);

/**
 * Singular ↔ plural pairs pluralize gets wrong for schema names:
 * - `caches → cach`, `axes → axe`, `canvas → canva` (singular of a singular);
 * - `schema → schemata`, `index → indices`, `virus → viri`: PostgreSQL and most schemas say
 *   `schemas`, `indexes`, `viruses` (pluralize still singularizes `indices`, `schemata`).
 * `lens` and `bias` pluralize treats as plurals of `len` and `bia`.
 */
const IRREGULAR: readonly (readonly [singular: string, plural: string])[] = [
  ['axis', 'axes'],
  ['bias', 'biases'],
  ['cache', 'caches'],
  ['canvas', 'canvases'],
  ['index', 'indexes'],
  ['lens', 'lenses'],
  ['schema', 'schemas'],
  ['virus', 'viruses'],
];

const PLURAL_OF: ReadonlyMap<string, string> = new Map(IRREGULAR.map(([singular, plural]) => [singular, plural]));
const SINGULAR_OF: ReadonlyMap<string, string> = new Map(IRREGULAR.map(([singular, plural]) => [plural, singular]));

/**
 * Only words of two or more ASCII letters inflect: single letters (`a → as`, `i → we`),
 * words with digits (`address2`) and other scripts (`名前 → 名前s`) are left alone.
 */
const INFLECTABLE = /^[a-z]{2,}$/;

const inflects = (word: string): boolean => INFLECTABLE.test(word) && !UNCOUNTABLE.has(word);

/** A library answer shorter than two letters is noise (`os → o`); keep the word. */
const sensible = (word: string, answer: string): string => (INFLECTABLE.test(answer) ? answer : word);

/** Singular of a lower-case word; the word itself when it does not inflect. */
export const singularWord = (word: string): string => {
  if (!inflects(word)) return word;
  if (PLURAL_OF.has(word)) return word;
  return SINGULAR_OF.get(word) ?? sensible(word, pluralizeLibrary.singular(word));
};

/** Plural of a lower-case word; the word itself when it does not inflect. */
export const pluralWord = (word: string): string => {
  if (!inflects(word)) return word;
  if (SINGULAR_OF.has(word)) return word;
  return PLURAL_OF.get(word) ?? sensible(word, pluralizeLibrary.plural(word));
};

export type WordInflection = 'singular' | 'plural' | 'uncountable';

/**
 * `plural` when the word singularizes to another word, `uncountable` when it has a single
 * form (no inflection either way), `singular` otherwise.
 */
export const wordInflection = (word: string): WordInflection => {
  if (singularWord(word) !== word) return 'plural';
  if (pluralWord(word) !== word) return 'singular';
  return 'uncountable';
};
