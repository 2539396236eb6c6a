/**
 * `npm run bench`: for each size, `capture` vs `pg_dump --schema-only` vs `drizzle-kit pull`,
 * `verify` vs the plain-JavaScript schema load, and capture through a 50 ms latency proxy.
 * Prints the tables and writes bench/results.md. Not part of `npm test`.
 *
 *   npm run bench -- [--sizes 50,500,2000] [--runs 5] [--pull-runs 3] [--pull-cap 300]
 *                    [--latency 50] [--latency-runs 3] [--only capture,dump,pg_dump,pull,verify,load,latency]
 *                    [--no-build] [--out bench/results.md] [--note "what else ran on the machine"]
 *
 * capture and verify run through the built CLI (`dist/bin.js`, rebuilt first unless
 * --no-build). While a command is not implemented on the build, its rows say so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { schemaFiles } from './emit-drizzle.js';
import { DEFAULT_SIZES, expectedDigest, generate, readManifest, type GenerationTimings } from './generate.js';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.js';
import { measure, type Measurement } from './measure.js';
import { buildBenchModel } from './model.js';
import { ADMIN_URL, BENCH_DIR, databaseName, databaseUrl, projectDir, ROOT_DIR } from './paths.js';
import { renderReport, type BenchReport, type SizeResult, type ToolId, type ToolResult, type ToolStatus } from './results.js';

const exec = promisify(execFile);

const STEPS = ['capture', 'dump', 'pg_dump', 'pull', 'verify', 'load', 'latency'] as const;
type Step = (typeof STEPS)[number];

interface Options {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly pullRuns: number;
  readonly pullCapMs: number;
  readonly capMs: number;
  readonly latencyMs: number;
  readonly latencyRuns: number;
  readonly only: ReadonlySet<Step>;
  readonly build: boolean;
  readonly out: string;
  readonly note: string | undefined;
}

const parseOptions = (): Options => {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      runs: { type: 'string', default: '5' },
      'pull-runs': { type: 'string', default: '3' },
      'pull-cap': { type: 'string', default: '300' },
      cap: { type: 'string', default: '120' },
      latency: { type: 'string', default: '50' },
      'latency-runs': { type: 'string', default: '3' },
      only: { type: 'string', default: STEPS.join(',') },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(BENCH_DIR, 'results.md') },
      note: { type: 'string' },
    },
  });
  const only = new Set(values.only.split(',').map((s) => s.trim()));
  for (const step of only) if (!(STEPS as readonly string[]).includes(step)) throw new Error(`unknown step ${step}; steps: ${STEPS.join(', ')}`);
  return {
    sizes: values.sizes.split(',').map(Number),
    runs: Number(values.runs),
    pullRuns: Number(values['pull-runs']),
    pullCapMs: Number(values['pull-cap']) * 1000,
    capMs: Number(values.cap) * 1000,
    latencyMs: Number(values.latency),
    latencyRuns: Number(values['latency-runs']),
    only: only as ReadonlySet<Step>,
    build: !values['no-build'],
    out: path.resolve(values.out),
    note: values.note,
  };
};

const log = (text: string): void => void process.stderr.write(`${text}\n`);

const BIN = path.join(ROOT_DIR, 'dist', 'bin.js');
const DRIZZLE_KIT = path.join(ROOT_DIR, 'node_modules', 'drizzle-kit', 'bin.cjs');
const LOAD_SCHEMA = path.join(BENCH_DIR, 'load-schema.mjs');
const LOAD_CATALOG = path.join(BENCH_DIR, 'load-catalog.mjs');

/** One command of the benchmark: how to run it, where it writes, how to read its outcome. */
interface Tool {
  readonly id: ToolId;
  readonly label: string;
  readonly capMs: number;
  readonly cwd?: string;
  /** Fresh values per run (e.g. an empty TMPDIR for a cold loader cache). */
  readonly env?: () => Promise<{ readonly env: Record<string, string>; readonly cleanup: () => Promise<void> }>;
  readonly prepare?: () => Promise<void>;
  readonly argv: (url: string) => readonly [string, ...string[]];
  readonly output?: () => Promise<number | null>;
  /** Exit codes that count as success (verify exits 1 on findings). */
  readonly okCodes?: readonly number[];
}

