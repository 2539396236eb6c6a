/**
 * End to end, naming: real databases built from DDL, real Drizzle projects, capture, then
 * `verify --format json`; the findings are asserted exactly, on PGlite and on the server.
 */
import { describe, expect, it } from 'vitest';
import { brief, f, findingLines } from './support/report.js';
import { useScenarios } from './support/scenario.js';

const { scenario, targets } = await useScenarios();
const DUMP = process.env['E2E_DUMP'] === '1';
const dump = (name: string, value: unknown): void => {
  if (DUMP) console.log(name, typeof value === 'string' ? value : JSON.stringify(value, null, 1));
};

describe('new tables only', () => {
  const s = scenario({
    ddl: `
      create table users (id serial primary key, email text not null unique);
      insert into users (email) select 'u' || i || '@example.com' from generate_series(1, 20) i;
      analyze;
    `,
    schemaFiles: {
      'src/db/schema.ts': `
        import { integer, pgTable, serial, text, timestamp, index } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', {
          id: serial('id').primaryKey(),
          email: text('email').notNull().unique('users_email_key'),
        });
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: integer('author_id').notNull().references(() => users.id),
          body: text('body').notNull(),
          publishedAt: timestamp('published_at', { withTimezone: true }),
        }, (t) => [index('posts_author_id_idx').on(t.authorId)]);
        export const tags = pgTable('tags', { id: serial('id').primaryKey(), label: text('label').notNull() });
      `,
    },
  });
  it.each(targets)('%s: creates only, low risk, verdict safe', async (target) => {
    const { report } = await s.run(target);
    dump('new tables', findingLines(report));
    expect(brief(report)).toEqual([f('create-table', 'low', 'posts'), f('create-table', 'low', 'tags')]);
    expect(report.verdict).toBe('safe');
  });
});

describe('snake_case database, camelCase schema', () => {
  const s = scenario({
    ddl: `
      create table accounts (
        id serial primary key,
        first_name text not null,
        last_name text,
        created_at timestamp with time zone not null default now()
      );
      insert into accounts (first_name) select 'a' || i from generate_series(1, 50) i;
      analyze;
    `,
    schemaFiles: {
      'schema.ts': `
        import { pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
        export const accounts = pgTable('accounts', {
          id: serial().primaryKey(),
          firstName: text().notNull(),
          lastName: text(),
          createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
        });
      `,
    },
  });
  it.each(targets)('%s: a rename per column and the casing fix', async (target) => {
    const { report } = await s.run(target);
    dump('snake camel', findingLines(report));
    expect(brief(report)).toEqual([
      f('convention-mismatch', 'medium', null),
      f('rename-column', 'medium', 'accounts', 'createdAt', 'created_at', 'createdAt'),
      f('rename-column', 'medium', 'accounts', 'firstName', 'first_name', 'firstName'),
      f('rename-column', 'medium', 'accounts', 'lastName', 'last_name', 'lastName'),
    ]);
    // The fix is computed, not guessed: casing: 'snake_case' resolves all three.
    expect(report.conventions.mismatches).toEqual([
      expect.objectContaining({
        subject: 'columns',
        pattern: 'snake_case ↔ camelCase',
        count: 3,
        total: 3,
        systematic: true,
        fix: expect.objectContaining({ kind: 'casing-option', casing: 'snake_case', resolves: 3, keepExplicit: 0 }),
      }),
    ]);
    // drizzle-kit asks once per renamed column; verify answers "rename" each time.
    const prompts = report.prompts.filter((p) => p.kind === 'create-or-rename');
    expect(prompts.map((p) => [p.table, p.name, p.answer])).toEqual([
      ['accounts', 'firstName', 1],
      ['accounts', 'lastName', 1],
      ['accounts', 'createdAt', 1],
    ]);
    expect(report.verdict).toBe('needs-decisions');
  });
});

describe('singular schema, plural database', () => {
  const s = scenario({
    ddl: `
      create table users (id serial primary key, name text not null);
      create table blog_posts (id serial primary key, user_id integer not null references users (id), title text not null);
      create table categories (id serial primary key, label text);
      insert into users (name) select 'u' || i from generate_series(1, 10) i;
      insert into blog_posts (user_id, title) select id, 't' from users;
      analyze;
    `,
    schemaFiles: {
      'schema.ts': `
        import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
        export const user = pgTable('user', { id: serial('id').primaryKey(), name: text('name').notNull() });
        export const blogPost = pgTable('blog_post', {
          id: serial('id').primaryKey(),
          userId: integer('user_id').notNull().references(() => user.id),
          title: text('title').notNull(),
        });
        export const category = pgTable('category', { id: serial('id').primaryKey(), label: text('label') });
      `,
    },
  });
  it.each(targets)('%s: a rename per table', async (target) => {
    const { report } = await s.run(target);
    dump('plural', findingLines(report));
    expect(brief(report)).toEqual([
      f('convention-mismatch', 'medium', null),
      f('rename-table', 'medium', 'blog_post', null, 'blog_posts', 'blog_post'),
      // The generated foreign key name follows the table rename: a rename, not drop + create.
      f('rename-constraint', 'low', 'blog_post', null, 'blog_posts_user_id_fkey', 'blog_post_user_id_user_id_fk'),
      f('rename-table', 'medium', 'category', null, 'categories', 'category'),
      f('rename-table', 'medium', 'user', null, 'users', 'user'),
    ]);
    expect(report.conventions.mismatches).toEqual([
      expect.objectContaining({ subject: 'tables', pattern: 'plural ↔ singular', count: 3, total: 3, systematic: true }),
    ]);
  });
});

