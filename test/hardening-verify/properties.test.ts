/**
 * Property tests (fast-check, bounded runs):
 * - any JSON value and any bytes as the snapshot file: verify exits 2 with a message and a
 *   hint, never an unhandled error;
 * - the worked example's snapshot edited anywhere (a value replaced, a key removed): either
 *   the loader refuses it with a JSON path, or verify and every reporter run on it;
 * - snapshots serialized from arbitrary valid catalogs load, and verify() and the text and
 *   JSON reporters never throw on them, against real schemas and against each other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/model.js';
import { createTablesFilter } from '../../src/config/tables-filter.js';
import { FAIL_ON_VALUES, verify, type VerifyResult } from '../../src/diff/index.js';
import { renderJson, renderText } from '../../src/report/index.js';
import { loadDrizzleSchema } from '../../src/schema/load-drizzle-schema.js';
import { parseSnapshot } from '../../src/snapshot/load.js';
import { serializeSnapshot } from '../../src/snapshot/serialize.js';
import { snapshot } from '../snapshot/builders.js';
import { catalogArbitrary } from './arbitraries.js';
import { EXAMPLE_PROJECT, EXAMPLE_SNAPSHOT, expectUsageError, OWN_FIXTURE, verifyIn, writeProject } from './support/run.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const EMPTY: Catalog = { schemas: [], tables: [], enums: [], domains: [], sequences: [], views: [], extensions: [] };

/** verify() and both reporters, as the CLI runs them; the JSON must parse and agree on the exit code. */
const verifyAndReport = (schema: Catalog, database: Catalog, options: { failOn: (typeof FAIL_ON_VALUES)[number]; schemas: readonly string[]; color: boolean }): VerifyResult => {
  const result = verify(schema, database, {
    failOn: options.failOn,
    databaseFilter: { schemas: options.schemas, tables: createTablesFilter([], []) },
    snapshotAge: { capturedAt: '2025-01-02T03:04:05.000Z', now: '2026-01-01T00:00:00.000Z', maxAgeDays: 30 },
  });
  expect([0, 1]).toContain(result.exitCode);
  const text = renderText(result, { color: options.color, snapshotLabel: 'arbitrary.json', schemaLabel: 'drizzle.config.ts' });
  expect(text.length).toBeGreaterThan(0);
  const report = JSON.parse(renderJson(result)) as { exitCode: number; findings: unknown[] };
  expect(report.exitCode).toBe(result.exitCode);
  expect(report.findings).toHaveLength(result.findings.length);
  return result;
};

const reportOptions = fc.record({
  failOn: fc.constantFrom(...FAIL_ON_VALUES),
  schemas: fc.constantFrom<readonly string[]>(['public'], ['public', 'auth'], ['auth', 'billing', 'Public', 'drizzle']),
  color: fc.boolean(),
});

describe('verify never crashes on what a snapshot file may hold', () => {
  // The snapshot is loaded before the schema: a refused file costs no import.
  const cwd = OWN_FIXTURE('odd-exports');
  const work = writeProject('properties-files', {});

  it('any JSON value: exit 2 with the file named and a hint', async () => {
    const file = join(work, 'value.json');
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        writeFileSync(file, JSON.stringify(value));
        expectUsageError(await verifyIn(cwd, ['--snapshot', file]), `${file}: `);
      }),
      { numRuns: 80 },
    );
  });

  it('any bytes: exit 2 with the file named and a hint', async () => {
    const file = join(work, 'bytes.json');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 100, unit: 'binary' }).map((s) => Buffer.from(s, 'utf8'))), async (bytes) => {
        writeFileSync(file, bytes);
        expectUsageError(await verifyIn(cwd, ['--snapshot', file]), `${file}`);
      }),
      { numRuns: 80 },
    );
  });
});

describe('verify and the reporters never crash on a snapshot the loader accepts', () => {
  let meetings: Catalog;
  let odd: Catalog;
  beforeAll(async () => {
    const load = async (path: string): Promise<Catalog> => {
      const loaded = await loadDrizzleSchema({ cwd: path });
      if (!loaded.ok) throw new Error(loaded.error.message);
      return loaded.catalog;
    };
    meetings = await load(EXAMPLE_PROJECT);
    odd = await load(OWN_FIXTURE('odd-exports'));
  });

  it('the example snapshot edited anywhere: refused with a JSON path and a hint, or verified and reported', () => {
    const original = JSON.parse(readFileSync(EXAMPLE_SNAPSHOT, 'utf8')) as Json;
    const paths: (string | number)[][] = [];
    const walk = (node: Json, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
      else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    };
    walk(original, []);
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.nat(paths.length - 1),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.string({ maxLength: 8 }), fc.integer()),
        reportOptions,
        (at, replacement, options) => {
          const document = structuredClone(original);
          const path = paths[at] as (string | number)[];
          const edited = path.length === 0 ? (replacement ?? null) : document;
          if (path.length > 0) {
            const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, document);
            const key = path[path.length - 1] as string | number;
            if (replacement === undefined) {
              if (Array.isArray(parent)) parent.splice(key as number, 1);
              else delete (parent as Record<string, Json>)[key];
            } else {
              (parent as Record<string | number, Json>)[key] = replacement as Json;
            }
          }
          const loaded = parseSnapshot(JSON.stringify(edited, null, 2), 'edited.json');
          if (!loaded.ok) {
            expect(loaded.error.message.startsWith('edited.json')).toBe(true);
            expect(loaded.error.hint.length).toBeGreaterThan(0);
            return;
          }
          accepted += 1;
          verifyAndReport(meetings, loaded.snapshot.catalog, options);
        },
      ),
      { numRuns: 300, endOnFailure: true },
    );
    // Some edits are valid (a name, a comment, a row estimate): the accepted path ran too.
    expect(accepted).toBeGreaterThan(0);
  });

  it('arbitrary valid catalogs: serialized, loaded back, verified against real schemas, reported', () => {
    fc.assert(
      fc.property(catalogArbitrary, reportOptions, (catalog, options) => {
        const text = serializeSnapshot(snapshot(catalog));
        const loaded = parseSnapshot(text, 'arbitrary.json');
        // What we write we read back.
        expect(loaded.ok ? null : loaded.error.message).toBeNull();
        if (!loaded.ok) return;
        for (const schema of [meetings, odd, EMPTY]) verifyAndReport(schema, loaded.snapshot.catalog, options);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('arbitrary valid catalogs on both sides', () => {
    fc.assert(
      fc.property(catalogArbitrary, catalogArbitrary, reportOptions, (schema, database, options) => {
        verifyAndReport(schema, database, options);
        verifyAndReport(database, schema, options);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('an arbitrary valid catalog through the whole CLI', async () => {
    const work = writeProject('properties-cli', {});
    const file = join(work, 'arbitrary.json');
    await fc.assert(
      fc.asyncProperty(catalogArbitrary, fc.constantFrom('text', 'json'), async (catalog, format) => {
        writeFileSync(file, serializeSnapshot(snapshot(catalog)));
        const run = await verifyIn(EXAMPLE_PROJECT, ['--snapshot', file, '--format', format]);
        expect(run.err).not.toMatch(/^\s+at /m);
        expect(run.err).not.toContain('internal error');
        expect([0, 1]).toContain(run.code);
        if (format === 'json') expect(() => JSON.parse(run.out) as unknown).not.toThrow();
      }),
      { numRuns: 4 },
    );
  });
});
