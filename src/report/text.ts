/**
 * `verify --format text`: verdict first, then warnings, naming conventions, findings
 * grouped by table, and the drizzle-kit prompts with the answer to pick. Plain text that
 * reads in a terminal and in a CI log; ANSI colour only when `color` is set (the CLI
 * decides: TTY, NO_COLOR).
 */
import type { NamingConventions } from '../diff/conventions.js';
import { FINDING_KINDS, type Risk } from '../diff/finding-kinds.js';
import { qualified, type Finding } from '../diff/findings.js';
import type { DataLossPrompt, PushPrompt, RenamePrompt, UniqueTruncatePrompt } from '../diff/prompts.js';
import type { VerifyResult } from '../diff/verify.js';
import type { HistoryReport } from '../diff/history.js';
import { HISTORY_FINDING_KINDS } from '../history/index.js';
import type { Convention } from '../naming/index.js';
import { historySubject } from './history.js';

export interface TextReportOptions {
  readonly color: boolean;
  /** Where the two sides came from, shown in the header (e.g. the snapshot path). */
  readonly snapshotLabel?: string;
  readonly schemaLabel?: string;
  /** What the schema was loaded with (drizzle-kit, drizzle-orm, the env file), one line of the header. */
  readonly loadingLabel?: string;
}

