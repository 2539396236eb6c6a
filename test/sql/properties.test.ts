/**
 * Properties of normalization, over arbitrary strings and over generated SQL
 * expressions. (pg-query-emscripten 5.1.0 cannot deparse, so "the canonical reprint
 * normalizes to itself" is not testable here; spelling invariances stand in for it.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeExpressions, type ExpressionInput } from '../../src/sql/index.js';
import { columnType } from './helpers.js';

const types = [undefined, columnType('text'), columnType('integer'), columnType('text', { dimensions: 1 }), columnType('mood', { schema: 'public' })];
const inputOf = (sql: string, typeIndex: number): ExpressionInput => {
  const type = types[typeIndex % types.length];
  return type === undefined ? { sql } : { sql, columnType: type };
};

/** Strings made of SQL-ish pieces, more likely than random text to reach the parser's corners. */
const sqlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('(', ')', '[', ']', "'", '"', '$$', '$a$', '--', '/*', '*/', '\n', ' ', ',', ';', '::', '-', '+', '=', 'E\'', '\\'),
      fc.constantFrom('select', 'in', 'between', 'and', 'or', 'not', 'null', 'case', 'when', 'then', 'end', 'array', 'now()', 'x', '"X"', '1', '-1', '1e3', "'a'"),
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(''));

describe('normalizeExpressions', () => {
  it('never throws, and returns one result per input, on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), sqlish), fc.nat()), { maxLength: 20 }), (cases) => {
        const results = normalizeExpressions(cases.map(([sql, type]) => inputOf(sql, type)));
        expect(results).toHaveLength(cases.length);
        for (const result of results) expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic and does not depend on the other inputs of the batch', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(sqlish, fc.string()), fc.nat()), { minLength: 1, maxLength: 12 }), (cases) => {
        const inputs = cases.map(([sql, type]) => inputOf(sql, type));
        const together = normalizeExpressions(inputs);
        const reversed = normalizeExpressions([...inputs].reverse()).slice().reverse();
        const alone = inputs.map((input) => normalizeExpressions([input])[0]);
        expect(reversed).toEqual(together);
        expect(alone).toEqual(together);
      }),
      { numRuns: 60 },
    );
  });
});

/** Generated expressions as token lists, so that spelling can vary while the SQL stays the same. */
type Tokens = readonly string[];
const column = fc.constantFrom('price', 'qty', 'status', '"userId"', 't.price');
const literal = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom("'a'", "'b c'", "'it''s'", 'true', 'null', '1.50', "'x'::text", "'5'::integer"),
);
const expression: fc.Arbitrary<Tokens> = fc.letrec<{ expr: Tokens }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    column.map((c) => [c]),
    literal.map((l) => [l]),
    fc.tuple(tie('expr'), fc.constantFrom('+', '*', '=', '<>', '>', '||'), tie('expr')).map(([a, op, b]) => ['(', ...a, op, ...b, ')']),
    fc.tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr')).map(([a, op, b]) => ['(', ...a, op, ...b, ')']),
    fc.tuple(column, fc.array(literal, { minLength: 1, maxLength: 4 })).map(([c, ls]) => [c, 'in', '(', ls.join(' , '), ')']),
    fc.tuple(column, literal, literal).map(([c, a, b]) => ['(', c, 'between', a, 'and', b, ')']),
    fc.tuple(fc.constantFrom('lower', 'coalesce', 'abs'), tie('expr')).map(([f, a]) => [f, '(', ...a, ')']),
    tie('expr').map((a) => ['not', '(', ...a, ')']),
    tie('expr').map((a) => ['(', ...a, ')', 'is', 'null']),
  ),
})).expr;

const KEYWORDS = new Set(['and', 'or', 'in', 'between', 'not', 'is', 'null', 'true']);
const spell = (tokens: Tokens, spaces: readonly string[], upper: boolean): string =>
  tokens.map((token, i) => (KEYWORDS.has(token) && upper ? token.toUpperCase() : token) + (spaces[i % spaces.length] ?? ' ')).join('');

describe('spelling invariances of generated expressions', () => {
  it('whitespace, keyword case and redundant parentheses do not change the canonical form', () => {
    fc.assert(
      fc.property(expression, fc.array(fc.constantFrom(' ', '  ', '\n', '\t', ' /* c */ '), { minLength: 1, maxLength: 5 }), fc.boolean(), (tokens, spaces, upper) => {
        const plain = tokens.join(' ');
        const variants = [spell(tokens, spaces, upper), `(${plain})`, `((${spell(tokens, spaces, !upper)}))`];
        const [base, ...others] = normalizeExpressions([plain, ...variants].map((sql) => ({ sql })));
        expect(base?.ok).toBe(true);
        for (const other of others) expect(other).toEqual(base);
      }),
      { numRuns: 150 },
    );
  });

  it('normalizing is idempotent on IN lists and their ANY(ARRAY[...]) form', () => {
    fc.assert(
      fc.property(column, fc.array(literal, { minLength: 2, maxLength: 5 }), (c, ls) => {
        const [inList, anyArray] = normalizeExpressions([{ sql: `${c} in (${ls.join(', ')})` }, { sql: `${c} = any (array[${ls.join(', ')}])` }]);
        expect(inList?.ok).toBe(true);
        expect(anyArray).toEqual(inList);
      }),
      { numRuns: 80 },
    );
  });
});
