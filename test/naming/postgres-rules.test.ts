/**
 * PostgreSQL identifier rules as pure functions. test/naming/postgres-identifiers.test.ts
 * checks the same rules against a real server and PGlite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldUnquoted,
  isQuotedKeyword,
  MAX_IDENTIFIER_BYTES,
  needsQuoting,
  POSTGRES_15_QUOTED_KEYWORDS,
  quoteIdentifier,
  truncateIdentifier,
  utf8ByteLength,
} from '../../src/naming/index.js';
import { anyIdentifier, binaryText, graphemeText, longIdentifier, RUNS } from './arbitraries.js';

const codePoints = (text: string): readonly string[] => Array.from(text);

describe('foldUnquoted', () => {
  it.each([
    ['clientProfiles', 'clientprofiles'],
    ['USER_ID', 'user_id'],
    ['users', 'users'],
    ['ÉCOLE', 'École'],
    ['Straße', 'straße'],
    ['ΩMEGA', 'Ωmega'],
    ['', ''],
  ])('%j → %j (ASCII only, as in a UTF8 database)', (identifier, folded) => {
    expect(foldUnquoted(identifier)).toBe(folded);
  });

  it('lowers exactly the ASCII letters and is idempotent', () => {
    fc.assert(
      fc.property(anyIdentifier, (identifier) => {
        const folded = foldUnquoted(identifier);
        expect(folded).toHaveLength(identifier.length);
        expect(folded).not.toMatch(/[A-Z]/);
        expect(foldUnquoted(folded)).toBe(folded);
        for (let i = 0; i < identifier.length; i++) {
          const unit = identifier[i] as string;
          expect(folded[i]).toBe(/[A-Z]/.test(unit) ? unit.toLowerCase() : unit);
        }
      }),
      RUNS,
    );
  });
});

describe('truncateIdentifier', () => {
  it.each([
    ['a'.repeat(64), 'a'.repeat(63)],
    ['a'.repeat(63), 'a'.repeat(63)],
    ['é'.repeat(32), 'é'.repeat(31)], // 64 bytes → 62: the 32nd é would need bytes 63 and 64
    [`a${'é'.repeat(31)}b`, `a${'é'.repeat(31)}`], // exactly 63 bytes kept
    [`${'a'.repeat(61)}名`, 'a'.repeat(61)], // the 3-byte character would end at byte 64
    [`${'a'.repeat(60)}名`, `${'a'.repeat(60)}名`],
    [`${'a'.repeat(60)}😀`, 'a'.repeat(60)], // a surrogate pair is never split
    [`${'a'.repeat(62)}e\u0301`, `${'a'.repeat(62)}e`], // a combining accent is its own character
    ['', ''],
  ])('%j → %j', (identifier, truncated) => {
    expect(truncateIdentifier(identifier)).toBe(truncated);
    expect(Buffer.byteLength(truncateIdentifier(identifier), 'utf8')).toBeLessThanOrEqual(MAX_IDENTIFIER_BYTES);
  });

  it('accepts another limit and refuses a meaningless one', () => {
    expect(truncateIdentifier('abcdef', 3)).toBe('abc');
    expect(truncateIdentifier('éé', 3)).toBe('é');
    expect(truncateIdentifier('abc', 0)).toBe('');
    expect(() => truncateIdentifier('abc', -1)).toThrow(RangeError);
    expect(() => truncateIdentifier('abc', 1.5)).toThrow(RangeError);
  });

  it('never exceeds the limit, never splits a character, and keeps the longest such prefix', () => {
    const limit = fc.oneof(fc.constant(MAX_IDENTIFIER_BYTES), fc.integer({ min: 0, max: 80 }));
    fc.assert(
      fc.property(fc.oneof(longIdentifier, binaryText, graphemeText), limit, (identifier, maxBytes) => {
        const truncated = truncateIdentifier(identifier, maxBytes);
        expect(Buffer.byteLength(truncated, 'utf8')).toBeLessThanOrEqual(maxBytes);
        expect(identifier.startsWith(truncated)).toBe(true);
        const kept = codePoints(truncated);
        const all = codePoints(identifier);
        expect(all.slice(0, kept.length)).toEqual(kept); // whole code points only
        if (kept.length < all.length) {
          expect(Buffer.byteLength(truncated + all[kept.length], 'utf8')).toBeGreaterThan(maxBytes);
        } else {
          expect(truncated).toBe(identifier);
        }
        expect(truncateIdentifier(truncated, maxBytes)).toBe(truncated);
      }),
      RUNS,
    );
  });

  it('counts bytes as Buffer does', () => {
    fc.assert(
      fc.property(fc.oneof(binaryText, longIdentifier), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
      RUNS,
    );
  });
});

describe('quoteIdentifier / needsQuoting', () => {
  it.each([
    ['users', 'users'],
    ['user_id', 'user_id'],
    ['_private', '_private'],
    ['t1', 't1'],
    ['name', 'name'], // unreserved keyword
    ['json', 'json'], // not a keyword in PostgreSQL 15
    ['user', '"user"'], // reserved
    ['between', '"between"'], // col_name
    ['left', '"left"'], // type_func_name
    ['Users', '"Users"'],
    ['clientProfiles', '"clientProfiles"'],
    ['first name', '"first name"'],
    ['1abc', '"1abc"'],
    ['a$b', '"a$b"'],
    ['café', '"café"'],
    ['a"b', '"a""b"'],
    ['', '""'],
  ])('%j → %s', (identifier, quoted) => {
    expect(quoteIdentifier(identifier)).toBe(quoted);
    expect(needsQuoting(identifier)).toBe(quoted !== identifier);
  });

  it('quotes every keyword of the shipped list and only those among plain words', () => {
    for (const word of Object.values(POSTGRES_15_QUOTED_KEYWORDS).flat()) {
      expect(isQuotedKeyword(word)).toBe(true);
      expect(quoteIdentifier(word)).toBe(`"${word}"`);
    }
    expect(Object.values(POSTGRES_15_QUOTED_KEYWORDS).flat()).toHaveLength(151);
  });

  it('produces a quoted form that unquotes to the identifier', () => {
    fc.assert(
      fc.property(anyIdentifier, (identifier) => {
        const quoted = quoteIdentifier(identifier);
        if (needsQuoting(identifier)) {
          expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
          expect(quoted.slice(1, -1).replaceAll('""', '"')).toBe(identifier);
        } else {
          expect(quoted).toBe(identifier);
        }
      }),
      RUNS,
    );
  });
});
