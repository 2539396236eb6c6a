import { describe, expect, it } from 'vitest';
import type { ExpressionInput, NormalizedExpression } from '../../src/sql/index.js';
import { verify } from '../../src/diff/verify.js';
import { catalog, check, column, index, table } from '../support/catalog-builder.js';

describe('expression normalization', () => {
  const spyOn = (calls: (readonly ExpressionInput[])[]) => (inputs: readonly ExpressionInput[]): readonly NormalizedExpression[] => {
    calls.push(inputs);
    return inputs.map((i) => ({ ok: true, canonical: i.sql.trim().toLowerCase() }));
  };
  const t = (n: number, defaults: { a?: string; b?: string } = {}) =>
    table(`t${n}`, [column('a', 'integer', { default: defaults.a ?? '0' }), column('b', 'text', { default: defaults.b ?? "'x'" }), column('c', 'integer', { generated: 'a * 2' })], {
      checks: [check(`t${n}_a_check`, 'a > 0')],
      indexes: [index(`t${n}_lower_b`, [{ expression: 'lower(b)' }], { predicate: 'a > 0' })],
    });

  it('parses nothing when every compared expression has the same text on both sides, nor those of created or dropped tables', () => {
    const calls: (readonly ExpressionInput[])[] = [];
    const schema = catalog([t(1), t(2)]);
    const database = catalog([t(1), t(2), table('t3', [column('a', 'integer', { default: 'NOW()' })])]);
    const result = verify(schema, database, { normalizeExpressions: spyOn(calls) });
    expect(calls).toEqual([]);
    expect(result.findings.map((f) => f.kind)).toEqual(['drop-table']);
  });

  it('normalizes in one batched call, each once, the expressions of paired tables that one side has and the other does not', () => {
    const calls: (readonly ExpressionInput[])[] = [];
    const schema = catalog([t(1, { a: '1', b: "'X'" }), t(2, { b: "'X'" }), t(4, { a: '7' })]);
    const database = catalog([t(1), t(2), t(3, { a: '5' })]);
    const result = verify(schema, database, { normalizeExpressions: spyOn(calls) });
    expect(calls).toHaveLength(1);
    // Distinct (expression, column type) pairs: '0' and '1' of t1.a, 'x' and 'X' of t1.b and t2.b (text); not t3 or t4 (unpaired).
    expect(calls[0]?.map((i) => i.sql)).toEqual(['0', '1', "'X'", "'x'"]);
    expect(calls[0]?.find((i) => i.sql === "'x'")?.columnType?.name).toBe('text');
    // The spy lower-cases: 'X' = 'x'; 0 ≠ 1.
    expect(result.findings.filter((f) => f.kind === 'alter-column-default').map((f) => [f.table, f.column])).toEqual([['t1', 'a']]);
  });

  it('normalizes on the spot an expression compared with another text that both sides also hold', () => {
    const calls: (readonly ExpressionInput[])[] = [];
    const side = (a: string, b: string) => catalog([table('t', [column('a', 'integer', { default: a }), column('b', 'integer', { default: b })])]);
    const result = verify(side('0', '1'), side('1', '0'), { normalizeExpressions: spyOn(calls) });
    expect(calls.map((inputs) => inputs.map((i) => i.sql))).toEqual([['0', '1']]);
    expect(result.findings.filter((f) => f.kind === 'alter-column-default').map((f) => f.column)).toEqual(['a', 'b']);
  });

  it('compares as equal what the normalizer says is equal, and falls back to text when it cannot parse', () => {
    const normalize = (inputs: readonly ExpressionInput[]): readonly NormalizedExpression[] =>
      inputs.map((i) => (i.sql.includes('!') ? { ok: false, error: 'syntax error' } : { ok: true, canonical: i.sql.replace(/\s+/g, '').toLowerCase() }));
    const side = (d: string) => catalog([table('t', [column('a', 'integer', { default: d })])]);
    expect(verify(side('NOW( )'), side('now()'), { normalizeExpressions: normalize }).findings).toEqual([]);
    const unparsed = verify(side('1 !'), side('2 !'), { normalizeExpressions: normalize }).findings;
    expect(unparsed.map((f) => [f.kind, f.evidence.map((e) => e.kind)])).toEqual([['alter-column-default', ['unparsed']]]);
  });
});
