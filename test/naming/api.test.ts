/**
 * The public surface of src/naming: the signatures the diff engine was written against
 * (checked by the type checker) and the promise that nothing throws on any text.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as naming from '../../src/naming/index.js';
import type { Convention, Inflection, NameRelation, Style, TargetStyle } from '../../src/naming/index.js';
import { binaryText, graphemeText, trickyText } from './arbitraries.js';

describe('contract', () => {
  it('keeps the signatures of the contract stub', () => {
    expectTypeOf(naming.splitWords).toEqualTypeOf<(identifier: string) => readonly string[]>();
    expectTypeOf(naming.detectStyle).toEqualTypeOf<(identifier: string) => Style>();
    for (const convert of [
      naming.toSnakeCase,
      naming.toCamelCase,
      naming.toPascalCase,
      naming.toKebabCase,
      naming.toScreamingSnakeCase,
      naming.foldUnquoted,
      naming.quoteIdentifier,
      naming.singularize,
      naming.pluralize,
    ]) {
      expectTypeOf(convert).toEqualTypeOf<(identifier: string) => string>();
    }
    expectTypeOf(naming.convertStyle).toEqualTypeOf<(identifier: string, style: TargetStyle) => string>();
    expectTypeOf(naming.truncateIdentifier).toEqualTypeOf<(identifier: string, maxBytes?: number) => string>();
    expectTypeOf(naming.needsQuoting).toEqualTypeOf<(identifier: string) => boolean>();
    expectTypeOf(naming.inflectionOf).toEqualTypeOf<(identifier: string) => Inflection>();
    expectTypeOf(naming.relateNames).toEqualTypeOf<(a: string, b: string) => NameRelation | null>();
    expectTypeOf(naming.inferConvention).toEqualTypeOf<(identifiers: readonly string[]) => Convention>();
    expectTypeOf<typeof naming.MAX_IDENTIFIER_BYTES>().toEqualTypeOf<63>();
    expectTypeOf<Style>().toEqualTypeOf<
      'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'SCREAMING_SNAKE' | 'single' | 'mixed'
    >();
    expectTypeOf<naming.MatchTier>().toEqualTypeOf<
      'identical' | 'casing' | 'folded' | 'inflection' | 'casing+inflection' | 'truncated'
    >();
    expectTypeOf<naming.NameReason>().toEqualTypeOf<'casing' | 'folded' | 'inflection' | 'truncated'>();
    expectTypeOf<Convention['style']>().toEqualTypeOf<Exclude<Style, 'single'> | 'none' | 'tie'>();
    expectTypeOf<Convention['inflection']>().toEqualTypeOf<'singular' | 'plural' | 'none' | 'tie'>();
    expect(naming.MAX_IDENTIFIER_BYTES).toBe(63);
  });
});

describe('robustness', () => {
  it('never throws on any text, and returns values of the declared shapes', () => {
    fc.assert(
      fc.property(fc.oneof(graphemeText, binaryText, trickyText), fc.oneof(graphemeText, binaryText), (text, other) => {
        expect(naming.splitWords(text).every((word) => word.length > 0)).toBe(true);
        expect(naming.STYLES).toContain(naming.detectStyle(text));
        for (const style of naming.TARGET_STYLES) expect(typeof naming.convertStyle(text, style)).toBe('string');
        expect(typeof naming.foldUnquoted(text)).toBe('string');
        expect(typeof naming.truncateIdentifier(text)).toBe('string');
        expect(typeof naming.needsQuoting(text)).toBe('boolean');
        expect(typeof naming.quoteIdentifier(text)).toBe('string');
        expect(['singular', 'plural', 'uncountable']).toContain(naming.inflectionOf(text));
        expect(typeof naming.singularize(text)).toBe('string');
        expect(typeof naming.pluralize(text)).toBe('string');
        const relation = naming.relateNames(text, other);
        if (relation !== null) expect(naming.MATCH_TIERS).toContain(relation.tier);
        expect(naming.inferConvention([text, other]).total).toBe(2);
      }),
      { numRuns: 500 },
    );
  });
});
