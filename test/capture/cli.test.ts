import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { loadSnapshot, parseSnapshot } from '../../src/snapshot/load.js';
import { createServerDatabase, serverTestsEnabled, type TestDatabase } from '../support/databases.js';
import { memoryIo } from '../support/memory-io.js';
import { FIXTURE_SQL } from './targets.js';

const server = await serverTestsEnabled();
const PASSWORD = 'Hunter2-Sup3r-S3cret';

let workdir: string;
beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-capture-'));
});
afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

describe('capture CLI without a database', () => {
  it('asks for a URL when none is given, exit 2', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture'], io)).toBe(2);
    expect(io.err()).toContain('no connection URL');
    expect(io.err()).toContain('hint: pass --url postgres://');
  });

  it('takes DATABASE_URL when --url is absent', async () => {
    const io = memoryIo({ cwd: workdir, env: { DATABASE_URL: `postgres://me:${PASSWORD}@127.0.0.1:1/app` } });
    expect(await runCli(['capture', '--connect-timeout', '5s'], io)).toBe(2);
    expect(io.err()).toContain('cannot connect to postgres://***:***@127.0.0.1:1/app');
    expect(io.err()).not.toContain(PASSWORD);
  });

  it('refuses bad option values with the flag and an example, exit 2', async () => {
    for (const [flag, value] of [
      ['--statement-timeout', 'soon'],
      ['--connect-timeout', '0'],
      ['--migrations-table', '.x'],
    ] as const) {
      const io = memoryIo({ cwd: workdir });
      expect(await runCli(['capture', '--url', 'postgres://h/db', flag, value], io)).toBe(2);
      expect(io.err()).toContain(flag);
      expect(io.err()).toContain('--help');
    }
  });

  it('does not echo an invalid URL, which may hold a password', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', `mysql://me:${PASSWORD}@h/db`], io)).toBe(2);
    expect(io.err()).toContain('not a postgres:// or postgresql:// URL');
    expect(io.err()).not.toContain(PASSWORD);
  });

  it('reports a refused connection with the password redacted, writing nothing', async () => {
    const out = join(workdir, 'refused.json');
    const io = memoryIo({ cwd: workdir });
    const code = await runCli(['capture', '--url', `postgres://postgres:${PASSWORD}@127.0.0.1:1/test`, '--out', out], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('ECONNREFUSED');
    expect(io.err()).toContain('hint: nothing listens at that host and port');
    expect(`${io.out()}${io.err()}`).not.toContain(PASSWORD);
    await expect(stat(out)).rejects.toThrow();
  });

  it('prints help that teaches every flag with its default and examples', async () => {
    const io = memoryIo();
    expect(await runCli(['capture', '--help'], io)).toBe(0);
    for (const text of [
      '--url <url>',
      '--out <file>',
      '(default: snapshots/production.json)',
      '--schema <name>',
      '--statement-timeout <duration>',
      '(default: 30s)',
      '--connect-timeout <duration>',
      '(default: 10s)',
      '--include-host',
      '--migrations-table <schema.table>',
      '(default: drizzle.__drizzle_migrations)',
      '--quiet',
      'Examples:',
    ]) {
      expect(io.out()).toContain(text);
    }
  });
});

