/**
 * The benchmark's results as data, and their rendering as Markdown (printed and written
 * to bench/results.md). Pure: no I/O here.
 */
import type { GenerationTimings } from './generate.js';
import { median, type Measurement } from './measure.js';

export type ToolStatus =
  /** Every run exited 0 (verify: 0 or 1, the latter noted as findings). */
  | 'ok'
  /** The command exists but is not implemented on this build. */
  | 'unavailable'
  | 'failed'
  /** Killed at the time cap. */
  | 'capped'
  | 'skipped';

/** Stable key of each measured command (labels are for people). */
export type ToolId =
  | 'capture'
  | 'capture-dump'
  | 'pg_dump'
  | 'pull'
  | 'baseline'
  | 'tsx-register-cold'
  | 'tsx-register-warm'
  | 'tsx-import-cold'
  | 'verify-inputs'
  | 'verify';

export interface ToolResult {
  readonly id: ToolId;
  readonly label: string;
  readonly status: ToolStatus;
  readonly measurements: readonly Measurement[];
  /** Statements the tool sent (simple queries + extended executes), from one counted run. */
  readonly statements: number | null;
  /** The count is a lower bound: the counted run hit the cap. */
  readonly statementsAtCap: boolean;
  /** Size of what the tool wrote (snapshot, dump, drizzle-kit snapshot JSON). */
  readonly outputBytes: number | null;
  /** The time cap each run had. */
  readonly capS: number;
  readonly note: string | null;
}

export interface SizeResult {
  readonly tables: number;
  readonly generation: GenerationTimings & { readonly reused: boolean };
  readonly catalog: readonly ToolResult[];
  readonly schema: readonly ToolResult[];
  readonly latency: readonly ToolResult[];
}

export interface BenchReport {
  readonly date: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly loadBefore: readonly number[];
    readonly loadAfter: readonly number[];
  };
  readonly versions: Readonly<Record<string, string>>;
  readonly options: {
    readonly runs: number;
    readonly pullCapS: number;
    readonly latencyMs: number;
    readonly latencyRuns: number;
  };
  readonly command: string;
  /** Said under the machine's description (`--note`): what else ran, why the run was made. */
  readonly note?: string | undefined;
  readonly sizes: readonly SizeResult[];
}

export const wallMedianMs = (tool: ToolResult | undefined): number | null =>
  tool === undefined || tool.status !== 'ok' ? null : median(tool.measurements.map((m) => m.wallMs));

const peakKiB = (tool: ToolResult): number | null => {
  const values = tool.measurements.map((m) => m.peakRssKiB).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.max(...values);
};

