/**
 * The drizzle-kit adapter never lets drizzle-kit print or exit: what its serializer would
 * have printed comes back as warnings or as an error value.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgPolicy, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { generateDrizzleJson } from '../../src/schema/kit0/drizzle-kit-json.js';

describe('generateDrizzleJson adapter', () => {
  it('returns the JSON with drizzle-kit generated names, casing applied', async () => {
    const users = pgTable('users', { userId: integer().primaryKey(), displayName: text() }, (t) => [
      index().on(t.displayName),
    ]);
    const result = await generateDrizzleJson({ users }, undefined, ['public'], 'snake_case');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.json.tables)).toEqual(['public.users']);
    expect(Object.keys(result.json.tables['public.users']?.columns ?? {})).toEqual(['user_id', 'display_name']);
    expect(Object.keys(result.json.tables['public.users']?.indexes ?? {})).toEqual(['users_display_name_index']);
    expect(result.warnings).toEqual([]);
  });

  it("turns drizzle-kit's process.exit into an error value and restores process.exit and console.log", async () => {
    const { exit } = process;
    const { log } = console;
    const a = pgTable('a', { x: integer() }, (t) => [index('same_name').on(t.x)]);
    const b = pgTable('b', { y: integer() }, (t) => [index('same_name').on(t.y)]);
    const result = await generateDrizzleJson({ a, b });
    expect(result).toMatchObject({ ok: false, error: { code: 'schema-rejected-by-drizzle-kit' } });
    if (result.ok) return;
    expect(result.error.message).toContain("We've found duplicated index name across public schema");
    expect(result.error.message).not.toMatch(/\u001b\[/);
    expect(process.exit).toBe(exit);
    expect(console.log).toBe(log);
  });

  it('rejects an expression index without a name, as drizzle-kit push would', async () => {
    const t = pgTable('t', { email: text() }, (table) => [index().on(sql`lower(${table.email})`)]);
    const result = await generateDrizzleJson({ t });
    expect(result).toMatchObject({ ok: false, error: { code: 'schema-rejected-by-drizzle-kit' } });
    if (!result.ok) expect(result.error.message).toContain('Please specify an index name');
  });

  it("keeps drizzle-kit's warnings (a policy linked to no table)", async () => {
    const t = pgTable('t', { id: integer() });
    const orphan = pgPolicy('orphan', { using: sql`true` });
    const result = await generateDrizzleJson({ t, orphan });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.join('\n')).toContain('Policy orphan was skipped');
  });
});
