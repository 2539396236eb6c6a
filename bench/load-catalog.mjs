// verify's inputs without the diff: the Drizzle schema through drizzle-catalog's own
// loader (config → tsx → drizzle-kit JSON → Catalog) and the snapshot through its loader,
// from the build in dist/. verify's time minus this is the diff and the report.
//
//   node bench/load-catalog.mjs <project dir> <snapshot file>
import { loadDrizzleSchema } from '../dist/schema/index.js';
import { loadSnapshot } from '../dist/snapshot/load.js';

const [cwd, snapshotFile] = process.argv.slice(2);
if (cwd === undefined || snapshotFile === undefined) throw new Error('usage: load-catalog.mjs <project dir> <snapshot file>');
const [schema, snapshot] = await Promise.all([loadDrizzleSchema({ cwd, configPath: 'drizzle.config.ts' }), loadSnapshot(snapshotFile)]);
if (!schema.ok || !snapshot.ok) {
  process.stderr.write(`${JSON.stringify(schema.ok ? snapshot : schema).slice(0, 2000)}\n`);
  process.exit(2);
}
process.stdout.write(`${schema.catalog.tables.length} tables in the schema, ${snapshot.snapshot.catalog.tables.length} in the snapshot\n`);
