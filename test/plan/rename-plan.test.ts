/**
 * The SQL plan from in-memory catalogs: order, quoting, what is planned, what is only
 * listed, and refusal. Every statement here is also parsed by pg-query-emscripten (the
 * plan does it before returning); test/plan/apply-plan.test.ts runs plans on databases.
 */
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/catalog/model.js';
import { buildRenamePlan, quoteName, renameStatement } from '../../src/plan/sql-plan.js';
import { renameDecisions } from '../../src/plan/renames.js';
import { validateStatements } from '../../src/sql/index.js';
import { catalog, column, enumOf, index, table, unique, view } from '../support/catalog-builder.js';
import { run } from '../diff/helpers.js';

const policy = (name: string): Policy => ({ name, command: 'select', permissive: true, roles: ['public'], using: 'true', withCheck: null });

// Every kind of rename, a renamed schema with a table in it, names that need quotes.
const database = catalog({
  schemas: ['Sales', 'public'],
  tables: [
    table('orders', [column('id', 'integer'), column('userId', 'integer'), column('total', 'numeric')], {
      schema: 'Sales',
      rows: 10,
      uniques: [unique('orders_total_key', ['total'])],
    }),
    table('events', [column('id', 'integer'), column('systemUser', 'text'), column('legacy', 'text')], {
      rows: 100,
      indexes: [index('events_system_user_idx', ['systemUser'])],
      policies: [policy('read_own')],
    }),
  ],
  enums: [enumOf('mood', ['a', 'b'])],
  views: [view('active_users', 'select 1', { materialized: true })],
});
const schema = catalog({
  schemas: ['sales', 'public'],
  tables: [
    table('order', [column('id', 'integer'), column('user_id', 'integer'), column('total', 'numeric')], {
      schema: 'sales',
      uniques: [unique('order_total_unique', ['total'])],
    }),
    table('events', [column('id', 'integer'), column('system_user', 'text')], {
      indexes: [index('events_systemUser_idx', ['system_user'])],
      policies: [policy('readOwn')],
      rowLevelSecurity: { enabled: false, forced: false },
    }),
  ],
  enums: [enumOf('Mood', ['a', 'b'])],
  views: [view('activeUsers', 'select 1', { materialized: true })],
});

const planOf = (s = schema, d = database) => {
  const plan = buildRenamePlan(run(s, d), d, { snapshotLabel: 'snapshots/production.json' });
  if (!plan.ok) throw new Error(plan.issues.map((i) => i.message).join('\n'));
  return plan.plan;
};

describe('the rename plan', () => {
  const plan = planOf();
  const statements = plan.steps.map((s) => s.statement);

  it('renames schemas, types, tables, then columns and constraints under the new names, then views', () => {
    expect(statements).toEqual([
      'ALTER SCHEMA "Sales" RENAME TO sales',
      'ALTER TYPE public.mood RENAME TO "Mood"',
      'ALTER TABLE sales.orders RENAME TO "order"',
      'ALTER TABLE public.events RENAME COLUMN "systemUser" TO "system_user"',
      'ALTER TABLE sales."order" RENAME COLUMN "userId" TO user_id',
      'ALTER TABLE sales."order" RENAME CONSTRAINT orders_total_key TO order_total_unique',
      'ALTER INDEX public.events_system_user_idx RENAME TO "events_systemUser_idx"',
      'ALTER POLICY read_own ON public.events RENAME TO "readOwn"',
      'ALTER MATERIALIZED VIEW public.active_users RENAME TO "activeUsers"',
    ]);
  });

  it('is one transaction, each statement preceded by its finding and evidence', () => {
    const lines = plan.text.split('\n');
    expect(lines.filter((l) => l === 'BEGIN;' || l === 'COMMIT;')).toEqual(['BEGIN;', 'COMMIT;']);
    expect(lines.indexOf('BEGIN;')).toBeLessThan(lines.indexOf('ALTER SCHEMA "Sales" RENAME TO sales;'));
    expect(lines.indexOf('COMMIT;')).toBeGreaterThan(lines.indexOf('ALTER MATERIALIZED VIEW public.active_users RENAME TO "activeUsers";'));
    const at = lines.indexOf('ALTER TABLE sales."order" RENAME COLUMN "userId" TO user_id;');
    expect(lines.slice(at - 5, at)).toEqual([
      '-- rename column userId → user_id of sales.order (high confidence)',
      '--   · userId (camelCase) and user_id (snake_case) are casing variants',
      '--   · both are integer',
      '--   · both are column 2 of their table',
      '--   · both are nullable',
    ]);
    expect(plan.text.startsWith('-- drizzle-catalog rename plan (verify --plan)\n-- Database side: snapshots/production.json\n')).toBe(true);
  });

  it('never emits a drop: drops are listed as comments', () => {
    expect(plan.text).not.toMatch(/^[^-\n]*\bDROP\b/m);
    expect(plan.notes.map((n) => [n.reason, n.finding.kind, n.finding.column])).toEqual([['drop', 'drop-column', 'legacy']]);
    expect(plan.text).toContain(
      '-- [never planned: drizzle-kit push would drop it] Column legacy of events (about 100+ rows) is not in the schema: push drops it with its data.',
    );
  });

  it('writes only statements PostgreSQL parses, and the same text for the same input', () => {
    expect(validateStatements(statements)).toEqual(statements.map(() => null));
    expect(planOf().text).toBe(plan.text);
  });
});

