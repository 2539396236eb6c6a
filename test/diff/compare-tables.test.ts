import { describe, expect, it } from 'vitest';
import { catalog, column, foreignKey, index, table } from '../support/catalog-builder.js';
import { brief, run } from './helpers.js';

describe('tables and columns by name', () => {
  it('finds nothing when both sides are the same', () => {
    const c = catalog([table('users', [column('id', 'integer', { notNull: true }), column('email')], { rows: 10 })]);
    expect(run(c, c).findings).toEqual([]);
    expect(run(c, c).verdict).toBe('in-sync');
  });

  it('reports a new table as a low-risk create', () => {
    const r = run(catalog([table('users'), table('meetings', [column('id', 'integer')])]), catalog([table('users')]));
    expect(brief(r.findings)).toEqual(['low create-table meetings']);
    expect(r.verdict).toBe('safe');
  });

  it('rates dropping a table with rows high, an empty one medium, an unknown one high', () => {
    const r = run(
      catalog([]),
      catalog([table('full', [], { rows: 100 }), table('empty', [], { rows: 0 }), table('unanalyzed', [], { rows: 'unknown' })]),
    );
    expect(brief(r.findings)).toEqual(['medium drop-table empty', 'high drop-table full', 'high drop-table unanalyzed']);
  });

  it('reports singular schema vs plural database as a rename, with column overlap as evidence', () => {
    const r = run(
      catalog([table('meeting', [column('id', 'integer'), column('title')])]),
      catalog([table('meetings', [column('id', 'integer'), column('title')], { rows: 10 })]),
    );
    expect(brief(r.findings)).toEqual(['medium rename-table meeting meetings → meeting']);
    const [rename] = r.findings;
    expect(rename?.confidence).toBe('high');
    expect(rename?.evidence.map((e) => e.kind)).toEqual(['inflection', 'same-columns']);
  });

  it('never invents a rename between unrelated names', () => {
    const r = run(
      catalog([table('t', [column('id', 'integer'), column('body')])]),
      catalog([table('t', [column('id', 'integer'), column('legacy_flag', 'boolean')], { rows: 5 })]),
    );
    expect(brief(r.findings)).toEqual(['low create-column t.body ∅ → text, nullable', 'high drop-column t.legacy_flag boolean, nullable → ∅']);
  });

  it('reports a casing variant column as a rename with type and position evidence', () => {
    const r = run(
      catalog([table('meetings', [column('id', 'integer'), column('userId', 'uuid', { notNull: true })])]),
      catalog([table('meetings', [column('id', 'integer'), column('user_id', 'uuid', { notNull: true })], { rows: 1000 })]),
    );
    expect(brief(r.findings)).toEqual(['medium rename-column meetings.userId user_id → userId']);
    const [rename] = r.findings;
    expect(rename?.confidence).toBe('high');
    expect(rename?.evidence.map((e) => e.kind)).toEqual(['casing', 'same-type', 'same-position', 'same-nullability']);
  });

  it('lowers rename confidence when the types differ', () => {
    const r = run(
      catalog([table('t', [column('userId', 'integer'), column('x')])]),
      catalog([table('t', [column('x'), column('user_id', 'text')])]),
    );
    const rename = r.findings.find((f) => f.kind === 'rename-column');
    expect(rename?.confidence).toBe('low');
    expect(rename?.evidence.map((e) => e.kind)).toContain('different-type');
    // The type change is compared too (text → integer cannot be cast automatically).
    expect(brief(r.findings)).toContain('high alter-column-type t.userId text → integer');
  });

  it('counts taking part in the same constraints as evidence for a rename', () => {
    const teams = table('teams', [column('id', 'integer')]);
    const r = run(
      catalog([teams, table('m', [column('id', 'integer'), column('teamId', 'integer')], { foreignKeys: [foreignKey('m_fk', ['teamId'], 'teams', ['id'])], indexes: [index('m_idx', ['teamId'])] })]),
      catalog([teams, table('m', [column('team_id', 'integer'), column('id', 'integer')], { foreignKeys: [foreignKey('m_fk', ['team_id'], 'teams', ['id'])], indexes: [index('m_idx', ['team_id'])] })]),
    );
    const rename = r.findings.find((f) => f.kind === 'rename-column');
    expect(rename?.evidence.find((e) => e.kind === 'same-constraints')?.detail).toBe('both are in the same foreign key, index key 1');
    expect(rename?.confidence).toBe('high');
  });

  it('reports an ambiguity with its candidates and no rename', () => {
    const r = run(
      catalog([table('t', [column('userId')])]),
      catalog([table('t', [column('user_id'), column('USER_ID')], { rows: 1 })]),
    );
    const ambiguous = r.findings.filter((f) => f.kind === 'ambiguous-rename');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]?.column).toBe('userId');
    expect(ambiguous[0]?.candidates).toEqual(['USER_ID', 'user_id']);
    expect(r.findings.some((f) => f.kind === 'rename-column')).toBe(false);
  });

  it('reports two database columns that are casing variants as a data split', () => {
    const r = run(
      catalog([table('meetings', [column('userId')])]),
      catalog([table('meetings', [column('user_id'), column('userId')], { rows: 100 })]),
    );
    expect(brief(r.findings)).toEqual(['high drop-column meetings.user_id text, nullable → ∅', 'high duplicate-column-variants meetings.userId']);
    expect(r.findings[1]?.candidates).toEqual(['userId', 'user_id']);
  });

  it('rates a data split on an empty table medium', () => {
    const r = run(
      catalog([table('m', [column('userId'), column('user_id')])]),
      catalog([table('m', [column('user_id'), column('userId')], { rows: 0 })]),
    );
    expect(brief(r.findings)).toEqual(['medium duplicate-column-variants m.userId']);
  });

  it('rates a NOT NULL column without default high on a table with rows, low when empty or defaulted', () => {
    const schema = catalog([
      table('full', [column('id', 'integer'), column('a', 'text', { notNull: true }), column('b', 'text', { notNull: true, default: "''" })]),
      table('empty', [column('id', 'integer'), column('a', 'text', { notNull: true })]),
    ]);
    const database = catalog([table('full', [column('id', 'integer')], { rows: 10 }), table('empty', [column('id', 'integer')], { rows: 0 })]);
    expect(brief(run(schema, database).findings)).toEqual([
      'low create-column empty.a ∅ → text, NOT NULL',
      'high create-column full.a ∅ → text, NOT NULL',
      "low create-column full.b ∅ → text, NOT NULL, default ''",
    ]);
  });

  it('matches tables within their schema only', () => {
    const r = run(
      catalog([table('users', [], { schema: 'auth' })]),
      catalog({ tables: [table('users', [], { schema: 'public', rows: 0 })], schemas: ['auth', 'public'] }),
    );
    expect(brief(r.findings)).toEqual(['low create-table users', 'medium drop-table users']);
    expect(r.findings.map((f) => f.schema)).toEqual(['auth', 'public']);
  });

  it('compares a renamed table column by column under its new name', () => {
    const r = run(
      catalog([table('meeting', [column('id', 'bigint'), column('userId')])]),
      catalog([table('meetings', [column('id', 'integer'), column('user_id')], { rows: 10 })]),
    );
    expect(brief(r.findings)).toEqual([
      'medium rename-table meeting meetings → meeting',
      'medium rename-column meeting.userId user_id → userId',
      'low alter-column-type meeting.id integer → bigint',
    ]);
  });

  it('reports a name longer than 63 bytes, and no rename for the cut name PostgreSQL stored', () => {
    const long = `meeting_participants_with_a_name_that_is_far_too_long_for_postgres_x`;
    const r = run(catalog([table(long, [column('id', 'integer')])]), catalog([table(long.slice(0, 63), [column('id', 'integer')], { rows: 1 })]));
    expect(brief(r.findings)).toEqual([`medium identifier-too-long ${long} ${long.slice(0, 63)} → ${long}`]);
  });
});

describe('database filter (schemaFilter, tablesFilter)', () => {
  it('leaves out of the comparison what drizzle-kit would not read, so nothing there is dropped', () => {
    const schema = catalog([table('users')]);
    const database = catalog({
      tables: [table('users'), table('sessions', [], { schema: 'auth', rows: 10 }), table('tmp_import', [], { rows: 10 })],
      schemas: ['auth', 'public'],
    });
    expect(brief(run(schema, database).findings)).toEqual(['medium drop-schema auth', 'high drop-table sessions', 'high drop-table tmp_import']);
    const filtered = run(schema, database, { databaseFilter: { schemas: ['public'], tables: (name) => !name.startsWith('tmp_') } });
    expect(filtered.findings).toEqual([]);
  });
});
