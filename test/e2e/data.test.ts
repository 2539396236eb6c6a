/**
 * End to end, changes that touch data: drops on populated and empty tables, widening and
 * narrowing type changes, enum values added, removed and reordered. Row estimates come from
 * the real catalog (rows inserted, then ANALYZE), as capture reads them.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../src/catalog/model.js';
import { classifyTypeChange } from '../../src/diff/type-change.js';
import { brief, f, findingLines } from './support/report.js';
import { useScenarios, type ScenarioDatabase } from './support/scenario.js';

const { scenario, targets, host } = await useScenarios();
const dump = (name: string, value: string): void => {
  if (process.env['E2E_DUMP'] === '1') console.log(`${name}\n${value}`);
};

describe('drops on populated and empty tables', () => {
  const s = scenario({
    ddl: `
      create table orders (id serial primary key, total integer not null, legacy_code text);
      create table drafts (id serial primary key, body text, legacy_code text);
      create table audit_log (id serial primary key, line text);
      create table scratch (id serial primary key);
      create table never_analyzed (id integer);
      insert into orders (total) select i from generate_series(1, 300) i;
      insert into audit_log (line) select 'l' || i from generate_series(1, 40) i;
      analyze orders, drafts, audit_log, scratch;
    `,
    schemaFiles: {
      'schema.ts': `
        import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
        export const orders = pgTable('orders', { id: serial('id').primaryKey(), total: integer('total').notNull() });
        export const drafts = pgTable('drafts', { id: serial('id').primaryKey(), body: text('body') });
      `,
    },
  });
  it.each(targets)('%s: high with rows (or unknown), medium when empty', async (target) => {
    const { report } = await s.run(target);
    dump('drops', findingLines(report));
    expect(brief(report)).toEqual([
      f('drop-table', 'high', 'audit_log'),
      f('drop-column', 'medium', 'drafts', 'legacy_code', 'text, nullable', null),
      // NOTE: never analyzed: reltuples is -1 (PostgreSQL 14+), unknown counts as populated.
      f('drop-table', 'high', 'never_analyzed'),
      f('drop-column', 'high', 'orders', 'legacy_code', 'text, nullable', null),
      f('drop-table', 'medium', 'scratch'),
    ]);
    const rows = (table: string): string | undefined =>
      report.findings.find((x) => x.table === table)?.evidence.find((e) => e.kind === 'rows')?.detail;
    expect(rows('orders')).toMatch(/100\+ rows/);
    expect(rows('audit_log')).toMatch(/10\+ rows/);
    expect(rows('scratch')).toMatch(/empty/);
    expect(rows('never_analyzed')).toMatch(/unknown/);
    // drizzle-kit asks before dropping data: the data-loss prompt lists what has (or may have) rows.
    const loss = report.prompts.find((p) => p.kind === 'data-loss');
    expect(loss?.answer).toBe(0);
  });
});

describe('NOT NULL on populated and empty tables', () => {
  const s = scenario({
    ddl: `
      create table accounts (id serial primary key, email text, nickname text not null, note text);
      create table invites (id serial primary key, email text);
      insert into accounts (email, nickname) values ('a@example.com', 'a');
      analyze;
    `,
    schemaFiles: {
      'schema.ts': `
        import { pgTable, serial, text } from 'drizzle-orm/pg-core';
        export const accounts = pgTable('accounts', {
          id: serial('id').primaryKey(),
          email: text('email').notNull(),
          nickname: text('nickname'),
          note: text('note'),
          plan: text('plan').notNull(),
          locale: text('locale').notNull().default('en'),
        });
        export const invites = pgTable('invites', {
          id: serial('id').primaryKey(),
          email: text('email').notNull(),
          token: text('token').notNull(),
        });
      `,
    },
  });
  it.each(targets)('%s: high with rows, medium or low when empty, low for DROP NOT NULL and defaulted columns', async (target) => {
    const { report } = await s.run(target);
    dump('not null', findingLines(report));
    expect(brief(report)).toEqual([
      f('create-column', 'low', 'accounts', 'locale', null, 'text, NOT NULL, default \'en\''),
      // NOTE: PostgreSQL cannot fill a NOT NULL column without default for existing rows; drizzle-kit offers to truncate.
      f('create-column', 'high', 'accounts', 'plan', null, 'text, NOT NULL'),
      f('alter-column-nullability', 'high', 'accounts', 'email', 'NULL', 'NOT NULL'),
      f('alter-column-nullability', 'low', 'accounts', 'nickname', 'NOT NULL', 'NULL'),
      f('create-column', 'low', 'invites', 'token', null, 'text, NOT NULL'),
      f('alter-column-nullability', 'medium', 'invites', 'email', 'NULL', 'NOT NULL'),
    ]);
    const loss = report.prompts.find((p) => p.kind === 'data-loss');
    expect(loss?.options).toEqual(['No, abort', 'Yes, I want to truncate 1 table ']);
    expect(loss?.answer).toBe(0);
  });
});

describe('widening and narrowing type changes', () => {
  const s = scenario({
    ddl: `
      create table items (
        id serial primary key,
        name varchar(50) not null,
        quantity integer not null,
        price real,
        code text,
        description varchar(500),
        label varchar(20),
        rank smallint,
        amount numeric(10, 2),
        ratio numeric(10, 2),
        happened_at timestamp,
        note varchar(50)
      );
      insert into items (name, quantity, code, description, label) select 'n' || i, i, '' || i, 'd', 'l' from generate_series(1, 100) i;
      create table empty_items (id serial primary key, code text, description varchar(500));
      analyze items, empty_items;
    `,
    schemaFiles: {
      'schema.ts': `
        import { bigint, doublePrecision, integer, numeric, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
        export const items = pgTable('items', {
          id: serial('id').primaryKey(),
          name: text('name').notNull(),
          quantity: bigint('quantity', { mode: 'number' }).notNull(),
          price: doublePrecision('price'),
          code: integer('code'),
          description: varchar('description', { length: 100 }),
          label: varchar('label', { length: 40 }),
          rank: integer('rank'),
          amount: numeric('amount', { precision: 12, scale: 2 }),
          ratio: numeric('ratio', { precision: 10, scale: 4 }),
          happenedAt: timestamp('happened_at', { withTimezone: true }),
          note: varchar('note'),
        });
        export const emptyItems = pgTable('empty_items', {
          id: serial('id').primaryKey(),
          code: integer('code'),
          description: varchar('description', { length: 100 }),
        });
      `,
    },
  });
  it.each(targets)('%s: widening low, narrowing high', async (target) => {
    const { report } = await s.run(target);
    dump('types', findingLines(report));
    expect(brief(report)).toEqual([
      // NOTE: text has no assignment cast to integer: PostgreSQL refuses the ALTER without USING, drizzle-kit writes none.
      // NOTE: PostgreSQL refuses the cast before reading a row: high on an empty table too.
      f('alter-column-type', 'high', 'empty_items', 'code', 'text', 'integer'),
      // Narrowing fails only on values that do not fit: none in an empty table.
      f('alter-column-type', 'medium', 'empty_items', 'description', 'character varying(500)', 'character varying(100)'),
      f('alter-column-type', 'low', 'items', 'amount', 'numeric(10,2)', 'numeric(12,2)'),
      f('alter-column-type', 'high', 'items', 'code', 'text', 'integer'),
      f('alter-column-type', 'high', 'items', 'description', 'character varying(500)', 'character varying(100)'),
      // Values are read in the TimeZone of the session running the ALTER: no loss, but reinterpreted.
      f('alter-column-type', 'medium', 'items', 'happened_at', 'timestamp without time zone', 'timestamp with time zone'),
      f('alter-column-type', 'low', 'items', 'label', 'character varying(20)', 'character varying(40)'),
      f('alter-column-type', 'low', 'items', 'name', 'character varying(50)', 'text'),
      f('alter-column-type', 'low', 'items', 'note', 'character varying(50)', 'character varying'),
      f('alter-column-type', 'low', 'items', 'price', 'real', 'double precision'),
      f('alter-column-type', 'low', 'items', 'quantity', 'integer', 'bigint'),
      f('alter-column-type', 'low', 'items', 'rank', 'smallint', 'integer'),
      // Two more fraction digits leave 6 integer digits where 8 were allowed: large values overflow.
      f('alter-column-type', 'high', 'items', 'ratio', 'numeric(10,2)', 'numeric(10,4)'),
    ]);
    expect(report.verdict).toBe('dangerous');
  });
});

describe('enum changes', () => {
  const s = scenario({
    ddl: `
      create type status as enum ('draft', 'published');
      create type priority as enum ('low', 'medium', 'high', 'urgent');
      create type size as enum ('small', 'medium', 'large');
      create table tasks (id serial primary key, status status not null, priority priority, size size);
      insert into tasks (status, priority) select 'draft', 'urgent' from generate_series(1, 20);
      analyze tasks;
    `,
    schemaFiles: {
      'schema.ts': `
        import { pgEnum, pgTable, serial } from 'drizzle-orm/pg-core';
        export const status = pgEnum('status', ['draft', 'published', 'archived']);
        export const priority = pgEnum('priority', ['low', 'medium', 'high']);
        export const size = pgEnum('size', ['large', 'medium', 'small']);
        export const tasks = pgTable('tasks', {
          id: serial('id').primaryKey(),
          status: status('status').notNull(),
          priority: priority('priority'),
          size: size('size'),
        });
      `,
    },
  });
  it.each(targets)('%s: added low, removed high, reordered medium', async (target) => {
    const { report } = await s.run(target);
    dump('enums', findingLines(report));
    expect(brief(report)).toEqual([
      f('alter-enum', 'high', null, null, "'low', 'medium', 'high', 'urgent'", "'low', 'medium', 'high'"),
      f('alter-enum', 'medium', null, null, "'small', 'medium', 'large'", "'large', 'medium', 'small'"),
      f('alter-enum', 'low', null, null, "'draft', 'published'", "'draft', 'published', 'archived'"),
    ]);
    expect(report.findings.map((x) => x.object)).toEqual(['priority', 'size', 'status']);
  });
});

/**
 * The type-change classifier against PostgreSQL itself: a change is `incompatible` exactly
 * when PostgreSQL refuses `ALTER COLUMN ... SET DATA TYPE` without USING (drizzle-kit writes
 * none, except for enums). Type names are PostgreSQL's own `format_type` spellings, read
 * back from the database, as capture records them.
 */
