/**
 * `verify --format markdown`: a compact report for a pull-request comment or a GitHub
 * job summary. Verdict first, then one table per risk level (low risk folded away in
 * `<details>`), the migration history, the drizzle-kit prompts with the answer to pick,
 * and the naming conventions.
 *
 * It stays readable and postable at any size: a level with many rows is folded, and when
 * the whole report would pass `maxLength` (GitHub rejects comments over 65,536
 * characters) the tables are cut to fewer rows, each cut said in a line, until it fits.
 */
import type { NamingConventions } from '../diff/conventions.js';
import { FINDING_KINDS, RISKS, type Risk } from '../diff/finding-kinds.js';
import { qualified, type Finding } from '../diff/findings.js';
import type { HistoryReport } from '../diff/history.js';
import type { PushPrompt } from '../diff/prompts.js';
import type { Verdict } from '../diff/verdict.js';
import type { VerifyResult } from '../diff/verify.js';
import { HISTORY_FINDING_KINDS } from '../history/index.js';
import { historySubject } from './history.js';
import { conventionLabel, subjectOf } from './text.js';

/** GitHub refuses comments longer than 65,536 characters; leave room for a caller's header. */
export const MARKDOWN_MAX_LENGTH = 60_000;

/** A level with more rows than this is folded in `<details>` (low risk always is). */
const FOLD_ABOVE_ROWS = 25;

export interface MarkdownReportOptions {
  /** Where the two sides came from, shown under the verdict. */
  readonly snapshotLabel?: string;
  readonly schemaLabel?: string;
  /** Longest report in characters (default `MARKDOWN_MAX_LENGTH`). */
  readonly maxLength?: number;
}

const VERDICT: Readonly<Record<Verdict, { readonly icon: string; readonly title: string; readonly line: string }>> = {
  'in-sync': { icon: '✅', title: 'in sync', line: 'The schema matches the snapshot.' },
  safe: { icon: '✅', title: 'safe', line: 'Only low-risk changes: push can apply them.' },
  'needs-decisions': {
    icon: '⚠️',
    title: 'needs decisions',
    line: 'Renames or other medium-risk changes need a decision before push.',
  },
  dangerous: { icon: '⛔', title: 'dangerous', line: 'Some changes would lose data or fail.' },
};

const RISK_TITLE: Readonly<Record<Risk, string>> = { high: '🔴 High risk', medium: '🟠 Medium risk', low: '🟢 Low risk' };

// ---------------------------------------------------------------- escaping

