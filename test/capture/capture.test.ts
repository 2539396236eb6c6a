import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, type Capture, type CaptureOptions } from '../../src/capture/capture.js';
import { readOnlyTransaction } from '../../src/capture/transaction.js';
import type { Column, Table } from '../../src/catalog/model.js';
import { buildSnapshot, serializeSnapshot } from '../../src/snapshot/serialize.js';
import { captureTargets, FIXTURE_SQL, type OpenDatabase } from './targets.js';

const targets = await captureTargets();

const captureOk = async (options: CaptureOptions): Promise<Capture> => {
  const outcome = await capture(options);
  if (!outcome.ok) throw new Error(`capture failed: ${outcome.error.message}`);
  return outcome.capture;
};

const tableOf = (result: Capture, schema: string, name: string): Table => {
  const table = result.catalog.tables.find((t) => t.schema === schema && t.name === name);
  if (table === undefined) throw new Error(`no table ${schema}.${name}`);
  return table;
};

const columnOf = (table: Table, name: string): Column => {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) throw new Error(`no column ${name} in ${table.name}`);
  return column;
};

const CAPTURED_AT = new Date('2025-01-02T03:04:05.000Z');
const fileText = (result: Capture): string => serializeSnapshot(buildSnapshot(result, { capturedAt: CAPTURED_AT }));

