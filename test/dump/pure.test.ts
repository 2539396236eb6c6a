/**
 * The pure parts of `capture --dump`: splitting a dump as psql reads it, pg_dump's
 * header, recognizing what is not a plain dump, view definitions cut out of pg_dump's
 * statements, type modifiers of placeholder types, and the warnings.
 */
import { describe, expect, it } from 'vitest';
import { classifyStatements } from '../../src/dump/classify.js';
import { dumpKind, isComplete, readHeader, versionNumber } from '../../src/dump/header.js';
import { stripPlaceholderTypmods } from '../../src/dump/placeholders.js';
import type { ReplayReport } from '../../src/dump/replay.js';
import { splitDump, type DumpUnit } from '../../src/dump/split.js';
import { dumpText } from '../../src/dump/text.js';
import { viewDefinitionFromDump } from '../../src/dump/view-definitions.js';
import { dumpWarnings } from '../../src/dump/warnings.js';
import { PgQueryParser } from '../../src/sql/parser.js';

const units = (text: string): readonly DumpUnit[] => {
  const result = splitDump(text);
  if (!result.ok) throw new Error(`unterminated ${result.unterminated.what} at line ${result.unterminated.line}`);
  return result.units;
};

const shapes = (text: string): readonly string[] =>
  units(text).map((unit) => (unit.kind === 'meta' ? `${unit.line}: \\${unit.command}` : `${unit.line}: ${unit.text}${unit.copyData ? ` + ${unit.copyData.rows} rows` : ''}`));

describe('splitDump', () => {
  it('cuts statements at semicolons outside strings, identifiers, dollar quotes and comments, with their first line', () => {
    const text = [
      '--',
      '-- Name: t; Type: TABLE',
      '--',
      '',
      'CREATE TABLE "a;b" (x text DEFAULT \'it\'\'s; fine\', y text DEFAULT E\'\\\'; still\');',
      '/* a /* nested */ comment; */ COMMENT ON TABLE "a;b" IS $tag$ a ; $$ b $tag$;',
      'CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ select \';\' $$;',
      'SELECT 1; SELECT 2 -- trailing; comment',
      ';',
    ].join('\n');
    expect(shapes(text)).toEqual([
      "5: CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine', y text DEFAULT E'\\'; still');",
      '6: COMMENT ON TABLE "a;b" IS $tag$ a ; $$ b $tag$;',
      "7: CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ select ';' $$;",
      '8: SELECT 1;',
      '8: SELECT 2 -- trailing; comment\n;',
    ]);
  });

  it('keeps the semicolons of SQL-standard routine bodies (BEGIN ATOMIC ... END, CASE ... END inside) and of rule actions in parentheses', () => {
    const text = [
      'CREATE FUNCTION public.f(x integer) RETURNS integer',
      '    LANGUAGE sql',
      '    BEGIN ATOMIC',
      ' SELECT CASE WHEN (x > 0) THEN 1 ELSE 0 END;',
      ' SELECT 2;',
      'END;',
      'CREATE RULE r AS ON INSERT TO public.t DO ( INSERT INTO public.log VALUES (1);',
      ' INSERT INTO public.log VALUES (2);',
      ');',
      'SELECT 3;',
    ].join('\n');
    expect(shapes(text).map((s) => s.split('\n')[0])).toEqual(['1: CREATE FUNCTION public.f(x integer) RETURNS integer', '7: CREATE RULE r AS ON INSERT TO public.t DO ( INSERT INTO public.log VALUES (1);', '10: SELECT 3;']);
  });

  it('reads backslashes as escapes in plain strings while standard_conforming_strings is off', () => {
    const text = "SET standard_conforming_strings = off;\nSELECT 'a\\'; b';\nSET standard_conforming_strings = on;\nSELECT 'c\\';\n";
    expect(shapes(text)).toEqual(['1: SET standard_conforming_strings = off;', "2: SELECT 'a\\'; b';", '3: SET standard_conforming_strings = on;', "4: SELECT 'c\\';"]);
  });

  it('takes psql meta-commands at the start of a statement as lines of their own', () => {
    expect(shapes('\\restrict abc\nSET x = 1;\n\\connect -reuse-previous=on "dbname=\'app\'"\n\\unrestrict abc\n')).toEqual([
      '1: \\restrict',
      '2: SET x = 1;',
      '3: \\connect',
      '4: \\unrestrict',
    ]);
  });

  it('takes the data lines after COPY ... FROM stdin up to \\., with their count', () => {
    const text = 'COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\n\nSELECT 1;\n';
    const [copy, select] = units(text);
    expect(copy).toMatchObject({ kind: 'statement', line: 1, copyData: { text: '1\tx;y\n2\t\\N\n', line: 2, rows: 2 } });
    expect(select).toMatchObject({ kind: 'statement', line: 6, text: 'SELECT 1;' });
  });

  it('says where an unterminated statement, string, body, comment or COPY block starts', () => {
    const cases: readonly [string, string, number][] = [
      ['SELECT 1;\nCREATE TABLE t (\n  a integer', 'statement', 2],
      ["SELECT 1;\nSELECT 'abc", 'string', 2],
      ['SELECT 1;\n\nCREATE FUNCTION f() RETURNS int AS $$ select 1', 'dollar-quoted body', 3],
      ['SELECT 1; /* never closed', 'comment', 1],
      ['SELECT 1;\nCOPY t (a) FROM stdin;\n1\n2\n', 'COPY data', 3],
      ['CREATE TABLE "t (a int);', 'quoted identifier', 1],
    ];
    for (const [text, what, line] of cases) {
      const result = splitDump(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.unterminated, text).toEqual({ what, line });
    }
  });
});

