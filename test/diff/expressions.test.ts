import { describe, expect, it } from 'vitest';
import type { ExpressionInput, NormalizedExpression } from '../../src/sql/index.js';
import { verify } from '../../src/diff/verify.js';
import { catalog, check, column, index, table } from '../support/catalog-builder.js';

describe('expression normalization', () => {
  it('normalizes every expression of both catalogs in one batched call, each once', () => {
    const calls: (readonly ExpressionInput[])[] = [];
    const spy = (inputs: readonly ExpressionInput[]): readonly NormalizedExpression[] => {
      calls.push(inputs);
      return inputs.map((i) => ({ ok: true, canonical: i.sql.trim().toLowerCase() }));
    };
    const t = (n: number) =>
      table(`t${n}`, [column('a', 'integer', { default: '0' }), column('b', 'text', { default: "'x'" }), column('c', 'integer', { generated: 'a * 2' })], {
        checks: [check(`t${n}_a_check`, 'a > 0')],
        indexes: [index(`t${n}_lower_b`, [{ expression: 'lower(b)' }], { predicate: 'a > 0' })],
      });
    const schema = catalog([t(1), t(2)]);
    const database = catalog([t(1), t(2), table('t3', [column('a', 'integer', { default: 'NOW()' })])]);
    const result = verify(schema, database, { normalizeExpressions: spy });
    expect(calls).toHaveLength(1);
    // Distinct (expression, column type) pairs only: 0/integer, 'x'/text, a * 2, a > 0, lower(b), NOW()/integer.
    expect(calls[0]?.map((i) => i.sql).sort()).toEqual(["'x'", '0', 'NOW()', 'a * 2', 'a > 0', 'lower(b)']);
    expect(calls[0]?.find((i) => i.sql === "'x'")?.columnType?.name).toBe('text');
    expect(result.findings.map((f) => f.kind)).toEqual(['drop-table']);
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
