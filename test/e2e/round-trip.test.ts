/**
 * The round trip: a database made by drizzle-kit's own `pushSchema` from a schema, captured,
 * then verified against that same schema, must be in sync: no findings, on both targets.
 * Whatever verify reports here is a false positive, with one exception drizzle-kit makes
 * itself: push creates policies without their USING / WITH CHECK clauses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDrizzleSchema } from '../../src/schema/load-drizzle-schema.js';
import { importSchemaExports } from '../support/schema-exports.js';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { push } from '../schema/support/push.js';
import { brief, f, findingLines } from './support/report.js';
import { useScenarios, verifyJson, type ScenarioInput, type Target } from './support/scenario.js';

const { targets, host, project } = await useScenarios();

/** The exported Drizzle objects of the project in `cwd`, as drizzle-kit would collect them, and its schemaFilter. */
const projectExports = async (
  cwd: string,
): Promise<{ exports: Record<string, unknown>; schemaFilter: string[]; casing: 'snake_case' | 'camelCase' | undefined }> => {
  const loaded = await loadDrizzleSchema({ cwd });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const exports = await importSchemaExports(loaded.files, loaded.config.tsconfigPath);
  const { schemaFilter, casing } = loaded.config.config;
  return { exports, schemaFilter: [...schemaFilter], casing: casing ?? undefined };
};

/** Push the project's schema with drizzle-kit, capture, verify the project against the snapshot. */
const roundTrip = async (target: Target, cwd: string, snapshot: string): Promise<Awaited<ReturnType<typeof verifyJson>>> => {
  const { exports, schemaFilter } = await projectExports(cwd);
  await host.build(target, async (db) => void (await push(db, exports, schemaFilter)), snapshot, { cwd });
  return verifyJson(cwd, snapshot);
};

/**
 * The other way drizzle-kit builds a database: `generate` (the migration from nothing to the
 * schema, honouring `casing`, which the `pushSchema` API ignores) then `migrate`.
 */
const generateAndMigrate = async (target: Target, cwd: string, snapshot: string): Promise<Awaited<ReturnType<typeof verifyJson>>> => {
  const { exports, schemaFilter, casing } = await projectExports(cwd);
  const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson(exports, undefined, schemaFilter, casing));
  await host.build(target, async (db) => { for (const statement of statements) await db.exec(statement); }, snapshot, { cwd });
  return verifyJson(cwd, snapshot);
};

const RICH: ScenarioInput = {
  ddl: '',
  config: { schemaFilter: ['public', 'shop'] },
  schemaFiles: {
    'src/db/enums.ts': `
      import { pgEnum } from 'drizzle-orm/pg-core';
      import { shop } from './shop-schema';
      export const role = pgEnum('role', ['admin', 'member', 'guest']);
      export const orderState = shop.enum('order_state', ['new', 'paid', 'shipped', 'cancelled']);
    `,
    'src/db/shop-schema.ts': `
      import { pgSchema } from 'drizzle-orm/pg-core';
      export const shop = pgSchema('shop');
    `,
    'src/db/users.ts': `
      import { sql } from 'drizzle-orm';
      import { boolean, check, index, integer, jsonb, pgPolicy, pgSequence, pgTable, pgView, serial, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
      import { role } from './enums';
      export const users = pgTable('users', {
        id: serial().primaryKey(),
        publicId: uuid('public_id').notNull().defaultRandom().unique(),
        email: varchar({ length: 320 }).notNull(),
        displayName: text('display_name'),
        role: role().notNull().default('member'),
        settings: jsonb().notNull().default({ theme: 'dark', beta: false }),
        tags: text().array().notNull().default(sql\`'{}'::text[]\`),
        scores: integer().array().default([1, 2, 3]),
        active: boolean().notNull().default(true),
        loginCount: integer('login_count').notNull().default(0),
        createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
        deletedAt: timestamp('deleted_at', { mode: 'string' }),
      }, (t) => [
        check('users_login_count_check', sql\`\${t.loginCount} >= 0\`),
        check('users_role_check', sql\`\${t.role} in ('admin', 'member')\`),
        uniqueIndex('users_email_lower_idx').on(sql\`lower(\${t.email})\`),
        index('users_created_at_idx').on(t.createdAt.desc()),
        index('users_active_idx').on(t.createdAt).where(sql\`\${t.deletedAt} is null\`),
        index('users_tags_idx').using('gin', t.tags),
      ]);
      export const activeUsers = pgView('active_users').as((qb) => qb.select({ id: users.id, email: users.email }).from(users).where(sql\`\${users.deletedAt} is null\`));
      export const audit = pgTable('audit_log', { id: serial().primaryKey(), body: text() }, () => [
        pgPolicy('audit_log_insert', { as: 'restrictive', for: 'insert', to: 'public' }),
      ]).enableRLS();
      export const invoiceNumbers = pgSequence('invoice_numbers', { startWith: 1000, increment: 5, cache: 10 });
    `,
    'src/db/shop.ts': `
      import { sql } from 'drizzle-orm';
      import { bigint, foreignKey, index, integer, numeric, primaryKey, smallint, text, unique } from 'drizzle-orm/pg-core';
      import { orderState } from './enums';
      import { shop } from './shop-schema';
      import { users } from './users';
      export const orders = shop.table('orders', {
        id: integer().primaryKey().generatedAlwaysAsIdentity({ startWith: 1000 }),
        userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
        state: orderState().notNull().default('new'),
        total: numeric({ precision: 12, scale: 2 }).notNull().default('0'),
        totalCents: bigint('total_cents', { mode: 'number' }).generatedAlwaysAs(sql\`(total * 100)::bigint\`),
        note: text(),
      }, (t) => [index().on(t.userId, t.state)]);
      export const orderLines = shop.table('order_lines', {
        orderId: integer('order_id').notNull(),
        line: smallint().notNull(),
        sku: text().notNull(),
        quantity: integer().notNull().default(1),
      }, (t) => [
        primaryKey({ columns: [t.orderId, t.line] }),
        foreignKey({ columns: [t.orderId], foreignColumns: [orders.id], name: 'order_lines_order_fk' }).onDelete('restrict'),
        unique('order_lines_order_sku_key').on(t.orderId, t.sku).nullsNotDistinct(),
        index('order_lines_sku_pattern_idx').on(t.sku.op('text_pattern_ops')),
      ]);
    `,
  },
};

