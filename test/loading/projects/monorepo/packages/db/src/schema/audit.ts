import { bigserial, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  action: text('action').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>(),
});