describe('type changes PostgreSQL refuses without USING', () => {
  const TYPES = [
    'text', 'varchar(10)', 'varchar', 'char(5)', 'smallint', 'integer', 'bigint', 'numeric(10,2)', 'numeric', 'real',
    'double precision', 'boolean', 'date', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval', 'json', 'jsonb', 'uuid',
    'bytea', 'inet', 'cidr', 'money', 'bit(3)', 'varbit', 'text[]', 'integer[]', 'varchar(10)[]',
  ] as const;
  const column = (i: number): string => `c${i}`;

  const disagreements = async (db: ScenarioDatabase): Promise<string[]> => {
    await db.exec(`create table probe (${TYPES.map((t, i) => `${column(i)} ${t}`).join(', ')})`);
    const rows = await db.query<{ spelled: string }>(
      `select format_type(atttypid, atttypmod) as spelled from pg_attribute where attrelid = 'probe'::regclass and attnum > 0 order by attnum`,
    );
    const spelled = rows.map(({ spelled: s }): ColumnType => ({
      name: s.replace(/\[\]/g, ''),
      schema: null,
      category: 'base',
      dimensions: (s.match(/\[\]/g) ?? []).length,
    }));
    const found: string[] = [];
    await db.exec('begin');
    for (const [i, from] of TYPES.entries()) {
      for (const [j, to] of TYPES.entries()) {
        if (i === j) continue;
        let refused: string | null = null;
        await db.exec('savepoint probe');
        try {
          await db.exec(`alter table probe alter column ${column(i)} set data type ${to}`);
        } catch (error) {
          refused = (error as Error).message;
        }
        await db.exec('rollback to savepoint probe');
        const classified = classifyTypeChange(spelled[i] as ColumnType, spelled[j] as ColumnType).class;
        if ((classified === 'incompatible') !== (refused !== null))
          found.push(`${from} → ${to}: classified ${classified}; PostgreSQL ${refused === null ? 'accepts it' : `refuses it (${refused})`}`);
      }
    }
    await db.exec('rollback');
    return found;
  };

  it.each(targets)('%s: classified incompatible exactly when refused, for every pair of 30 common types', async (target) => {
    expect(await host.use(target, disagreements)).toEqual([]);
  });
});
