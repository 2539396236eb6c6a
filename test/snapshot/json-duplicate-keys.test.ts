/**
 * The quick count that lets a snapshot without repeated keys skip the scan: it must say
 * "maybe" whenever the scan would find a repeat, and "no" whenever it would not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey, mayHaveDuplicateKey } from '../../src/snapshot/json-duplicate-keys.js';

type Tree = { readonly object: readonly (readonly [string, Tree])[] } | { readonly array: readonly Tree[] } | { readonly leaf: string };

/** Keys as written in the text: a few collide once decoded (`a`, `\u0061`), some hold quotes, colons, backslashes. */
const KEYS = ['a', '\\u0061', 'b', 'notNull', 'b\\"', ':', 'a:b', '\\\\', '\\\\\\"', '', '__proto__', 'é', '\\ud83d\\ude00', '😀'];
/** Leaves written as text, some of them strings that look like keys. */
const LEAVES = ['1', '-0.5e3', 'true', 'null', '"x"', '"\\"a\\": 1"', '":"', '"\\\\"', '"\\""', '"}{]["', '" : "'];
const SPACES = ['', ' ', '\n  ', '\t', '\r\n'];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'tree' },
    fc.constantFrom(...LEAVES).map((leaf) => ({ leaf })),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { maxLength: 5 }).map((object) => ({ object })),
    fc.array(tie('tree'), { maxLength: 4 }).map((array) => ({ array })),
  ),
})).tree;

const write = (node: Tree, space: () => string): string => {
  if ('leaf' in node) return node.leaf;
  if ('array' in node) return `[${space()}${node.array.map((item) => write(item, space)).join(`,${space()}`)}${space()}]`;
  return `{${space()}${node.object.map(([key, value]) => `"${key}"${space()}:${space()}${write(value, space)}`).join(`,${space()}`)}${space()}}`;
};

describe('mayHaveDuplicateKey', () => {
  it('says maybe exactly when findDuplicateKey finds a repeated key', () => {
    fc.assert(
      fc.property(tree, fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 8 }), (root, spaces) => {
        let next = 0;
        const text = write(root, () => spaces[(next += 1) % spaces.length] ?? '');
        const repeated = findDuplicateKey(text) !== null;
        expect(mayHaveDuplicateKey(text, JSON.parse(text))).toBe(repeated);
      }),
      { numRuns: 500 },
    );
  });

  it('counts keys written with escapes as the parser decodes them', () => {
    const text = '{"a": {"x": "\\"b\\": 1", "\\u0061": 2, "a": [3, {"c\\\\": ":"}]}}';
    expect(mayHaveDuplicateKey(text, JSON.parse(text))).toBe(true);
    expect(findDuplicateKey(text)).toMatchObject({ path: ['a'], key: 'a' });
    const clean = '{"a": {"x": "\\"b\\": 1", "\\u0062": 2, "a": [3, {"c\\\\": ":"}]}}';
    expect(mayHaveDuplicateKey(clean, JSON.parse(clean))).toBe(false);
  });
});
