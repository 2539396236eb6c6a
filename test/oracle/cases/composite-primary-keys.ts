import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const memberships = pgTable(
  'memberships',
  {
    teamId: integer('team_id').notNull(),
    userId: integer('user_id').notNull(),
    role: text('role'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);
const tags = pgTable(
  'post_tags',
  {
    postId: integer('post_id').notNull(),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ name: 'post_tags_pk', columns: [t.postId, t.tag] })],
);

export const compositePrimaryKeys: OracleCase = {
  name: 'composite-primary-keys',
  description:
    'Primary keys on two columns: one named as Drizzle names it, one where the database kept the PostgreSQL default name (post_tags_pkey) while the schema says post_tags_pk: only that name differs.',
  imports: { memberships, tags },
  schemaFilters: ['public'],
  setupSql: `
    create table memberships (
      team_id integer not null,
      user_id integer not null,
      role text,
      constraint memberships_team_id_user_id_pk primary key (team_id, user_id)
    );
    create table post_tags (
      post_id integer not null,
      tag text not null,
      primary key (post_id, tag)
    );`,
  drizzleKit: {
    kind: 'statements',
    statements: [
      'ALTER TABLE "post_tags" DROP CONSTRAINT "post_tags_pkey";',
      'ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_pk" PRIMARY KEY("post_id","tag");',
      // NOTE: PostgreSQL 18 only: the key's columns come back out of order (quirk multi-column-key-order).
      'ALTER TABLE "memberships" DROP CONSTRAINT "memberships_team_id_user_id_pk";\n--> statement-breakpoint\nALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_user_id_pk" PRIMARY KEY("team_id","user_id");',
    ],
    server: {
      kind: 'statements',
      statements: ['ALTER TABLE "post_tags" DROP CONSTRAINT "post_tags_pkey";', 'ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_pk" PRIMARY KEY("post_id","tag");'],
    },
  },
  ours: {
    findings: ['rename-constraint post_tags (post_tags_pk) low'],
    verdict: 'agree',
    drizzleKitNoise: [
      'ALTER TABLE "memberships" DROP CONSTRAINT "memberships_team_id_user_id_pk";\n--> statement-breakpoint\nALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_user_id_pk" PRIMARY KEY("team_id","user_id");',
    ],
    why: `Only the name of post_tags' key differs (post_tags_pkey in the database): drizzle-kit drops and re-adds it, we report the rename. On PostgreSQL 18 drizzle-kit also re-adds memberships' key, which is in sync (quirk multi-column-key-order): there we are right.`,
  },
};
