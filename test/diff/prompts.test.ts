import { describe, expect, it } from 'vitest';
import type { DataLossPrompt, PushPrompt, RenamePrompt } from '../../src/diff/prompts.js';
import { catalog, column, enumOf, table, unique } from '../support/catalog-builder.js';
import { run } from './helpers.js';

const renamePrompts = (prompts: readonly PushPrompt[]): RenamePrompt[] => prompts.filter((p): p is RenamePrompt => p.kind === 'create-or-rename');

/** A prompt as drizzle-kit draws it, with `❯` on the answer verify picks. */
const drawn = (p: RenamePrompt): string[] => [p.question, ...p.options.map((o, i) => `${p.answer === i ? '❯' : ' '} ${o.label}`)];

describe('drizzle-kit "created or renamed?" prompts', () => {
  it('asks nothing when a scope only creates or only deletes', () => {
    // New table and new column, nothing deleted; then a deleted column, nothing created.
    const created = run(
      catalog([table('meetings', [column('id', 'integer'), column('userId')]), table('notes')]),
      catalog([table('meetings', [column('id', 'integer')])]),
    );
    const deleted = run(catalog([table('meetings', [column('id', 'integer')])]), catalog([table('meetings', [column('id', 'integer'), column('legacy')])]));
    expect(renamePrompts(created.prompts)).toEqual([]);
    expect(renamePrompts(deleted.prompts)).toEqual([]);
  });

  it('words a column prompt as drizzle-kit does, with padded options and the rename picked', () => {
    const r = run(
      catalog([table('meetings', [column('id', 'integer'), column('userId')])]),
      catalog([table('meetings', [column('id', 'integer'), column('user_id')], { rows: 10 })]),
    );
    const [prompt] = renamePrompts(r.prompts);
    expect(prompt && drawn(prompt)).toEqual([
      'Is userId column in meetings table created or renamed from another column?',
      '  + userId           create column',
      '❯ ~ user_id › userId rename column',
    ]);
    expect(prompt?.confidence).toBe('high');
    expect(prompt?.evidence.map((e) => e.kind)).toContain('casing');
  });

  it('asks for every created column in declaration order, listing deleted ones in database order, minus those already renamed', () => {
    const r = run(
      catalog([table('t', [column('id', 'integer'), column('body'), column('userId'), column('createdAt', 'timestamp with time zone')])]),
      catalog([table('t', [column('id', 'integer'), column('created_at', 'timestamp with time zone'), column('legacy_flag', 'boolean'), column('user_id')], { rows: 1 })]),
    );
    expect(renamePrompts(r.prompts).map(drawn)).toEqual([
      [
        'Is body column in t table created or renamed from another column?',
        '❯ + body               create column',
        '  ~ created_at › body  rename column',
        '  ~ legacy_flag › body rename column',
        '  ~ user_id › body     rename column',
      ],
      [
        'Is userId column in t table created or renamed from another column?',
        '  + userId               create column',
        '  ~ created_at › userId  rename column',
        '  ~ legacy_flag › userId rename column',
        '❯ ~ user_id › userId     rename column',
      ],
      [
        'Is createdAt column in t table created or renamed from another column?',
        '  + createdAt               create column',
        '❯ ~ created_at › createdAt  rename column',
        '  ~ legacy_flag › createdAt rename column',
      ],
    ]);
  });

  it('still asks about a created column once every deleted one is used up (create is then the only option)', () => {
    const r = run(catalog([table('t', [column('userId'), column('extra')])]), catalog([table('t', [column('user_id')])]));
    expect(renamePrompts(r.prompts).map(drawn)).toEqual([
      ['Is userId column in t table created or renamed from another column?', '  + userId           create column', '❯ ~ user_id › userId rename column'],
      ['Is extra column in t table created or renamed from another column?', '❯ + extra create column'],
    ]);
  });

  it('asks about every created table against every deleted one, across schemas, and qualifies names outside public', () => {
    // drizzle-kit asks in the schema's export order; the Catalog keeps none, so verify asks by qualified name.
    const r = run(
      catalog({ tables: [table('meeting'), table('audit_log', [], { schema: 'ops' })], schemas: ['ops', 'public'] }),
      catalog({ tables: [table('meetings', [], { rows: 5 })], schemas: ['ops', 'public'] }),
    );
    expect(renamePrompts(r.prompts).map(drawn)).toEqual([
      ['Is ops.audit_log table created or renamed from another table?', '❯ + ops.audit_log            create table', '  ~ meetings › ops.audit_log rename table'],
      ['Is meeting table created or renamed from another table?', '  + meeting            create table', '❯ ~ meetings › meeting rename table'],
    ]);
  });

  it('asks about created tables in the order drizzle-kit 0.31 did on a real terminal (sorted names, code-unit order)', () => {
    // Observed: schema exporting alpha, Zeta and aux.mid against a database with yy_old and bb_old.
    const r = run(
      catalog({ tables: [table('alpha'), table('Zeta'), table('mid', [], { schema: 'aux' })], schemas: ['aux', 'public'] }),
      catalog({ tables: [table('yy_old'), table('bb_old')], schemas: ['aux', 'public'] }),
    );
    expect(renamePrompts(r.prompts).map((p) => p.question)).toEqual([
      'Is Zeta table created or renamed from another table?',
      'Is alpha table created or renamed from another table?',
      'Is aux.mid table created or renamed from another table?',
    ]);
    expect(renamePrompts(r.prompts)[2]?.options.map((o) => o.label)).toEqual([
      '+ aux.mid          create table',
      '~ bb_old › aux.mid rename table',
      '~ yy_old › aux.mid rename table',
    ]);
  });

  it('asks column prompts of a renamed table after the table prompts, under the new name', () => {
    const r = run(catalog([table('meeting', [column('userId')])]), catalog([table('meetings', [column('user_id')])]));
    expect(renamePrompts(r.prompts).map((p) => p.question)).toEqual([
      'Is meeting table created or renamed from another table?',
      'Is userId column in meeting table created or renamed from another column?',
    ]);
  });

  it('gives no answer for an ambiguous prompt and says why', () => {
    const r = run(catalog([table('t', [column('userId')])]), catalog([table('t', [column('user_id'), column('USER_ID')])]));
    const [prompt] = renamePrompts(r.prompts);
    expect(prompt?.answer).toBeNull();
    expect(prompt?.reason).toMatch(/^ambiguous: /);
    expect(r.summary.prompts).toEqual({ renamePrompts: 1, unanswered: 1 });
  });

  it('asks enum prompts before table prompts', () => {
    const r = run(
      catalog({ tables: [table('meeting')], enums: [enumOf('meetingStatus', ['a'])] }),
      catalog({ tables: [table('meetings')], enums: [enumOf('meeting_status', ['a'])] }),
    );
    expect(renamePrompts(r.prompts).map((p) => `${p.entity}: ${p.question}`)).toEqual([
      'enum: Is meetingStatus enum created or renamed from another enum?',
      'table: Is meeting table created or renamed from another table?',
    ]);
  });

  it('words per-table policy prompts as column prompts, as drizzle-kit 0.31 does', () => {
    const policy = (name: string) => ({ name, command: 'all' as const, permissive: true, roles: ['public'], using: null, withCheck: null });
    const r = run(catalog([table('t', [], { policies: [policy('ownerRead')] })]), catalog([table('t', [], { policies: [policy('owner_read')] })]));
    expect(renamePrompts(r.prompts).map(drawn)).toEqual([
      ['Is ownerRead column in t table created or renamed from another column?', '  + ownerRead              create column', '❯ ~ owner_read › ownerRead rename column'],
    ]);
  });
});

