import type { Catalog } from '../../src/catalog/model.js';
import { capture } from '../../src/capture/capture.js';
import type { Queryable } from '../../src/capture/queryable.js';
import type { TestDatabase } from '../support/databases.js';

/** A test database as capture's Queryable. */
export const queryableOf = (db: TestDatabase): Queryable => ({
  query: async <Row extends object>(sql: string, params?: readonly unknown[]) => ({ rows: (await db.query(sql, params)) as unknown as readonly Row[] }),
});

/** The database's catalog as capture reads it, row estimates left out (they move with DDL). */
export const captureCatalog = async (db: TestDatabase, schemas?: readonly string[]): Promise<Catalog> => {
  const outcome = await capture({ queryable: queryableOf(db), schemas });
  if (!outcome.ok) throw new Error(`capture failed: ${outcome.error.message}`);
  const { catalog } = outcome.capture;
  return { ...catalog, tables: catalog.tables.map((t) => ({ ...t, rows: 'unknown' })) };
};
