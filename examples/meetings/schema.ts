/**
 * The team's schema.ts, as it stands after months of drift: tables are declared in the
 * singular while production has plural names, and columns are declared camelCase
 * (no explicit names, no `casing` option) while production is snake_case.
 * `drizzle-kit push` against production stops with "created or renamed?" prompts.
 */
import { boolean, pgEnum, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const meetingStatus = pgEnum('meeting_status', ['scheduled', 'live', 'ended', 'cancelled']);

export const project = pgTable('project', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const meeting = pgTable('meeting', {
  id: uuid().primaryKey().defaultRandom(),
  projectId: uuid()
    .notNull()
    .references(() => project.id),
  userId: text().notNull(),
  title: text().notNull(),
  status: meetingStatus().notNull().default('scheduled'),
  startsAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const meetingTranscript = pgTable('meeting_transcript', {
  id: uuid().primaryKey().defaultRandom(),
  meetingId: uuid()
    .notNull()
    .references(() => meeting.id, { onDelete: 'cascade' }),
  body: text().notNull(),
  language: varchar({ length: 10 }).default('en'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const meetingNote = pgTable('meeting_note', {
  id: uuid().primaryKey().defaultRandom(),
  meetingId: uuid()
    .notNull()
    .references(() => meeting.id, { onDelete: 'cascade' }),
  userId: text().notNull(),
  body: text().notNull(),
  pinned: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const meetingParticipant = pgTable('meeting_participant', {
  id: uuid().primaryKey().defaultRandom(),
  meetingId: uuid()
    .notNull()
    .references(() => meeting.id, { onDelete: 'cascade' }),
  userId: text().notNull(),
  role: text().notNull().default('attendee'),
});
