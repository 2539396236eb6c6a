/**
 * `capture --dump` on what real dumps hold besides tables: the migrations journal's rows
 * (and nobody else's), roles, grants and owners of users that do not exist in the
 * replay, publications, subscriptions, event triggers, settings the replay does not
 * know, extensions it lacks, and damaged dumps (truncated, a syntax error). Each has its
 * expected outcome; nothing crashes, and everything skipped is counted in a warning.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../src/capture/capture.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import type { Table } from '../../src/catalog/model.js';
import { captureDump } from '../../src/dump/capture-dump.js';
import { resetDatabase } from '../oracle/reset-database.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import { catalogText, comparable, dumpCapture, liveCapture, pgDump, sharedDataDir } from './support.js';

const server = await serverTestsEnabled();
const FIXTURE = readFileSync(new URL('../fixtures/capture-catalog.sql', import.meta.url), 'utf8');
const DUMP_FIXTURE = readFileSync(new URL('../fixtures/dump-catalog.sql', import.meta.url), 'utf8');
const JOURNAL = { schema: 'drizzle', name: '__drizzle_migrations' };

const tableOf = (tables: readonly Table[], schema: string, name: string): Table => {
  const table = tables.find((t) => t.schema === schema && t.name === name);
  if (table === undefined) throw new Error(`no table ${schema}.${name}`);
  return table;
};

/** The line (1-based) of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe.skipIf(!server)('dumps of a real database (PostgreSQL 15 server)', () => {
  let db: TestDatabase & { readonly url: string };
  beforeAll(async () => {
    db = await createServerDatabase('dump_edge');
    await sharedDataDir();
  });
  afterAll(async () => {
    await db?.close();
  });

  describe('the migrations journal', () => {
    let schemaOnly: string;
    let live: Awaited<ReturnType<typeof liveCapture>>;
    beforeAll(async () => {
      await resetDatabase(db);
      await db.exec(FIXTURE);
      schemaOnly = await pgDump(db.url);
      live = await liveCapture(db.url);
    });

    it('is unknown from a schema-only dump (its rows are data), not an empty journal', async () => {
      const dumped = await dumpCapture(schemaOnly);
      expect(dumped.migrations).toBeNull();
      expect(live.migrations?.entries).toHaveLength(2);
    });

    it("is read from the journal's COPY block when the dump holds it (schema-only plus --data-only --table)", async () => {
      const data = await pgDump(db.url, ['--data-only', `--table=${JOURNAL.schema}.${JOURNAL.name}`]);
      const dumped = await dumpCapture(`${schemaOnly}${data}`);
      expect(dumped.migrations).toEqual(live.migrations);
      expect(dumped.warnings.join('\n')).toMatch(/sequence positions \(setval\)/);
      expect(catalogText(comparable(dumped.catalog))).toBe(catalogText(comparable(live.catalog)));
    });

    it('is read from INSERT statements too (pg_dump --inserts)', async () => {
      const data = await pgDump(db.url, ['--data-only', '--inserts', `--table=${JOURNAL.schema}.${JOURNAL.name}`]);
      const dumped = await dumpCapture(`${schemaOnly}${data}`);
      expect(dumped.migrations).toEqual(live.migrations);
    });

    it("from a full dump, reads the journal's rows and no other table's, and says which tables' rows it left", async () => {
      const full = await pgDump(db.url, []);
      expect(full).toContain('user25@example.com');
      const dumped = await dumpCapture(full);
      expect(dumped.migrations).toEqual(live.migrations);
      expect(dumped.warnings).toContainEqual(
        'row data of 9 tables in the dump was not read (Billing Dept.Invoice Lines, public.audit, public.event_notes, public.events_2024, public.events_2025, and 4 more): a snapshot records only the rows of the migrations journal drizzle.__drizzle_migrations',
      );
      expect(JSON.stringify(dumped.catalog)).not.toContain('user25@example.com');
      expect(tableOf(dumped.catalog.tables, 'public', 'users').rows).toBe('unknown');
      expect(tableOf(dumped.catalog.tables, 'drizzle', '__drizzle_migrations').rows).toBe('unknown');
    });

    it('follows --migrations-table', async () => {
      await db.exec(`create table public.my_migrations (id serial primary key, hash text not null, created_at bigint);
        insert into public.my_migrations (hash, created_at) values ('abc', 1), ('def', 2);`);
      try {
        const table = { schema: 'public', name: 'my_migrations' };
        const own = await liveCapture(db.url, { migrationsTable: table });
        const dumped = await dumpCapture(await pgDump(db.url, []), { migrationsTable: table });
        expect(dumped.migrations).toEqual(own.migrations);
        expect(dumped.migrations?.entries.map((e) => e.hash)).toEqual(['abc', 'def']);
      } finally {
        await db.exec('drop table public.my_migrations');
      }
    });
  });

  describe('roles, grants and owners of users the replay does not have; publications, subscriptions, event triggers', () => {
    const role = `dump_role_${randomBytes(4).toString('hex')}`;
    beforeAll(async () => {
      await resetDatabase(db);
      await db.exec(`
        create role ${role} nologin;
        create schema app authorization ${role};
        create table app.items (id integer primary key, owner_name text);
        alter table app.items owner to ${role};
        grant select on app.items to public;
        alter default privileges in schema app grant select on tables to ${role};
        alter table app.items enable row level security;
        create policy items_own on app.items to ${role} using (owner_name = current_user);
        create policy items_public on app.items for select to public using (true);
        create function public.on_ddl() returns event_trigger language plpgsql as $$ begin end $$;
        create event trigger no_ddl on ddl_command_start execute function public.on_ddl();
        create publication items_pub for table app.items;
        create subscription items_sub connection 'dbname=does_not_exist' publication items_pub with (connect = false, slot_name = none);
      `);
    });
    afterAll(async () => {
      await db.exec(`drop subscription if exists items_sub; drop event trigger if exists no_ddl; drop owned by ${role}; drop role ${role};`);
    });

    it('replays what the catalog holds, with the policy role created for the replay, and counts the rest', async () => {
      const dump = await pgDump(db.url);
      for (const statement of ['OWNER TO', 'GRANT SELECT', 'ALTER DEFAULT PRIVILEGES', 'CREATE PUBLICATION', 'CREATE SUBSCRIPTION', 'CREATE EVENT TRIGGER']) {
        expect(dump).toContain(statement);
      }
      const dumped = await dumpCapture(dump);
      const live = await liveCapture(db.url);
      expect(catalogText(comparable(dumped.catalog))).toBe(catalogText(comparable(live.catalog)));
      expect(tableOf(dumped.catalog.tables, 'app', 'items').policies.map((p) => p.roles)).toEqual([[role], ['public']]);
      const [skipped] = dumped.warnings;
      expect(skipped).toMatch(/^skipped \d+ statements that define nothing a snapshot records: /);
      for (const what of ['about ownership (ALTER ... OWNER TO)', 'about privileges (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES)', '2 about publications', '1 about subscriptions', '1 about event triggers', '2 psql meta-commands (\\restrict, \\unrestrict)']) {
        expect(skipped).toContain(what);
      }
    });
  });

  describe('damaged dumps', () => {
    let dump: string;
    beforeAll(async () => {
      await resetDatabase(db);
      await db.exec(FIXTURE);
      dump = await pgDump(db.url);
    });

    it('cut in the middle of a statement: exit with the line where the statement starts', async () => {
      const cut = dump.slice(0, dump.indexOf('CREATE TABLE public.users (') + 40);
      const outcome = await captureDump({ dump: cut, dataDir: await sharedDataDir() });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'truncated', line: lineOf(dump, 'CREATE TABLE public.users (') } });
      if (!outcome.ok) expect(outcome.error.message).toBe(`the dump ends inside a statement that starts at line ${lineOf(dump, 'CREATE TABLE public.users (')}: it is truncated`);
    });

    it("cut between statements: pg_dump's closing line is missing", async () => {
      const cut = dump.slice(0, dump.indexOf('--\n-- Name: users users_pkey'));
      const outcome = await captureDump({ dump: cut, dataDir: await sharedDataDir() });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'truncated' } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(/^the dump ends without pg_dump's closing line "-- PostgreSQL database dump complete" \(last statement at line \d+\): it is truncated$/);
    });

    it('with a syntax error: exit with its line', async () => {
      const broken = dump.replace('    "Email Address" public.email NOT NULL,', '    "Email Address" public.email NOT NULL NOT,');
      const outcome = await captureDump({ dump: broken, dataDir: await sharedDataDir() });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'syntax-error', line: lineOf(broken, 'NOT NULL NOT,') } });
      if (!outcome.ok) expect(outcome.error.message).toBe(`line ${lineOf(broken, 'NOT NULL NOT,')}: syntax error at or near ","`);
    });

    it('with settings the replay does not know: ignored and counted', async () => {
      const withSettings = dump.replace('SET row_security = off;\n', "SET row_security = off;\nSET some_vendor_setting = 'on';\nSET neon.compute_mode = 'replica';\n");
      const dumped = await dumpCapture(withSettings);
      expect(dumped.warnings).toContainEqual('ignored 1 statement the replay does not know: SET some_vendor_setting (unrecognized configuration parameter "some_vendor_setting")');
      expect(dumped.catalog.tables).toHaveLength(11);
    });
  });

  describe('an extension the replay lacks (dblink: not in PGlite)', () => {
    it('keeps the extension and the columns of its type, and compares equal on everything the dump says', async () => {
      await resetDatabase(db);
      await db.exec(`
        create extension dblink with schema public;
        create table public.remote_keys (id integer primary key, key public.dblink_pkey_results not null, keys public.dblink_pkey_results[], note text default 'x');
        comment on column public.remote_keys.key is 'of an extension type';
      `);
      const dumped = await dumpCapture(await pgDump(db.url));
      const live = await liveCapture(db.url);
      // What the dump cannot say: the extension's version, and the kind of its type (dblink_pkey_results is a composite type).
      expect(tableOf(live.catalog.tables, 'public', 'remote_keys').columns[1]?.type).toEqual({ name: 'dblink_pkey_results', schema: 'public', category: 'composite', dimensions: 0 });
      expect(tableOf(dumped.catalog.tables, 'public', 'remote_keys').columns[1]?.type).toEqual({ name: 'dblink_pkey_results', schema: 'public', category: 'base', dimensions: 0 });
      const asBase = (catalog: typeof live.catalog): typeof live.catalog => ({
        ...catalog,
        tables: catalog.tables.map((t) => ({ ...t, columns: t.columns.map((c) => (c.type.name === 'dblink_pkey_results' ? { ...c, type: { ...c.type, category: 'base' as const } } : c)) })),
      });
      expect(catalogText(comparable(dumped.catalog))).toBe(catalogText(asBase(comparable(live.catalog))));
      expect(dumped.catalog.extensions).toContainEqual({ name: 'dblink', schema: 'public', version: 'unknown' });
      expect(dumped.warnings).toContainEqual(expect.stringMatching(/^extension dblink is not available to the replay \(PGlite\): type public\.dblink_pkey_results stands in as a placeholder base type of the same name; its version is not recorded/));
    });
  });

  describe('the PostgreSQL 12-17 spellings that PostgreSQL 18 would change', () => {
    it('view definitions, partition identity, collations and lz4 the replay lacks, SQL-standard bodies, rules: equal to live', async () => {
      await resetDatabase(db);
      await db.exec(`create schema drizzle;\n${DUMP_FIXTURE}`);
      const dumped = await dumpCapture(await pgDump(db.url));
      const live = await liveCapture(db.url);
      expect(catalogText(comparable(dumped.catalog))).toBe(catalogText(comparable(live.catalog)));
      // PostgreSQL 17+ would mark the partitions' id as identity; 15 does not.
      expect(tableOf(dumped.catalog.tables, 'app', 'events_eu_2024').columns[0]?.identity).toBeNull();
      expect(tableOf(dumped.catalog.tables, 'app', 'events').columns[0]?.identity).not.toBeNull();
      expect(dumped.warnings).toContainEqual(expect.stringMatching(/^collations pg_catalog\.de-x-icu, pg_catalog\.fr-x-icu are not in the replay's PostgreSQL/));
      expect(dumped.warnings[0]).toMatch(/, 5 about storage and planner settings \(SET STATISTICS, SET STORAGE, SET COMPRESSION, CLUSTER ON, REPLICA IDENTITY, SET \(\.\.\.\)\),/);
      expect(dumped.warnings.filter((w) => w.startsWith('line '))).toEqual([]);
    });
  });

  describe('--schema', () => {
    it('captures the schemas asked for, and says when one is not in the dump', async () => {
      await resetDatabase(db);
      await db.exec(FIXTURE);
      const dump = await pgDump(db.url);
      const dumped = await dumpCapture(dump, { schemas: ['Billing Dept'] });
      expect(dumped.catalog.schemas).toEqual(['Billing Dept']);
      expect(dumped.schemaFilter).toEqual(['Billing Dept']);
      const outcome = await captureDump({ dump, schemas: ['Billing'], dataDir: await sharedDataDir() });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'schema-not-found', message: 'schema "Billing" not found in the dump' } });
    });
  });
});

/** A dump as pg_dump 17 writes it of a PostGIS database (no server here has PostGIS). */
const POSTGIS_DUMP = `--
-- PostgreSQL database dump
--

\\restrict 3xFq9

-- Dumped from database version 16.4 (Debian 16.4-1.pgdg120+2)
-- Dumped by pg_dump version 17.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: postgis; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;


--
-- Name: EXTENSION postgis; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions';


--
-- Name: point_4326; Type: DOMAIN; Schema: public; Owner: app
--

CREATE DOMAIN public.point_4326 AS public.geometry(Point,4326);


ALTER DOMAIN public.point_4326 OWNER TO app;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: places; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.places (
    id integer NOT NULL,
    name text NOT NULL,
    location public.geometry(Point,4326) NOT NULL,
    area public.geography(MultiPolygon,4326)[],
    centre public.point_4326,
    bounds public.box2d
);


ALTER TABLE public.places OWNER TO app;

--
-- Name: places places_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.places
    ADD CONSTRAINT places_pkey PRIMARY KEY (id);


--
-- Name: places_location_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX places_location_idx ON public.places USING gist (location);


--
-- Name: places_name_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX places_name_idx ON public.places USING btree (name);


--
-- PostgreSQL database dump complete
--

\\unrestrict 3xFq9

`;

