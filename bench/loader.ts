/**
 * Loader benchmark: how long importing a generated Drizzle schema takes with the loader
 * verify uses for a drizzle-kit 0.x project (tsx's CommonJS `register()` and `require()`,
 * as drizzle-kit 0.31 does: src/schema/kit0/loader.ts), cold (empty tsx cache, as in CI)
 * and warm, against a plain-JavaScript import of the same schema and other tsx modes, each
 * followed by drizzle-kit's `generateDrizzleJson` and our Catalog mapping; and the whole of
 * `loadDrizzleSchema` (its loader process included).
 *
 *   node --import tsx bench/loader.ts [--tables 500] [--runs 5]
 *
 * Every measurement runs in a fresh Node process (plain `node`, no global tsx hooks) on our
 * sources compiled to JavaScript, so module caches never carry over; "cold" gets an empty
 * TMPDIR (tsx caches transforms in os.tmpdir()), "warm" one primed by a previous run.
 * Modes alternate within each round; the medians are printed. Not part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work', 'loader');

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
};

const TABLES = argument('tables', 500);
const RUNS = argument('runs', 5);
const TABLES_PER_FILE = 50;
const ENUMS = 5;

/** Deterministic PRNG (mulberry32), so the schema is the same on every machine. */
const random = (seed: number): (() => number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const part = (index: number): string => `part_${String(index).padStart(3, '0')}`;

/** One schema file: `typescript` adds type annotations and imports through a tsconfig alias. */
const schemaFile = (file: number, typescript: boolean): string => {
  const next = random(1000 + file);
  const first = file * TABLES_PER_FILE;
  const last = Math.min(TABLES, first + TABLES_PER_FILE);
  const imports = new Set<number>();
  const tables: string[] = [];
  for (let t = first; t < last; t += 1) {
    const target = t === 0 ? null : Math.floor(next() * t);
    if (target !== null && target < first) imports.add(Math.floor(target / TABLES_PER_FILE));
    tables.push(`export const t${t} = pgTable(
  'table_${t}',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    code: varchar('code', { length: 32 }).notNull().unique(),
    status: status${t % ENUMS}('status').notNull().default('s0'),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull().default('0'),
    quantity: integer('quantity').default(0),
    big: bigint('big', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { precision: 3 }),
    data: jsonb('data').notNull().default({}),
    tags: text('tags').array().notNull().default(sql\`'{}'::text[]\`),
    uid: uuid('uid').defaultRandom(),
    day: date('day'),
    ${target === null ? 'parentId: integer(\'parent_id\'),' : `parentId: integer('parent_id').references(() => t${target}.id, { onDelete: 'cascade' }),`}
  },
  (table) => [
    index('table_${t}_created_at_idx').on(table.createdAt),
    ${t % 2 === 0 ? `index('table_${t}_name_status_idx').on(table.name, table.status),` : ''}
    check('table_${t}_amount_check', sql\`\${table.amount} >= 0\`),
  ],
);
${typescript ? `export type Table${t} = typeof t${t}.$inferSelect;\n` : ''}`);
  }
  const ext = typescript ? '' : '.mjs';
  const from = (name: string): string => (typescript ? `@schema/${name}` : `./${name}${ext}`);
  return [
    "import { sql } from 'drizzle-orm';",
    "import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';",
    `import { ${Array.from({ length: ENUMS }, (_, e) => `status${e}`).join(', ')} } from '${from('enums')}';`,
    ...[...imports].sort((a, b) => a - b).map((f) => `import * as ${part(f)} from '${from(part(f))}';`),
    ...[...imports].map((f) => `const { ${Array.from({ length: TABLES_PER_FILE }, (_, i) => `t${f * TABLES_PER_FILE + i}`).filter((_, i) => f * TABLES_PER_FILE + i < TABLES).join(', ')} } = ${part(f)};`),
    '',
    ...tables,
  ].join('\n');
};

const enumsFile = (): string =>
  [
    "import { pgEnum } from 'drizzle-orm/pg-core';",
    ...Array.from({ length: ENUMS }, (_, e) => `export const status${e} = pgEnum('status_${e}', ['s0', 's1', 's2', 's3']);`),
  ].join('\n');

const generate = (dir: string): { ts: string; js: string } => {
  rmSync(dir, { recursive: true, force: true });
  const ts = join(dir, 'ts');
  const js = join(dir, 'js');
  mkdirSync(join(ts, 'schema'), { recursive: true });
  mkdirSync(join(js, 'schema'), { recursive: true });
  const files = Math.ceil(TABLES / TABLES_PER_FILE);
  for (let f = 0; f < files; f += 1) {
    writeFileSync(join(ts, 'schema', `${part(f)}.ts`), schemaFile(f, true));
    writeFileSync(join(js, 'schema', `${part(f)}.mjs`), schemaFile(f, false));
  }
  writeFileSync(join(ts, 'schema', 'enums.ts'), enumsFile());
  writeFileSync(join(js, 'schema', 'enums.mjs'), enumsFile());
  writeFileSync(
    join(ts, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true, paths: { '@schema/*': ['./schema/*'] } } }),
  );
  writeFileSync(join(ts, 'drizzle.config.ts'), "export default { dialect: 'postgresql', schema: './schema/*.ts' };\n");
  writeFileSync(
    join(ts, 'index.ts'),
    Array.from({ length: files }, (_, f) => `export * from '@schema/${part(f)}';`).join('\n') + "\nexport * from '@schema/enums';\n",
  );
  return { ts, js };
};

