import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectStyle, inferConvention, STYLES } from '../../src/naming/index.js';
import { anyIdentifier, identifierLike, RUNS } from './arbitraries.js';

describe('inferConvention', () => {
  it('reports the dominant style and inflection with counts', () => {
    const tables = ['users', 'meeting_transcripts', 'client_profiles', 'organizations', 'userSessions', 'audit_log', 'data'];
    expect(inferConvention(tables)).toEqual({
      style: 'snake_case',
      styleCounts: { snake_case: 3, camelCase: 1, PascalCase: 0, 'kebab-case': 0, SCREAMING_SNAKE: 0, single: 3, mixed: 0 },
      inflection: 'plural',
      inflectionCounts: { singular: 1, plural: 5, uncountable: 1 },
      total: 7,
    });
  });

  it('does not let single lower-case words decide the style', () => {
    const convention = inferConvention(['users', 'posts', 'comments', 'likes', 'userId']);
    expect(convention.style).toBe('camelCase');
    expect(convention.styleCounts.single).toBe(4);
  });

  it('says none for empty input', () => {
    expect(inferConvention([])).toEqual({
      style: 'none',
      styleCounts: { snake_case: 0, camelCase: 0, PascalCase: 0, 'kebab-case': 0, SCREAMING_SNAKE: 0, single: 0, mixed: 0 },
      inflection: 'none',
      inflectionCounts: { singular: 0, plural: 0, uncountable: 0 },
      total: 0,
    });
  });

  it('says none when only single words or only uncountables are given', () => {
    expect(inferConvention(['users', 'user']).style).toBe('none');
    expect(inferConvention(['data', 'metadata', 'information', 'news']).inflection).toBe('none');
  });

  it('says tie on a tie', () => {
    expect(inferConvention(['user_id', 'userId']).style).toBe('tie');
    expect(inferConvention(['user_id', 'userId', 'UserId', 'created_at']).style).toBe('snake_case');
    expect(inferConvention(['user', 'posts']).inflection).toBe('tie');
    expect(inferConvention(['user', 'posts', 'data']).inflection).toBe('tie');
  });

  it('counts every identifier once, and names a style only when it leads', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(identifierLike, anyIdentifier), { maxLength: 30 }), (identifiers) => {
        const convention = inferConvention(identifiers);
        const sum = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((a, b) => a + b, 0);
        expect(convention.total).toBe(identifiers.length);
        expect(sum(convention.styleCounts)).toBe(identifiers.length);
        expect(sum(convention.inflectionCounts)).toBe(identifiers.length);
        for (const style of STYLES) {
          expect(convention.styleCounts[style]).toBe(identifiers.filter((id) => detectStyle(id) === style).length);
        }
        const voting = STYLES.filter((style) => style !== 'single').map((style) => convention.styleCounts[style]);
        const highest = Math.max(...voting);
        if (convention.style === 'none') expect(highest).toBe(0);
        else if (convention.style === 'tie') expect(voting.filter((count) => count === highest).length).toBeGreaterThan(1);
        else {
          expect(convention.styleCounts[convention.style]).toBe(highest);
          expect(voting.filter((count) => count === highest)).toHaveLength(1);
        }
        const { singular, plural } = convention.inflectionCounts;
        const expectedInflection =
          singular === 0 && plural === 0 ? 'none' : singular === plural ? 'tie' : singular > plural ? 'singular' : 'plural';
        expect(convention.inflection).toBe(expectedInflection);
        expect(inferConvention([...identifiers].reverse())).toEqual(convention);
      }),
      RUNS,
    );
  });
});
