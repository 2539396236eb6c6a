/**
 * Checks that the generator's DDL and its Drizzle schema describe the same database:
 * builds one database from `emit-ddl.ts` and one from the DDL drizzle-kit itself derives
 * from the emitted schema (`generateMigration` from an empty schema), then compares the
 * two `pg_dump --schema-only` outputs. Both databases are dropped afterwards.
 *
 *   node --import tsx bench/check.ts [tables=50]
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { commentStatements, ddlStatements } from './emit-ddl.js';
import { emitDrizzleProject, schemaFiles } from './emit-drizzle.js';
import { createDatabase } from './generate.js';
import { buildBenchModel } from './model.js';
import { ADMIN_URL, databaseUrl } from './paths.js';

const run = promisify(execFile);

const urlOf = (name: string): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

/** NOTE: pg_dump 15.14+ writes `\restrict <random key>` lines (CVE-2025-8714), different on every run. */
const dump = async (name: string): Promise<string> =>
  (await run('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', urlOf(name)], { maxBuffer: 1 << 28 })).stdout
    .split('\n')
    .filter((line) => !/^\\(un)?restrict /.test(line))
    .join('\n');

const drop = async (names: readonly string[]): Promise<void> => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
};

const main = async (): Promise<void> => {
  const tables = Number(process.argv[2] ?? 50);
  const model = buildBenchModel(tables);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-check-'));
  const mine = `bench_check_mine_${tables}`;
  const kit = `bench_check_kit_${tables}`;
  try {
    // The schema must be importable from here (drizzle-orm resolves from the project), so
    // it goes under bench/.work, not the temp folder.
    const project = path.join(path.dirname(new URL(import.meta.url).pathname), '.work', `check-${tables}`);
    await rm(project, { recursive: true, force: true });
    const files = emitDrizzleProject(model, databaseUrl(tables));
    for (const [file, text] of files) {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true });
      await writeFile(path.join(project, file), text);
    }
    let start = performance.now();
    const imports: Record<string, unknown> = {};
    for (const file of schemaFiles(model)) {
      Object.assign(imports, (await import(pathToFileURL(path.join(project, file)).href)) as Record<string, unknown>);
    }
    const importMs = performance.now() - start;
    start = performance.now();
    const json = generateDrizzleJson(imports);
    const jsonMs = performance.now() - start;
    start = performance.now();
    const kitStatements = await generateMigration(generateDrizzleJson({}), json);
    const migrationMs = performance.now() - start;
    console.log(
      `drizzle-kit at ${tables} tables: import ${Math.round(importMs)} ms, generateDrizzleJson ${Math.round(jsonMs)} ms, generateMigration ${Math.round(migrationMs)} ms (${kitStatements.length} statements)`,
    );

    start = performance.now();
    await createDatabase(mine, ddlStatements(model));
    console.log(`generator DDL: ${Math.round(performance.now() - start)} ms`);
    start = performance.now();
    await createDatabase(kit, [...kitStatements, ...commentStatements(model)]);
    console.log(`drizzle-kit DDL: ${Math.round(performance.now() - start)} ms`);

    const [a, b] = await Promise.all([dump(mine), dump(kit)]);
    await writeFile(path.join(dir, 'mine.sql'), a);
    await writeFile(path.join(dir, 'kit.sql'), b);
    if (a === b) {
      console.log(`same database: pg_dump outputs identical (${a.length} bytes)`);
    } else {
      const diff = await run('diff', ['-u', path.join(dir, 'kit.sql'), path.join(dir, 'mine.sql')]).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
      );
      console.log(diff.stdout.split('\n').slice(0, 80).join('\n'));
      process.exitCode = 1;
    }
    await rm(project, { recursive: true, force: true });
  } finally {
    await drop([mine, kit]);
    await rm(dir, { recursive: true, force: true });
  }
};

await main();