describe('drizzle-kit data-loss prompts', () => {
  it('predicts the confirmation for drops with rows and NOT NULL columns without default, answered "No, abort"', () => {
    const r = run(
      catalog([table('t', [column('id', 'integer'), column('body', 'text', { notNull: true })])]),
      catalog([table('t', [column('id', 'integer'), column('legacy', 'boolean')], { rows: 1000 }), table('old', [], { rows: 10 }), table('empty', [], { rows: 0 })]),
    );
    const loss = r.prompts.find((p): p is DataLossPrompt => p.kind === 'data-loss');
    expect(loss?.lines).toEqual([
      "· You're about to delete old table with ≈10 items",
      "· You're about to delete legacy column in t table with ≈1000 items",
      "· You're about to add not-null body column without default value, which contains ≈1000 items",
    ]);
    expect(loss?.options).toEqual(['No, abort', 'Yes, I want to remove 1 table, remove 1 column, truncate 1 table ']);
    expect(loss?.answer).toBe(0);
    expect(loss?.certainty).toBe('certain');
    expect(r.prompts.at(-1)).toBe(loss);
  });

  it('marks the confirmation possible when a row count is unknown', () => {
    const r = run(catalog([]), catalog([table('old', [], { rows: 'unknown' })]));
    const loss = r.prompts.find((p): p is DataLossPrompt => p.kind === 'data-loss');
    expect(loss?.certainty).toBe('possible');
    expect(loss?.lines).toEqual(["· You're about to delete old table with ? items"]);
    expect(loss?.options[1]).toBe('Yes, I want to remove 1 table, ');
  });

  it('asks nothing about data when the tables are empty', () => {
    const r = run(catalog([table('t', [column('a', 'text', { notNull: true })])]), catalog([table('t', [column('b')], { rows: 0 }), table('old', [], { rows: 0 })]));
    expect(r.prompts.filter((p) => p.kind !== 'create-or-rename')).toEqual([]);
  });

  it('predicts the truncate question for a unique constraint added to a table with rows', () => {
    const r = run(
      catalog([table('users', [column('email')], { uniques: [unique('users_email_unique', ['email'])] })]),
      catalog([table('users', [column('email')], { rows: 100 })]),
    );
    expect(r.prompts).toHaveLength(1);
    expect(r.prompts[0]).toMatchObject({
      kind: 'unique-truncate',
      question:
        "· You're about to add users_email_unique unique constraint to the table, which contains ≈100 items. If this statement fails, you will receive an error from the database. Do you want to truncate users table?",
      options: ['No, add the constraint without truncating the table', 'Yes, truncate the table'],
      answer: 0,
    });
  });
});
