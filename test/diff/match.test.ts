import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateKeys, matchByName } from '../../src/diff/match.js';
import { convertStyle, foldUnquoted, pluralize, relateNames, TARGET_STYLES, truncateIdentifier } from '../../src/naming/index.js';

const names = (schema: string[], database: string[]) => {
  const m = matchByName(schema, database, (s) => s, (d) => d);
  return {
    pairs: m.pairs.map((p) => `${p.database}→${p.schema} (${p.relation.tier})`),
    created: m.created,
    dropped: m.dropped,
    ambiguous: m.ambiguities.map((a) => `${a.tier}: ${a.schema.join(',')} ~ ${a.database.join(',')}`),
  };
};

describe('matchByName', () => {
  it('pairs identical names first, whatever variants exist besides', () => {
    expect(names(['userId', 'email'], ['userId', 'user_id', 'email']).pairs).toEqual(['email→email (identical)', 'userId→userId (identical)']);
    expect(names(['userId', 'email'], ['userId', 'user_id', 'email']).dropped).toEqual(['user_id']);
  });

  it('pairs a casing variant as a rename', () => {
    expect(names(['userId'], ['user_id'])).toEqual({ pairs: ['user_id→userId (casing)'], created: [], dropped: [], ambiguous: [] });
  });

  it('pairs a folded name (unquoted creation) as a rename', () => {
    expect(names(['clientProfiles'], ['clientprofiles']).pairs).toEqual(['clientprofiles→clientProfiles (folded)']);
  });

  it('pairs singular and plural, and both at once', () => {
    expect(names(['meeting', 'meetingTranscript'], ['meetings', 'meeting_transcripts']).pairs).toEqual([
      'meetings→meeting (inflection)',
      'meeting_transcripts→meetingTranscript (casing+inflection)',
    ]);
  });

  it('pairs a name cut at 63 bytes with its long form', () => {
    const long = `${'a'.repeat(60)}_long_suffix`;
    expect(names([long], [long.slice(0, 63)]).pairs).toEqual([`${long.slice(0, 63)}→${long} (truncated)`]);
  });

  it('never pairs unrelated names', () => {
    expect(names(['body'], ['legacy_flag'])).toEqual({ pairs: [], created: ['body'], dropped: ['legacy_flag'], ambiguous: [] });
  });

  it('prefers the strongest tier: a casing variant beats a plural', () => {
    expect(names(['user'], ['users', 'User']).pairs).toEqual(['User→user (casing)']);
    expect(names(['user'], ['users', 'User']).dropped).toEqual(['users']);
  });

  it('reports an ambiguity instead of guessing when two names fit equally', () => {
    const m = names(['userId'], ['user_id', 'USER_ID']);
    expect(m.pairs).toEqual([]);
    expect(m.ambiguous).toEqual(['casing: userId ~ USER_ID,user_id']);
    expect(m.created).toEqual([]);
    expect(m.dropped).toEqual([]);
  });

  it('keeps names of an ambiguity out of weaker tiers', () => {
    // user_id and USER_ID are casing candidates for userId; userid (folded) must not be paired with it afterwards.
    const m = names(['userId'], ['user_id', 'USER_ID', 'userid']);
    expect(m.pairs).toEqual([]);
    expect(m.dropped).toEqual(['userid']);
  });

  it('reports an ambiguity with two schema names for one database name', () => {
    expect(names(['userId', 'UserID'], ['user_id']).ambiguous).toEqual(['casing: UserID,userId ~ user_id']);
  });

  it('does not depend on the order of its inputs', () => {
    const a = names(['b', 'userId', 'meeting', 'x'], ['meetings', 'user_id', 'y', 'b']);
    const b = names(['x', 'meeting', 'userId', 'b'], ['b', 'y', 'user_id', 'meetings']);
    expect(b).toEqual(a);
  });
});

describe('candidate keys (the shortcut before relateNames)', () => {
  const WORDS = ['user', 'meeting', 'person', 'category', 'status', 'analysis', 'data', 'id', 'api', 'key', 'transcript', 'child', 'box', 'url'];
  const base = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join('_'));
  const variantOf = (name: string) =>
    fc.tuple(fc.constantFrom(...TARGET_STYLES), fc.boolean(), fc.boolean(), fc.boolean()).map(([style, plural, fold, cut]) => {
      let v = convertStyle(plural ? pluralize(name) : name, style);
      if (fold) v = foldUnquoted(v);
      if (cut) v = truncateIdentifier(v);
      return v;
    });

  it('share a key for every pair of variants of one name that relateNames relates', () => {
    let related = 0;
    fc.assert(
      fc.property(
        base.chain((name) => fc.tuple(variantOf(name), variantOf(name))),
        ([a, b]) => {
          if (relateNames(a, b) === null) return;
          related += 1;
          const keys = new Set(candidateKeys(a));
          expect(candidateKeys(b).some((k) => keys.has(k))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(related).toBeGreaterThan(1000);
  });

  it('share a key for a name and each of its own variants', () => {
    fc.assert(
      fc.property(base, fc.constantFrom(...TARGET_STYLES), fc.boolean(), fc.boolean(), (name, style, plural, fold) => {
        let v = convertStyle(plural ? pluralize(name) : name, style);
        if (fold) v = foldUnquoted(v);
        for (const other of [v, truncateIdentifier(v)]) {
          if (relateNames(name, other) === null) continue;
          const keys = new Set(candidateKeys(name));
          expect(candidateKeys(other).some((k) => keys.has(k))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
