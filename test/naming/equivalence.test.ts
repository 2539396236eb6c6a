import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldUnquoted,
  MATCH_TIERS,
  pluralize,
  relateNames,
  singularize,
  TARGET_STYLES,
  convertStyle,
  toCamelCase,
  toPascalCase,
  toSnakeCase,
  truncateIdentifier,
  type NameRelation,
} from '../../src/naming/index.js';
import { anyIdentifier, identifierLike, longCamelName, longIdentifier, noun, RUNS, trickyText } from './arbitraries.js';

const LONG_CAMEL = 'meetingTranscriptSpeakerDiarizationConfidenceThresholdOverrideValue'; // 68 bytes
const LONG_SNAKE = toSnakeCase(LONG_CAMEL); // 75 bytes

describe('relateNames', () => {
  it.each<readonly [string, string, NameRelation]>([
    ['users', 'users', { tier: 'identical', reasons: [] }],
    ['user_id', 'userId', { tier: 'casing', reasons: ['casing'] }],
    ['USER_ID', 'userId', { tier: 'casing', reasons: ['casing'] }],
    ['meeting-transcripts', 'meeting_transcripts', { tier: 'casing', reasons: ['casing'] }],
    ['oauth2_token', 'OAUTH2_TOKEN', { tier: 'casing', reasons: ['casing'] }],
    ['fullname', 'fullName', { tier: 'folded', reasons: ['folded'] }],
    ['clientprofiles', 'clientProfiles', { tier: 'folded', reasons: ['folded'] }],
    ['meeting', 'meetings', { tier: 'inflection', reasons: ['inflection'] }],
    ['person', 'people', { tier: 'inflection', reasons: ['inflection'] }],
    ['order_status', 'order_statuses', { tier: 'inflection', reasons: ['inflection'] }],
    ['clientProfile', 'clientProfiles', { tier: 'inflection', reasons: ['inflection'] }],
    ['meeting_transcript', 'meetingTranscripts', { tier: 'casing+inflection', reasons: ['casing', 'inflection'] }],
    ['Category', 'categories', { tier: 'casing+inflection', reasons: ['casing', 'inflection'] }],
    ['clientprofiles', 'clientProfile', { tier: 'casing+inflection', reasons: ['folded', 'inflection'] }],
    [LONG_CAMEL, truncateIdentifier(LONG_CAMEL), { tier: 'truncated', reasons: ['truncated'] }],
    [LONG_CAMEL, truncateIdentifier(LONG_SNAKE), { tier: 'truncated', reasons: ['casing', 'truncated'] }],
    [LONG_CAMEL, truncateIdentifier(LONG_CAMEL.toLowerCase()), { tier: 'truncated', reasons: ['folded', 'truncated'] }],
    [`${LONG_SNAKE}_a`, `${LONG_SNAKE}_b`, { tier: 'truncated', reasons: ['truncated'] }], // same first 63 bytes
  ])('%s ~ %s', (a, b, expected) => {
    expect(relateNames(a, b)).toEqual(expected);
    expect(relateNames(b, a)).toEqual(expected);
  });

  it.each([
    ['legacy_flag', 'body'],
    ['a', 'as'], // pluralize says plural('a') = 'as': one letter is not a word
    ['bus', 'bu'], // pluralize says plural('bu') = 'bus', but 'bus' is singular
    ['os', 'o'],
    ['use_http', 'use_https'],
    ['data', 'datum'],
    ['user_id', 'user_ids_x'],
    ['meeting_transcript', 'transcripts'],
    ['user_名前', 'user_住所'],
    ['名前', '住所'],
    ['', '_'],
    ['user', 'users_archive'],
    ['users_id', 'user_id'], // only the last word inflects
    ['meetings_transcript', 'meeting_transcripts'],
    ['cost_basis', 'cost_bases'],
    [LONG_CAMEL, truncateIdentifier(LONG_CAMEL).slice(0, -1)],
  ])('%j and %j are unrelated', (a, b) => {
    expect(relateNames(a, b)).toBeNull();
    expect(relateNames(b, a)).toBeNull();
  });

  it('follows drizzle-orm: a name its casing would produce is a casing variant', () => {
    // drizzle-orm's snake_case keeps only ASCII words: a key `user_名前` becomes column `user`.
    expect(relateNames('user_名前', 'user')).toEqual({ tier: 'casing', reasons: ['casing'] });
    expect(relateNames("user's", 'users')).toEqual({ tier: 'casing', reasons: ['casing'] });
  });

  it('lists tiers strongest first', () => {
    expect(MATCH_TIERS).toEqual(['identical', 'casing', 'folded', 'inflection', 'casing+inflection', 'truncated']);
  });
});

