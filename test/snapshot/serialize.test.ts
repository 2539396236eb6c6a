import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotV1Schema } from '../../src/snapshot/format.js';
import { serializeSnapshot } from '../../src/snapshot/serialize.js';
import { TEMP_FILE_PREFIX, writeFileAtomic, writeSnapshotFile } from '../../src/snapshot/write.js';
import { catalog, column, snapshot, table } from './builders.js';

const shuffledKeys = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(shuffledKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffledKeys(v)])) as T;
};

const rich = catalog({
  schemas: ['public', 'auth', 'public'],
  tables: [
    table('public', 'users', {
      columns: [column('b', 2), column('a', 1)],
      indexes: [
        {
          name: 'z_idx',
          unique: false,
          nullsNotDistinct: false,
          method: 'btree',
          keys: [{ kind: 'column', column: 'b', order: 'asc', nulls: 'last', opclass: null }],
          include: [],
          predicate: null,
          constraint: null,
          definition: null,
        },
        {
          name: 'a_idx',
          unique: false,
          nullsNotDistinct: false,
          method: 'btree',
          keys: [
            { kind: 'column', column: 'b', order: 'desc', nulls: 'first', opclass: null },
            { kind: 'column', column: 'a', order: 'asc', nulls: 'last', opclass: null },
          ],
          include: [],
          predicate: null,
          constraint: null,
          definition: null,
        },
      ],
      policies: [
        { name: 'p', command: 'all', permissive: true, roles: ['writer', 'reader'], using: null, withCheck: null },
      ],
    }),
    table('auth', 'sessions'),
    table('public', 'Users'),
  ],
  enums: [{ schema: 'public', name: 'mood', values: ['sad', 'ok', 'happy'] }],
});

describe('serializeSnapshot', () => {
  it('sorts objects, keeps meaningful order, and writes keys in the schema order', () => {
    const text = serializeSnapshot(snapshot(rich));
    const written = JSON.parse(text) as { catalog: typeof rich };
    expect(written.catalog.schemas).toEqual(['auth', 'public']);
    expect(written.catalog.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['auth.sessions', 'public.Users', 'public.users']);
    const users = written.catalog.tables[2];
    expect(users?.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(users?.indexes.map((i) => i.name)).toEqual(['a_idx', 'z_idx']);
    expect(users?.indexes[0]?.keys.map((k) => (k.kind === 'column' ? k.column : ''))).toEqual(['b', 'a']); // key order kept
    expect(users?.policies[0]?.roles).toEqual(['reader', 'writer']);
    expect(written.catalog.enums[0]?.values).toEqual(['sad', 'ok', 'happy']); // enum order kept
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['$schema', 'formatVersion', 'metadata', 'catalog', 'migrations']);
  });

  it('gives the same bytes whatever the input order of objects and keys', () => {
    const reordered = { ...rich, tables: [...rich.tables].reverse(), schemas: [...rich.schemas].reverse() };
    expect(serializeSnapshot(shuffledKeys(snapshot(reordered)))).toBe(serializeSnapshot(snapshot(rich)));
  });

  it('uses 2-space indentation and ends with one newline', () => {
    const text = serializeSnapshot(snapshot());
    expect(text).toMatch(/^\{\n {2}"\$schema": /);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('refuses to write what it would refuse to read (a bug, so it throws)', () => {
    const broken = snapshot(catalog({ tables: [table('public', 'users', { rows: -5 })] }));
    expect(() => serializeSnapshot(broken)).toThrow();
    expect(snapshotV1Schema.safeParse(JSON.parse(serializeSnapshot(snapshot()))).success).toBe(true);
  });
});

describe('writing snapshot files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-write-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates missing directories and leaves no temporary file', async () => {
    const path = join(dir, 'nested', 'deeper', 'snap.json');
    expect(await writeSnapshotFile(path, snapshot())).toBe('written');
    expect(await readFile(path, 'utf8')).toBe(serializeSnapshot(snapshot()));
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['snap.json']);
  });

  it('leaves the file untouched when only capturedAt differs', async () => {
    const path = join(dir, 'same.json');
    await writeSnapshotFile(path, snapshot(rich, '2025-01-01T00:00:00.000Z'));
    const past = new Date('2021-06-01T00:00:00Z');
    await utimes(path, past, past);
    expect(await writeSnapshotFile(path, snapshot(rich, '2025-05-05T00:00:00.000Z'))).toBe('unchanged');
    expect((await stat(path)).mtime.getTime()).toBe(past.getTime());
    expect(await readFile(path, 'utf8')).toContain('2025-01-01T00:00:00.000Z');
  });

  it('rewrites when anything else differs, or when the old file is not a valid snapshot', async () => {
    const path = join(dir, 'changed.json');
    await writeSnapshotFile(path, snapshot(rich));
    const changed = { ...rich, enums: [{ schema: 'public', name: 'mood', values: ['sad', 'ok', 'happy', 'ecstatic'] }] };
    expect(await writeSnapshotFile(path, snapshot(changed))).toBe('written');
    expect(await readFile(path, 'utf8')).toContain('ecstatic');
    await writeFile(path, 'garbage');
    expect(await writeSnapshotFile(path, snapshot(changed))).toBe('written');
  });

  it('rewrites a file whose capture time was edited into something serialization never writes', async () => {
    const path = join(dir, 'edited-time.json');
    await writeSnapshotFile(path, snapshot(rich, '2025-01-01T00:00:00.000Z'));
    for (const time of ['2025-02-30T00:00:00.000Z', '2025-01-01T00:00:00Z', 'yesterday', '']) {
      await writeFile(path, (await readFile(path, 'utf8')).replace(/"capturedAt": "[^"]*"/, `"capturedAt": "${time}"`));
      expect(await writeSnapshotFile(path, snapshot(rich, '2025-05-05T00:00:00.000Z')), time).toBe('written');
    }
    // A string elsewhere that merely contains the key changes nothing about where the time is.
    const tricky = catalog({ ...rich, enums: [{ schema: 'public', name: 'mood', values: ['"capturedAt": "x'] }] });
    await writeSnapshotFile(path, snapshot(tricky, '2025-01-01T00:00:00.000Z'));
    expect(await writeSnapshotFile(path, snapshot(tricky, '2025-05-05T00:00:00.000Z'))).toBe('unchanged');
  });

  it('keeps the previous file and removes the temporary one when the write fails', async () => {
    const target = join(dir, 'is-a-directory');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(); // rename onto a directory fails
    expect((await readdir(dir)).filter((name) => name.startsWith(TEMP_FILE_PREFIX))).toEqual([]);
    expect((await stat(target)).isDirectory()).toBe(true);
  });
});
