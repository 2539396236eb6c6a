/**
 * Pushes real Drizzle schema objects into a real database with drizzle-kit's own
 * `pushSchema`, as `drizzle-kit push` would, so tests can read back what PostgreSQL made of
 * them with plain catalog SQL.
 */
import { pushSchema } from 'drizzle-kit/api';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { TestDatabase } from '../../support/databases.js';

export type PushTarget = TestDatabase & { readonly pglite?: PGlite };

/** drizzle-kit draws a progress spinner on stdout while it introspects; keep test output readable. */
const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
};

/** Pushes `imports` (the exports of schema modules) and returns the statements drizzle-kit ran. */
export const push = async (
  target: PushTarget,
  imports: Record<string, unknown>,
  schemaFilters: string[] = ['public'],
): Promise<readonly string[]> => {
  if (target.pglite) {
    const db = drizzlePglite(target.pglite);
    const result = await quietly(() => pushSchema(imports, db as never, schemaFilters));
    await result.apply();
    return result.statementsToExecute;
  }
  if (target.url === null) throw new Error('push: a server database needs a URL');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const db = drizzlePg(client);
    const result = await quietly(() => pushSchema(imports, db as never, schemaFilters));
    await result.apply();
    return result.statementsToExecute;
  } finally {
    await client.end();
  }
};