const fileSize = async (file: string): Promise<number | null> => (await stat(file).catch(() => null))?.size ?? null;

const firstLine = (text: string): string => text.trim().split('\n').slice(-3).join(' ').slice(0, 300);

/** Runs a tool once; returns the measurement and the status it implies. */
const runOnce = async (tool: Tool, url: string): Promise<{ readonly m: Measurement; readonly status: ToolStatus; readonly note: string | null }> => {
  await tool.prepare?.();
  const fresh = await tool.env?.();
  const [command, ...args] = tool.argv(url);
  try {
    const m = await measure(command, args, { capMs: tool.capMs, ...(tool.cwd === undefined ? {} : { cwd: tool.cwd }), ...(fresh === undefined ? {} : { env: fresh.env }) });
    if (m.timedOut) return { m, status: 'capped', note: null };
    if (m.exitCode !== null && (tool.okCodes ?? [0]).includes(m.exitCode)) {
      return { m, status: 'ok', note: m.exitCode === 0 ? null : `exit code ${m.exitCode}: ${firstLine(m.stdoutTail)}` };
    }
    const text = `${m.stderrTail}\n${m.stdoutTail}`;
    const status: ToolStatus = /not implemented/i.test(text) ? 'unavailable' : 'failed';
    return { m, status, note: `exit code ${String(m.exitCode)}: ${firstLine(m.stderrTail || m.stdoutTail)}` };
  } finally {
    await fresh?.cleanup();
  }
};

interface Counted {
  readonly statements: number | null;
  readonly atCap: boolean;
  readonly status: ToolStatus;
  readonly note: string | null;
  readonly measurement: Measurement;
}

/** One run through the counting proxy (no added latency), for the statement count. */
const countStatements = async (tool: Tool, tables: number, proxy: LatencyProxy): Promise<Counted> => {
  proxy.resetStats();
  const outcome = await runOnce(tool, databaseUrl(tables, proxy));
  return {
    statements: outcome.status === 'ok' || outcome.status === 'capped' ? proxy.stats().statements : null,
    atCap: outcome.status === 'capped',
    status: outcome.status,
    note: outcome.note,
    measurement: outcome.m,
  };
};

/** After a run this long, a command is not run again at that size (drizzle-kit pull at 500 tables). */
const LONG_RUN_MS = 60_000;

interface Series {
  readonly tool: Tool;
  maxRuns: number;
  measurements: Measurement[];
  status: ToolStatus;
  note: string | null;
  statements: number | null;
  atCap: boolean;
}

/**
 * Rounds of runs, the order rotating each round so that no command always runs first
 * (or right after the heaviest one). A series stops at its first failure or cap.
 */
const alternate = async (series: readonly Series[], rounds: number, url: string, label: string): Promise<void> => {
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < series.length; k += 1) {
      const s = series[(round + k) % series.length];
      if (s === undefined || s.status !== 'ok' || s.measurements.length >= s.maxRuns) continue;
      const outcome = await runOnce(s.tool, url);
      log(`  ${label} round ${round + 1}: ${s.tool.label} ${outcome.status} ${(outcome.m.wallMs / 1000).toFixed(2)} s`);
      if (outcome.status === 'ok') s.measurements.push(outcome.m);
      else s.status = outcome.status;
      if (outcome.note !== null) s.note = outcome.note;
      if (outcome.m.wallMs > LONG_RUN_MS) s.maxRuns = s.measurements.length;
    }
  }
};

const seriesOf = (tool: Tool, maxRuns: number): Series => ({
  tool,
  maxRuns,
  measurements: [],
  status: 'ok',
  note: null,
  statements: null,
  atCap: false,
});

const toResult = async (s: Series): Promise<ToolResult> => ({
  id: s.tool.id,
  label: s.tool.label,
  // A series whose only problem is the cap reports the cap, measured or not.
  status: s.status === 'ok' && s.measurements.length === 0 ? 'skipped' : s.status,
  measurements: s.measurements,
  statements: s.statements,
  statementsAtCap: s.atCap,
  outputBytes: s.status === 'ok' ? ((await s.tool.output?.()) ?? null) : null,
  capS: s.tool.capMs / 1000,
  note: s.note,
});