describe('a dump of a PostGIS database (an extension the replay lacks, types with modifiers)', () => {
  it('keeps the tables with their column types as the server spells them, and names what it left out', async () => {
    const dumped = await dumpCapture(POSTGIS_DUMP);
    const places = tableOf(dumped.catalog.tables, 'public', 'places');
    expect(places.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', { name: 'integer', schema: null, category: 'base', dimensions: 0 }],
      ['name', { name: 'text', schema: null, category: 'base', dimensions: 0 }],
      ['location', { name: 'geometry(Point,4326)', schema: 'public', category: 'base', dimensions: 0 }],
      ['area', { name: 'geography(MultiPolygon,4326)', schema: 'public', category: 'base', dimensions: 1 }],
      ['centre', { name: 'point_4326', schema: 'public', category: 'domain', dimensions: 0 }],
      ['bounds', { name: 'box2d', schema: 'public', category: 'base', dimensions: 0 }],
    ]);
    expect(dumped.catalog.domains).toMatchObject([{ schema: 'public', name: 'point_4326', type: { name: 'geometry(Point,4326)', schema: 'public', category: 'base' } }]);
    expect(places.indexes.map((i) => i.name)).toEqual(['places_name_idx', 'places_pkey']);
    expect(dumped.catalog.extensions).toContainEqual({ name: 'postgis', schema: 'public', version: 'unknown' });
    expect(dumped.server).toEqual({ database: '', version: '16.4 (Debian 16.4-1.pgdg120+2)', versionNumber: 160004 });
    expect(dumped.source).toEqual({ kind: 'pg-dump', pgDumpVersion: '17.6' });
    expect(dumped.warnings).toEqual([
      'skipped 4 statements that define nothing a snapshot records: 2 psql meta-commands (\\restrict, \\unrestrict), 2 about ownership (ALTER ... OWNER TO)',
      'extension postgis is not available to the replay (PGlite): types public.box2d, public.geography, public.geometry stand in as placeholder base types of the same names; its version is not recorded, and objects that need its functions or operators are left out (listed below, if any)',
      `line ${lineOf(POSTGIS_DUMP, 'CREATE INDEX places_location_idx')}: CREATE INDEX public.places_location_idx could not be replayed and is missing from the snapshot: data type public.geometry has no default operator class for access method "gist" (42704)`,
    ]);
  });
});

