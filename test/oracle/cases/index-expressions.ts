import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { OracleCase } from './case.js';

const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    body: jsonb('body'),
    createdAt: timestamp('created_at'),
    deletedAt: timestamp('deleted_at'),
  },
  (t) => [
    index('documents_lower_title_idx').on(sql`lower(${t.title})`),
    index('documents_body_idx').using('gin', t.body.op('jsonb_path_ops')),
    uniqueIndex('documents_live_title_key').on(t.title).where(sql`${t.deletedAt} is null`),
    index('documents_created_idx').using('brin', t.createdAt),
    index('documents_title_desc_idx').on(t.title.desc().nullsLast()),
  ],
);

export const indexExpressions: OracleCase = {
  name: 'index-expressions',
  description: 'Indexes on an expression, with an operator class, with a predicate, with other access methods and orderings: in sync.',
  imports: { documents },
  schemaFilters: ['public'],
  setupSql: `
    create table documents (
      id serial primary key,
      title text not null,
      body jsonb,
      created_at timestamp,
      deleted_at timestamp
    );
    create index documents_lower_title_idx on documents (lower(title));
    create index documents_body_idx on documents using gin (body jsonb_path_ops);
    create unique index documents_live_title_key on documents (title) where deleted_at is null;
    create index documents_created_idx on documents using brin (created_at);
    create index documents_title_desc_idx on documents (title desc nulls last);`,
  drizzleKit: { kind: 'in-sync' },
  ours: {
    findings: [],
    verdict: 'agree',
    why: `In sync.`,
  },
};
