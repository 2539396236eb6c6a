import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/catalog/model.js';
import { catalog, column, table } from '../support/catalog-builder.js';
import { brief, run } from './helpers.js';

const policy = (name: string, using: string | null = 'true', roles = ['authenticated']): Policy => ({
  name,
  command: 'select',
  permissive: true,
  roles,
  using,
  withCheck: null,
});
const rls = { enabled: true, forced: false };
const cols = [column('id', 'integer'), column('owner_id', 'integer')];

describe('row-level security', () => {
  it('rates disabling RLS high: a schema without enableRLS() or policies opens a protected table', () => {
    const r = run(catalog([table('notes', cols)]), catalog([table('notes', cols, { rowLevelSecurity: rls })]));
    expect(brief(r.findings)).toEqual(['high alter-row-level-security notes enabled → disabled']);
  });

  it('counts declared policies as enabling RLS, as drizzle-kit does', () => {
    const p = policy('owner_read');
    const r = run(catalog([table('notes', cols, { policies: [p] })]), catalog([table('notes', cols, { rowLevelSecurity: rls, policies: [p] })]));
    expect(r.findings).toEqual([]);
  });

  it('reports created, dropped, renamed and changed policies', () => {
    const r = run(
      catalog([table('notes', cols, { rowLevelSecurity: rls, policies: [policy('a', 'owner_id = 1'), policy('b_new', 'true', ['anon']), policy('c')] })]),
      catalog([table('notes', cols, { rowLevelSecurity: rls, policies: [policy('a', 'owner_id = 2'), policy('b_old', 'true', ['anon']), policy('d', 'false')] })]),
    );
    expect(r.findings.map((f) => `${f.risk} ${f.kind} ${f.object}`)).toEqual([
      'low create-policy c',
      'medium drop-policy d',
      'low rename-policy b_new',
      'medium alter-policy a',
    ]);
  });
});
