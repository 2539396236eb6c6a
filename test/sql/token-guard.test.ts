import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, tokenShape } from '../../src/sql/token-guard.js';

describe('tokenShape: closed', () => {
  it.each([
    'lower(name)',
    "'a(' || ')'",
    '"weird)(name"',
    "E'it\\'s ('",
    "e'\\\\'",
    '$$ ( $$',
    '$tag$ ) $notit$ ( $tag$',
    'a$b(1)',
    '$1 + ($2)',
    '-- a comment (\n1',
    '/* nested /* ( */ ) */ 1',
    'arr[1][2]',
    "'it''s'",
    '"a""b"',
    'abe\'x\'',
  ])('%s is closed', (sql) => {
    expect(tokenShape(sql).closed).toBe(true);
  });

  it.each([
    '1) + (2',
    '(1',
    '1)',
    "'open",
    '"open',
    '/* open',
    '/* /* */',
    '$$ open',
    "E'\\'",
    'a[1)',
    '(]',
    "1 /* ) */ )",
  ])('%s is not closed', (sql) => {
    expect(tokenShape(sql).closed).toBe(false);
  });
});

describe('tokenShape: depth', () => {
  it('stays small for real expressions', () => {
    expect(tokenShape("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))").depth).toBeLessThan(20);
    expect(tokenShape('(( SELECT auth.uid() AS uid) = owner)').depth).toBeLessThan(20);
  });

  it('does not count AND/OR chains or list elements as depth', () => {
    const ors = Array.from({ length: 500 }, (_, i) => `a = ${i}`).join(' OR ');
    const list = `x IN (${Array.from({ length: 5000 }, (_, i) => i).join(', ')})`;
    expect(tokenShape(ors).depth).toBeLessThan(10);
    expect(tokenShape(list).depth).toBeLessThan(10);
  });

  it('counts operator chains, nesting and subqueries', () => {
    expect(tokenShape(Array.from({ length: 300 }, () => '1').join(' + ')).depth).toBeGreaterThan(MAX_EXPRESSION_DEPTH);
    expect(tokenShape(`${'coalesce('.repeat(150)}1${')'.repeat(150)}`).depth).toBeGreaterThan(MAX_EXPRESSION_DEPTH);
    expect(tokenShape(`${'(select '.repeat(40)}1${')'.repeat(40)}`).depth).toBeGreaterThan(MAX_EXPRESSION_DEPTH);
    expect(tokenShape(`${'case when x then '.repeat(50)}1${' end'.repeat(50)}`).depth).toBeGreaterThan(MAX_EXPRESSION_DEPTH);
  });
});
