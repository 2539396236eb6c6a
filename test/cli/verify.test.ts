/**
 * `drizzle-catalog verify` through runCli with an in-memory io: flags, exit codes, output
 * formats, colour, snapshot age and stdout hygiene. Snapshots are real: the worked example's
 * (captured from a real database) and a small one captured from PGlite here.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from '../../src/cli.js';
import { REPORT_FORMATS } from '../../src/commands/verify.js';
import { FAIL_ON_VALUES } from '../../src/diff/verdict.js';
import { brief, f, type JsonReport } from '../e2e/support/report.js';
import { CAPTURED_AT, useScenarios } from '../e2e/support/scenario.js';
import { memoryIo } from '../support/memory-io.js';

const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/meetings/', import.meta.url));
const EXAMPLE_SNAPSHOT = '../../snapshots/example.json';
const ESC = '\u001b[';

const { host, project } = await useScenarios();

/** A day after the small snapshot's capture: never stale unless a test says so. */
const FRESH: CliDeps = { verify: { now: () => new Date(CAPTURED_AT.getTime() + 86_400_000) } };
const at = (iso: string): CliDeps => ({ verify: { now: () => new Date(iso) } });

const verifyIn = async (cwd: string, args: readonly string[], options: { env?: Record<string, string>; isTTY?: boolean; deps?: CliDeps } = {}) => {
  const io = memoryIo({ cwd, env: options.env ?? {}, isTTY: options.isTTY ?? false });
  const code = await runCli(['verify', ...args], io, options.deps ?? FRESH);
  return { code, out: io.out(), err: io.err() };
};

const json = (out: string): JsonReport => JSON.parse(out) as JsonReport;

// A small project: the database has one table; schema files describe it in sync, with one
// table more (low risk only) and with a renamed column (medium); plus modules that print.
const SMALL_DDL = `create table users (id serial primary key, user_name text not null); insert into users (user_name) values ('a'); analyze;`;
const USERS = `export const users = pgTable('users', { id: serial('id').primaryKey(), userName: text('user_name').notNull() });`;
const IMPORTS = `import { pgTable, serial, text } from 'drizzle-orm/pg-core';`;
let small: string;

beforeAll(async () => {
  small = await project({
    ddl: SMALL_DDL,
    config: { schema: './schema.ts' },
    schemaFiles: {
      'schema.ts': `${IMPORTS}\n${USERS}\n`,
      'with-new-table.ts': `${IMPORTS}\n${USERS}\nexport const tags = pgTable('tags', { id: serial('id').primaryKey() });\n`,
      'tags-only.ts': `${IMPORTS}\nexport const tags = pgTable('tags', { id: serial('id').primaryKey() });\n`,
      'with-rename.ts': `${IMPORTS}\nexport const users = pgTable('users', { id: serial('id').primaryKey(), userName: text().notNull() });\n`,
      'noisy.ts': [
        IMPORTS,
        `console.log('connecting to the database...');`,
        `console.info('info from a schema module');`,
        `console.warn('warn from a schema module');`,
        `console.error('error from a schema module');`,
        `process.stdout.write('written to process.stdout by a schema module\\n');`,
        USERS,
      ].join('\n'),
    },
  });
  await writeFile(
    join(small, 'noisy.config.ts'),
    `import { defineConfig } from 'drizzle-kit';\nconsole.log('loading noisy.config.ts');\nexport default defineConfig({ dialect: 'postgresql', schema: './schema.ts' });\n`,
  );
  await host.build('pglite', (db) => db.exec(SMALL_DDL), join(small, 'snapshots/production.json'), { cwd: small });
});