describe.skipIf(!server)('capture CLI against the server', () => {
  let db: TestDatabase & { readonly url: string };
  let url: string;

  beforeAll(async () => {
    db = await createServerDatabase('capture_cli');
    await db.exec(FIXTURE_SQL);
    const withPassword = new URL(db.url);
    withPassword.password = PASSWORD; // the test server trusts local connections, so any password works
    url = withPassword.toString();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('writes a valid snapshot that loadSnapshot reads back, and summarizes on stderr', async () => {
    const out = join(workdir, 'first', 'production.json');
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', out], io)).toBe(0);
    const loaded = await loadSnapshot(out);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.snapshot.metadata.database).toBe(new URL(db.url).pathname.slice(1));
    expect(loaded.snapshot.metadata.host).toBeNull();
    expect(loaded.snapshot.catalog.tables.map((t) => t.name)).toContain('Invoice Lines');
    expect(loaded.snapshot.migrations?.entries).toHaveLength(2);
    expect(io.out()).toBe('');
    const lines = io.err().trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `connecting to ${url.replace(`postgres:${PASSWORD}`, '***:***')}`,
      'reading the catalog (every non-system schema)',
      `writing ${out}`,
    ]);
    expect(lines[3]).toMatch(
      /^captured 3 schemas, 11 tables, 45 columns, 19 indexes, 2 enums with 8 queries in \d+\.\d s → .*production\.json$/,
    );
    expect(await readdir(join(workdir, 'first'))).toEqual(['production.json']); // no temporary file left
  });

  it('falls back to dbCredentials.url of drizzle.config.ts when neither --url nor DATABASE_URL is set', async () => {
    const project = join(workdir, 'with-config');
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, 'drizzle.config.ts'),
      `export default { dialect: 'postgresql', schema: './schema.ts', dbCredentials: { url: ${JSON.stringify(url)} } };\n`,
    );
    const io = memoryIo({ cwd: project });
    expect(await runCli(['capture', '--out', 'snap.json'], io)).toBe(0);
    expect(io.err()).toContain(`connecting to ${url.replace(`postgres:${PASSWORD}`, '***:***')}`);
    expect((await loadSnapshot(join(project, 'snap.json'))).ok).toBe(true);
  });

  it('never puts the password, the user or (unless asked) the host in the file or the output', async () => {
    const out = join(workdir, 'secrets.json');
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', out], io)).toBe(0);
    const text = await readFile(out, 'utf8');
    for (const output of [text, io.out(), io.err()]) expect(output).not.toContain(PASSWORD);
    expect(text).not.toContain('127.0.0.1');
    // The user name appears in the file only as a policy role, which the schema itself declares.
    expect(text.match(/postgres/g)?.length).toBe(
      (text.match(/"roles": \[\s*"postgres"\s*\]/g)?.length ?? 0),
    );

    const withHost = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', '-', '--include-host', '--quiet'], withHost)).toBe(0);
    const parsed = parseSnapshot(withHost.out(), 'stdout');
    expect(parsed.ok && parsed.snapshot.metadata.host).toBe('127.0.0.1:5432');
    expect(withHost.out()).not.toContain(PASSWORD);
  });

  it('writes to stdout with --out -, progress staying on stderr', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', '-', '--schema', 'public'], io)).toBe(0);
    const parsed = parseSnapshot(io.out(), 'stdout');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.snapshot.catalog.schemas).toEqual(['public']);
      expect(parsed.snapshot.metadata.schemaFilter).toEqual(['public']);
    }
    expect(io.out().endsWith('}\n')).toBe(true);
    expect(io.err()).toContain('reading the catalog (schemas public)');
    expect(io.err()).toMatch(/→ stdout\n$/);
  });

  it('leaves an unchanged snapshot untouched and says so', async () => {
    const out = join(workdir, 'unchanged.json');
    expect(await runCli(['capture', '--url', url, '--out', out, '--quiet'], memoryIo({ cwd: workdir }))).toBe(0);
    const before = await readFile(out, 'utf8');
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(out, past, past);

    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', out], io)).toBe(0);
    expect(io.err()).toMatch(/unchanged\.json \(unchanged\)\n$/);
    expect((await stat(out)).mtime.getTime()).toBe(past.getTime());
    expect(await readFile(out, 'utf8')).toBe(before);
  });

  it('rewrites a snapshot whose content differs, atomically', async () => {
    const out = join(workdir, 'stale.json');
    await writeFile(out, '{"formatVersion": 1, "stale": true}\n');
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', 'stale.json'], io)).toBe(0);
    expect((await loadSnapshot(out)).ok).toBe(true);
    expect(io.err()).toMatch(/→ stale\.json\n$/);
    expect((await readdir(workdir)).filter((name) => name.startsWith('.drizzle-catalog-tmp-'))).toEqual([]);
  });

  it('fails with exit 2 and a hint for a schema that does not exist', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', '-', '--schema', 'Public'], io)).toBe(2);
    expect(io.err()).toContain('schema "Public" not found');
    expect(io.err()).toContain('case-sensitive');
    expect(io.out()).toBe('');
  });

  it('explains TLS required but not offered, without a driver warning', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', `${url}?sslmode=require`, '--out', '-'], io)).toBe(2);
    expect(io.err()).toContain('does not support SSL');
    expect(io.err()).toContain('sslmode=disable');
    expect(io.err()).not.toContain(PASSWORD);
  });

  it('is silent with --quiet', async () => {
    const io = memoryIo({ cwd: workdir });
    expect(await runCli(['capture', '--url', url, '--out', join(workdir, 'quiet.json'), '--quiet'], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(io.out()).toBe('');
  });
});
