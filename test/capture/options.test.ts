import { describe, expect, it } from 'vitest';
import { parseDuration, parseQualifiedTable, parseSchemas } from '../../src/capture/options.js';
import { rowEstimate } from '../../src/capture/row-estimate.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['1500ms', 1500],
    ['2m', 120_000],
    [30, 30_000],
    ['0.5s', 500],
  ])('%s is %d ms', (value, ms) => {
    expect(parseDuration('--x', value)).toEqual({ ok: true, value: ms });
  });

  it.each(['', 'abc', '0', '-5s', '10h', true])('rejects %s with an example', (value) => {
    const result = parseDuration('--statement-timeout', value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/--statement-timeout must be a positive duration such as 30s/);
  });
});

describe('parseQualifiedTable', () => {
  it('splits at the first dot; a bare name lives in drizzle', () => {
    expect(parseQualifiedTable('--m', 'public.my_migrations')).toEqual({ ok: true, value: { schema: 'public', name: 'my_migrations' } });
    expect(parseQualifiedTable('--m', '__drizzle_migrations')).toEqual({
      ok: true,
      value: { schema: 'drizzle', name: '__drizzle_migrations' },
    });
    expect(parseQualifiedTable('--m', 'a.b.c')).toEqual({ ok: true, value: { schema: 'a', name: 'b.c' } });
    expect(parseQualifiedTable('--m', '.x').ok).toBe(false);
    expect(parseQualifiedTable('--m', true).ok).toBe(false);
  });
});

describe('parseSchemas', () => {
  it('accepts one or many names, refuses blanks', () => {
    expect(parseSchemas('--schema', undefined)).toEqual({ ok: true, value: undefined });
    expect(parseSchemas('--schema', ['public', 'Billing Dept'])).toEqual({ ok: true, value: ['public', 'Billing Dept'] });
    expect(parseSchemas('--schema', 'auth')).toEqual({ ok: true, value: ['auth'] });
    expect(parseSchemas('--schema', ['']).ok).toBe(false);
  });
});

describe('rowEstimate', () => {
  it.each([
    [-1, 'unknown'],
    [0, 0],
    [0.4, 1],
    [1, 1],
    [9, 1],
    [10, 10],
    [25, 10],
    [999, 100],
    [1000, 1000],
    [1e6, 1e6],
    [123_456_789, 100_000_000],
    [Number.NaN, 'unknown'],
  ])('%d rows is %s', (reltuples, expected) => {
    expect(rowEstimate(reltuples)).toBe(expected);
  });
});