describe("pg_dump's header and closing line", () => {
  const header = '--\n-- PostgreSQL database dump\n--\n\n\\restrict x\n\n-- Dumped from database version 12.22 (Ubuntu 12.22-1.pgdg22.04+1)\n-- Dumped by pg_dump version 17.6\n\nSET x = 1;\n';

  it('reads the server and pg_dump versions', () => {
    expect(readHeader(header)).toEqual({ serverVersion: '12.22 (Ubuntu 12.22-1.pgdg22.04+1)', serverVersionNumber: 120022, pgDumpVersion: '17.6' });
    expect(readHeader('--\n-- PostgreSQL database dump\n--\n')).toEqual({ serverVersion: null, serverVersionNumber: null, pgDumpVersion: null });
  });

  it('computes server_version_num as PostgreSQL does', () => {
    expect(versionNumber('15.8 (Debian 15.8-1.pgdg120+1)')).toBe(150008);
    expect(versionNumber('17beta2')).toBe(170000);
    expect(versionNumber('9.6.24')).toBe(90624);
    expect(versionNumber('unknown')).toBeNull();
  });

  it('tells a dump from a pg_dumpall file and from other SQL, and a complete dump from a cut one', () => {
    expect(dumpKind(header)).toBe('pg_dump');
    expect(dumpKind('--\n-- PostgreSQL database cluster dump\n--\n')).toBe('pg_dumpall');
    expect(dumpKind('create table t (id int);\n')).toBe('unknown');
    expect(isComplete(`${header}\n--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict x\n\n`)).toBe(true);
    expect(isComplete(header)).toBe(false);
  });
});