/** Text in a table cell: nothing in it may start markup, a cell boundary or HTML. */
const text = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/([`*[\]|~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');

/**
 * A code span that holds any name: fenced with more backticks than the name contains,
 * padded when it starts or ends with a backtick, and `|` escaped (GFM splits table rows
 * before it reads code spans).
 */
const code = (s: string): string => {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${pad}${fence}`;
};

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

const tableLines = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Folded: `<details>` with the title as summary. The blank lines let GitHub render markdown inside. */
const folded = (title: string, body: readonly string[], open = false): string[] => [
  `<details${open ? ' open' : ''}><summary><strong>${title}</strong></summary>`,
  '',
  ...body,
  '',
  '</details>',
];

const omitted = (shown: number, total: number): string[] =>
  shown < total ? ['', `… and ${total - shown} more: \`drizzle-catalog verify\` (text or \`--format json\`) lists them all.`] : [];

// ---------------------------------------------------------------- sections

const header = (result: VerifyResult, options: MarkdownReportOptions): string[] => {
  const v = VERDICT[result.verdict];
  const { summary } = result;
  const t = summary.tables;
  const lines = [
    `### ${v.icon} drizzle-catalog verify: ${v.title}`,
    '',
    `**${v.line}** ${plural(summary.findings, 'finding')}: ${summary.byRisk.high} high, ${summary.byRisk.medium} medium, ${summary.byRisk.low} low · exit code ${result.exitCode} with \`--fail-on ${result.failOn}\``,
    '',
    `Tables: ${t.schema} in the schema, ${t.database} in the database: ${t.identical} same name, ${t.renamed} renamed, ${t.created} to create, ${t.dropped} to drop${t.ambiguous > 0 ? `, ${t.ambiguous} ambiguous` : ''}.`,
  ];
  const h = result.history;
  if (h !== null)
    lines.push(
      '',
      `Migrations: ${h.migrations} in ${code(h.path)}, ${h.applied === null ? `no ${code(h.table)} table in the snapshot` : `${h.applied} applied`}${h.findings.length === 0 ? ', in order.' : `: ${h.byRisk.high} high, ${h.byRisk.medium} medium, ${h.byRisk.low} low.`}`,
    );
  const sources = [
    options.schemaLabel === undefined ? null : `schema ${code(options.schemaLabel)}`,
    options.snapshotLabel === undefined ? null : `snapshot ${code(options.snapshotLabel)}`,
  ].filter((s): s is string => s !== null);
  if (sources.length > 0) lines.push('', `<sub>${sources.join(' · ')}</sub>`);
  for (const w of result.warnings) lines.push('', '> [!WARNING]', `> ${text(w.message)}`, `> ${text(w.hint)}`);
  return lines;
};

const where = (f: Finding): string => (f.table === null ? `${code(f.schema)} (schema)` : code(qualified(f.schema, f.table)));

const change = (f: Finding): string => {
  const subject = f.table === null && subjectOf(f) === f.schema ? '' : subjectOf(f);
  return `${FINDING_KINDS[f.kind].title}${subject === '' ? '' : ` ${code(subject)}`}${f.confidence === null ? '' : ` <sub>(${f.confidence} confidence)</sub>`}`;
};

const findingRow = (f: Finding, withAction: boolean): readonly string[] =>
  withAction ? [where(f), change(f), text(f.message), text(f.action)] : [where(f), change(f), text(f.message)];

const riskSection = (risk: Risk, findings: readonly Finding[], limit: number): string[] => {
  if (findings.length === 0) return [];
  // Low-risk actions are mostly "nothing to decide": leave the column out.
  const withAction = risk !== 'low';
  const shown = findings.slice(0, limit);
  const body = [
    ...tableLines(withAction ? ['Table', 'Change', 'Details', 'Action'] : ['Table', 'Change', 'Details'], shown.map((f) => findingRow(f, withAction))),
    ...omitted(shown.length, findings.length),
  ];
  const title = `${RISK_TITLE[risk]} (${findings.length})`;
  return risk === 'low' || findings.length > FOLD_ABOVE_ROWS ? folded(title, body, risk === 'high') : [`#### ${title}`, '', ...body];
};

const historySection = (h: HistoryReport, limit: number): string[] => {
  const title = `Migration history: ${code(h.path)} against ${code(h.table)}`;
  if (h.findings.length === 0) return [`#### ${title}`, '', 'Every migration of the folder is applied, unchanged, in order.'];
  const shown = h.findings.slice(0, limit);
  const body = [
    ...tableLines(
      ['Risk', 'Migration', 'Finding', 'Action'],
      shown.map((f) => [f.risk, code(historySubject(f)), `**${text(HISTORY_FINDING_KINDS[f.kind].title)}**<br>${text(f.message)}`, text(f.action)]),
    ),
    ...omitted(shown.length, h.findings.length),
  ];
  return h.findings.length > FOLD_ABOVE_ROWS ? folded(`${title} (${h.findings.length})`, body) : [`#### ${title}`, '', ...body];
};

const squeeze = (label: string): string => label.replace(/ {2,}/g, ' ').trim();

const promptRow = (prompt: PushPrompt, n: number): readonly string[] => {
  switch (prompt.kind) {
    case 'create-or-rename': {
      const chosen = prompt.options.find((o) => o.index === prompt.answer);
      const answer =
        chosen === undefined
          ? `❓ no answer: ${text(prompt.reason)}`
          : `${code(squeeze(chosen.label))}${chosen.index > 0 ? ` <sub>(option ${chosen.index + 1} of ${prompt.optionCount})</sub>` : ''}`;
      const why = chosen === undefined ? '' : `${prompt.confidence === null ? '' : `${prompt.confidence} confidence: `}${text(prompt.reason)}`;
      return [String(n), text(prompt.question), answer, why];
    }
    case 'unique-truncate':
      return [
        String(n),
        `${text(prompt.question)}${prompt.certainty === 'possible' ? ' <sub>(if the table has rows)</sub>' : ''}`,
        code(prompt.options[prompt.answer] ?? ''),
        text(prompt.reason),
      ];
    case 'data-loss':
      return [
        String(n),
        `${prompt.certainty === 'possible' ? '<sub>(if the tables have rows)</sub> ' : ''}${text(['Found data-loss statements:', ...prompt.lines, prompt.question].join('\n'))}`,
        code(prompt.options[prompt.answer] ?? ''),
        text(prompt.reason),
      ];
  }
};

const promptsSection = (prompts: readonly PushPrompt[], limit: number): string[] => {
  if (prompts.length === 0) return ['#### drizzle-kit push prompts', '', 'None: push would ask nothing.'];
  const title = `drizzle-kit push prompts (${prompts.length}), in order, with the answer to pick`;
  const shown = prompts.slice(0, limit);
  const body = [
    ...tableLines(['#', 'drizzle-kit asks', 'Answer', 'Why'], shown.map((p, i) => promptRow(p, i + 1))),
    ...omitted(shown.length, prompts.length),
  ];
  return prompts.length > FOLD_ABOVE_ROWS ? folded(title, body) : [`#### ${title}`, '', ...body];
};

const conventionsSection = (c: NamingConventions): string[] => [
  '#### Naming conventions',
  '',
  ...tableLines(
    ['', 'Tables', 'Columns'],
    [
      ['database', text(conventionLabel(c.database.tables, 'tables')), text(conventionLabel(c.database.columns, 'columns'))],
      ['schema', text(conventionLabel(c.schema.tables, 'tables')), text(conventionLabel(c.schema.columns, 'columns'))],
    ],
  ),
  ...(c.mismatches.length > 0 ? ['', ...c.mismatches.map((m) => `- ${m.systematic ? '⚠️ ' : ''}${text(m.message)}`)] : []),
];

const render = (result: VerifyResult, options: MarkdownReportOptions, limit: number): string => {
  const sections: string[][] = [header(result, options)];
  for (const risk of [...RISKS].reverse()) {
    const section = riskSection(risk, result.findings.filter((f) => f.risk === risk), limit);
    if (section.length > 0) sections.push(section);
  }
  if (result.history !== null) sections.push(historySection(result.history, limit));
  sections.push(promptsSection(result.prompts, limit));
  sections.push(conventionsSection(result.conventions));
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
};

/** The markdown report; at most `maxLength` characters unless even the headings alone are longer. */
export const renderMarkdown = (result: VerifyResult, options: MarkdownReportOptions = {}): string => {
  const maxLength = options.maxLength ?? MARKDOWN_MAX_LENGTH;
  const longest = Math.max(result.findings.length, result.prompts.length, result.history?.findings.length ?? 0);
  let limit = longest;
  let report = render(result, options, limit);
  // Halve the rows per table until it fits (deterministic: same input, same cut).
  while (report.length > maxLength && limit > 0) {
    limit = Math.floor(limit / 2);
    report = render(result, options, limit);
  }
  return report;
};
