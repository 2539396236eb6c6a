/**
 * Issue 6: concurrent DDL during capture still yields a consistent snapshot, because
 * capture reads in one REPEATABLE READ transaction, or else a clear "run capture again"
 * error, never a torn file.
 *
 * NOTE: REPEATABLE READ covers the catalog rows capture selects, not PostgreSQL's
 * deparsing functions (pg_get_expr, pg_get_indexdef, pg_get_viewdef, format_type),
 * which read the latest committed catalog: for an object dropped after the snapshot
 * they return null or `???`, or fail (src/capture/catalog-changed.ts). The first block
 * commits DDL at the exact moment after the snapshot is taken, one detection path at a
 * time; the second runs captures while another session churns tables in a loop.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, type CaptureOutcome } from '../../src/capture/capture.js';
import { describeDatabaseError } from '../../src/capture/database-errors.js';
import { pgQueryable } from '../../src/capture/pg-queryable.js';
import type { Queryable } from '../../src/capture/queryable.js';
import type { Catalog } from '../../src/catalog/model.js';
import { runCli } from '../../src/cli.js';
import { parseSnapshot } from '../../src/snapshot/load.js';
import { createServerDatabase, serverTestsEnabled } from '../support/databases.js';
import { memoryIo } from '../support/memory-io.js';

const server = await serverTestsEnabled();

/**
 * The real connection, plus one pause: right after the statement that takes the
 * transaction's snapshot (the second round trip: `begin` and its SET LOCALs take none;
 * the server probe does, and reads nothing deparsed), `ddl` runs and commits on another
 * connection before capture goes on.
 */
const ddlAfterSnapshot = (inner: Queryable, ddl: () => Promise<unknown>): Queryable => {
  let sent = 0;
  const exec = inner.exec;
  if (exec === undefined) throw new Error('pgQueryable should offer exec');
  const after = async <T>(result: T): Promise<T> => {
    sent += 1;
    if (sent === 2) await ddl();
    return result;
  };
  return {
    query: async <Row extends object>(sql: string, params?: readonly unknown[]) => after(await inner.query<Row>(sql, params)),
    exec: async (sql: string) => after(await exec(sql)),
  };
};

