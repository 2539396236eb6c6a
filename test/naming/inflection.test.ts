import fc from 'fast-check';
import pluralizeLibrary from 'pluralize';
import { describe, expect, it } from 'vitest';
import {
  inflectionOf,
  pluralize,
  pluralWord,
  singularize,
  singularWord,
  toCamelCase,
  toPascalCase,
  toScreamingSnakeCase,
  toSnakeCase,
  type Inflection,
} from '../../src/naming/index.js';
import { identifierLike, noun, NOUNS, RUNS } from './arbitraries.js';

describe('the pluralize package (8.0.0), as it behaves on schema names', () => {
  it.each([
    // What it gets right for us.
    ['person', 'people', 'person'],
    ['status', 'statuses', 'status'],
    ['analysis', 'analyses', 'analysis'],
    ['category', 'categories', 'category'],
    ['meeting', 'meetings', 'meeting'],
    ['news', 'news', 'news'],
    ['information', 'information', 'information'],
    // What src/naming/english.ts corrects: [word, plural(word), singular(word)].
    ['data', 'data', 'datum'],
    ['metadata', 'metadata', 'metadatum'],
    ['caches', 'caches', 'cach'],
    ['axis', 'axes', 'axi'],
    ['axes', 'axes', 'axe'],
    ['canvas', 'canvas', 'canva'],
    ['lens', 'lens', 'len'],
    ['schema', 'schemata', 'schema'],
    ['index', 'indices', 'index'],
    ['virus', 'viri', 'virus'],
    ['https', 'https', 'http'],
    ['sms', 'sms', 'sm'],
    ['os', 'os', 'o'],
    ['his', 'his', 'hi'],
    ['a', 'as', 'a'],
    ['as', 'as', 'a'],
    ['bu', 'bus', 'bu'],
    ['bus', 'buses', 'bus'],
    ['is', 'are', 'is'],
    ['basis', 'bases', 'basi'],
    ['devops', 'devops', 'devop'],
  ])('%s: plural %s, singular %s', (word, plural, singular) => {
    expect(pluralizeLibrary.plural(word)).toBe(plural);
    expect(pluralizeLibrary.singular(word)).toBe(singular);
  });
});

describe('singularWord / pluralWord', () => {
  it.each([
    ['person', 'people'],
    ['status', 'statuses'],
    ['analysis', 'analyses'],
    ['category', 'categories'],
    ['transcript', 'transcripts'],
    ['profile', 'profiles'],
    ['cache', 'caches'],
    ['axis', 'axes'],
    ['canvas', 'canvases'],
    ['schema', 'schemas'],
    ['index', 'indexes'],
    ['virus', 'viruses'],
    ['bus', 'buses'],
    ['child', 'children'],
    ['address', 'addresses'],
  ])('%s ↔ %s', (singular, plural) => {
    expect(pluralWord(singular)).toBe(plural);
    expect(singularWord(plural)).toBe(singular);
    expect(singularWord(singular)).toBe(singular);
    expect(pluralWord(plural)).toBe(plural);
  });

  const fixed = ['data', 'metadata', 'information', 'news', 'series', 'species', 'equipment', 'https', 'sms', 'basis'];
  it.each([...fixed, 'devops', 'a', 'i', 'x2', '名前'])('%s does not inflect', (word) => {
    expect(singularWord(word)).toBe(word);
    expect(pluralWord(word)).toBe(word);
  });

  it('still singularizes the plurals pluralize prefers', () => {
    expect(singularWord('indices')).toBe('index');
    expect(singularWord('schemata')).toBe('schema');
  });
});

describe('identifiers', () => {
  it.each([
    ['meeting_transcript', 'meeting_transcripts'],
    ['clientProfile', 'clientProfiles'],
    ['ClientProfile', 'ClientProfiles'],
    ['client-profile', 'client-profiles'],
    ['USER_ROLE', 'USER_ROLES'],
    ['person', 'people'],
    ['meetingPerson', 'meetingPeople'],
    ['status', 'statuses'],
    ['order_status', 'order_statuses'],
    ['analysis', 'analyses'],
    ['category', 'categories'],
    ['productCategory', 'productCategories'],
    ['userID', 'userIDS'], // drizzle-orm reads `userIDs` as user, I, Ds; `userIDS` is user, IDS
    ['__internal', '__internals'],
  ])('%s ↔ %s', (singular, plural) => {
    expect(pluralize(singular)).toBe(plural);
    expect(singularize(plural)).toBe(singular);
    expect(inflectionOf(singular)).toBe('singular');
    expect(inflectionOf(plural)).toBe('plural');
  });

  it.each<readonly [string, Inflection]>([
    ['data', 'uncountable'],
    ['metadata', 'uncountable'],
    ['user_metadata', 'uncountable'],
    ['information', 'uncountable'],
    ['news', 'uncountable'],
    ['address2', 'uncountable'],
    ['v2', 'uncountable'],
    ['名前', 'uncountable'],
    ['', 'uncountable'],
    ['__', 'uncountable'],
    ['users', 'plural'],
    ['user', 'singular'],
  ])('%j is %s and does not change when it does not inflect', (identifier, inflection) => {
    expect(inflectionOf(identifier)).toBe(inflection);
    if (inflection === 'uncountable') {
      expect(pluralize(identifier)).toBe(identifier);
      expect(singularize(identifier)).toBe(identifier);
    }
  });
});

describe('properties', () => {
  it.each(NOUNS)('singular(plural(%s)) gives the word back', (word) => {
    expect(singularWord(pluralWord(word))).toBe(word);
    expect(singularWord(word)).toBe(word);
    expect(inflectionOf(word)).not.toBe('plural');
  });

  it('singularize(pluralize(x)) == x for identifiers ending in a dictionary noun, in every style', () => {
    const prefixWords = fc.array(noun, { maxLength: 3 });
    const style = fc.constantFrom(toSnakeCase, toCamelCase, toPascalCase, toScreamingSnakeCase, (s: string) => s.replaceAll('_', '-'));
    fc.assert(
      fc.property(prefixWords, noun, style, (prefix, last, applyStyle) => {
        const name = applyStyle([...prefix, last].join('_'));
        const plural = pluralize(name);
        expect(singularize(plural)).toBe(name);
        if (inflectionOf(name) === 'singular') {
          expect(plural).not.toBe(name);
          expect(inflectionOf(plural)).toBe('plural');
        }
      }),
      RUNS,
    );
  });

  it('changes only the last word', () => {
    fc.assert(
      fc.property(identifierLike, (identifier) => {
        for (const inflected of [pluralize(identifier), singularize(identifier)]) {
          const words = toSnakeCase(identifier).split('_');
          const inflectedWords = toSnakeCase(inflected).split('_');
          expect(inflectedWords.slice(0, -1)).toEqual(words.slice(0, -1));
        }
      }),
      RUNS,
    );
  });

  it('commutes with drizzle-orm’s snake_case on ASCII names', () => {
    fc.assert(
      fc.property(identifierLike, (identifier) => {
        expect(toSnakeCase(pluralize(identifier))).toBe(pluralize(toSnakeCase(identifier)));
        expect(toSnakeCase(singularize(identifier))).toBe(singularize(toSnakeCase(identifier)));
      }),
      RUNS,
    );
  });
});