const tempEnv = async (): Promise<{ readonly env: Record<string, string>; readonly cleanup: () => Promise<void> }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-cold-'));
  return { env: { TMPDIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
};

const catalogTools = (tables: number, options: Options): { readonly capture: Tool; readonly captureDump: Tool; readonly pgDump: Tool; readonly pull: Tool } => {
  const dir = projectDir(tables);
  const snapshot = path.join(dir, 'snapshot.json');
  const dump = path.join(dir, 'dump.sql');
  // capture --dump's input: its own file, so that pg_dump's timed runs never write it mid-read.
  const dumpInput = path.join(dir, 'dump-input.sql');
  const dumpSnapshot = path.join(dir, 'snapshot-from-dump.json');
  const pullDir = path.join(dir, 'pull');
  return {
    capture: {
      id: 'capture',
      label: 'capture',
      capMs: options.capMs,
      argv: (url) => ['node', BIN, 'capture', '--url', url, '--out', snapshot],
      output: () => fileSize(snapshot),
    },
    captureDump: {
      id: 'capture-dump',
      label: 'capture --dump (replayed in PGlite)',
      capMs: Math.max(options.capMs, 600_000),
      prepare: async () => {
        if (!existsSync(dumpInput)) await exec('pg_dump', ['--schema-only', '--file', dumpInput, databaseUrl(tables)]);
      },
      argv: () => ['node', BIN, 'capture', '--dump', dumpInput, '--out', dumpSnapshot],
      output: () => fileSize(dumpSnapshot),
    },
    pgDump: {
      id: 'pg_dump',
      label: 'pg_dump --schema-only',
      capMs: options.capMs,
      argv: (url) => ['pg_dump', '--schema-only', '--file', dump, url],
      output: () => fileSize(dump),
    },
    pull: {
      id: 'pull',
      label: 'drizzle-kit pull',
      capMs: options.pullCapMs,
      cwd: dir,
      prepare: () => rm(pullDir, { recursive: true, force: true }),
      argv: (url) => ['node', DRIZZLE_KIT, 'pull', '--dialect', 'postgresql', '--url', url, '--out', pullDir],
      output: () => fileSize(path.join(pullDir, 'meta', '0000_snapshot.json')),
    },
  };
};

const schemaTools = (tables: number, options: Options): readonly (readonly [Step, Tool])[] => {
  const dir = projectDir(tables);
  const files = schemaFiles(buildBenchModel(tables));
  const tsFiles = files.map((f) => path.join(dir, f));
  const jsFiles = files.map((f) => path.join(dir, 'js', f.replace(/\.ts$/, '.js')));
  const warmTmp = path.join(dir, 'tsx-warm-tmp');
  const warmEnv = async (): Promise<{ readonly env: Record<string, string>; readonly cleanup: () => Promise<void> }> => {
    await mkdir(warmTmp, { recursive: true });
    return { env: { TMPDIR: warmTmp }, cleanup: async () => undefined };
  };
  return [
    ['load', { id: 'baseline', label: 'baseline: plain JS import + generateDrizzleJson', capMs: options.capMs, argv: () => ['node', LOAD_SCHEMA, ...jsFiles] }],
    [
      'load',
      { id: 'tsx-register-cold', label: 'tsx register() after drizzle-kit, cold', capMs: options.capMs, env: tempEnv, argv: () => ['node', LOAD_SCHEMA, '--tsx', ...tsFiles] },
    ],
    [
      'load',
      { id: 'tsx-register-warm', label: 'tsx register() after drizzle-kit, warm', capMs: options.capMs, env: warmEnv, argv: () => ['node', LOAD_SCHEMA, '--tsx', ...tsFiles] },
    ],
    [
      'load',
      { id: 'tsx-import-cold', label: 'node --import tsx (before drizzle-kit), cold', capMs: options.capMs, env: tempEnv, argv: () => ['node', '--import', 'tsx', LOAD_SCHEMA, ...tsFiles] },
    ],
    [
      'verify',
      {
        id: 'verify-inputs',
        label: "verify's inputs: loadDrizzleSchema + loadSnapshot, cold",
        capMs: options.capMs,
        env: tempEnv,
        argv: () => ['node', LOAD_CATALOG, dir, path.join(dir, 'snapshot.json')],
      },
    ],
    [
      'verify',
      {
        id: 'verify',
        label: 'verify (cold)',
        capMs: options.capMs,
        cwd: dir,
        env: tempEnv,
        okCodes: [0, 1],
        argv: () => ['node', BIN, 'verify', '--config', path.join(dir, 'drizzle.config.ts'), '--snapshot', path.join(dir, 'snapshot.json')],
      },
    ],
  ];
};

const ensureGenerated = async (tables: number): Promise<GenerationTimings & { readonly reused: boolean }> => {
  const manifest = await readManifest(tables);
  if (manifest !== null && manifest.digest === expectedDigest(tables, manifest.seed)) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [databaseName(tables)])).rowCount === 1;
    await admin.end();
    if (exists) {
      const db = new pg.Client({ connectionString: databaseUrl(tables) });
      await db.connect();
      const count = Number((await db.query<{ n: string }>("select count(*) as n from pg_tables where schemaname = 'public'")).rows[0]?.n);
      await db.end();
      if (count === tables) return { ...manifest.timings, reused: true };
    }
  }
  log(`generating ${databaseName(tables)}...`);
  const generated = await generate(tables);
  return { ...generated.manifest.timings, reused: false };
};