describe('round trip: pushSchema, capture, verify', () => {
  let richProject: Promise<string> | undefined;
  it.each(targets)('%s: a schema using most of what drizzle-kit manages is in sync', async (target) => {
    richProject ??= project(RICH);
    const dir = await richProject;
    const { report } = await roundTrip(target, dir, join(dir, `snapshot.${target}.json`));
    expect(findingLines(report)).toBe('');
    expect(report.summary.tables).toMatchObject({ schema: 4, database: 4, identical: 4 });
    expect(report.verdict).toBe('in-sync');
    expect(report.prompts).toEqual([]);
  });

  it.each(targets)('%s: a policy with USING comes back without it (push drops the clause): verify says push will not fix it', async (target) => {
    const dir = await project({
      ddl: '',
      schemaFiles: {
        'schema.ts': `
          import { sql } from 'drizzle-orm';
          import { integer, pgPolicy, pgTable, serial } from 'drizzle-orm/pg-core';
          export const notes = pgTable('notes', { id: serial().primaryKey(), ownerId: integer('owner_id') }, (t) => [
            pgPolicy('notes_owner_read', { for: 'select', to: 'public', using: sql\`\${t.ownerId} = 1\` }),
          ]);
        `,
      },
    });
    const { report } = await roundTrip(target, dir, join(dir, `snapshot.${target}.json`));
    expect(brief(report)).toEqual([
      f('alter-policy', 'medium', 'notes', null, 'PERMISSIVE FOR SELECT TO public', 'PERMISSIVE FOR SELECT TO public USING ("notes"."owner_id" = 1)'),
    ]);
    const [policy] = report.findings;
    expect(policy?.message).toContain('drizzle-kit push does not compare these clauses and will not change them');
    expect(policy?.action).toContain('ALTER POLICY');
  });

  it.each(targets)("%s: generate + migrate with casing: 'snake_case', policies with USING: in sync", async (target) => {
    const dir = await project({
      ddl: '',
      config: { casing: 'snake_case' },
      schemaFiles: {
        'schema.ts': `
          import { sql } from 'drizzle-orm';
          import { index, integer, pgPolicy, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
          export const userAccounts = pgTable('user_accounts', {
            id: serial().primaryKey(),
            displayName: text().notNull(),
            createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
          }, (t) => [unique().on(t.displayName), index().on(t.createdAt)]);
          export const accountNotes = pgTable('account_notes', {
            id: serial().primaryKey(),
            accountId: integer().notNull().references(() => userAccounts.id, { onDelete: 'cascade' }),
            noteBody: text(),
          }, (t) => [pgPolicy('account_notes_owner', { for: 'select', to: 'public', using: sql\`\${t.accountId} > 0\` })]);
        `,
      },
    });
    const snapshot = join(dir, `snapshot.${target}.json`);
    const { report } = await generateAndMigrate(target, dir, snapshot);
    expect(findingLines(report)).toBe('');
    expect(report.summary.tables).toMatchObject({ schema: 2, identical: 2 });
    // The database really is snake_case (so the schema side applied casing too).
    const captured = await readFile(snapshot, 'utf8');
    expect(captured).toContain('"name": "display_name"');
    expect(captured).toContain('"name": "account_notes_account_id_user_accounts_id_fk"');
  });

  const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/projects/${name}/`, import.meta.url));
  describe.each(['aliases', 'multi-schema', 'relations'])('fixture project %s', (name) => {
    it.each(targets)('%s: in sync', async (target) => {
      const dir = await project({ ddl: '', schemaFiles: {} });
      const { report } = await roundTrip(target, fixture(name), join(dir, `${name}.${target}.json`));
      expect(findingLines(report)).toBe('');
      expect(report.summary.tables.schema).toBeGreaterThan(0);
      expect(report.summary.tables.identical).toBe(report.summary.tables.schema);
      expect(report.verdict).toBe('in-sync');
    });
  });
});