const seconds = (ms: number | null): string => (ms === null ? '—' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const mib = (kib: number | null): string => (kib === null ? '—' : `${Math.round(kib / 1024)} MiB`);
const bytes = (n: number | null): string =>
  n === null ? '—' : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
const ratio = (a: number | null, b: number | null): string => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

const wallCell = (tool: ToolResult): string => {
  switch (tool.status) {
    case 'ok': {
      const walls = tool.measurements.map((m) => m.wallMs);
      const spread = walls.length > 1 ? ` (${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))})` : '';
      return `${seconds(median(walls))}${spread}`;
    }
    case 'capped':
      return `> ${tool.capS} s (cap)`;
    case 'unavailable':
      return 'not on this build';
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
  }
};

const statementsCell = (tool: ToolResult): string =>
  tool.statements === null ? '—' : `${tool.statementsAtCap ? '≥ ' : ''}${tool.statements}`;

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

const catalogTable = (report: BenchReport): string[] => {
  const lines = [
    row(['tables', 'command', 'wall, median (min–max)', 'runs', 'peak RSS', 'statements', 'output', 'wall vs pg_dump']),
    row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const size of report.sizes) {
    const pgDump = wallMedianMs(size.catalog.find((t) => t.id === 'pg_dump'));
    for (const tool of size.catalog) {
      lines.push(
        row([
          String(size.tables),
          tool.label,
          wallCell(tool),
          String(tool.measurements.length),
          mib(peakKiB(tool)),
          statementsCell(tool),
          bytes(tool.outputBytes),
          ratio(wallMedianMs(tool), pgDump),
        ]),
      );
    }
  }
  return lines;
};

const schemaTable = (report: BenchReport): string[] => {
  const lines = [
    row(['tables', 'what', 'wall, median (min–max)', 'runs', 'peak RSS', 'vs plain-JS baseline']),
    row(['---:', '---', '---:', '---:', '---:', '---:']),
  ];
  for (const size of report.sizes) {
    const baseline = wallMedianMs(size.schema.find((t) => t.id === 'baseline'));
    for (const tool of size.schema) {
      lines.push(
        row([
          String(size.tables),
          tool.label,
          wallCell(tool),
          String(tool.measurements.length),
          mib(peakKiB(tool)),
          ratio(wallMedianMs(tool), baseline),
        ]),
      );
    }
  }
  return lines;
};

const latencyTable = (report: BenchReport): string[] => {
  const lines = [
    row(['tables', 'command', 'wall, median (min–max)', 'runs', 'statements', `statements × ${report.options.latencyMs} ms`, 'added to the direct median']),
    row(['---:', '---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const size of report.sizes) {
    for (const tool of size.latency) {
      const direct = wallMedianMs(size.catalog.find((t) => t.id === tool.id));
      const delayed = wallMedianMs(tool);
      lines.push(
        row([
          String(size.tables),
          tool.label,
          wallCell(tool),
          String(tool.measurements.length),
          statementsCell(tool),
          tool.statements === null ? '—' : seconds(tool.statements * report.options.latencyMs),
          direct === null || delayed === null ? '—' : `${delayed >= direct ? '+' : '−'}${seconds(Math.abs(delayed - direct))}`,
        ]),
      );
    }
  }
  return lines;
};

const generationTable = (report: BenchReport): string[] => [
  row(['tables', 'model', 'emit DDL + schema', 'create database (DDL)', 'write files', 'reused']),
  row(['---:', '---:', '---:', '---:', '---:', '---']),
  ...report.sizes.map((s) =>
    row([
      String(s.tables),
      `${s.generation.modelMs} ms`,
      `${s.generation.emitMs} ms`,
      `${s.generation.ddlMs} ms`,
      `${s.generation.writeMs} ms`,
      s.generation.reused ? 'yes (timings from its generation)' : 'no',
    ]),
  ),
];

/** Each target of the issue, with the measured value or why it is not measured. */
const targets = (report: BenchReport): string[] => {
  const size = (n: number): SizeResult | undefined => report.sizes.find((s) => s.tables === n);
  const find = (n: number, group: 'catalog' | 'schema' | 'latency', id: ToolId): ToolResult | undefined =>
    size(n)?.[group].find((t) => t.id === id);
  const lines: string[] = [];
  const verdict = (ok: boolean | null): string => (ok === null ? '(not measured)' : ok ? 'met' : '**missed**');

  const captureCounts = report.sizes.map((s) => [s.tables, find(s.tables, 'catalog', 'capture')?.statements ?? null] as const);
  const measuredCounts = captureCounts.filter(([, c]) => c !== null);
  lines.push(
    `- capture issues ≤ 10 statements at every size: ${
      measuredCounts.length === 0 ? '' : measuredCounts.map(([n, c]) => `${c} at ${n}`).join(', ')
    } ${verdict(measuredCounts.length === 0 ? null : measuredCounts.every(([, c]) => (c ?? 0) <= 10))}`,
  );
  for (const n of [500, 2000]) {
    const r = (wallMedianMs(find(n, 'catalog', 'capture')) ?? NaN) / (wallMedianMs(find(n, 'catalog', 'pg_dump')) ?? NaN);
    lines.push(`- capture ≤ 1.2 × pg_dump --schema-only at ${n} tables: ${Number.isNaN(r) ? '' : `${r.toFixed(2)}× `}${verdict(Number.isNaN(r) ? null : r <= 1.2)}`);
  }
  {
    const pull = find(500, 'catalog', 'pull');
    const capture = wallMedianMs(find(500, 'catalog', 'capture'));
    const pullMs = pull?.status === 'capped' ? report.options.pullCapS * 1000 : wallMedianMs(pull);
    const r = pullMs === null || capture === null ? NaN : pullMs / capture;
    lines.push(
      `- capture ≥ 100 × faster than drizzle-kit pull at 500 tables: ${Number.isNaN(r) ? '' : `${pull?.status === 'capped' ? '> ' : ''}${r.toFixed(0)}× `}${verdict(Number.isNaN(r) ? null : r >= 100)}`,
    );
  }
  for (const n of [500, 2000]) {
    const dump = find(n, 'catalog', 'capture-dump');
    const r = (wallMedianMs(dump) ?? NaN) / (wallMedianMs(find(n, 'catalog', 'capture')) ?? NaN);
    const kib = dump === undefined || dump.status !== 'ok' ? null : peakKiB(dump);
    lines.push(
      `- capture --dump of ${n.toLocaleString('en-US')} tables < 2 × the live capture (issue 15): ${Number.isNaN(r) ? '' : `${r.toFixed(1)}× (peak ${mib(kib)}) `}${verdict(Number.isNaN(r) ? null : r < 2)}`,
    );
  }
  {
    const ms = wallMedianMs(find(2000, 'latency', 'capture'));
    lines.push(`- capture of 2,000 tables with +${report.options.latencyMs} ms per round trip < 2 s: ${ms === null ? '' : `${seconds(ms)} `}${verdict(ms === null ? null : ms < 2000)}`);
  }
  {
    const r = (wallMedianMs(find(2000, 'schema', 'verify')) ?? NaN) / (wallMedianMs(find(2000, 'schema', 'baseline')) ?? NaN);
    lines.push(`- verify of 2,000 tables, cold, ≤ 2 × plain-JS import + generateDrizzleJson: ${Number.isNaN(r) ? '' : `${r.toFixed(2)}× `}${verdict(Number.isNaN(r) ? null : r <= 2)}`);
  }
  for (const [group, id] of [['catalog', 'capture'], ['schema', 'verify']] as const) {
    const tool = find(2000, group, id);
    const kib = tool === undefined || tool.status !== 'ok' ? null : peakKiB(tool);
    lines.push(`- peak memory of ${id} at 2,000 tables < 300 MiB: ${kib === null ? '' : `${mib(kib)} `}${verdict(kib === null ? null : kib < 300 * 1024)}`);
  }
  return lines;
};

const notes = (report: BenchReport): string[] =>
  report.sizes.flatMap((s) =>
    [...s.catalog, ...s.schema, ...s.latency]
      .filter((t) => t.note !== null)
      .map((t) => `- ${s.tables} tables, ${t.label}: ${t.note ?? ''}`),
  );

export const renderReport = (report: BenchReport): string => {
  const m = report.machine;
  return [
    '# Benchmarks',
    '',
    `Run on ${report.date} with \`${report.command}\`.`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB.toFixed(1)} GiB memory; load average ${m.loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ${m.loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1 / 5 / 15 min).`,
    '',
    `Versions: ${Object.entries(report.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}.`,
    '',
    '> Figures are indicative: this machine has 2 cores shared with other busy processes (see the load',
    '> average above), so wall times carry noise well beyond run-to-run variation. Ratios measured in',
    '> the same run, with the commands alternated, are more reliable than absolute times.',
    '',
    ...(report.note === undefined ? [] : [`> ${report.note}`, '']),
    '## Catalog read: capture vs capture --dump vs pg_dump vs drizzle-kit pull',
    '',
    `Medians over ${report.options.runs} runs (drizzle-kit pull: fewer, a single run once one takes over a minute, capped at ${report.options.pullCapS} s; its first run is the counted one), commands alternated within each round. Wall time is spawn to exit (process start-up included); peak RSS is the maximum over runs (GNU time \`%M\`). Statements: simple-protocol queries plus extended-protocol executes the client sent, counted by the proxy in \`bench/latency-proxy.ts\` on one separate run. Output: capture's snapshot, pg_dump's SQL, drizzle-kit's snapshot JSON. \`capture --dump\` reads the output of \`pg_dump --schema-only\` (made once beforehand, not timed) and replays it in process (PGlite), so it sends the server nothing; its wall time includes PGlite's start (initdb, 2–4 s).`,
    '',
    ...catalogTable(report),
    '',
    '## Schema load: verify vs the irreducible baseline',
    '',
    'Baseline: plain `node` importing a JavaScript copy of the schema (transpiled ahead of time) and running drizzle-kit\'s `generateDrizzleJson` alone (`bench/load-schema.mjs`). The tsx rows load the TypeScript files through tsx\'s loader; "cold" runs with an empty temporary directory (no loader cache), as CI does. verify runs cold.',
    '',
    ...schemaTable(report),
    '',
    `## Latency: +${report.options.latencyMs} ms per round trip`,
    '',
    `Through the local proxy (\`bench/latency-proxy.ts\`) delaying every server → client chunk by ${report.options.latencyMs} ms, as a remote database would. The latency cost is about statements × ${report.options.latencyMs} ms: constant when the statement count is, growing with tables when it grows with tables. The last column compares with the direct median of the same command above (noisy on a busy machine).`,
    '',
    ...latencyTable(report),
    '',
    '## Targets (issues 7 and 15)',
    '',
    ...targets(report),
    '',
    '## Generation (bench/generate.ts)',
    '',
    ...generationTable(report),
    '',
    ...(notes(report).length === 0 ? [] : ['## Notes', '', ...notes(report), '']),
  ].join('\n');
};
