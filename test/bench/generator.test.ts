/**
 * The benchmark generator: deterministic from its seed, and its one model read the same
 * way by both emitters (the names the DDL spells out are the names drizzle-kit derives
 * from the emitted schema). The full database-level equivalence (pg_dump of the DDL vs
 * pg_dump of drizzle-kit's own DDL) is `bench/check.ts`, too slow for the test suite.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDrizzleJson } from 'drizzle-kit/api';
import { afterAll, describe, expect, it } from 'vitest';
import { ddlStatements } from '../../bench/emit-ddl.js';
import { emitDrizzleProject, schemaFiles } from '../../bench/emit-drizzle.js';
import { buildBenchModel, type BenchModel } from '../../bench/model.js';
import { WORK_DIR } from '../../bench/paths.js';

const URL = 'postgres://postgres@127.0.0.1:5432/bench_test';
const emit = (model: BenchModel): string => [...ddlStatements(model), ...emitDrizzleProject(model, URL).values()].join('\n');

describe('bench generator', () => {
  it('emits the same DDL and schema text for the same seed, and different text for another', () => {
    const first = emit(buildBenchModel(60, 7));
    expect(emit(buildBenchModel(60, 7))).toBe(first);
    expect(emit(buildBenchModel(60, 8))).not.toBe(first);
  });

  it('builds realistic tables: primary key, about 15 columns, 1–2 indexes, foreign keys only to earlier tables', () => {
    const model = buildBenchModel(300);
    const position = new Map(model.tables.map((t, i) => [t.name, i]));
    for (const [i, table] of model.tables.entries()) {
      expect(table.columns.filter((c) => c.primaryKey)).toHaveLength(1);
      expect(table.columns.length).toBeGreaterThanOrEqual(12);
      expect(table.columns.length).toBeLessThanOrEqual(17);
      expect(table.indexes.length).toBeGreaterThanOrEqual(1);
      expect(table.indexes.length).toBeLessThanOrEqual(2);
      for (const fk of table.foreignKeys) expect(position.get(fk.foreignTable)).toBeLessThan(i);
    }
    const all = model.tables.flatMap((t) => t.columns);
    const kinds = new Set(all.map((c) => c.type.kind));
    for (const kind of ['text', 'varchar', 'integer', 'bigint', 'numeric', 'boolean', 'timestamptz', 'jsonb', 'uuid', 'text[]', 'enum']) {
      expect(kinds).toContain(kind);
    }
    expect(model.tables.some((t) => t.checks.length > 0)).toBe(true);
    expect(model.tables.some((t) => t.uniques.some((u) => u.style === 'table'))).toBe(true);
    expect(model.tables.some((t) => t.comment !== null)).toBe(true);
  });

  describe('the emitted schema, loaded and serialized by drizzle-kit', () => {
    const dir = path.join(WORK_DIR, `test-${randomBytes(4).toString('hex')}`);
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('names every table, column, key, index and check as the model (and so the DDL) does', async () => {
      const model = buildBenchModel(40, 11);
      for (const [file, text] of emitDrizzleProject(model, URL)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      const imports: Record<string, unknown> = {};
      for (const file of schemaFiles(model)) {
        Object.assign(imports, (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>);
      }
      const json = generateDrizzleJson(imports) as unknown as {
        readonly tables: Record<
          string,
          {
            readonly columns: Record<string, { readonly primaryKey: boolean; readonly notNull: boolean }>;
            readonly indexes: Record<string, unknown>;
            readonly foreignKeys: Record<string, unknown>;
            readonly uniqueConstraints: Record<string, unknown>;
            readonly checkConstraints: Record<string, unknown>;
          }
        >;
        readonly enums: Record<string, unknown>;
      };
      const sorted = (names: Iterable<string>): string[] => [...names].sort();
      expect(sorted(Object.keys(json.tables))).toEqual(sorted(model.tables.map((t) => `public.${t.name}`)));
      expect(sorted(Object.keys(json.enums))).toEqual(sorted(model.enums.map((e) => `public.${e.name}`)));
      for (const table of model.tables) {
        const kit = json.tables[`public.${table.name}`];
        expect(kit).toBeDefined();
        if (kit === undefined) continue;
        expect(Object.keys(kit.columns)).toEqual(table.columns.map((c) => c.name));
        for (const column of table.columns) {
          expect(kit.columns[column.name]).toMatchObject({ primaryKey: column.primaryKey, notNull: column.notNull });
        }
        expect(sorted(Object.keys(kit.indexes))).toEqual(sorted(table.indexes.map((i) => i.name)));
        expect(sorted(Object.keys(kit.foreignKeys))).toEqual(sorted(table.foreignKeys.map((f) => f.name)));
        expect(sorted(Object.keys(kit.uniqueConstraints))).toEqual(sorted(table.uniques.map((u) => u.name)));
        expect(sorted(Object.keys(kit.checkConstraints))).toEqual(sorted(table.checks.map((c) => c.name)));
      }
    });
  });
});
