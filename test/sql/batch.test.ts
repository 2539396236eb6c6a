import { describe, expect, it } from 'vitest';
import { parseExpressions } from '../../src/sql/batch.js';
import { normalizeExpressionsWith } from '../../src/sql/index.js';
import { PgQueryParser, type SqlParser } from '../../src/sql/parser.js';

/** A real parser that counts its calls. */
const countingParser = (): SqlParser & { readonly calls: () => number } => {
  const inner = new PgQueryParser();
  let calls = 0;
  return {
    parse: (sql) => {
      calls += 1;
      return inner.parse(sql);
    },
    calls: () => calls,
  };
};

const sample = (i: number): string =>
  [
    `price > ${i}`,
    `"t"."status" in ('a${i}', 'b')`,
    `nextval('seq_${i}'::regclass)`,
    `lower(name_${i}) = 'x'`,
    `coalesce(qty, ${i}) between 0 and ${i + 10}`,
  ][i % 5] as string;

describe('parseExpressions', () => {
  it('parses a thousand expressions in a handful of parser calls', () => {
    const parser = countingParser();
    const sqls = Array.from({ length: 1000 }, (_, i) => sample(i));
    const results = parseExpressions(parser, sqls);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(parser.calls()).toBeLessThanOrEqual(6);
  });

  it('isolates bad expressions by bisection without affecting their neighbours', () => {
    const parser = countingParser();
    const sqls = Array.from({ length: 400 }, (_, i) => (i % 97 === 13 ? `price > > ${i}` : sample(i)));
    const batched = normalizeExpressionsWith(parser, sqls.map((sql) => ({ sql })));
    const alone = sqls.map((sql) => normalizeExpressionsWith(new PgQueryParser(), [{ sql }])[0]);
    expect(batched).toEqual(alone);
    expect(batched.filter((result) => !result.ok)).toHaveLength(4);
    // 2 chunks, plus about log2(200) calls per bad expression.
    expect(parser.calls()).toBeLessThan(2 + 4 * 2 * 9);
  });

  it.each([
    ['1), (2', 'unbalanced'],
    ['1) + (2', 'unbalanced'],
    ['1) from t where (1', 'unbalanced'],
    ['(1) from t where (1)', 'syntax error'],
    ['1, 2', 'not a single SQL expression'],
    ['1 /* open', 'unterminated'],
    ['*/ 2', null], // a prefix operator named */ (valid syntax)
    ['1 --', null],
    ["'open", 'unterminated quoted string'],
    ['x +', 'syntax error at end of input'],
    ['', 'empty expression'],
    ['  ', 'empty expression'],
    ['1\u00002', 'NUL'],
    ['select', null],
  ])('%j cannot merge with its neighbours (%s)', (bad, error) => {
    const sqls = ['1', bad, '2', '3 /* x */', "'y'"];
    const results = normalizeExpressionsWith(new PgQueryParser(), sqls.map((sql) => ({ sql })));
    const expected = normalizeExpressionsWith(new PgQueryParser(), [{ sql: '1' }, { sql: '2' }, { sql: '3' }, { sql: "'y'" }]);
    expect([results[0], results[2], results[3], results[4]]).toEqual(expected);
    if (error === null) {
      expect(results[1]?.ok).toBe(true);
    } else {
      expect(results[1]?.ok).toBe(false);
      expect(!results[1]?.ok && results[1]?.error).toContain(error);
    }
  });

  it('maps error positions back into the expression', () => {
    const [result] = normalizeExpressionsWith(new PgQueryParser(), [{ sql: 'price > > 1' }]);
    expect(result).toEqual({ ok: false, error: 'syntax error at or near ">" (at character 9)' });
  });

  it('refuses expressions nested too deeply for the parser', () => {
    const [result] = normalizeExpressionsWith(new PgQueryParser(), [{ sql: Array.from({ length: 500 }, () => 'x').join(' + ') }]);
    expect(result?.ok).toBe(false);
    expect(!result?.ok && result?.error).toMatch(/nested too deeply/);
  });

  it('survives a parser whose instance is replaced every few calls', () => {
    const parser = new PgQueryParser({ recycleAfterCalls: 2 });
    const sqls = Array.from({ length: 2000 }, (_, i) => sample(i));
    const results = normalizeExpressionsWith(parser, sqls.map((sql) => ({ sql })));
    expect(results).toEqual(normalizeExpressionsWith(new PgQueryParser(), sqls.map((sql) => ({ sql }))));
    expect(parser.instancesCreated).toBeGreaterThan(3);
  });
});