for (const target of targets) {
  describe.skipIf(!target.enabled)(`capture on ${target.name}`, () => {
    let open: OpenDatabase;
    let result: Capture;

    beforeAll(async () => {
      open = await target.open();
      await open.db.exec(FIXTURE_SQL);
      result = await captureOk({ queryable: open.queryable });
    });
    afterAll(async () => {
      await open?.close();
    });

    it('lists the non-system schemas, and only them', () => {
      expect(result.catalog.schemas).toEqual(['Billing Dept', 'drizzle', 'public']);
      expect(result.schemaFilter).toBeNull();
      expect(result.server.versionNumber).toBeGreaterThanOrEqual(150000);
    });

    it('reads tables with comment, row estimate and columns in position order', () => {
      const users = tableOf(result, 'public', 'users');
      expect(users.kind).toBe('table');
      expect(users.comment).toBe('People who sign in');
      expect(users.rows).toBe(10); // 25 rows analyzed: the power of ten at or below
      expect(users.partitionOf).toBeNull();
      // The dropped column leaves no gap: positions count live columns.
      expect(users.columns.map((c) => [c.position, c.name])).toEqual([
        [1, 'id'],
        [2, 'Email Address'],
        [3, 'select'],
        [4, 'größe'],
        [5, 'UpperCase'],
        [6, 'mood'],
        [7, 'scores'],
        [8, 'tags'],
        [9, 'labels'],
        [10, 'full_name'],
        [11, 'created_at'],
      ]);
      expect(tableOf(result, 'public', 'audit').rows).toBe(0); // analyzed, empty
    });

    it('spells column types as format_type does, user types with their schema', () => {
      const users = tableOf(result, 'public', 'users');
      expect(columnOf(users, 'Email Address')).toEqual({
        name: 'Email Address',
        position: 2,
        type: { name: 'email', schema: 'public', category: 'domain', dimensions: 0 },
        notNull: true,
        default: null,
        identity: null,
        generated: null,
        collation: null,
        comment: 'Login e-mail, unique even when null',
      });
      expect(columnOf(users, 'größe').type).toEqual({ name: 'numeric(10,2)', schema: null, category: 'base', dimensions: 0 });
      expect(columnOf(users, 'UpperCase')).toMatchObject({
        type: { name: 'character varying(50)', schema: null },
        collation: 'C',
      });
      expect(columnOf(users, 'mood')).toMatchObject({
        type: { name: 'mood', schema: 'public', category: 'enum', dimensions: 0 },
        default: "'ok'::public.mood",
      });
      expect(columnOf(users, 'scores').type).toEqual({ name: 'integer', schema: null, category: 'base', dimensions: 2 });
      expect(columnOf(users, 'tags').type).toEqual({ name: 'text', schema: null, category: 'base', dimensions: 1 });
      expect(columnOf(users, 'labels').type).toEqual({ name: 'label_list', schema: 'public', category: 'domain', dimensions: 0 });
      expect(columnOf(users, 'created_at')).toMatchObject({
        type: { name: 'timestamp(3) with time zone' },
        notNull: true,
        default: 'now()',
      });
      const status = columnOf(tableOf(result, 'Billing Dept', 'Invoice Lines'), 'status');
      expect(status).toMatchObject({
        type: { name: 'Invoice Status', schema: 'Billing Dept', category: 'enum' },
        default: `'draft'::"Billing Dept"."Invoice Status"`,
        notNull: true,
      });
    });

    it('reads identity with its sequence options, serial defaults and generated columns', () => {
      const users = tableOf(result, 'public', 'users');
      expect(columnOf(users, 'id')).toMatchObject({
        default: null,
        identity: {
          generation: 'always',
          sequence: { type: 'integer', start: '100', increment: '5', min: '100', max: '1000000', cache: '1', cycle: true },
        },
      });
      expect(columnOf(users, 'full_name')).toMatchObject({ generated: `("select" || '!'::text)`, default: null });
      const orders = tableOf(result, 'public', 'orders');
      expect(columnOf(orders, 'sequence_no').identity).toEqual({
        generation: 'by default',
        sequence: { type: 'smallint', start: '1', increment: '1', min: '1', max: '32767', cache: '1', cycle: false },
      });
      expect(columnOf(orders, 'id')).toMatchObject({
        type: { name: 'bigint' },
        default: "nextval('public.orders_id_seq'::regclass)",
        identity: null,
      });
    });

    it('reads primary keys, unique (nulls not distinct), checks and foreign keys with their actions', () => {
      const users = tableOf(result, 'public', 'users');
      expect(users.primaryKey).toEqual({ name: 'users_pkey', columns: ['id'] });
      expect(users.uniques).toEqual([{ name: 'users_email_unique', columns: ['Email Address'], nullsNotDistinct: true }]);
      expect(users.checks).toEqual([{ name: 'users_größe_positive', expression: '("größe" > (0)::numeric)' }]);

      const lines = tableOf(result, 'Billing Dept', 'Invoice Lines');
      expect(lines.primaryKey).toEqual({ name: 'Invoice Lines_pkey', columns: ['order_user_id', 'order_id', 'line'] });
      expect(lines.foreignKeys).toEqual([
        {
          name: 'invoice_lines_order_fk',
          columns: ['order_user_id', 'order_id'],
          references: { schema: 'public', name: 'orders', columns: ['user_id', 'id'] },
          onUpdate: 'restrict',
          onDelete: 'cascade',
          deferrable: true,
          initiallyDeferred: true,
        },
      ]);
      expect(tableOf(result, 'public', 'audit').foreignKeys).toEqual([
        {
          name: 'audit_user_fkey',
          columns: ['user'],
          references: { schema: 'public', name: 'user', columns: ['Order'] },
          onUpdate: 'set default',
          onDelete: 'set null',
          deferrable: true,
          initiallyDeferred: false,
        },
      ]);
      expect(tableOf(result, 'public', 'user').uniques).toEqual([
        { name: 'user_Order_key', columns: ['Order'], nullsNotDistinct: false },
      ]);
    });

    it('reads indexes: expressions, order and nulls, opclass, partial, include, method, backing constraint', () => {
      const users = tableOf(result, 'public', 'users');
      const index = (table: Table, name: string) => table.indexes.find((i) => i.name === name);
      expect(index(users, 'users_lower_email_idx')).toMatchObject({
        unique: false,
        method: 'btree',
        keys: [{ kind: 'expression', expression: 'lower(("Email Address")::text)', order: 'asc', nulls: 'last', opclass: null }],
        constraint: null,
        definition: 'CREATE INDEX users_lower_email_idx ON public.users USING btree (lower(("Email Address")::text))',
      });
      expect(index(users, 'users_created_idx')?.keys).toEqual([
        { kind: 'column', column: 'created_at', order: 'desc', nulls: 'last', opclass: null },
        { kind: 'column', column: 'id', order: 'asc', nulls: 'first', opclass: null },
      ]);
      expect(index(users, 'users_upper_pattern_idx')?.keys).toEqual([
        { kind: 'column', column: 'UpperCase', order: 'asc', nulls: 'last', opclass: 'varchar_pattern_ops' },
      ]);
      expect(index(users, 'users_tags_idx')).toMatchObject({ method: 'gin', keys: [{ column: 'tags', opclass: null }] });
      expect(index(users, 'users_email_unique')).toMatchObject({
        unique: true,
        nullsNotDistinct: true,
        constraint: 'users_email_unique',
      });
      expect(index(users, 'users_pkey')?.constraint).toBe('users_pkey');

      const orders = tableOf(result, 'public', 'orders');
      expect(index(orders, 'orders_note_partial_idx')?.predicate).toBe('(note IS NOT NULL)');
      expect(index(orders, 'orders_id_cover_idx')).toMatchObject({
        unique: true,
        constraint: null,
        keys: [{ kind: 'column', column: 'id' }],
        include: ['note', 'quantity'],
      });
      expect(index(tableOf(result, 'Billing Dept', 'Invoice Lines'), 'invoice_lines_payload_idx')).toMatchObject({
        method: 'gin',
        keys: [{ kind: 'column', column: 'payload', opclass: 'jsonb_path_ops' }],
      });
    });

    it('reads row-level security and policies', () => {
      const orders = tableOf(result, 'public', 'orders');
      expect(orders.rowLevelSecurity).toEqual({ enabled: true, forced: true });
      expect(tableOf(result, 'public', 'users').rowLevelSecurity).toEqual({ enabled: false, forced: false });
      expect(orders.policies).toEqual([
        { name: 'orders_noted', command: 'insert', permissive: false, roles: ['postgres'], using: null, withCheck: '(note IS NOT NULL)' },
        { name: 'orders_visible', command: 'select', permissive: true, roles: ['public'], using: '(user_id > 0)', withCheck: null },
      ]);
    });

    it('keeps quoted names exactly, and stores names over 63 bytes truncated', () => {
      const user = tableOf(result, 'public', 'user');
      expect(user.columns.map((c) => c.name)).toEqual(['group', 'Order', 'ÄÖÜ Spalte']);
      const longName = 'this_table_name_is_deliberately_much_longer_than_sixty_three_bytes';
      const stored = result.catalog.tables.find((t) => longName.startsWith(t.name) && t.name.length > 20);
      expect(stored?.name).toBe(longName.slice(0, 63));
      // 50 two-byte characters: PostgreSQL keeps 31 (62 bytes) rather than split the 32nd.
      expect(stored?.columns[0]?.name).toBe('ä'.repeat(31));
    });

    it('reads partitioned tables and their partitions, without the hidden per-partition foreign keys', () => {
      const events = tableOf(result, 'public', 'events');
      expect(events.kind).toBe('partitioned-table');
      expect(events.partitionOf).toBeNull();
      for (const name of ['events_2024', 'events_2025']) {
        const partition = tableOf(result, 'public', name);
        expect(partition.kind).toBe('table');
        expect(partition.partitionOf).toEqual({ schema: 'public', name: 'events' });
        // PostgreSQL stores attndims 0 on partitions; the parent's declaration wins.
        expect(columnOf(partition, 'matrix').type).toEqual({ name: 'numeric(5,2)', schema: null, category: 'base', dimensions: 2 });
      }
      expect(tableOf(result, 'public', 'event_notes').foreignKeys.map((fk) => fk.name)).toEqual(['event_notes_event_fk']);
      expect(events.indexes.map((i) => i.name)).toEqual(['events_kind_idx', 'events_pkey']);
    });

    it('reads enums in sort order, domains, sequences with owners, views and extensions', () => {
      expect(result.catalog.enums).toEqual([
        { schema: 'Billing Dept', name: 'Invoice Status', values: ['draft', 'sent', 'paid'] },
        { schema: 'public', name: 'mood', values: ['sad', 'meh', 'ok', 'happy'] },
      ]);
      expect(result.catalog.domains).toEqual([
        {
          schema: 'public',
          name: 'email',
          type: { name: 'text', schema: null, category: 'base', dimensions: 0 },
          notNull: false,
          default: null,
          checks: [{ name: 'email_has_at', expression: "(VALUE ~ '@'::text)" }],
        },
        {
          schema: 'public',
          name: 'label_list',
          type: { name: 'character varying(20)', schema: null, category: 'base', dimensions: 1 },
          notNull: false,
          default: null,
          checks: [],
        },
        {
          schema: 'public',
          name: 'positive_int',
          type: { name: 'integer', schema: null, category: 'base', dimensions: 0 },
          notNull: true,
          default: '1',
          checks: [{ name: 'positive_int_positive', expression: '(VALUE > 0)' }],
        },
      ]);
      const sequence = (name: string) => result.catalog.sequences.find((s) => s.name === name);
      expect(sequence('invoice_numbers')).toEqual({
        schema: 'public',
        name: 'invoice_numbers',
        options: { type: 'integer', start: '1000', increment: '10', min: '1', max: '2147483647', cache: '1', cycle: false },
        ownedBy: null,
      });
      expect(sequence('orders_id_seq')?.ownedBy).toEqual({ schema: 'public', name: 'orders', column: 'id' });
      expect(sequence('orders_id_seq')?.options.max).toBe('9223372036854775807');
      expect(sequence('users_id_seq')?.ownedBy).toEqual({ schema: 'public', name: 'users', column: 'id' });

      const views = result.catalog.views;
      expect(views.map((v) => [v.schema, v.name, v.materialized])).toEqual([
        ['Billing Dept', 'status_counts', true],
        ['public', 'active_users', false],
      ]);
      // The layout differs across versions (PostgreSQL 16 dropped the column qualifiers); the references do not.
      expect(views[1]?.definition).toContain('FROM public.users');
      expect(views[1]?.definition).toContain("'sad'::public.mood");
      expect(result.catalog.extensions).toContainEqual({ name: 'plpgsql', schema: 'pg_catalog', version: '1.0' });
    });

    it('records the drizzle migrations journal in id order', () => {
      expect(result.migrations).toEqual({
        schema: 'drizzle',
        table: '__drizzle_migrations',
        entries: [
          { hash: '9f2c1e0a5b7d', createdAt: '1700000000000' },
          { hash: '3a4b5c6d7e8f', createdAt: '1700000500000' },
        ],
      });
      expect(result.warnings).toEqual([]);
    });

    it('never reads the seeded row values', () => {
      const text = fileText(result);
      expect(text).not.toContain('user7@example.com');
      expect(text).not.toContain('name 7');
    });

    it('captures only the schemas asked for, and reports missing ones as an error value', async () => {
      const onlyPublic = await captureOk({ queryable: open.queryable, schemas: ['public'] });
      expect(onlyPublic.catalog.schemas).toEqual(['public']);
      expect(onlyPublic.schemaFilter).toEqual(['public']);
      expect(new Set(onlyPublic.catalog.tables.map((t) => t.schema))).toEqual(new Set(['public']));
      expect(onlyPublic.catalog.enums.map((e) => e.name)).toEqual(['mood']);
      // The journal lives in the drizzle schema, which is not captured, and is still recorded.
      expect(onlyPublic.migrations?.entries).toHaveLength(2);

      const missing = await capture({ queryable: open.queryable, schemas: ['public', 'Nope'] });
      expect(missing).toMatchObject({ ok: false, error: { code: 'schema-not-found' } });
      if (!missing.ok) expect(missing.error.message).toContain('"Nope"');
    });

    it('reports an unreadable or foreign journal table as a warning, an absent one silently', async () => {
      const foreign = await captureOk({ queryable: open.queryable, migrationsTable: { schema: 'public', name: 'users' } });
      expect(foreign.migrations).toBeNull();
      expect(foreign.warnings).toEqual([expect.stringContaining('public.users has no id, hash and created_at columns')]);
      const absent = await captureOk({ queryable: open.queryable, migrationsTable: { schema: 'drizzle', name: 'nothing' } });
      expect(absent.migrations).toBeNull();
      expect(absent.warnings).toEqual([]);
      // The journal is read with the other small kinds: no statement of its own either way.
      expect(absent.queries).toBe(result.queries);
    });

    it('sends a small constant number of statements', () => {
      // begin with the settings, server probe, columns, indexes, constraints, the small
      // kinds together (journal included), catalog-change check, commit.
      expect(result.queries).toBe(8);
    });

    it('refuses writes inside the capture transaction', async () => {
      const attempt = readOnlyTransaction(open.queryable, { statementTimeoutMs: 5000 }, (tx) =>
        tx.query('create table public.sneaky (id integer)'),
      );
      await expect(attempt).rejects.toThrow(/read-only transaction/);
      const insert = readOnlyTransaction(open.queryable, { statementTimeoutMs: 5000 }, (tx) =>
        tx.query(`insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', 1)`),
      );
      await expect(insert).rejects.toThrow(/read-only transaction/);
      // The connection is usable afterwards (the failed transaction was rolled back).
      const rows = await open.queryable.query<{ n: number }>(
        `select count(*)::int as n from pg_class where relname = 'sneaky'`,
      );
      expect(rows.rows).toEqual([{ n: 0 }]);
    });

    it('reads in a read-only repeatable-read transaction with its own timeout and search_path', async () => {
      const settings = await readOnlyTransaction(open.queryable, { statementTimeoutMs: 1234 }, async (tx) =>
        (
          await tx.query<Record<string, string>>(
            `select current_setting('transaction_read_only') as read_only,
                    current_setting('transaction_isolation') as isolation,
                    current_setting('statement_timeout') as timeout,
                    current_setting('search_path') as search_path`,
          )
        ).rows[0],
      );
      expect(settings).toEqual({ read_only: 'on', isolation: 'repeatable read', timeout: '1234ms', search_path: 'pg_catalog' });
      // SET LOCAL: nothing leaks into the session afterwards.
      const after = await open.queryable.query<{ search_path: string }>(`select current_setting('search_path') as search_path`);
      expect(after.rows[0]?.search_path).not.toBe('pg_catalog');
    });

    it('is deterministic: same bytes twice, and after a few rows plus ANALYZE', async () => {
      const first = fileText(result);
      const second = fileText(await captureOk({ queryable: open.queryable }));
      expect(second).toBe(first);
      await open.db.exec(`
        insert into public.users ("Email Address", mood) values ('late1@example.com', 'ok'), ('late2@example.com', 'ok');
        analyze public.users;
      `);
      expect(fileText(await captureOk({ queryable: open.queryable }))).toBe(first);
    });

    it('builds the snapshot in canonical key order already (what lets an unchanged file skip the schema pass)', () => {
      const snapshot = buildSnapshot(result, { capturedAt: CAPTURED_AT });
      expect(`${JSON.stringify(snapshot, null, 2)}\n`).toBe(serializeSnapshot(snapshot));
    });

    it('says unknown for a table never analyzed', async () => {
      await open.db.exec('create table public.fresh (id integer)');
      const fresh = tableOf(await captureOk({ queryable: open.queryable }), 'public', 'fresh');
      expect(fresh.rows).toBe('unknown');
    });
  });

  describe.skipIf(!target.enabled)(`query count on ${target.name}`, () => {
    const queriesFor = async (tables: number): Promise<number> => {
      const open = await target.open();
      try {
        const ddl = Array.from(
          { length: tables },
          (_, i) => `create table public.t${i} (id integer primary key, name text not null, ref integer references public.t0 (id));
                     create index t${i}_name_idx on public.t${i} (name);`,
        ).join('\n');
        await open.db.exec(ddl);
        const result = await captureOk({ queryable: open.queryable });
        expect(result.catalog.tables).toHaveLength(tables);
        expect(result.catalog.tables.flatMap((t) => t.foreignKeys)).toHaveLength(tables);
        return result.queries;
      } finally {
        await open.close();
      }
    };

    it('is the same for 5 tables and for 200', async () => {
      const few = await queriesFor(5);
      const many = await queriesFor(200);
      expect(many).toBe(few);
      expect(few).toBeLessThanOrEqual(10); // issue 7's target
    });
  });
}
