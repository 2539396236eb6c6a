/**
 * Issue 6, bad snapshot files: what test/snapshot/load.test.ts does not cover yet.
 * A real snapshot (the capture fixture, captured on PGlite) truncated at many points,
 * mutated anywhere, fed arbitrary bytes, saved as UTF-16, duplicated at every level
 * (objects of each kind, and JSON keys), newer than this version, deeply nested, and
 * huge (50,000 columns). Whatever the input: an error value with the file, a position
 * or JSON path and a hint, never an exception; and whatever loads can be written back.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../src/capture/capture.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import { findDuplicate, loadSnapshot, parseSnapshot, type LoadResult } from '../../src/snapshot/load.js';
import { buildSnapshot, serializeSnapshot } from '../../src/snapshot/serialize.js';
import { FIXTURE_SQL } from '../capture/targets.js';
import { catalog, column, snapshot, table } from '../snapshot/builders.js';
import { createPgliteDatabase } from '../support/databases.js';

const PATH = 'snapshots/production.json';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let real: string;
let workdir: string;
beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-loader-'));
  const db = await createPgliteDatabase();
  try {
    await db.exec(FIXTURE_SQL);
    const outcome = await capture({ queryable: pgliteQueryable(db.pglite) });
    if (!outcome.ok) throw new Error(outcome.error.message);
    real = serializeSnapshot(buildSnapshot(outcome.capture, { capturedAt: new Date('2025-01-02T03:04:05Z') }));
  } finally {
    await db.close();
  }
});
afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

/**
 * Every result keeps the contract: an error names the file and has a hint; a success
 * can be written (in canonical order, so a hand-reordered file comes back sorted) and
 * the written text reads back to itself.
 */
const expectWellBehaved = (result: LoadResult, path = PATH): void => {
  if (result.ok) {
    expect(findDuplicate(result.snapshot)).toBeNull();
    const written = serializeSnapshot(result.snapshot);
    const reread = parseSnapshot(written, path);
    expect(reread.ok && serializeSnapshot(reread.snapshot)).toBe(written);
    return;
  }
  const { error } = result;
  expect(error.path).toBe(path);
  expect(error.message.startsWith(path)).toBe(true);
  expect(error.message).not.toContain('\n');
  expect(error.hint.length).toBeGreaterThan(20);
  if (error.code === 'wrong-shape' || error.code === 'duplicate') expect(error.jsonPath.startsWith('$')).toBe(true);
  if (error.code === 'not-json') {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
  }
};

const errorOf = (text: string) => {
  const result = parseSnapshot(text, PATH);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('a real snapshot, damaged', () => {
  it('truncated at every offset near both ends and at 300 points between: not JSON, at the end of the text', () => {
    const lines = (text: string): number => text.split('\n').length;
    const spread = Array.from({ length: 300 }, (_, i) => Math.floor(((i + 1) * real.length) / 301));
    const offsets = new Set([...Array.from({ length: 300 }, (_, i) => i), ...Array.from({ length: 300 }, (_, i) => real.length - 2 - i), ...spread]);
    for (const offset of offsets) {
      const cut = real.slice(0, offset);
      const error = errorOf(cut);
      expect(['empty', 'not-json'], `cut at ${offset}`).toContain(error.code);
      expectWellBehaved({ ok: false, error });
      if (error.code === 'not-json') {
        expect(error.line, `cut at ${offset}`).toBeLessThanOrEqual(lines(cut));
        expect(error.hint).toContain('restore it from version control');
      }
    }
    expect(parseSnapshot(real.trimEnd(), PATH).ok).toBe(true); // only the final newline gone: still whole
  });

  it('a file cut short on disk names the file and says it is truncated', async () => {
    const path = join(workdir, 'half.json');
    await writeFile(path, real.slice(0, Math.floor(real.length * 0.6)));
    const result = await loadSnapshot(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-json', path } });
    if (!result.ok) expect(result.error.message).toMatch(/missing \(the file is truncated\?\)|never ends/);
  });

  it('saved as UTF-16 (PowerShell 5 `capture --out - > file`): says so', async () => {
    const path = join(workdir, 'utf16.json');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(real, 'utf16le')]));
    const result = await loadSnapshot(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-json', path } });
    if (!result.ok) expect(result.error.message).toContain('probably UTF-16');
  });

  it('binary files (gzip, PNG, NUL bytes) are not JSON', () => {
    for (const bytes of [[0x1f, 0x8b, 0x08, 0x00], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x7b, 0x00, 0x7d]]) {
      const error = errorOf(Buffer.from(bytes).toString('utf8'));
      expect(error.code).toBe('not-json');
    }
  });

  it('arbitrary bytes, alone or spliced into the real snapshot, never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expectWellBehaved(parseSnapshot(Buffer.from(bytes).toString('utf8'), PATH));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat({ max: 8 }), (at, bytes, removed) => {
        const offset = at % real.length;
        const text = real.slice(0, offset) + Buffer.from(bytes).toString('utf8') + real.slice(offset + removed);
        expectWellBehaved(parseSnapshot(text, PATH));
      }),
      { numRuns: 150 },
    );
  });

  it('any value of the real snapshot replaced by arbitrary JSON, or removed: an error with a JSON path, or a snapshot that writes back', () => {
    const document = JSON.parse(real) as Json;
    const paths: (string | number)[][] = [];
    const collect = (node: Json, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((item, i) => collect(item, [...path, i]));
      else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node)) collect(value, [...path, key]);
    };
    collect(document, []);
    expect(paths.length).toBeGreaterThan(1000);
    const mutate = (path: readonly (string | number)[], value: Json | undefined): Json => {
      const copy = structuredClone(document);
      if (path.length === 0) return value ?? null;
      let parent = copy as Record<string | number, Json>;
      for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, Json>;
      const last = path.at(-1) as string | number;
      if (value === undefined) {
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete parent[last];
      } else {
        parent[last] = value;
      }
      return copy;
    };
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.option(fc.jsonValue() as fc.Arbitrary<Json>, { nil: undefined }), (path, value) => {
        const result = parseSnapshot(JSON.stringify(mutate(path, value)), PATH);
        expectWellBehaved(result);
        if (result.ok) accepted += 1;
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(0); // some mutations are valid snapshots (a comment, a row estimate)
  });
});

