import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_ERRORS } from '../../src/snapshot/errors.js';
import { loadSnapshot, parseSnapshot } from '../../src/snapshot/load.js';
import { serializeSnapshot } from '../../src/snapshot/serialize.js';
import type { UpgradeChain } from '../../src/snapshot/upgrade.js';
import { VERSION } from '../../src/version.js';
import { catalog, column, snapshot, table } from './builders.js';

const PATH = 'snapshots/production.json';
const valid = serializeSnapshot(snapshot());

const errorOf = (text: string, chain?: UpgradeChain) => {
  const result = parseSnapshot(text, PATH, chain === undefined ? {} : { chain });
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('parseSnapshot', () => {
  it('reads back what serializeSnapshot writes', () => {
    const result = parseSnapshot(valid, PATH);
    expect(result).toEqual({ ok: true, snapshot: snapshot(), upgradedFrom: null });
  });

  it('tolerates a byte order mark', () => {
    expect(parseSnapshot(`\uFEFF${valid}`, PATH).ok).toBe(true);
  });

  it('reports an empty file', () => {
    for (const text of ['', '  \n']) {
      expect(errorOf(text)).toEqual({
        code: 'empty',
        path: PATH,
        message: `${PATH}: the file is empty`,
        hint: SNAPSHOT_ERRORS.empty.hint,
      });
    }
  });

  it('reports invalid JSON with line and column', () => {
    const broken = valid.replace('"formatVersion": 1,', '"formatVersion": 1');
    const error = errorOf(broken);
    expect(error).toMatchObject({ code: 'not-json', path: PATH, line: 4, column: 3 });
    expect(error.message).toBe(`${PATH}:4:3: not valid JSON: unexpected '"', expected ',' or '}'`);
    expect(error.hint).toContain('merge conflict');
  });

  it('reports a file truncated mid-way', () => {
    const error = errorOf(valid.slice(0, Math.floor(valid.length / 2)));
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/truncated|never ends|expected/);
  });

  it('reports JSON that is not a snapshot', () => {
    expect(errorOf('[1, 2]')).toMatchObject({ code: 'not-a-snapshot', message: `${PATH}: not a drizzle-catalog snapshot: the file holds an array` });
    expect(errorOf('{"tables": []}').message).toContain('an object without formatVersion');
    expect(errorOf('null').code).toBe('not-a-snapshot');
  });

  it('reports a newer format with the version that wrote it', () => {
    const newer = valid.replace('"formatVersion": 1', '"formatVersion": 2').replace('"version": "0.1.0"', '"version": "9.1.0"');
    const error = errorOf(newer);
    expect(error).toMatchObject({ code: 'newer-format', formatVersion: 2, writtenBy: '9.1.0' });
    expect(error.message).toBe(
      `${PATH}: written by drizzle-catalog 9.1.0 in format 2; this drizzle-catalog ${VERSION} reads formats up to 1: upgrade`,
    );
    expect(error.hint).toContain('npm install --save-dev drizzle-catalog@latest');
  });

  it('reports a format version that is not a version', () => {
    for (const bad of ['0', '"1"', '1.5', '-3', 'null']) {
      expect(errorOf(valid.replace('"formatVersion": 1', `"formatVersion": ${bad}`)).code).toBe('unsupported-format');
    }
  });

  it('reports the wrong shape with the JSON path and the object it belongs to', () => {
    const bad = snapshot(catalog({ tables: [table('public', 'users', { columns: [column('id', 1)] })] }));
    const text = serializeSnapshot(bad).replace('"notNull": false', '"notNull": "no"');
    const error = errorOf(text);
    expect(error).toMatchObject({ code: 'wrong-shape', jsonPath: '$.catalog.tables[0].columns[0].notNull' });
    expect(error.message).toBe(
      `${PATH}: $.catalog.tables[0].columns[0].notNull (table public.users, column id): Invalid input: expected boolean, received string`,
    );
    expect(error.hint).toContain('fix the value at that JSON path');
  });

  it('rejects unknown keys (a typo must not load as a default)', () => {
    const error = errorOf(valid.replace('"notNull": false', '"notNull": false, "nullable": true'));
    expect(error).toMatchObject({ code: 'wrong-shape', jsonPath: '$.catalog.tables[0].columns[0]' });
    expect(error.message).toContain('Unrecognized key: "nullable"');
  });

  it('counts further problems', () => {
    const error = errorOf('{"formatVersion": 1, "metadata": {}, "catalog": {}}');
    expect(error.code).toBe('wrong-shape');
    expect(error.message).toMatch(/\(and \d+ more problems\)$/);
    if (error.code === 'wrong-shape') expect(error.problems.length).toBeGreaterThan(3);
  });

  it('reports duplicated tables and columns', () => {
    const dupTables = snapshot(catalog({ tables: [table('public', 'users'), table('public', 'users')] }));
    const text = JSON.stringify(dupTables); // serializeSnapshot would refuse nothing here, but keep the raw order
    expect(errorOf(text)).toMatchObject({
      code: 'duplicate',
      jsonPath: '$.catalog.tables[1]',
      message: `${PATH}: $.catalog.tables[1]: table public.users appears twice`,
    });
    const dupColumns = snapshot(catalog({ tables: [table('public', 'users', { columns: [column('id', 1), column('id', 2)] })] }));
    expect(errorOf(JSON.stringify(dupColumns))).toMatchObject({
      code: 'duplicate',
      jsonPath: '$.catalog.tables[0].columns[1]',
    });
  });

  it('upgrades an older format in memory through the chain', () => {
    // A pretend format 0 that called the catalog "db"; the real chain is empty while only format 1 exists.
    const chain: UpgradeChain = {
      current: 1,
      upgrades: [{ from: 0, upgrade: ({ db, ...rest }) => ({ ...rest, catalog: db }) }],
    };
    const { catalog: body, ...rest } = JSON.parse(valid) as Record<string, unknown>;
    const old = JSON.stringify({ ...rest, formatVersion: 0, db: body });
    const result = parseSnapshot(old, PATH, { chain });
    expect(result).toMatchObject({ ok: true, upgradedFrom: 0 });
    if (result.ok) expect(result.snapshot).toEqual(snapshot());
    // Without that step, format 0 is older than anything readable.
    expect(errorOf(old).code).toBe('unsupported-format');
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ formatVersion: 1, metadata: value, catalog: value })),
          fc.jsonValue().map((value) => JSON.stringify({ ...JSON.parse(valid), catalog: { ...JSON.parse(valid).catalog, tables: value } })),
        ),
        (text) => {
          const result = parseSnapshot(text, PATH);
          if (!result.ok) {
            expect(result.error.path).toBe(PATH);
            expect(result.error.message.startsWith(PATH)).toBe(true);
            expect(result.error.hint).not.toBe('');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('loadSnapshot', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a file', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, valid);
    expect(await loadSnapshot(path)).toMatchObject({ ok: true, upgradedFrom: null });
  });

  it('reports a missing file', async () => {
    const path = join(dir, 'missing.json');
    expect(await loadSnapshot(path)).toEqual({
      ok: false,
      error: { code: 'not-found', path, message: `${path}: no such file`, hint: SNAPSHOT_ERRORS['not-found'].hint },
    });
  });

  it('reports a directory as unreadable', async () => {
    const path = join(dir, 'a-directory.json');
    await mkdir(path);
    expect(await loadSnapshot(path)).toMatchObject({ ok: false, error: { code: 'unreadable', path } });
  });

  it('reports an empty file with its path', async () => {
    const path = join(dir, 'empty.json');
    await writeFile(path, '');
    expect(await loadSnapshot(path)).toMatchObject({ ok: false, error: { code: 'empty', path } });
  });
});
