import { describe, expect, it } from 'vitest';
import { renameIdentifiers } from '../../src/diff/rename-identifiers.js';
import { catalog, check, column, index, table } from '../support/catalog-builder.js';
import { run } from './helpers.js';

const renames = { columns: new Map([['user_id', 'userId'], ['Score', 'score']]), types: new Map([['mood', 'feeling']]) };

describe('renameIdentifiers', () => {
  it('renames unquoted and quoted column references', () => {
    expect(renameIdentifiers('(user_id > 0) AND ("Score" < 10)', renames)).toBe('("userId" > 0) AND ("score" < 10)');
  });

  it('leaves string literals, function names and qualified names alone', () => {
    expect(renameIdentifiers("user_id(x) = 'user_id' OR t.user_id IS NULL", renames)).toBe("user_id(x) = 'user_id' OR t.user_id IS NULL");
  });

  it('renames type names after ::, qualified or not', () => {
    expect(renameIdentifiers("'happy'::mood", renames)).toBe(`'happy'::"feeling"`);
    expect(renameIdentifiers("'happy'::public.mood", renames)).toBe(`'happy'::public."feeling"`);
  });

  it('matches unquoted names the way PostgreSQL folds them', () => {
    expect(renameIdentifiers('USER_ID + 1', renames)).toBe('"userId" + 1');
    expect(renameIdentifiers('Score + score', renames)).toBe('Score + score');
  });
});

describe('expressions after a column rename', () => {
  it('does not report a check or an index expression that only follows the rename', () => {
    const r = run(
      catalog([table('t', [column('userId', 'integer')], { checks: [check('t_check', '"userId" > 0')], indexes: [index('t_idx', [{ expression: '("userId" + 1)' }])] })]),
      catalog([table('t', [column('user_id', 'integer')], { checks: [check('t_check', 'user_id > 0')], indexes: [index('t_idx', [{ expression: '(user_id + 1)' }])] })]),
    );
    expect(r.findings.map((f) => f.kind)).toEqual(['rename-column']);
  });
});