const benchSize = async (tables: number, options: Options, counter: LatencyProxy): Promise<SizeResult> => {
  log(`\n== ${tables} tables`);
  const generation = await ensureGenerated(tables);
  const url = databaseUrl(tables);
  const tools = catalogTools(tables, options);

  // Catalog read: one counted run each, then alternating timed runs.
  const catalog: Series[] = [];
  const wanted: readonly (readonly [Step, Tool, number])[] = [
    ['capture', tools.capture, options.runs],
    ['dump', tools.captureDump, options.runs],
    ['pg_dump', tools.pgDump, options.runs],
    ['pull', tools.pull, options.pullRuns],
  ];
  for (const [step, tool, runs] of wanted) {
    if (!options.only.has(step)) continue;
    const series = seriesOf(tool, runs);
    const counted = await countStatements(tool, tables, counter);
    log(`  counted: ${tool.label} ${counted.status} ${counted.statements ?? '—'} statements in ${(counted.measurement.wallMs / 1000).toFixed(2)} s`);
    series.statements = counted.statements;
    series.atCap = counted.atCap;
    series.note = counted.note;
    // A capped or failed counted run settles the series: no point timing it again.
    if (counted.status !== 'ok') series.status = counted.status;
    // drizzle-kit pull takes minutes: its counted run is also a timed run (the proxy adds
    // well under 1 ms per statement), and one run over a minute is enough.
    // capture --dump sends the server nothing (its count is 0): its counted run is a timed run too.
    if ((step === 'pull' || step === 'dump') && counted.status === 'ok') series.measurements.push(counted.measurement);
    if (step === 'pull' && counted.measurement.wallMs > LONG_RUN_MS) series.maxRuns = series.measurements.length;
    catalog.push(series);
  }
  await alternate(catalog, Math.max(options.runs, options.pullRuns), url, 'catalog');

  // Schema load and verify (verify needs the snapshot capture wrote; make one if this run did not).
  if (options.only.has('verify') && !existsSync(path.join(projectDir(tables), 'snapshot.json'))) {
    const made = await runOnce(tools.capture, url);
    log(`  snapshot for verify: capture ${made.status}`);
  }
  const schema: Series[] = schemaTools(tables, options)
    .filter(([step]) => options.only.has(step))
    .map(([, tool]) => seriesOf(tool, options.runs));
  const warm = schema.find((s) => s.tool.id === 'tsx-register-warm');
  if (warm !== undefined) await runOnce(warm.tool, url); // fills the warm cache
  await alternate(schema, options.runs, url, 'schema');
  const verify = schema.find((s) => s.tool.id === 'verify');
  if (verify !== undefined && verify.status === 'ok' && verify.measurements.every((m) => m.exitCode === 0)) {
    verify.note = 'exit code 0 in every run: no findings (the schema matches the database)';
  }

  // Latency: capture (and pg_dump, once, for contrast) through the delaying proxy.
  const latency: Series[] = [];
  if (options.only.has('latency') && options.latencyMs > 0) {
    const proxy = await startLatencyProxy({
      targetHost: new URL(ADMIN_URL).hostname,
      targetPort: Number(new URL(ADMIN_URL).port || 5432),
      delayMs: options.latencyMs,
      lifetimeMs: 30 * 60_000,
    });
    try {
      const viaProxy = databaseUrl(tables, proxy);
      for (const [tool, runs] of [[tools.capture, options.latencyRuns], [tools.pgDump, 1]] as const) {
        const series = seriesOf({ ...tool, label: `${tool.label} +${options.latencyMs} ms` }, runs);
        for (let run = 0; run < runs && series.status === 'ok'; run += 1) {
          proxy.resetStats();
          const outcome = await runOnce(series.tool, viaProxy);
          log(`  latency: ${series.tool.label} ${outcome.status} ${(outcome.m.wallMs / 1000).toFixed(2)} s`);
          if (outcome.status === 'ok' || outcome.status === 'capped') series.statements = proxy.stats().statements;
          series.atCap = outcome.status === 'capped';
          if (outcome.status === 'ok') series.measurements.push(outcome.m);
          else series.status = outcome.status;
          if (outcome.note !== null) series.note = outcome.note;
        }
        latency.push(series);
      }
    } finally {
      await proxy.close();
    }
  }

  return {
    tables,
    generation,
    catalog: await Promise.all(catalog.map(toResult)),
    schema: await Promise.all(schema.map(toResult)),
    latency: await Promise.all(latency.map(toResult)),
  };
};

