/**
 * Issue 12's rule: whatever the project's own drizzle-kit loads, verify loads, with the same
 * objects; where drizzle-kit fails, verify fails too, with a clear exit-2 message.
 *
 * On every fixture project (fixtures.ts), the project's drizzle-kit CLI runs
 * `export` in the project's folder (once), and verify loads the schema there; the objects
 * drizzle-kit's SQL creates must be the objects in the drizzle-kit JSON verify loaded (and,
 * for 0.x, in the Catalog it maps that JSON to).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog/model.js';
import { drizzleJsonToCatalog } from '../../../src/schema/kit0/to-catalog.js';
import type { DrizzleKitJson } from '../../../src/schema/kit0/drizzle-kit-json.js';
import { loadDrizzleSchemaJson } from '../../../src/schema/load-drizzle-schema.js';
import { EXAMPLE_SNAPSHOT, expectUsageError, messageOf, verifyIn } from '../../hardening-verify/support/run.js';
import { drizzleKitExport, objectsInJson } from './drizzle-kit-export.js';
import { DRIZZLE_KIT_DIR, FIXTURES, linkNodeModules, type Fixture } from './fixtures.js';

/** The objects of a Catalog, in export's terms (serial sequences are not created by a statement of their own). */
const objectsInCatalog = (catalog: Catalog): readonly string[] =>
  [
    ...catalog.tables.flatMap((t) => [`table:${t.schema}.${t.name}`, ...t.policies.map((p) => `policy:${t.schema}.${t.name}.${p.name}`)]),
    ...catalog.enums.map((e) => `enum:${e.schema}.${e.name}`),
    ...catalog.schemas.filter((s) => s !== 'public').map((s) => `schema:${s}`),
    ...catalog.sequences.filter((s) => s.ownedBy === null).map((s) => `sequence:${s.schema}.${s.name}`),
    ...catalog.views.map((v) => `view:${v.schema}.${v.name}`),
  ].sort();

const ENV = { PATH: process.env['PATH'] ?? '' };

const check = async (fixture: Fixture): Promise<void> => {
  const configPath = fixture.args[1];
  const [kit, ours] = await Promise.all([
    drizzleKitExport(fixture.major, DRIZZLE_KIT_DIR[fixture.major], fixture.cwd, fixture.args, fixture.waitSeconds),
    loadDrizzleSchemaJson({
      cwd: fixture.cwd,
      env: ENV,
      importTimeoutSeconds: fixture.importTimeoutSeconds,
      ...(configPath === undefined ? {} : { configPath }),
    }),
  ]);
  const { expected } = fixture;

  if (expected.loads) {
    if (!ours.ok) throw new Error(`verify did not load it: ${ours.error.code}: ${ours.error.message}`);
    if (kit.kind !== 'exported') throw new Error(`drizzle-kit did not export it: ${JSON.stringify(kit)}`);
    expect(objectsInJson(fixture.major, ours.json)).toEqual(kit.objects);
    expect(kit.objects.length).toBeGreaterThan(0);
    expect(ours.loading.drizzleKit).toEqual({ version: fixture.major === 0 ? '0.31.11' : '1.0.0-rc.5', origin: 'project' });
    if (fixture.major === 0) {
      const catalog = drizzleJsonToCatalog(ours.json as DrizzleKitJson, { schemaFilter: ours.config.config.schemaFilter });
      expect(objectsInCatalog(catalog)).toEqual(kit.objects.filter((object) => !object.startsWith('role:')));
    }
    if (expected.warning === undefined) expect(ours.warnings).toEqual([]);
    else expect(ours.warnings).toContainEqual(expect.stringMatching(expected.warning));
    return;
  }

  expect(kit.kind, JSON.stringify(kit)).toBe(expected.drizzleKit);
  if (ours.ok) throw new Error('verify loaded a schema drizzle-kit does not');
  expect(ours.error).toMatchObject({ code: expected.code, path: expected.path, ...(expected.reason === undefined ? {} : { reason: expected.reason }) });
  expect(ours.error.message).toMatch(expected.message);
  if ('facts' in ours.error && ours.error.facts !== null) {
    expect(ours.error.facts.drizzleKit).toBe(`${fixture.major === 0 ? '0.31.11' : '1.0.0-rc.5'} (the project's)`);
  }
  // What a user sees: exit 2, the file, the message and a hint, nothing on stdout (a time
  // bound reached is not run twice).
  if (expected.reason === 'pending') return;
  const run = await verifyIn(fixture.cwd, [...fixture.args, '--snapshot', EXAMPLE_SNAPSHOT, '--import-timeout', String(fixture.importTimeoutSeconds)]);
  expectUsageError(run, `${expected.path}`);
  expect(messageOf(run).message).toMatch(new RegExp(`^${expected.path.replace(/\./g, '\\.')}(:\\d+:\\d+)?: `));
};

/** The matrix for one drizzle-kit major (one test file each, so that they run side by side). */
export const matrixFor = (major: 0 | 1): void => {
  describe(`loading matrix, drizzle-kit ${major}.x: verify loads what drizzle-kit exports`, () => {
    const fixtures = FIXTURES.filter((fixture) => fixture.major === major);
    beforeAll(() => linkNodeModules(fixtures));

    it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
      await check(fixture);
    });
  });
};
