import type { TestDatabase } from '../support/databases.js';

/** Empties a test database between runs: drops every user schema and recreates `public`. */
export const resetDatabase = async (db: TestDatabase): Promise<void> => {
  const schemas = await db.query<{ name: string }>(
    `select nspname as name from pg_namespace
     where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by nspname`,
  );
  const drops = schemas.map(({ name }) => `drop schema "${name.replaceAll('"', '""')}" cascade;`).join('\n');
  await db.exec(`${drops}\ncreate schema public;`);
};
