/**
 * Rebuilds snapshots/example.json: creates the example's "production" database in
 * PGlite (real PostgreSQL in WASM, so no server is needed), fills it with synthetic
 * rows so row estimates are real, and captures it with the same code as `capture`.
 *
 *   node --import tsx examples/meetings/regenerate-snapshot.ts
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { capture, pgliteQueryable, buildSnapshot, writeSnapshotFile } from '../../src/index.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const SEED = `
  insert into project (name) select 'project ' || i from generate_series(1, 40) i;
  insert into meetings (project_id, user_id, title, starts_at)
    select (select id from project order by name limit 1), 'user-' || (i % 50), 'meeting ' || i, now()
    from generate_series(1, 1500) i;
  insert into meeting_transcripts (meeting_id, body)
    select id, 'transcript' from meetings;
  insert into meeting_notes (meeting_id, user_id, body)
    select id, user_id, 'note' from meetings limit 600;
  insert into meeting_notes (meeting_id, "userId", body)
    select id, user_id, 'note written after the wrong answer' from meetings limit 30;
  analyze;
`;

const db = await PGlite.create();
try {
  await db.exec(await readFile(here('./production.sql'), 'utf8'));
  await db.exec(SEED);
  const outcome = await capture({ queryable: pgliteQueryable(db) });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const snapshot = buildSnapshot(outcome.capture, { capturedAt: new Date() });
  const written = await writeSnapshotFile(here('../../snapshots/example.json'), snapshot);
  console.log(`snapshots/example.json ${written}`);
} finally {
  await db.close();
}