describe('shadow columns: user_id and "userId" in one table', () => {
  const s = scenario({
    ddl: `
      create table notes (id serial primary key, user_id text, "userId" text, body text not null);
      insert into notes (user_id, body) select 'u' || i, 'note' from generate_series(1, 200) i;
      insert into notes ("userId", body) select 'u' || i, 'note after the wrong answer' from generate_series(1, 20) i;
      analyze;
    `,
    schemaFiles: {
      'schema.ts': `
        import { pgTable, serial, text } from 'drizzle-orm/pg-core';
        export const notes = pgTable('notes', { id: serial('id').primaryKey(), userId: text('userId'), body: text('body').notNull() });
      `,
    },
  });
  it.each(targets)('%s: a data split, high risk', async (target) => {
    const { report } = await s.run(target);
    dump('shadow', findingLines(report));
    expect(brief(report)).toEqual([
      f('drop-column', 'high', 'notes', 'user_id', 'text, nullable', null),
      f('duplicate-column-variants', 'high', 'notes', 'userId'),
    ]);
    expect(report.verdict).toBe('dangerous');
  });
});

describe('unquoted names folded to lower case', () => {
  const s = scenario({
    ddl: `
      create table clientProfiles (id serial primary key, displayName text not null, createdAt timestamp with time zone default now());
      analyze;
    `,
    schemaFiles: {
      'schema.ts': `
        import { pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
        export const clientProfiles = pgTable('clientProfiles', {
          id: serial('id').primaryKey(),
          displayName: text('displayName').notNull(),
          createdAt: timestamp('createdAt', { withTimezone: true }).defaultNow(),
        });
      `,
    },
  });
  it.each(targets)('%s: renames with folded evidence', async (target) => {
    const { report } = await s.run(target);
    dump('folded', findingLines(report));
    expect(brief(report)).toEqual([
      f('convention-mismatch', 'medium', null),
      f('rename-table', 'medium', 'clientProfiles', null, 'clientprofiles', 'clientProfiles'),
      f('rename-column', 'medium', 'clientProfiles', 'createdAt', 'createdat', 'createdAt'),
      f('rename-column', 'medium', 'clientProfiles', 'displayName', 'displayname', 'displayName'),
    ]);
    const table = report.findings.find((x) => x.kind === 'rename-table');
    expect(table?.evidence.map((e) => e.kind)).toContain('folded');
    expect(table?.confidence).toBe('high');
  });
});

describe("casing: 'snake_case'", () => {
  const s = scenario({
    ddl: `
      create table user_profiles (
        id serial primary key,
        display_name text not null,
        avatar_url text,
        created_at timestamp with time zone not null default now()
      );
      create table profile_links (
        id serial primary key,
        profile_id integer not null,
        link_url text not null,
        constraint profile_links_profile_id_user_profiles_id_fk foreign key (profile_id) references user_profiles (id) on delete cascade
      );
      create index profile_links_profile_id_index on profile_links (profile_id);
    `,
    config: { casing: 'snake_case' },
    schemaFiles: {
      'schema.ts': `
        import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
        export const userProfiles = pgTable('user_profiles', {
          id: serial().primaryKey(),
          displayName: text().notNull(),
          avatarUrl: text(),
          createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
        });
        export const profileLinks = pgTable('profile_links', {
          id: serial().primaryKey(),
          profileId: integer().notNull().references(() => userProfiles.id, { onDelete: 'cascade' }),
          linkUrl: text().notNull(),
        }, (t) => [index().on(t.profileId)]);
      `,
    },
  });
  it.each(targets)('%s: in sync', async (target) => {
    const { report } = await s.run(target);
    dump('casing', findingLines(report));
    expect(brief(report)).toEqual([]);
    expect(report.verdict).toBe('in-sync');
  });
});

describe('generated names that follow a table and column rename', () => {
  const s = scenario({
    ddl: `
      create table users (id serial primary key);
      create table meetings (id serial primary key, user_id integer not null, title text);
      alter table meetings add constraint meetings_user_id_users_id_fk foreign key (user_id) references users (id);
      alter table meetings add constraint meetings_title_check check (title <> '');
      create index meetings_user_id_idx on meetings (user_id);
      insert into users default values;
      insert into meetings (user_id, title) values (1, 'kick-off');
      analyze;
    `,
    schemaFiles: {
      'schema.ts': `
        import { sql } from 'drizzle-orm';
        import { check, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', { id: serial('id').primaryKey() });
        export const meeting = pgTable('meeting', {
          id: serial().primaryKey(),
          userId: integer().notNull().references(() => users.id),
          title: text(),
        }, (t) => [index('meeting_userId_idx').on(t.userId), check('meeting_title_check', sql\`\${t.title} <> ''\`)]);
      `,
    },
  });
  it.each(targets)('%s: the constraint and index renames follow, no drop + create', async (target) => {
    const { report } = await s.run(target);
    dump('follow', findingLines(report));
    expect(brief(report)).toEqual([
      f('rename-table', 'medium', 'meeting', null, 'meetings', 'meeting'),
      f('rename-column', 'medium', 'meeting', 'userId', 'user_id', 'userId'),
      f('rename-constraint', 'low', 'meeting', null, 'meetings_title_check', 'meeting_title_check'),
      f('rename-constraint', 'low', 'meeting', null, 'meetings_user_id_users_id_fk', 'meeting_userId_users_id_fk'),
      f('rename-index', 'low', 'meeting', null, 'meetings_user_id_idx', 'meeting_userId_idx'),
    ]);
    // Both prompts drizzle-kit would show, answered "rename".
    expect(report.prompts.map((p) => [p.kind, p.table ?? null, p.name, p.answer])).toEqual([
      ['create-or-rename', null, 'meeting', 1],
      ['create-or-rename', 'meeting', 'userId', 1],
    ]);
  });
});