describe.skipIf(!server)('DDL committed right after the capture took its snapshot', () => {
  let db: Awaited<ReturnType<typeof createServerDatabase>>;
  let reader: pg.Client;

  beforeAll(async () => {
    db = await createServerDatabase('harden');
    reader = new pg.Client({ connectionString: db.url });
    await reader.connect();
    await db.exec('create table public.bystander (id integer primary key, note text default $$kept$$)');
  });
  afterAll(async () => {
    await reader?.end();
    await db?.close();
  });

  const captureWhile = async (setup: string, ddl: string): Promise<CaptureOutcome> => {
    await db.exec(setup);
    return capture({ queryable: ddlAfterSnapshot(pgQueryable(reader), () => db.exec(ddl)) });
  };

  const expectRunAgain = async (attempt: Promise<CaptureOutcome>, what: RegExp): Promise<void> => {
    const error = await attempt.then(
      () => null,
      (rejected: unknown) => rejected,
    );
    expect(error, 'capture must fail rather than record what is no longer there').toBeInstanceOf(Error);
    const described = describeDatabaseError(error, 'read');
    expect(described.message).toMatch(what);
    expect(described.hint).toContain('run capture again');
    // The connection is fine afterwards (the transaction was rolled back).
    expect((await reader.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  };

  it.each([
    ['a column default', 'create table public.t_default (id integer, n integer default 42)', 'drop table public.t_default', /table public\.t_default was dropped/],
    ['a generated column', 'create table public.t_generated (n integer, twice integer generated always as (n * 2) stored)', 'drop table public.t_generated', /table public\.t_generated was dropped/],
    ['a check constraint', 'create table public.t_check (n integer check (n > 0))', 'drop table public.t_check', /table public\.t_check was dropped/],
    ['an index', 'create table public.t_index (v text); create index t_index_lower on public.t_index (lower(v))', 'drop table public.t_index', /index public\.t_index_lower was dropped/],
    ['a policy', 'create table public.t_policy (n integer); create policy positive on public.t_policy using (n > 0)', 'drop table public.t_policy', /table public\.t_policy was dropped/],
    ['an enum column type', "create type public.t_mood as enum ('ok'); create table public.t_typed (m public.t_mood)", 'drop type public.t_mood cascade', /the type of column public\.t_typed\.m was dropped/],
    ['a view', 'create view public.t_view as select 1 as one', 'drop view public.t_view', /view public\.t_view was dropped|could not open relation with OID/],
  ])('fails with "run capture again" when an object with %s is dropped', async (_what, setup, ddl, message) => {
    await expectRunAgain(captureWhile(setup, ddl), message);
  });

  it.each([
    ['a column is renamed', 'create table public.r_column (n integer check (n > 0))', 'alter table public.r_column rename column n to renamed', /column public\.r_column\.n was renamed, moved or dropped/],
    ['a table is renamed', 'create table public.r_table (id integer primary key)', 'alter table public.r_table rename to r_moved', /relation public\.r_table was renamed, moved or dropped/],
    ['a schema is renamed', 'create schema r_schema; create table r_schema.t (id integer)', 'alter schema r_schema rename to r_elsewhere', /relation r_schema\.t was renamed, moved or dropped/],
    ['an enum is renamed', "create type public.r_mood as enum ('ok')", 'alter type public.r_mood rename to r_humour', /type public\.r_mood was renamed, moved or dropped/],
    ['a function is renamed', 'create function public.r_fn() returns integer language sql as $$select 1$$', 'alter function public.r_fn() rename to r_other', /function public\.r_fn was renamed, moved or dropped/],
    ['a table without deparsed parts is dropped', 'create table public.r_plain (id integer)', 'drop table public.r_plain', /relation public\.r_plain was renamed, moved or dropped/],
  ])('fails with "run capture again" when %s (deparsed texts would show the new name)', async (_what, setup, ddl, message) => {
    await expectRunAgain(captureWhile(setup, ddl), message);
  });

  it('records what the snapshot saw when objects are created or columns added after it', async () => {
    const outcome = await captureWhile(
      'select 1',
      `create table public.t_late (id integer);
       alter table public.bystander add column added_late integer`,
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    const tables = outcome.capture.catalog.tables;
    expect(tables.map((t) => t.name)).not.toContain('t_late');
    expect(tables.find((t) => t.name === 'bystander')?.columns.map((c) => c.name)).toEqual(['id', 'note']);
  });
});

describe.skipIf(!server)('captures while another session creates and drops tables in a loop', () => {
  const CAPTURES = 8;
  let db: Awaited<ReturnType<typeof createServerDatabase>>;

  beforeAll(async () => {
    db = await createServerDatabase('harden');
    await db.exec('create table public.anchor (id integer primary key)');
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Each statement commits on its own, so captures can land between any two of them. */
  const churnStatements = (i: number): readonly string[] => [
    `create table public.churn_${i} (
       id integer primary key,
       anchor_id integer not null references public.anchor (id),
       amount integer not null default 7 check (amount >= 0))`,
    `create index churn_${i}_new on public.churn_${i} (amount) where amount > 0`,
    `alter index public.churn_${i}_new rename to churn_${i}_amount`,
    `create view public.churn_${i}_v as select id, amount from public.churn_${i}`,
    ...(i > 0 ? [`drop view public.churn_${i - 1}_v`, `drop table public.churn_${i - 1}`] : []),
  ];

  /** What every committed state of the churn satisfies, so every snapshot must too. */
  const expectConsistent = (catalog: Catalog): void => {
    const tables = new Set(catalog.tables.map((t) => `${t.schema}.${t.name}`));
    for (const table of catalog.tables) {
      expect(table.columns.map((c) => c.position)).toEqual(table.columns.map((_, i) => i + 1));
      for (const fk of table.foreignKeys) expect(tables).toContain(`${fk.references.schema}.${fk.references.name}`);
      if (!table.name.startsWith('churn_')) continue;
      expect(table.columns.map((c) => [c.name, c.default])).toEqual([
        ['id', null],
        ['anchor_id', null],
        ['amount', '7'],
      ]);
      expect(table.primaryKey?.columns).toEqual(['id']);
      expect(table.foreignKeys.map((fk) => fk.references.name)).toEqual(['anchor']);
      expect(table.checks.map((c) => c.expression)).toEqual(['(amount >= 0)']);
      for (const index of table.indexes) {
        // pg_get_indexdef reads the latest catalog: a rename must not show through.
        expect(index.definition).toMatch(new RegExp(`^CREATE (UNIQUE )?INDEX ${index.name} ON public\\.${table.name} USING btree`));
        if (index.name.endsWith('_amount') || index.name.endsWith('_new')) expect(index.predicate).toBe('(amount > 0)');
      }
    }
    for (const view of catalog.views) {
      expect(view.definition).toContain('amount');
      expect(tables).toContain(`public.${view.name.replace(/_v$/, '')}`);
    }
  };

  it(`each of ${CAPTURES} captures is consistent, or fails asking to run capture again`, async () => {
    const ddl = new pg.Client({ connectionString: db.url });
    await ddl.connect();
    let stop = false;
    let iterations = 0;
    const churn = (async () => {
      for (let i = 0; !stop && i < 5000; i += 1) {
        for (const statement of churnStatements(i)) await ddl.query(statement);
        iterations = i + 1;
        // A breather, so that some captures fit between two drops (without it, nearly
        // every capture overlaps a drop and rightly asks to be run again).
        await new Promise((resolve) => setTimeout(resolve, 10 + (i % 5) * 20));
      }
    })();
    const outcomes = { consistent: 0, runAgain: 0, withChurnTables: 0 };
    try {
      // At least CAPTURES, and on until one is consistent (bounded: 3 × CAPTURES).
      for (let n = 0; n < 3 * CAPTURES && (n < CAPTURES || outcomes.consistent === 0); n += 1) {
        const io = memoryIo();
        const code = await runCli(['capture', '--url', db.url, '--out', '-', '--quiet'], io);
        if (code === 0) {
          const loaded = parseSnapshot(io.out(), 'stdout');
          if (!loaded.ok) throw new Error(loaded.error.message);
          expectConsistent(loaded.snapshot.catalog);
          outcomes.consistent += 1;
          if (loaded.snapshot.catalog.tables.some((t) => t.name.startsWith('churn_'))) outcomes.withChurnTables += 1;
        } else {
          expect(code, io.err()).toBe(2);
          expect(io.out()).toBe('');
          expect(io.err()).toMatch(/the catalog changed while capture read it|could not open relation with OID/);
          expect(io.err()).toContain('run capture again');
          outcomes.runAgain += 1;
        }
      }
    } finally {
      stop = true;
      await churn;
      await ddl.end();
    }
    expect(iterations).toBeGreaterThanOrEqual(3); // tables were created and dropped during the captures
    expect(outcomes.consistent).toBeGreaterThan(0);
    expect(outcomes.withChurnTables).toBeGreaterThan(0);
  });
});