describe('dumpText', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  const dump = '--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = \'UTF8\';\n';

  it('refuses archives (custom, directory, tar format) with the pg_restore command that converts them', () => {
    const custom = dumpText(bytes('PGDMP\x01\x0e\x00\x04\x08\x01\x01'), 'prod.dump');
    expect(custom).toMatchObject({ ok: false, error: { code: 'archive-format' } });
    if (!custom.ok) expect(custom.error.hint).toContain('pg_restore --schema-only -f - prod.dump | drizzle-catalog capture --dump -');
    const tar = new Uint8Array(600);
    tar.set(bytes('toc.dat'), 0);
    tar.set(bytes('ustar'), 257);
    expect(dumpText(tar, 'prod.tar')).toMatchObject({ ok: false, error: { code: 'archive-format' } });
  });

  it('refuses compressed files, other encodings and text that is not a pg_dump', () => {
    expect(dumpText(new Uint8Array([0x1f, 0x8b, 8, 0]), 'd.sql.gz')).toMatchObject({ ok: false, error: { code: 'compressed' } });
    expect(dumpText(new Uint8Array([...bytes(dump), 0xff, 0x0a]), 'd.sql')).toMatchObject({ ok: false, error: { code: 'encoding', line: 6 } });
    expect(dumpText(bytes(dump.replace('UTF8', 'LATIN1') + "COMMENT ON TABLE t IS 'é';\n"), 'd.sql')).toMatchObject({ ok: false, error: { code: 'encoding' } });
    expect(dumpText(bytes('--\n-- PostgreSQL database cluster dump\n--\n'), '-')).toMatchObject({ ok: false, error: { code: 'cluster-dump' } });
    expect(dumpText(bytes('create table t (id int);\n'), 'schema.sql')).toMatchObject({ ok: false, error: { code: 'not-a-dump' } });
    expect(dumpText(bytes(dump), 'd.sql')).toEqual({ ok: true, text: dump });
  });
});

describe('viewDefinitionFromDump', () => {
  it("returns pg_get_viewdef's text, with its final semicolon, from each form pg_dump writes", () => {
    const definition = ' SELECT users.id,\n    users.name\n   FROM public.users\n  WHERE (users.name <> \'x AS\n\'::text)';
    expect(viewDefinitionFromDump(`CREATE VIEW public.v AS\n${definition};`)).toBe(`${definition};`);
    expect(viewDefinitionFromDump(`CREATE VIEW "a AS b"."v" WITH (security_barrier='true') AS\n${definition}\n  WITH LOCAL CHECK OPTION;`)).toBe(`${definition};`);
    expect(viewDefinitionFromDump(`CREATE MATERIALIZED VIEW public.m AS\n${definition}\n  WITH NO DATA;`)).toBe(`${definition};`);
    expect(viewDefinitionFromDump('CREATE VIEW public.v AS SELECT 1;')).toBeNull();
  });
});

describe('stripPlaceholderTypmods', () => {
  it("removes a placeholder type's modifier, keeps others, and says which column it typed", () => {
    const sql = 'CREATE TABLE public."Places" (\n    "größe" public.geometry(Point,4326)[],\n    name character varying(20),\n    area public.geography\n);';
    const [classified] = classifyStatements(new PgQueryParser(), [sql]);
    const references = classified?.typeReferences ?? [];
    const stripped = stripPlaceholderTypmods(sql, references, (type) => type.name === 'geometry' || type.name === 'geography');
    expect(stripped.text).toBe('CREATE TABLE public."Places" (\n    "größe" public.geometry[],\n    name character varying(20),\n    area public.geography\n);');
    expect(stripped.removed).toEqual([
      { owner: { kind: 'column', schema: 'public', table: 'Places', column: 'größe' }, type: { schema: 'public', name: 'geometry' }, text: '(Point,4326)' },
    ]);
  });
});

