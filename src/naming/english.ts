/**
 * English singular and plural of ONE lower-case word: the only file that talks to the
 * `pluralize` package. Schema-name rules below are checked first; pluralize's own rule
 * set is never modified (it is a process-wide singleton other code may use). Answers are
 * remembered per word, so a rule another module adds to pluralize later may go unseen.
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

/** Words remembered per direction; past this, the memo starts over (a long-lived host). */
const MEMO_LIMIT = 10_000;

/**
 * `inflect` remembered per word: verify asks about the same few hundred words tens of
 * thousands of times (every column name of 2,000 tables), and pluralize's rule scan is
 * what that cost (0.2 s of a 2,000-table verify).
 */
const memoized = (inflect: (word: string) => string): ((word: string) => string) => {
  const memo = new Map<string, string>();
  return (word) => {
    let answer = memo.get(word);
    if (answer === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      answer = inflect(word);
      memo.set(word, answer);
    }
    return answer;
  };
};

/** Singular of a lower-case word; the word itself when it does not inflect. */
export const singularWord = memoized((word: string): string => {
  if (!inflects(word)) return word;
  if (PLURAL_OF.has(word)) return word;
  return SINGULAR_OF.get(word) ?? sensible(word, pluralizeLibrary.singular(word));
});

/** Plural of a lower-case word; the word itself when it does not inflect. */
export const pluralWord = memoized((word: string): string => {
  if (!inflects(word)) return word;
  if (SINGULAR_OF.has(word)) return word;
  return PLURAL_OF.get(word) ?? sensible(word, pluralizeLibrary.plural(word));
});

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