describe('verify: the worked example', () => {
  it('prints the verdict first and answers the prompts (text, default --fail-on medium: exit 1)', async () => {
    const { code, out, err } = await verifyIn(EXAMPLE_DIR, ['--snapshot', EXAMPLE_SNAPSHOT], { deps: at('2026-11-26T00:00:00Z') });
    expect(code).toBe(1);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('DANGEROUS: some changes would lose data or fail.');
    expect(lines[1]).toBe('  22 findings (4 high, 13 medium, 5 low); exit code 1 with --fail-on medium');
    expect(out).toContain('  schema: drizzle.config.ts · snapshot: ../../snapshots/example.json');
    expect(out).toContain("8 of 8 column mismatches are snake_case ↔ camelCase; declaring the columns without explicit names and setting casing: 'snake_case'");
    expect(out).toContain('Is userId column in meeting table created or renamed from another column?');
    expect(out).toContain('❯ ~ user_id › userId     rename column');
    expect(out).not.toContain(ESC);
  });

  it('gives every finding in json, exactly', async () => {
    const { code, out, err } = await verifyIn(EXAMPLE_DIR, ['--snapshot', EXAMPLE_SNAPSHOT, '--format', 'json'], { deps: at('2026-11-26T00:00:00Z') });
    expect(code).toBe(1);
    expect(err).toBe('');
    const report = json(out);
    expect(report).toMatchObject({ jsonFormatVersion: 1, verdict: 'dangerous', failOn: 'medium', exitCode: 1, warnings: [] });
    expect(report.summary.byRisk).toEqual({ low: 5, medium: 13, high: 4 });
    expect(brief(report)).toEqual([
      f('alter-enum', 'low', null, null, "'scheduled', 'live', 'ended'", "'scheduled', 'live', 'ended', 'cancelled'"),
      f('convention-mismatch', 'medium', null),
      f('convention-mismatch', 'medium', null),
      f('rename-table', 'medium', 'meeting', null, 'meetings', 'meeting'),
      f('drop-column', 'high', 'meeting', 'legacy_flag', 'boolean, nullable', null),
      f('rename-column', 'medium', 'meeting', 'createdAt', 'created_at', 'createdAt'),
      f('rename-column', 'medium', 'meeting', 'projectId', 'project_id', 'projectId'),
      f('rename-column', 'medium', 'meeting', 'startsAt', 'starts_at', 'startsAt'),
      f('rename-column', 'medium', 'meeting', 'userId', 'user_id', 'userId'),
      f('rename-constraint', 'low', 'meeting', null, 'meetings_project_id_fkey', 'meeting_projectId_project_id_fk'),
      f('rename-table', 'medium', 'meeting_note', null, 'meeting_notes', 'meeting_note'),
      f('drop-column', 'high', 'meeting_note', 'user_id', 'text, nullable', null),
      f('rename-column', 'medium', 'meeting_note', 'createdAt', 'created_at', 'createdAt'),
      f('rename-column', 'medium', 'meeting_note', 'meetingId', 'meeting_id', 'meetingId'),
      f('alter-column-nullability', 'high', 'meeting_note', 'userId', 'NULL', 'NOT NULL'),
      f('duplicate-column-variants', 'high', 'meeting_note', 'userId'),
      f('rename-constraint', 'low', 'meeting_note', null, 'meeting_notes_meeting_id_fkey', 'meeting_note_meetingId_meeting_id_fk'),
      f('create-table', 'low', 'meeting_participant'),
      f('rename-table', 'medium', 'meeting_transcript', null, 'meeting_transcripts', 'meeting_transcript'),
      f('rename-column', 'medium', 'meeting_transcript', 'createdAt', 'created_at', 'createdAt'),
      f('rename-column', 'medium', 'meeting_transcript', 'meetingId', 'meeting_id', 'meetingId'),
      f('rename-constraint', 'low', 'meeting_transcript', null, 'meeting_transcripts_meeting_id_fkey', 'meeting_transcript_meetingId_meeting_id_fk'),
    ]);
  });
});