const versions = async (): Promise<Record<string, string>> => {
  const packageVersion = async (name: string): Promise<string> =>
    (JSON.parse(await readFile(path.join(ROOT_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const own = JSON.parse(await readFile(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string };
  const commit = await exec('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR }).then((r) => r.stdout.trim(), () => 'unknown');
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const server = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? 'unknown';
  await admin.end();
  const pgDump = (await exec('pg_dump', ['--version'])).stdout.trim().replace(/^pg_dump \(PostgreSQL\) /, '');
  return {
    'drizzle-catalog': `${own.version} (${commit})`,
    node: process.version,
    PostgreSQL: server,
    pg_dump: pgDump,
    'drizzle-kit': await packageVersion('drizzle-kit'),
    'drizzle-orm': await packageVersion('drizzle-orm'),
    tsx: await packageVersion('tsx'),
  };
};

const main = async (): Promise<void> => {
  const options = parseOptions();
  const loadBefore = os.loadavg();
  if (options.build) {
    log('building dist/ (npm run build)...');
    await exec('npm', ['run', 'build'], { cwd: ROOT_DIR });
  }
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  const counter = await startLatencyProxy({
    targetHost: new URL(ADMIN_URL).hostname,
    targetPort: Number(new URL(ADMIN_URL).port || 5432),
    delayMs: 0,
    lifetimeMs: 6 * 60 * 60_000,
  });
  const sizes: SizeResult[] = [];
  try {
    for (const tables of options.sizes) sizes.push(await benchSize(tables, options, counter));
  } finally {
    await counter.close();
  }
  const report: BenchReport = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: os.totalmem() / 1024 ** 3,
      loadBefore,
      loadAfter: os.loadavg(),
    },
    versions: await versions(),
    options: { runs: options.runs, pullCapS: options.pullCapMs / 1000, latencyMs: options.latencyMs, latencyRuns: options.latencyRuns },
    command: `npm run bench -- ${process.argv.slice(2).filter((arg, i, all) => arg !== '--note' && all[i - 1] !== '--note').join(' ')}`.trim(),
    note: options.note,
    sizes,
  };
  const markdown = renderReport(report);
  process.stdout.write(`${markdown}\n`);
  await writeFile(options.out, `${markdown}\n`);
  // The same figures as data, without the commands' output tails.
  const data = JSON.stringify(report, (key, value: unknown) => (key === 'stdoutTail' || key === 'stderrTail' ? undefined : value), 2);
  await writeFile(path.join(path.dirname(options.out), `${path.basename(options.out, '.md')}.json`), `${data}\n`);
  log(`\nwrote ${path.relative(ROOT_DIR, options.out)}`);
};

await main();