describe('hand edits that say something twice', () => {
  const withDuplicateIn = (list: (document: Record<string, Json>) => Json[]): string => {
    const document = JSON.parse(real) as Record<string, Json>;
    const items = list(document);
    items.splice(1, 0, structuredClone(items[0] as Json));
    return JSON.stringify(document, null, 2);
  };
  const catalogOf = (document: Record<string, Json>): Record<string, Json[]> => document['catalog'] as Record<string, Json[]>;
  const firstTableWith = (document: Record<string, Json>, key: string): Record<string, Json[]> =>
    (catalogOf(document)['tables'] as Record<string, Json[]>[]).find((t) => (t[key]?.length ?? 0) > 0) as Record<string, Json[]>;

  it.each([
    ['enum', (d: Record<string, Json>) => catalogOf(d)['enums'] as Json[], /^\$\.catalog\.enums\[1\]: enum .+ appears twice$/],
    ['domain', (d: Record<string, Json>) => catalogOf(d)['domains'] as Json[], /^\$\.catalog\.domains\[1\]: domain .+ appears twice$/],
    ['sequence', (d: Record<string, Json>) => catalogOf(d)['sequences'] as Json[], /^\$\.catalog\.sequences\[1\]: sequence .+ appears twice$/],
    ['view', (d: Record<string, Json>) => catalogOf(d)['views'] as Json[], /^\$\.catalog\.views\[1\]: view .+ appears twice$/],
    ['schema', (d: Record<string, Json>) => catalogOf(d)['schemas'] as Json[], /^\$\.catalog\.schemas\[1\]: schema .+ appears twice$/],
    ['index', (d: Record<string, Json>) => firstTableWith(d, 'indexes')['indexes'] as Json[], /^\$\.catalog\.tables\[\d+\]\.indexes\[1\]: index .+ of table .+ appears twice$/],
    ['policy', (d: Record<string, Json>) => firstTableWith(d, 'policies')['policies'] as Json[], /^\$\.catalog\.tables\[\d+\]\.policies\[1\]: policy .+ of table .+ appears twice$/],
  ])('a duplicated %s', (_kind, list, message) => {
    const error = errorOf(withDuplicateIn(list));
    expect(error.code).toBe('duplicate');
    expect(error.message.slice(PATH.length + 2)).toMatch(message);
    expect(error.hint).toContain('restore it from version control');
  });

  it('a key written twice in one object, which JSON.parse would silently resolve to the last', () => {
    const text = serializeSnapshot(snapshot(catalog({ tables: [table('public', 'users', { columns: [column('id', 1)] })] })));
    const twice = text.replace('"notNull": false,', '"notNull": true,\n          "notNull": false,');
    const error = errorOf(twice);
    expect(error).toMatchObject({ code: 'duplicate', jsonPath: '$.catalog.tables[0].columns[0]' });
    expect(error.message).toMatch(/^snapshots\/production\.json: \$\.catalog\.tables\[0\]\.columns\[0\]: key "notNull" appears twice in one object \(line \d+, column \d+\)/);
    const catalogTwice = text.replace('"catalog": {', '"catalog": {"schemas": [],');
    expect(errorOf(catalogTwice)).toMatchObject({ code: 'duplicate', jsonPath: '$.catalog' });
    // The same key in different objects is normal.
    expect(parseSnapshot(real, PATH).ok).toBe(true);
  });
});