describe('verify: exit codes by --fail-on', () => {
  // Highest risk of each case → expected exit code for none, low, medium, high.
  const cases = [
    ['in sync', 'schema.ts', 'in-sync', [0, 0, 0, 0]],
    ['a new table (low)', 'with-new-table.ts', 'safe', [0, 1, 0, 0]],
    ['a renamed column (medium)', 'with-rename.ts', 'needs-decisions', [0, 1, 1, 0]],
  ] as const;
  it.each(cases)('%s', async (_label, schema, verdict, codes) => {
    for (const [i, failOn] of FAIL_ON_VALUES.entries()) {
      const { code, out } = await verifyIn(small, ['--schema', schema, '--format', 'json', '--fail-on', failOn]);
      expect({ failOn, code }).toEqual({ failOn, code: codes[i] });
      expect(json(out)).toMatchObject({ verdict, failOn, exitCode: codes[i] });
    }
  });

  it('the worked example (high) fails from every threshold but none', async () => {
    const codes: number[] = [];
    for (const failOn of FAIL_ON_VALUES) codes.push((await verifyIn(EXAMPLE_DIR, ['--snapshot', EXAMPLE_SNAPSHOT, '--format', 'json', '--fail-on', failOn], { deps: at('2026-11-26T00:00:00Z') })).code);
    expect(codes).toEqual([0, 1, 1, 1]);
  });
});

describe('verify: inputs', () => {
  it('reads drizzle.config.ts and snapshots/production.json by default', async () => {
    const { code, out, err } = await verifyIn(small, []);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n')[0]).toMatch(/^IN SYNC/);
    expect(out).toContain('schema: drizzle.config.ts · snapshot: snapshots/production.json');
  });

  it('--schema replaces the config\'s schema', async () => {
    const { code, out } = await verifyIn(small, ['--schema', 'with-rename.ts', '--format', 'json']);
    expect(code).toBe(1);
    expect(brief(json(out))).toEqual([f('rename-column', 'medium', 'users', 'userName', 'user_name', 'userName')]);
  });

  it('--schema is repeatable', async () => {
    const { code, out } = await verifyIn(small, ['--schema', 'schema.ts', '--schema', 'tags-only.ts', '--format', 'json']);
    expect(code).toBe(0);
    expect(brief(json(out))).toEqual([f('create-table', 'low', 'tags')]);
  });

  it('a table declared by two schema files is an input error, exit 2', async () => {
    const { code, out, err } = await verifyIn(small, ['--schema', 'schema.ts', '--schema', 'with-new-table.ts']);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toContain('users');
    expect(err).toContain('hint:');
  });

  it.each([[['--max-age']], [['--max-age=']], [['--snapshot']]])('%j (an option without its value) is exit 2', async (args) => {
    const { code, out, err } = await verifyIn(small, args);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/^drizzle-catalog verify: (option `--[a-z-]+ <[a-z]+>` value is missing|--[a-z-]+ is empty: it needs a value \(--[a-z-]+ <[a-z]+>\))\n {2}hint: run `drizzle-catalog verify --help` for the options and examples\n$/);
  });

  it('a missing snapshot is exit 2, naming the file, with a hint', async () => {
    const { code, out, err } = await verifyIn(small, ['--snapshot', 'snapshots/nope.json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('snapshots/nope.json');
    expect(err).toContain('hint:');
  });

  it('a snapshot that is not JSON is exit 2, naming the file', async () => {
    await writeFile(join(small, 'broken.json'), '{ "formatVersion": 1,');
    const { code, out, err } = await verifyIn(small, ['--snapshot', 'broken.json']);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toContain('broken.json');
  });

  it('a missing --config is exit 2, naming the file', async () => {
    const { code, err } = await verifyIn(small, ['--config', 'nowhere.config.ts']);
    expect(code).toBe(2);
    expect(err).toContain('nowhere.config.ts');
    expect(err).toContain('hint:');
  });

  it.each([
    [['--format', 'xml'], `--format must be one of ${REPORT_FORMATS.join(', ')}; got 'xml'`],
    [['--fail-on', 'critical'], "--fail-on must be one of none, low, medium, high; got 'critical'"],
    [['--max-age', 'soon'], "--max-age takes a number of days, e.g. --max-age 90; got 'soon'"],
    [['--max-age=-1'], "--max-age takes a number of days, e.g. --max-age 90; got '-1'"],
  ])('%j is a usage error: exit 2 with a hint, nothing on stdout', async (args, message) => {
    const { code, out, err } = await verifyIn(small, args);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe(`drizzle-catalog verify: ${message}\n  hint: run \`drizzle-catalog verify --help\` for the options and examples\n`);
  });
});

describe('verify: colour', () => {
  const colourOf = async (env: Record<string, string>, isTTY: boolean, args: readonly string[] = []): Promise<boolean> =>
    (await verifyIn(small, ['--schema', 'with-rename.ts', ...args], { env, isTTY })).out.includes(ESC);

  it('colours a terminal, not a pipe', async () => {
    expect(await colourOf({}, true)).toBe(true);
    expect(await colourOf({}, false)).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value); --color overrides it and --no-color turns colour off', async () => {
    expect(await colourOf({ NO_COLOR: '1' }, true)).toBe(false);
    expect(await colourOf({ NO_COLOR: '' }, true)).toBe(true);
    expect(await colourOf({ NO_COLOR: '1' }, true, ['--color'])).toBe(true);
    expect(await colourOf({}, false, ['--color'])).toBe(true);
    expect(await colourOf({}, true, ['--no-color'])).toBe(false);
  });

  it('never colours json', async () => {
    expect(await colourOf({}, true, ['--format', 'json', '--color'])).toBe(false);
  });
});

