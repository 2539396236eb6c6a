/**
 * The key property of the 1.0 mapping: a database in sync with a drizzle-orm 1.0 schema
 * verifies clean. drizzle-kit 1.0's own `pushSchema` creates each case's schema in an empty
 * database (PGlite, and the PostgreSQL server); capture reads it; the 1.0 mapping maps the
 * same schema; verify finds nothing, except the findings a case records with the drizzle-kit
 * behaviour behind them. drizzle-kit's own second push is recorded too: where it still wants
 * to change something, that is its false positive (docs/drizzle-kit-disagreements.md).
 * Where verify finds nothing, the two catalogs must also agree field for field (expressions
 * as parsed SQL), so a difference verify does not look at cannot hide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog/model.js';
import { normalizeExpressions } from '../../../src/sql/index.js';
import { DrizzleKit1 } from '../../drizzle-1/kit.js';
import { KIT1_CASES } from '../../drizzle-1/cases/index.js';
import { findingSignature } from '../../oracle/compare-answers.js';
import { comparableCatalog } from '../../oracle/comparable-catalog.js';
import { createPgliteDatabase, createServerDatabase, serverTestsEnabled, type TestDatabase } from '../../support/databases.js';
import { pushCaptureVerify } from './in-sync.js';

const server = await serverTestsEnabled();

/** `comparableCatalog`, with policy expressions (which it keeps as text) as parsed SQL too. */
const comparable = (catalog: Catalog): unknown => {
  const expressions = catalog.tables.flatMap((t) => t.policies.flatMap((p) => [p.using, p.withCheck]));
  const canonical = normalizeExpressions(expressions.map((sql) => ({ sql: sql ?? 'null' })));
  let next = 0;
  const take = (sql: string | null): string | null => {
    const result = canonical[next++];
    return sql === null ? null : result?.ok ? result.canonical : `unparsable: ${sql}`;
  };
  const tables = catalog.tables.map((t) => ({ ...t, policies: t.policies.map((p) => ({ ...p, using: take(p.using), withCheck: take(p.withCheck) })) }));
  return comparableCatalog({ ...catalog, tables });
};

const targets = [
  { name: 'PGlite', key: 'pglite' as const, enabled: true },
  { name: 'PostgreSQL server', key: 'server' as const, enabled: server },
];

describe.each(targets)('a database drizzle-kit 1.0 pushed verifies clean against the 1.0 mapping ($name)', ({ key, enabled }) => {
  let db: TestDatabase;
  let kit: DrizzleKit1;
  beforeAll(async () => {
    if (!enabled) return;
    if (key === 'pglite') {
      const created = await createPgliteDatabase();
      db = created;
      kit = DrizzleKit1.pglite(created.pglite);
    } else {
      const created = await createServerDatabase('kit1_sync');
      db = created;
      kit = await DrizzleKit1.server(created.url);
    }
  });
  afterAll(async () => {
    if (!enabled) return;
    await kit.close();
    await db.close();
  });

  const cases = KIT1_CASES.filter((c) => key === 'pglite' || !c.pgliteOnly);
  it.skipIf(!enabled).each(cases)('$name', async (c) => {
    const outcome = await pushCaptureVerify(db, kit, c.imports, c.schemaFilters);
    expect(outcome.result.findings.map(findingSignature)).toEqual(c.expectedFindings ?? []);
    if (c.expectedFindings === undefined) expect(comparable(outcome.schema)).toEqual(comparable(outcome.database));
    expect(outcome.drizzleKitRepeats).toEqual(c.drizzleKitRepeats ?? []);
  });
});