describe('format versions and odd structure', () => {
  it('an empty name, which PostgreSQL cannot have', () => {
    const error = errorOf(real.replace(/"name": "users"/, '"name": ""'));
    expect(error).toMatchObject({ code: 'wrong-shape' });
    expect(error.message).toMatch(/\.name \(.*\): a PostgreSQL name is never empty$/);
  });

  it('a newer format is "upgrade", whatever else the file holds', () => {
    for (const body of ['{"formatVersion": 2}', '{"formatVersion": 2, "catalog": 7, "metadata": {"tool": {"version": "3.0.0"}}}', '{"formatVersion": 9007199254740991}']) {
      expect(errorOf(body).code).toBe('newer-format');
    }
    for (const version of ['1e300', '9007199254740992', '-1', '0.5', '[]', '{}', 'true']) {
      expect(errorOf(`{"formatVersion": ${version}}`).code).toBe('unsupported-format');
    }
  });

  it('deep nesting (a hostile file) is an error value, not a stack overflow', () => {
    const depth = 200_000;
    const deep = `{"formatVersion": 1, "metadata": ${'['.repeat(depth)}${']'.repeat(depth)}, "catalog": {}, "migrations": null}`;
    expectWellBehaved(parseSnapshot(deep, PATH));
    expectWellBehaved(parseSnapshot(deep.slice(0, depth), PATH));
    expectWellBehaved(parseSnapshot(`{"formatVersion": 1, "a": ${'{"b": '.repeat(depth)}1${'}'.repeat(depth)}}`, PATH));
  });
});

describe('a huge snapshot: 1,000 tables of 50 columns', () => {
  const TABLES = 1000;
  const COLUMNS = 50;
  let text: string;
  beforeAll(() => {
    const tables = Array.from({ length: TABLES }, (_, t) =>
      table('public', `table_${String(t).padStart(4, '0')}`, {
        columns: Array.from({ length: COLUMNS }, (_, c) => column(`column_${String(c).padStart(2, '0')}`, c + 1)),
      }),
    );
    text = serializeSnapshot(snapshot(catalog({ tables })));
  });

  it('loads, with all 50,000 columns', async () => {
    const path = join(workdir, 'huge.json');
    await writeFile(path, text);
    const result = await loadSnapshot(path);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.snapshot.catalog.tables.reduce((sum, t) => sum + t.columns.length, 0)).toBe(TABLES * COLUMNS);
  });

  it('reports damage deep inside with a short message and a precise place', () => {
    const wrong = text.replace(/("name": "column_33",\s+"position": )34/, '$1"34"');
    const shape = errorOf(wrong);
    expect(shape).toMatchObject({ code: 'wrong-shape', jsonPath: '$.catalog.tables[0].columns[33].position' });
    expect(shape.message.length).toBeLessThan(300);
    const everyPositionWrong = text.replaceAll(/"position": (\d+)/g, '"position": "$1"');
    const many = errorOf(everyPositionWrong);
    expect(many.message).toMatch(/\(and 49999 more problems\)$/);
    if (many.code === 'wrong-shape') expect(many.problems).toHaveLength(20);
    const cut = errorOf(text.slice(0, Math.floor(text.length * 0.99)));
    expect(cut.code).toBe('not-json');
    const lastTable = text.lastIndexOf('"name": "column_49"');
    const twice = errorOf(`${text.slice(0, lastTable)}"name": "x", ${text.slice(lastTable)}`);
    expect(twice).toMatchObject({ code: 'duplicate', jsonPath: `$.catalog.tables[${TABLES - 1}].columns[49]` });
  });
});