describe('what the plan leaves to a person', () => {
  it('lists a low-confidence rename commented out, and what depends on it', () => {
    // No column in common: the table rename is low confidence; its column rename waits for it.
    const d = catalog([table('user_accounts', [column('a', 'text'), column('note', 'text')], { rows: 5 })]);
    const s = catalog([table('user_account', [column('x', 'integer'), column('notes', 'text')])]);
    const result = run(s, d);
    expect(result.findings.find((f) => f.kind === 'rename-table')?.confidence).toBe('low');
    const plan = planOf(s, d);
    expect(plan.steps).toEqual([]);
    expect(plan.notes.map((n) => [n.reason, n.statement])).toEqual([
      ['depends', 'ALTER TABLE public.user_account RENAME COLUMN note TO notes'],
      ['low-confidence', 'ALTER TABLE public.user_accounts RENAME TO user_account'],
      ['drop', null],
    ]);
    expect(plan.text).toContain('-- ALTER TABLE public.user_accounts RENAME TO user_account;');
    expect(plan.text).toContain('\nBEGIN;\n\n-- nothing to rename\n\nCOMMIT;\n');
  });

  it('lists an ambiguous rename with its candidates and plans nothing for it', () => {
    const d = catalog([table('users', [column('id', 'integer'), column('user_id', 'integer'), column('userID', 'integer')], { rows: 5 })]);
    const s = catalog([table('users', [column('id', 'integer'), column('userId', 'integer')])]);
    const plan = planOf(s, d);
    expect(plan.steps).toEqual([]);
    const ambiguous = plan.notes.find((n) => n.reason === 'ambiguous');
    expect(ambiguous?.detail).toBe('candidates: userID, user_id');
    expect(plan.text).toContain('-- [ambiguous: verify will not guess] Column userId of users could be a rename of');
  });
});

describe('identifiers', () => {
  it('quotes as quote_ident does, plus the words PostgreSQL 16 to 18 reserve', () => {
    expect(quoteName('users')).toBe('users');
    expect(quoteName('userId')).toBe('"userId"');
    expect(quoteName('order')).toBe('"order"');
    expect(quoteName('system_user')).toBe('"system_user"');
    expect(quoteName('json')).toBe('json');
    expect(quoteName('a"b')).toBe('"a""b"');
    expect(quoteName('')).toBe('""');
  });

  it('builds statements PostgreSQL parses for hostile names', () => {
    const names = ['a"b', 'select', 'Ünïcode', 'with space', 'x;drop table y', '1st'];
    const statements = names.flatMap((name) => [
      renameStatement({ kind: 'table', schema: name, from: name, to: `${name}2` }),
      renameStatement({ kind: 'column', schema: 'public', table: name, from: name, to: `${name}2` }),
      renameStatement({ kind: 'constraint', schema: name, table: name, from: name, to: `${name}2`, constraint: 'check' }),
      renameStatement({ kind: 'policy', schema: name, table: name, from: name, to: `${name}2` }),
    ]);
    expect(validateStatements(statements)).toEqual(statements.map(() => null));
  });
});

describe('refusal', () => {
  it('returns issues instead of a plan when a statement does not parse', () => {
    // PostgreSQL never stores a NUL in a name, but a hand-edited snapshot could hold one.
    const d = catalog([table('users', [column('id', 'integer'), column('user\u0000id', 'integer')])]);
    const s = catalog([table('users', [column('id', 'integer'), column('userId', 'integer')])]);
    const decisions = renameDecisions(run(s, d), d);
    expect(decisions.planned).toHaveLength(1);
    const plan = buildRenamePlan(run(s, d), d);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues.map((i) => i.code)).toEqual(['invalid-statement']);
  });

  it('asks its validator about every statement, BEGIN and COMMIT included', () => {
    const seen: string[] = [];
    const plan = buildRenamePlan(run(schema, database), database, {
      validate: (statements) => {
        seen.push(...statements);
        return statements.map((s) => (s.startsWith('ALTER INDEX') ? 'rejected' : null));
      },
    });
    expect(seen[0]).toBe('BEGIN');
    expect(seen.at(-1)).toBe('COMMIT');
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues.map((i) => i.statement)).toEqual(['ALTER INDEX public.events_system_user_idx RENAME TO "events_systemUser_idx"']);
  });
});