const conversions: readonly ((identifier: string) => string)[] = [
  ...TARGET_STYLES.map((style) => (identifier: string) => convertStyle(identifier, style)),
  foldUnquoted,
];

/** Pairs that are often related, so that symmetry is tested on more than `null`. */
const relatedPair = fc.oneof(
  fc.tuple(anyIdentifier, anyIdentifier),
  fc.tuple(anyIdentifier, fc.constantFrom(...conversions)).map(([x, convert]) => [x, convert(x)] as const),
  fc.tuple(identifierLike, fc.constantFrom(pluralize, singularize, toCamelCase)).map(([x, f]) => [x, f(x)] as const),
  fc.tuple(fc.array(noun, { minLength: 1, maxLength: 3 }), fc.constantFrom(...conversions)).map(([words, convert]) => {
    const name = words.join('_');
    return [name, convert(pluralize(name))] as const;
  }),
  fc.tuple(fc.oneof(longIdentifier, longCamelName), fc.constantFrom(...conversions)).map(
    ([x, convert]) => [x, truncateIdentifier(convert(x))] as const,
  ),
);

describe('relateNames properties', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(relatedPair, ([a, b]) => {
        expect(relateNames(b, a)).toEqual(relateNames(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('relates every conversion of x to x', () => {
    fc.assert(
      fc.property(fc.oneof(anyIdentifier, trickyText), (x) => {
        TARGET_STYLES.forEach((style) => {
          const converted = convertStyle(x, style);
          if (converted !== '') expect(['identical', 'casing']).toContain(relateNames(x, converted)?.tier);
        });
        expect(['identical', 'casing', 'folded']).toContain(relateNames(x, foldUnquoted(x))?.tier);
      }),
      RUNS,
    );
  });

  it('relates a long name to its truncation, after any conversion', () => {
    fc.assert(
      fc.property(fc.oneof(longIdentifier, longCamelName), fc.constantFrom(...conversions), (x, convert) => {
        const stored = truncateIdentifier(convert(x));
        if (stored !== '') expect(relateNames(x, stored)).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('explains a cut ASCII name by truncation, with the conversion that came first', () => {
    fc.assert(
      fc.property(longCamelName, fc.constantFrom(...conversions), (x, convert) => {
        const relation = relateNames(x, truncateIdentifier(convert(x)));
        expect(relation?.tier).toBe('truncated');
        const expected =
          convert(x) === x ? ['truncated'] : convert === foldUnquoted ? ['folded', 'truncated'] : ['casing', 'truncated'];
        expect(relation?.reasons).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('relates dictionary nouns to their plural, in any style', () => {
    fc.assert(
      fc.property(fc.array(noun, { maxLength: 2 }), noun, (prefix, last) => {
        const singular = [...prefix, last].join('_');
        const plural = pluralize(singular);
        fc.pre(plural !== singular);
        expect(relateNames(singular, plural)?.tier).toBe('inflection');
        expect(relateNames(singular, toPascalCase(plural))?.tier).toBe('casing+inflection');
      }),
      RUNS,
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(anyIdentifier, anyIdentifier, (a, b) => {
        relateNames(a, b);
      }),
      RUNS,
    );
  });
});
