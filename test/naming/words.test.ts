import { toSnakeCase as drizzleSnakeCase } from 'drizzle-orm/casing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drizzleWords, splitWords, wordSpans } from '../../src/naming/index.js';
import { anyIdentifier, identifierLike, RUNS, trickyText } from './arbitraries.js';

describe('splitWords', () => {
  it.each([
    ['userId', ['user', 'Id']],
    ['user_id', ['user', 'id']],
    ['UserID', ['User', 'ID']],
    ['userID', ['user', 'ID']],
    ['APIKey', ['API', 'Key']],
    ['HTTPServerURL', ['HTTP', 'Server', 'URL']],
    ['credentialID', ['credential', 'ID']],
    ['oauth2Token', ['oauth2', 'Token']],
    ['t1Id1', ['t1', 'Id1']],
    ['address2', ['address2']],
    ['ID2', ['ID', '2']],
    ['OAUTH2_TOKEN', ['OAUTH', '2', 'TOKEN']],
    ['2fa', ['2fa']],
    ['__internal', ['internal']],
    ['meeting-transcripts', ['meeting', 'transcripts']],
    ["user's", ['users']],
    ['user\u2019s', ['users']],
    ['', []],
    ['__', []],
    ['123', ['123']],
    ['Café', ['Café']],
    ['ÉCOLE_Ω', ['ÉCOLE', 'Ω']],
    ['E\u0301cole', ['E\u0301cole']],
    ['名前_id', ['名前', 'id']],
    ['user😀id', ['user', 'id']],
  ] as const)('%j → %j', (identifier, words) => {
    expect(splitWords(identifier)).toEqual(words);
  });

  it('equals drizzle-orm’s words on ASCII input', () => {
    // drizzle-orm does not export its words; its snake_case joins them lower-cased.
    const ascii = fc.oneof(identifierLike, fc.string({ unit: 'binary-ascii', maxLength: 30 }));
    fc.assert(
      fc.property(ascii, (identifier) => {
        expect(splitWords(identifier).map((word) => word.toLowerCase()).join('_')).toBe(drizzleSnakeCase(identifier));
        expect(drizzleWords(identifier)).toEqual(splitWords(identifier));
      }),
      RUNS,
    );
  });

  it('gives spans that locate each word in the original text', () => {
    fc.assert(
      fc.property(fc.oneof(anyIdentifier, trickyText), (identifier) => {
        let previousEnd = 0;
        for (const span of wordSpans(identifier)) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(identifier.slice(span.start, span.end).replace(/['\u2019]/g, '')).toBe(span.word);
          previousEnd = span.end;
        }
      }),
      RUNS,
    );
  });
});