/** The measured program, run by plain node on the compiled sources. */
const CHILD = `
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [mode, dir, dist] = process.argv.slice(2);
const start = performance.now();
const lib = (path) => import(pathToFileURL(join(dist, path)).href);
const { generateDrizzleJson } = await lib('schema/kit0/drizzle-kit-json.js');
const { drizzleJsonToCatalog } = await lib('schema/kit0/to-catalog.js');
const files = readdirSync(join(dir, 'schema')).sort().map((name) => join(dir, 'schema', name));
const phases = {};
let mark = performance.now();
const phase = (name) => { const now = performance.now(); phases[name] = now - mark; mark = now; };
await import('drizzle-kit/api');
phase('drizzle-kit/api');
let exports;
if (mode === 'js') {
  exports = {};
  for (const file of files) Object.assign(exports, await import(pathToFileURL(file).href));
  phase('import');
} else if (mode === 'tsImport') {
  const { tsImport } = await import('tsx/esm/api');
  exports = { ...(await tsImport(pathToFileURL(join(dir, 'index.ts')).href, { parentURL: import.meta.url, tsconfig: join(dir, 'tsconfig.json') })) };
  phase('import');
} else if (mode === 'tsx-global') {
  // tsx hooks for the whole process, no namespace: node_modules shared with drizzle-kit.
  const { register } = await import('tsx/esm/api');
  const unregister = register({ tsconfig: join(dir, 'tsconfig.json') });
  exports = {};
  for (const file of files) Object.assign(exports, await import(pathToFileURL(file).href));
  await unregister();
  phase('import');
} else if (mode === 'tsx-cjs') {
  // drizzle-kit 0.31's way: tsx's CommonJS hooks, global, the tsconfig from the working directory.
  const { createRequire } = await import('node:module');
  createRequire(import.meta.url)('tsx/cjs/api').register();
  exports = {};
  for (const file of files) Object.assign(exports, createRequire(file)(file));
  phase('import');
}
if (mode === 'loadDrizzleSchema') {
  const { loadDrizzleSchema } = await lib('schema/load-drizzle-schema.js');
  const result = await loadDrizzleSchema({ cwd: dir });
  if (!result.ok) throw new Error(result.error.message);
  phase('config+import+serialize+catalog');
  phases.tables = result.catalog.tables.length;
} else {
  const json = await generateDrizzleJson(exports, undefined, ['public']);
  if (!json.ok) throw new Error(json.error.message);
  phase('generateDrizzleJson');
  const catalog = drizzleJsonToCatalog(json.json, { schemaFilter: ['public'] });
  phase('toCatalog');
  phases.tables = catalog.tables.length;
}
phases.inProcess = performance.now() - start;
phases.maxRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(phases));
`;

interface Sample {
  readonly wall: number;
  readonly phases: Readonly<Record<string, number>>;
}

const run = (mode: string, dir: string, dist: string, tmp: string): Sample => {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(WORK, 'child.mjs'), mode, dir, dist], {
    cwd: dir,
    env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`${mode} failed:\n${child.stderr}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '{}';
  return { wall, phases: JSON.parse(last) as Record<string, number> };
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const main = (): void => {
  mkdirSync(WORK, { recursive: true });
  const { ts, js } = generate(join(WORK, String(TABLES)));
  const dist = join(WORK, 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dist, '--declaration', 'false', '--sourceMap', 'false'], { stdio: 'inherit' });
  writeFileSync(join(WORK, 'child.mjs'), CHILD);

  const warmTmp = mkdtempSync(join(WORK, 'tmp-warm-'));
  run('tsx-cjs', ts, dist, warmTmp); // prime the warm cache
  const modes = [
    { label: 'plain JavaScript import', mode: 'js', dir: js, cold: false },
    { label: "tsx/cjs register() + require (drizzle-kit 0.31's, ours), cold", mode: 'tsx-cjs', dir: ts, cold: true },
    { label: "tsx/cjs register() + require (drizzle-kit 0.31's, ours), warm", mode: 'tsx-cjs', dir: ts, cold: false },
    { label: 'tsx register() global (no namespace), cold', mode: 'tsx-global', dir: ts, cold: true },
    { label: 'tsx tsImport(index.ts), cold', mode: 'tsImport', dir: ts, cold: true },
    { label: 'loadDrizzleSchema (loader process, config too), cold', mode: 'loadDrizzleSchema', dir: ts, cold: true },
  ] as const;
  const samples = new Map<string, Sample[]>(modes.map((m) => [m.label, []]));
  for (let round = 0; round < RUNS; round += 1) {
    for (const m of modes) {
      const tmp = m.cold ? mkdtempSync(join(WORK, 'tmp-cold-')) : warmTmp;
      samples.get(m.label)?.push(run(m.mode, m.dir, dist, tmp));
      if (m.cold) rmSync(tmp, { recursive: true, force: true });
    }
  }
  rmSync(warmTmp, { recursive: true, force: true });

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\n${TABLES} tables in ${Math.ceil(TABLES / TABLES_PER_FILE)} files, ${RUNS} runs, medians; Node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB\n`);
  console.log('| mode | process wall | import | generateDrizzleJson | toCatalog | in-process total | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
  for (const m of modes) {
    const list = samples.get(m.label) ?? [];
    const phase = (name: string): number | undefined =>
      list.some((s) => s.phases[name] !== undefined) ? median(list.map((s) => s.phases[name] ?? 0)) : undefined;
    const importTime = phase('import') ?? phase('config+import+serialize+catalog');
    console.log(
      `| ${m.label} | ${ms(median(list.map((s) => s.wall)))} | ${ms(importTime)} | ${ms(phase('generateDrizzleJson'))} | ${ms(phase('toCatalog'))} | ${ms(phase('inProcess'))} | ${Math.round(phase('maxRssMiB') ?? 0)} MiB |`,
    );
  }
};

main();