interface Paint {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly risk: (risk: Risk, s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly red: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string): string => `\u001b[${open}m${s}\u001b[${close}m`;

const paint = (color: boolean): Paint => {
  if (!color) {
    const id = (s: string): string => s;
    return { bold: id, dim: id, risk: (_r, s) => s, green: id, yellow: id, red: id };
  }
  const red = ansi(31, 39);
  const yellow = ansi(33, 39);
  const green = ansi(32, 39);
  return {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    risk: (r, s) => (r === 'high' ? red(s) : r === 'medium' ? yellow(s) : green(s)),
    green,
    yellow,
    red,
  };
};

export const VERDICT_LINE = {
  'in-sync': 'IN SYNC: the schema matches the snapshot.',
  safe: 'SAFE: only low-risk changes; push can apply them.',
  'needs-decisions': 'NEEDS DECISIONS: renames or other medium-risk changes need a decision before push.',
  dangerous: 'DANGEROUS: some changes would lose data or fail.',
} as const;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const header = (result: VerifyResult, p: Paint, options: TextReportOptions): string[] => {
  const { summary } = result;
  const risk = result.verdict === 'dangerous' ? 'high' : result.verdict === 'needs-decisions' ? 'medium' : 'low';
  const counts = `${summary.byRisk.high} high, ${summary.byRisk.medium} medium, ${summary.byRisk.low} low`;
  const t = summary.tables;
  const lines = [
    p.bold(p.risk(risk, VERDICT_LINE[result.verdict])),
    `  ${plural(summary.findings, 'finding')} (${counts}); exit code ${result.exitCode} with --fail-on ${result.failOn}`,
    `  tables: ${t.schema} in the schema, ${t.database} in the database: ${t.identical} same name, ${t.renamed} renamed, ${t.created} to create, ${t.dropped} to drop${t.ambiguous > 0 ? `, ${t.ambiguous} ambiguous` : ''}`,
  ];
  if (result.history !== null) lines.push(`  migrations: ${historyLine(result.history)}`);
  if (options.schemaLabel !== undefined || options.snapshotLabel !== undefined)
    lines.push(`  ${[options.schemaLabel && `schema: ${options.schemaLabel}`, options.snapshotLabel && `snapshot: ${options.snapshotLabel}`].filter(Boolean).join(' · ')}`);
  if (options.loadingLabel !== undefined) lines.push(`  loaded with ${options.loadingLabel}`);
  return lines;
};

const historyLine = (h: HistoryReport): string => {
  const applied = h.applied === null ? `no ${h.table} table in the snapshot` : `${h.applied} applied (${h.table})`;
  const issues = h.findings.length === 0 ? 'in order' : `${h.byRisk.high} high, ${h.byRisk.medium} medium, ${h.byRisk.low} low`;
  return `${h.migrations} in ${h.path}, ${applied}: ${issues}`;
};

const historySection = (h: HistoryReport, p: Paint): string[] => {
  const lines = [p.bold(`Migration history (${h.path} against ${h.table})`)];
  if (h.findings.length === 0) lines.push('  every migration of the folder is applied, unchanged, in order.');
  const indent = ' '.repeat(10);
  for (const f of h.findings) {
    lines.push(`  ${p.bold(p.risk(f.risk, RISK_LABEL[f.risk]))}  ${p.bold(`${HISTORY_FINDING_KINDS[f.kind].title.toLowerCase()} ${historySubject(f)}`)}`);
    lines.push(`${indent}${f.message}`, `${indent}→ ${f.action}`);
  }
  return lines;
};

export const conventionLabel = (c: Convention, kind: 'tables' | 'columns'): string => {
  if (c.total === 0) return 'none';
  if (kind === 'tables') {
    const inflected = c.inflectionCounts.singular + c.inflectionCounts.plural;
    const infl = c.inflection === 'singular' || c.inflection === 'plural' ? `${c.inflection} ${c.inflectionCounts[c.inflection]}/${inflected}` : `${c.inflection}`;
    const style =
      c.style === 'none' ? 'single words' : c.style === 'tie' ? 'style tie' : `${c.style} ${c.styleCounts[c.style]}/${c.total - c.styleCounts.single}`;
    return `${infl}, ${style}`;
  }
  return c.style === 'none' || c.style === 'tie'
    ? `${c.style} (${c.styleCounts.single} single-word)`
    : `${c.style} ${c.styleCounts[c.style]}/${c.total - c.styleCounts.single} (+${c.styleCounts.single} single-word)`;
};

const conventionsSection = (c: NamingConventions, p: Paint): string[] => {
  const rows = [
    ['', 'tables', 'columns'],
    ['database', conventionLabel(c.database.tables, 'tables'), conventionLabel(c.database.columns, 'columns')],
    ['schema', conventionLabel(c.schema.tables, 'tables'), conventionLabel(c.schema.columns, 'columns')],
  ] as const;
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = [p.bold('Naming conventions'), ...rows.map((r) => `  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`.trimEnd())];
  for (const m of c.mismatches) lines.push(`  ${m.systematic ? p.yellow('!') : '·'} ${m.message}`);
  return lines;
};

const RISK_LABEL: Readonly<Record<Risk, string>> = { high: 'HIGH  ', medium: 'MEDIUM', low: 'LOW   ' };

export const subjectOf = (f: Finding): string => {
  const name = f.column ?? f.object;
  if ((f.kind.startsWith('rename-') || f.kind === 'identifier-too-long') && f.from !== null && f.to !== null)
    return f.kind === 'identifier-too-long' ? (name ?? f.table ?? f.schema) : `${f.from} › ${f.to}`;
  if (f.kind === 'ambiguous-rename') return `${name ?? f.table ?? f.schema} ‹ ${f.candidates.join(' | ')}`;
  if (f.kind === 'duplicate-column-variants') return f.candidates.join(' + ');
  return name ?? (f.table !== null ? '' : f.schema);
};

const findingLines = (f: Finding, p: Paint): string[] => {
  const subject = subjectOf(f);
  const title = `${FINDING_KINDS[f.kind].title.toLowerCase()}${subject ? ` ${subject}` : ''}`;
  const lines = [`  ${p.bold(p.risk(f.risk, RISK_LABEL[f.risk]))}  ${p.bold(title)}${f.confidence !== null ? p.dim(`  (${f.confidence} confidence)`) : ''}`];
  const indent = ' '.repeat(10);
  lines.push(`${indent}${f.message}`);
  for (const e of f.evidence) lines.push(p.dim(`${indent}· ${e.detail}`));
  lines.push(`${indent}→ ${f.action}`);
  return lines;
};

const groupTitle = (schema: string, table: string | null): string => (table === null ? `${schema} (schema-wide)` : qualified(schema, table));

const findingsSection = (findings: readonly Finding[], p: Paint): string[] => {
  if (findings.length === 0) return [];
  const lines = [p.bold('Findings')];
  let group: string | null = null;
  for (const f of findings) {
    const title = groupTitle(f.schema, f.table);
    if (title !== group) {
      group = title;
      lines.push('', p.bold(title));
    }
    lines.push(...findingLines(f, p));
  }
  return lines;
};

const renamePromptLines = (prompt: RenamePrompt, n: number, p: Paint): string[] => {
  const lines = [`  ${n}. ${prompt.question}`];
  const more = (count: number): string => p.dim(`       … ${plural(count, 'more option')}`);
  let next = 0;
  for (const o of prompt.options) {
    if (o.index > next) lines.push(more(o.index - next));
    const chosen = prompt.answer === o.index;
    const marker = chosen ? (o.action === 'rename' ? p.yellow('❯') : p.green('❯')) : ' ';
    lines.push(`     ${marker} ${chosen ? p.bold(o.label) : o.label}`);
    next = o.index + 1;
  }
  if (prompt.optionCount > next) lines.push(more(prompt.optionCount - next));
  const chosen = prompt.options.find((o) => o.index === prompt.answer);
  if (chosen === undefined) {
    lines.push(`     ${p.red('?')} no answer: ${prompt.reason}`);
  } else {
    const what = chosen.action === 'rename' ? `rename from ${chosen.from}` : 'create';
    const position = chosen.index > 0 ? ` (option ${chosen.index + 1} of ${prompt.optionCount})` : '';
    lines.push(
      `     answer: ${p.bold(what)}${position}${prompt.confidence !== null ? `, ${prompt.confidence} confidence` : ''}: ${prompt.reason}`,
    );
  }
  for (const e of prompt.evidence) lines.push(p.dim(`       · ${e.detail}`));
  return lines;
};

const choiceLines = (prompt: UniqueTruncatePrompt | DataLossPrompt, p: Paint): string[] =>
  prompt.options.map((o, i) => `     ${prompt.answer === i ? p.green('❯') : ' '} ${prompt.answer === i ? p.bold(o) : o}`);

const promptLines = (prompt: PushPrompt, n: number, p: Paint): string[] => {
  switch (prompt.kind) {
    case 'create-or-rename':
      return renamePromptLines(prompt, n, p);
    case 'unique-truncate':
      return [
        `  ${n}. ${prompt.question}${prompt.certainty === 'possible' ? p.dim(' (if the table has rows)') : ''}`,
        ...choiceLines(prompt, p),
        `     answer: ${prompt.options[prompt.answer] ?? ''}: ${prompt.reason}`,
      ];
    case 'data-loss':
      return [
        `  ${n}. ${prompt.certainty === 'possible' ? p.dim('(if the tables have rows) ') : ''}Found data-loss statements:`,
        ...prompt.lines.map((l) => `       ${l}`),
        `     ${prompt.question}`,
        ...choiceLines(prompt, p),
        `     answer: ${prompt.options[prompt.answer] ?? ''}: ${prompt.reason}`,
      ];
  }
};

const promptsSection = (prompts: readonly PushPrompt[], p: Paint): string[] => {
  if (prompts.length === 0) return [p.bold('drizzle-kit push prompts'), '  none: push would ask nothing.'];
  const lines = [p.bold(`drizzle-kit push prompts (${prompts.length}), in order, with the answer to pick`)];
  prompts.forEach((prompt, i) => lines.push(...promptLines(prompt, i + 1, p)));
  return lines;
};

export const renderText = (result: VerifyResult, options: TextReportOptions): string => {
  const p = paint(options.color);
  const sections: string[][] = [header(result, p, options)];
  if (result.warnings.length > 0)
    sections.push([p.bold('Warnings'), ...result.warnings.flatMap((w) => [`  ${p.yellow('!')} ${w.message}`, `    ${w.hint}`])]);
  sections.push(conventionsSection(result.conventions, p));
  if (result.findings.length > 0) sections.push(findingsSection(result.findings, p));
  if (result.history !== null) sections.push(historySection(result.history, p));
  sections.push(promptsSection(result.prompts, p));
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
};
