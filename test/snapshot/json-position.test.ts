import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/snapshot/json-position.js';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes (a trailing comma?)'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['[1, 2', 1, 6, "']' missing (the file is truncated?)"],
    ['{"a": "line\nbreak"}', 1, 12, 'inside a string'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape \\x'],
    ['{"a": "open', 1, 7, 'string never ends'],
    ['{} {}', 1, 4, 'after the end of the JSON value'],
    ['<<<<<<< HEAD\n{}', 1, 1, "unexpected '<', expected a value"],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
    ['{"a" 1}', 1, 6, "expected ':'"],
  ])('%j → line %d, column %d', (text, line, column, message) => {
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line, column });
    expect(found?.message).toContain(message);
  });

  it('accepts what JSON.parse accepts, and finds an error in what it rejects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, Math.floor(j.length / 2)))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });

  it('survives deep nesting without recursion', () => {
    const deep = '['.repeat(200_000);
    expect(findJsonSyntaxError(deep)?.message).toContain("']' missing");
  });
});
