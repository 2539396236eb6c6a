/**
 * Creates the benchmark databases (`bench_<n>`, dropped and recreated) and writes the
 * matching Drizzle projects into `bench/.work/<n>/`, deterministically from a seed.
 *
 *   node --import tsx bench/generate.ts [--seed N] [sizes...]     (default sizes: 50 500 2000)
 *
 * Besides the TypeScript schema it writes a plain-JavaScript copy (`js/`, transpiled
 * without type checking) so the benchmark can time the loader-free baseline.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import ts from 'typescript';
import { ddlStatements } from './emit-ddl.js';
import { emitDrizzleProject } from './emit-drizzle.js';
import { buildBenchModel, DEFAULT_SEED, type BenchModel } from './model.js';
import { ADMIN_URL, databaseName, databaseUrl, projectDir } from './paths.js';

export const DEFAULT_SIZES = [50, 500, 2000] as const;

export interface Manifest {
  readonly tables: number;
  readonly seed: number;
  /** sha256 of the DDL and of the schema files: a changed generator means a regenerated database. */
  readonly digest: string;
  readonly timings: GenerationTimings;
}

export interface GenerationTimings {
  readonly modelMs: number;
  readonly emitMs: number;
  readonly ddlMs: number;
  readonly writeMs: number;
}

/** Statements per round trip and transaction: fast, and a modest share of the server's lock table. */
const BATCH = 200;

const elapsed = (start: number): number => Math.round(performance.now() - start);

const digestOf = (statements: readonly string[], files: ReadonlyMap<string, string>): string => {
  const hash = createHash('sha256');
  for (const statement of statements) hash.update(statement).update('\n');
  for (const [file, text] of files) hash.update(file).update('\0').update(text);
  return hash.digest('hex');
};

/** Drops and recreates `bench_<n>`, then runs the DDL in batches. */
export const createDatabase = async (name: string, statements: readonly string[]): Promise<void> => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // NOTE: one transaction per batch (a multi-statement query is one implicit transaction).
    // A single transaction for 2,000 tables exhausts the server's shared lock table ("out of
    // shared memory", max_locks_per_transaction): every new relation holds a lock to commit.
    for (let i = 0; i < statements.length; i += BATCH) await client.query(statements.slice(i, i + BATCH).join('\n'));
    // Fresh statistics, as a real database has: reltuples 0 instead of -1 (never analyzed).
    await client.query('analyze');
  } finally {
    await client.end();
  }
};

const writeProject = async (dir: string, files: ReadonlyMap<string, string>): Promise<void> => {
  await rm(path.join(dir, 'schema'), { recursive: true, force: true });
  await rm(path.join(dir, 'js'), { recursive: true, force: true });
  // Outputs of an earlier run describe an earlier database.
  for (const stale of ['snapshot.json', 'dump.sql', 'dump-input.sql', 'snapshot-from-dump.json', 'pull', 'tsx-warm-tmp']) await rm(path.join(dir, stale), { recursive: true, force: true });
  await mkdir(path.join(dir, 'schema'), { recursive: true });
  await mkdir(path.join(dir, 'js', 'schema'), { recursive: true });
  await writeFile(path.join(dir, 'js', 'package.json'), `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`);
  for (const [file, text] of files) {
    await writeFile(path.join(dir, file), text);
    if (file.startsWith('schema/')) {
      const js = ts.transpileModule(text, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      await writeFile(path.join(dir, 'js', file.replace(/\.ts$/, '.js')), js);
    }
  }
};

export const readManifest = async (tables: number): Promise<Manifest | null> => {
  try {
    return JSON.parse(await readFile(path.join(projectDir(tables), 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
};

/** The digest a fresh generation would have, without touching the database. */
export const expectedDigest = (tables: number, seed: number = DEFAULT_SEED): string => {
  const model = buildBenchModel(tables, seed);
  return digestOf(ddlStatements(model), emitDrizzleProject(model, databaseUrl(tables)));
};

export interface Generated {
  readonly model: BenchModel;
  readonly manifest: Manifest;
  readonly dir: string;
}

export const generate = async (tables: number, seed: number = DEFAULT_SEED): Promise<Generated> => {
  let start = performance.now();
  const model = buildBenchModel(tables, seed);
  const modelMs = elapsed(start);

  start = performance.now();
  const statements = ddlStatements(model);
  const files = emitDrizzleProject(model, databaseUrl(tables));
  const emitMs = elapsed(start);

  start = performance.now();
  await createDatabase(databaseName(tables), statements);
  const ddlMs = elapsed(start);

  start = performance.now();
  const dir = projectDir(tables);
  await writeProject(dir, files);
  const writeMs = elapsed(start);

  const manifest: Manifest = { tables, seed, digest: digestOf(statements, files), timings: { modelMs, emitMs, ddlMs, writeMs } };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { model, manifest, dir };
};

const main = async (): Promise<void> => {
  const { values, positionals } = parseArgs({ options: { seed: { type: 'string' } }, allowPositionals: true });
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const sizes = positionals.length === 0 ? DEFAULT_SIZES : positionals.map(Number);
  for (const tables of sizes) {
    const { manifest, dir } = await generate(tables, seed);
    const t = manifest.timings;
    console.log(
      `${databaseName(tables)}: ${tables} tables in ${dir} — model ${t.modelMs} ms, emit ${t.emitMs} ms, DDL ${t.ddlMs} ms, files ${t.writeMs} ms`,
    );
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
