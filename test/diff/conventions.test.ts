import { describe, expect, it } from 'vitest';
import { catalog, column, table } from '../support/catalog-builder.js';
import { run } from './helpers.js';

const snakeDatabase = catalog([
  table('meetings', [column('id', 'integer'), column('user_id'), column('created_at'), column('meeting_title'), column('is_private', 'boolean')]),
  table('users', [column('id', 'integer'), column('full_name'), column('created_at'), column('email')]),
]);

describe('naming conventions', () => {
  it('counts styles and inflections on both sides', () => {
    const r = run(snakeDatabase, snakeDatabase);
    expect(r.conventions.database.columns.style).toBe('snake_case');
    expect(r.conventions.database.columns.styleCounts.snake_case).toBe(6);
    expect(r.conventions.database.columns.styleCounts.single).toBe(3);
    expect(r.conventions.database.tables.inflection).toBe('plural');
    expect(r.conventions.mismatches).toEqual([]);
  });

  it('proves a casing fix by counting the pairs it makes identical', () => {
    const database = catalog([
      table('meetings', [column('id', 'integer'), column('user_id'), column('created_at'), column('meeting_title'), column('is_private', 'boolean')]),
      // Created unquoted: PostgreSQL folded fullName to fullname.
      table('users', [column('id', 'integer'), column('fullname'), column('created_at'), column('email')]),
    ]);
    const schema = catalog([
      table('meetings', [column('id', 'integer'), column('userId'), column('createdAt'), column('meetingTitle'), column('isPrivate', 'boolean')]),
      // A folded variant, not a casing one: the casing option does not resolve it.
      table('users', [column('id', 'integer'), column('fullName'), column('createdAt'), column('email')]),
    ]);
    const r = run(schema, database);
    const columns = r.conventions.mismatches.find((m) => m.subject === 'columns');
    expect(columns).toMatchObject({ pattern: 'snake_case ↔ camelCase', count: 5, total: 6, systematic: true });
    expect(columns?.fix).toMatchObject({ kind: 'casing-option', casing: 'snake_case', resolves: 5, keepExplicit: 0 });
    expect(columns?.message).toBe(
      "5 of 6 column mismatches are snake_case ↔ camelCase; declaring the columns without explicit names and setting casing: 'snake_case' (in drizzle.config and drizzle()) would resolve 5.",
    );
    const finding = r.findings.find((f) => f.kind === 'convention-mismatch');
    expect(finding?.risk).toBe('medium');
    expect(finding?.message).toBe(columns?.message);
  });

  it('counts columns that match today but the casing option would rename', () => {
    const database = catalog([table('t', [column('user_id'), column('team_id'), column('legacyCode')])]);
    const schema = catalog([table('t', [column('userId'), column('teamId'), column('legacyCode')])]);
    const columns = run(schema, database).conventions.mismatches.find((m) => m.subject === 'columns');
    expect(columns?.fix).toMatchObject({ casing: 'snake_case', resolves: 2, keepExplicit: 1 });
  });

  it('proposes naming tables as the database does for singular ↔ plural, since casing does not apply to tables', () => {
    const database = catalog([table('meetings'), table('meeting_transcripts'), table('users')]);
    const schema = catalog([table('meeting'), table('meeting_transcript'), table('users')]);
    const tables = run(schema, database).conventions.mismatches.find((m) => m.subject === 'tables');
    expect(tables).toMatchObject({ pattern: 'plural ↔ singular', count: 2, total: 2, systematic: true });
    expect(tables?.fix).toMatchObject({ kind: 'schema-names', resolves: 2 });
  });

  it('does not call a single rename systematic', () => {
    const r = run(catalog([table('t', [column('userId')])]), catalog([table('t', [column('user_id')])]));
    expect(r.conventions.mismatches).toMatchObject([{ subject: 'columns', count: 1, systematic: false, fix: null }]);
    expect(r.findings.some((f) => f.kind === 'convention-mismatch')).toBe(false);
  });
});