describe('verify: snapshot age', () => {
  // The small snapshot was captured at CAPTURED_AT (2026-01-15T12:00Z).
  it('warns when the snapshot is older than --max-age (default 30 days), in text and json', async () => {
    const text = await verifyIn(small, [], { deps: at('2026-03-01T12:00:00Z') });
    expect(text.code).toBe(0);
    expect(text.out).toContain('Warnings\n  ! The snapshot was captured 45 days ago (2026-01-15), more than the 30 days allowed.');
    const report = json((await verifyIn(small, ['--format', 'json'], { deps: at('2026-03-01T12:00:00Z') })).out);
    expect(report.warnings).toEqual([
      {
        code: 'snapshot-stale',
        message: 'The snapshot was captured 45 days ago (2026-01-15), more than the 30 days allowed.',
        hint: 'Ask someone with database access to run drizzle-catalog capture again, or raise --max-age.',
      },
    ]);
  });

  it('counts whole days: 30 days and 23 hours is not older than 30 days, 31 days is', async () => {
    const warnings = async (now: string, args: readonly string[] = []): Promise<number> =>
      json((await verifyIn(small, ['--format', 'json', ...args], { deps: at(now) })).out).warnings.length;
    expect(await warnings('2026-02-15T11:00:00Z')).toBe(0);
    expect(await warnings('2026-02-15T12:00:00Z')).toBe(1);
    expect(await warnings('2026-03-01T12:00:00Z', ['--max-age', '60'])).toBe(0);
    expect(await warnings('2026-01-16T12:00:00Z', ['--max-age', '0'])).toBe(1);
  });
});

describe('verify: stdout carries the report only', () => {
  it('gives byte-identical json across runs', async () => {
    const a = await verifyIn(EXAMPLE_DIR, ['--snapshot', EXAMPLE_SNAPSHOT, '--format', 'json'], { deps: at('2026-11-26T00:00:00Z') });
    const b = await verifyIn(EXAMPLE_DIR, ['--snapshot', EXAMPLE_SNAPSHOT, '--format', 'json'], { deps: at('2026-11-26T00:00:00Z') });
    expect(a.out).toBe(b.out);
    expect(a.out.endsWith('}\n')).toBe(true);
  });

  it('sends what schema modules and the config print at import to stderr', async () => {
    const { code, out, err } = await verifyIn(small, ['--schema', 'noisy.ts', '--format', 'json']);
    expect(code).toBe(0);
    expect(json(out).verdict).toBe('in-sync');
    for (const line of [
      'connecting to the database...',
      'info from a schema module',
      'warn from a schema module',
      'error from a schema module',
      'written to process.stdout by a schema module',
    ])
      expect(err).toContain(line);
    const config = await verifyIn(small, ['--config', 'noisy.config.ts', '--format', 'json']);
    expect(json(config.out).verdict).toBe('in-sync');
    expect(config.err).toContain('loading noisy.config.ts');
  });
});
