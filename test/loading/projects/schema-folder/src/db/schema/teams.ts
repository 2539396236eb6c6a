import { integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { users } from './users';

export const teams = pgTable('teams', { id: integer('id').primaryKey() });
export const teamMembers = pgTable(
  'team_members',
  {
    teamId: integer('team_id').notNull().references(() => teams.id),
    userId: integer('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);