describe('classifyStatements', () => {
  it('knows what each kind of pg_dump statement is to the replay', () => {
    const statements = [
      'ALTER TABLE public.t OWNER TO someone;',
      'GRANT SELECT ON TABLE public.t TO reader;',
      'CREATE PUBLICATION p FOR ALL TABLES;',
      "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false, slot_name = 's');",
      'CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION public.f();',
      'SET neon.some_setting = 1;',
      'SET ROLE someone;',
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "SELECT pg_catalog.setval('public.t_id_seq', 5, true);",
      'CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA extensions;',
      "COMMENT ON EXTENSION postgis IS 'x';",
      'COPY drizzle.__drizzle_migrations (id, hash, created_at) FROM stdin;',
      'CREATE TABLE public.t (id integer);',
      'ALTER TABLE ONLY public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);',
      'CREATE POLICY p ON public.t TO app_user, PUBLIC USING (true);',
      'CREATE MATERIALIZED VIEW public.m AS SELECT 1 AS x WITH NO DATA;',
      'CREATE TABLE public.broken (',
    ];
    const classified = classifyStatements(new PgQueryParser(), statements);
    expect(classified.map((c) => c.role)).toEqual([
      { kind: 'skip', reason: 'owner' },
      { kind: 'skip', reason: 'privileges' },
      { kind: 'skip', reason: 'publication' },
      { kind: 'skip', reason: 'subscription' },
      { kind: 'skip', reason: 'event-trigger' },
      { kind: 'tolerated', what: 'SET neon.some_setting' },
      { kind: 'skip', reason: 'session-role' },
      { kind: 'tolerated', what: 'set_config' },
      { kind: 'skip', reason: 'sequence-position' },
      { kind: 'extension', name: 'postgis', schema: 'extensions' },
      { kind: 'extension-comment', name: 'postgis' },
      { kind: 'rows', table: { schema: 'drizzle', name: '__drizzle_migrations' }, columns: ['id', 'hash', 'created_at'] },
      { kind: 'replay' },
      { kind: 'replay' },
      { kind: 'replay' },
      { kind: 'replay' },
      { kind: 'replay' },
    ]);
    expect(classified[12]?.definesTable).toEqual({ schema: 'public', name: 't' });
    expect(classified[13]?.definesTable).toEqual({ schema: 'public', name: 'p1' });
    expect(classified[14]?.policyRoles).toEqual(['app_user']);
    expect(classified[15]?.definesView).toEqual({ schema: 'public', name: 'm', materialized: true });
    expect(classified[16]?.parseError).toMatch(/syntax error/);
    expect(classified[16]?.label).toBe('CREATE TABLE PUBLIC');
  });
});

describe('dumpWarnings', () => {
  const report: ReplayReport = {
    replayed: 10,
    metaCommands: ['restrict', 'unrestrict'],
    skipped: new Map([
      ['owner', 3000],
      ['meta-command', 2],
    ]),
    tablesWithRows: [{ schema: 'public', name: 'users' }],
    journalRows: null,
    ignored: new Map([['SET neon_foo', 'unrecognized configuration parameter "neon_foo"']]),
    refused: [{ line: 12, label: 'CREATE INDEX public.places_geom_idx', message: 'data type public.geometry has no default operator class for access method "gist" (42704)' }],
    placeholders: [{ schema: 'public', name: 'geometry' }],
    collations: [],
    removedTypmods: [],
  };

  it('counts everything skipped, and names what is missing from the snapshot', () => {
    expect(dumpWarnings(report, [{ name: 'postgis', schema: 'public' }], { schema: 'drizzle', name: '__drizzle_migrations' })).toEqual([
      'skipped 3,002 statements that define nothing a snapshot records: 3,000 about ownership (ALTER ... OWNER TO), 2 psql meta-commands (\\restrict, \\unrestrict)',
      'row data of 1 table in the dump was not read (public.users): a snapshot records only the rows of the migrations journal drizzle.__drizzle_migrations',
      'extension postgis is not available to the replay (PGlite): type public.geometry stands in as a placeholder base type of the same name; its version is not recorded, and objects that need its functions or operators are left out (listed below, if any)',
      'ignored 1 statement the replay does not know: SET neon_foo (unrecognized configuration parameter "neon_foo")',
      'line 12: CREATE INDEX public.places_geom_idx could not be replayed and is missing from the snapshot: data type public.geometry has no default operator class for access method "gist" (42704)',
    ]);
  });
});