/** A small dump as pg_dump 15 frames it, around `body`. */
const dumpOf = (body: string): string =>
  `--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.8\n-- Dumped by pg_dump version 15.8\n\nSET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\n\n${body}\n--\n-- PostgreSQL database dump complete\n--\n\n`;

describe('hand-edited dumps', () => {
  it("replays statements pg_dump would not write, says when a view's text is not pg_dump's, and ignores a CREATE SCHEMA public", async () => {
    const dumped = await dumpCapture(
      dumpOf(`CREATE SCHEMA public;\nSET ROLE nobody_here;\nCREATE TABLE public.t (id integer NOT NULL);\nCREATE VIEW public.v AS SELECT t.id FROM public.t;\n`),
    );
    expect(dumped.catalog.views).toEqual([{ schema: 'public', name: 'v', materialized: false, definition: ' SELECT id\n   FROM public.t;' }]);
    expect(dumped.warnings).toEqual([
      'skipped 1 statement that defines nothing a snapshot records: 1 about SET ROLE / SET SESSION AUTHORIZATION',
      "the definition of view public.v is not in the form pg_dump writes, so the snapshot has PostgreSQL 18's spelling of it (the dumped server's may differ in layout)",
    ]);
  });
});

describe('a table the replay cannot create', () => {
  const dump = dumpOf(
    `CREATE EXTENSION IF NOT EXISTS pgsodium WITH SCHEMA pgsodium;\nCREATE SCHEMA vault;\nCREATE TABLE vault.secrets (\n    id uuid NOT NULL,\n    nonce bytea DEFAULT pgsodium.crypto_aead_det_noncegen()\n);\nCREATE TABLE public.notes (id integer NOT NULL);\n`,
  );

  it('fails the capture, naming it, rather than leave it out', async () => {
    const outcome = await captureDump({ dump, dataDir: await sharedDataDir() });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'table-not-replayed',
        message: 'line 13: table vault.secrets could not be replayed: schema "pgsodium" does not exist (3F000)',
        hint: 'the table needs something of extension pgsodium, which the in-process replay (PGlite) does not have: capture from the database itself with --url, or leave its schema out with --schema',
      },
    });
  });

  it('is only named in a warning when --schema leaves its schema out', async () => {
    const dumped = await dumpCapture(dump, { schemas: ['public'] });
    expect(dumped.catalog.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['public.notes']);
    expect(dumped.warnings).toContainEqual('line 13: CREATE TABLE vault.secrets could not be replayed and is missing from the snapshot: schema "pgsodium" does not exist (3F000)');
  });
});

describe('PostgreSQL 17+: partitions share their parent identity column', () => {
  it("captures a partition's identity column with its parent's sequence (the replay's PostgreSQL is 18)", async () => {
    const db = await createPgliteDatabase();
    try {
      await db.exec(`create table e (id bigint generated by default as identity (start with 7), r text not null) partition by list (r);
        create table e1 partition of e for values in ('a');`);
      const outcome = await capture({ queryable: pgliteQueryable(db.pglite) });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const [parent, partition] = [tableOf(outcome.capture.catalog.tables, 'public', 'e'), tableOf(outcome.capture.catalog.tables, 'public', 'e1')];
      expect(parent.columns[0]?.identity?.sequence.start).toBe('7');
      expect(partition.columns[0]?.identity).toEqual(parent.columns[0]?.identity);
    } finally {
      await db.close();
    }
  });
});
