/**
 * `verify --format github`: GitHub Actions workflow commands. Each finding becomes an
 * annotation on the line of the schema file that declares its table or column
 * (`::error` high, `::warning` medium, `::notice` low); history findings point at the
 * migration file or the journal entry. The job summary (the markdown report) is written
 * by the command, not here: reporters return strings.
 *
 * NOTE: GitHub shows at most 10 error and 10 warning annotations per step (and 50 per
 * job) in the UI; the rest stay in the log only. Annotations are therefore emitted high
 * risk first, and the job summary carries the complete report.
 */
import { FINDING_KINDS, type Risk } from '../diff/finding-kinds.js';
import { qualified, type Finding } from '../diff/findings.js';
import type { VerifyResult } from '../diff/verify.js';
import { HISTORY_FINDING_KINDS, type HistoryFinding } from '../history/index.js';
import { createDeclarationIndex, journalEntryLine, type SourceFile, type SourceLocation } from './declarations.js';
import { historyFile, historySubject } from './history.js';
import { subjectOf, VERDICT_LINE } from './text.js';

export interface GithubReportOptions {
  /** The Drizzle schema files, named relative to the repository root, with their text. */
  readonly schemaFiles: readonly SourceFile[];
  /** The migrations folder relative to the repository root, and its journal's text (for entry lines). */
  readonly migrations?: { readonly path: string; readonly journal: string | null };
}

const COMMAND: Readonly<Record<Risk, 'error' | 'warning' | 'notice'>> = { high: 'error', medium: 'warning', low: 'notice' };
const RISK_ORDER: readonly Risk[] = ['high', 'medium', 'low'];

/**
 * Message escaping of @actions/core (`escapeData` in toolkit's command.ts): `%`, CR and
 * LF are percent-encoded so a message stays one command and keeps its line breaks.
 */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Property escaping (`escapeProperty`): as data, plus `:` and `,`, which delimit properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly file: string | null;
  readonly line: number | null;
  readonly title: string;
  readonly message: string;
}

/** `::error file=…,line=…,title=…::message` (properties only when known). */
export const workflowCommand = (a: Annotation): string => {
  const properties = [
    a.file === null ? null : `file=${escapeProperty(a.file)}`,
    a.line === null ? null : `line=${a.line}`,
    `title=${escapeProperty(a.title)}`,
  ].filter((p): p is string => p !== null);
  return `::${a.level} ${properties.join(',')}::${escapeData(a.message)}`;
};

const findingAnnotation = (f: Finding, location: SourceLocation | null): Annotation => {
  const subject = subjectOf(f);
  const on = f.table === null ? '' : ` (${qualified(f.schema, f.table)})`;
  return {
    level: COMMAND[f.risk],
    file: location?.file ?? null,
    line: location?.line ?? null,
    title: `${f.risk} risk: ${FINDING_KINDS[f.kind].title.toLowerCase()}${subject === '' ? '' : ` ${subject}`}${on}`,
    message: [f.message, ...f.evidence.map((e) => `· ${e.detail}`), `→ ${f.action}`].join('\n'),
  };
};

const historyAnnotation = (f: HistoryFinding, migrations: GithubReportOptions['migrations']): Annotation => {
  const target = historyFile(f);
  const line = migrations?.journal != null && target.journalTag !== null ? journalEntryLine(migrations.journal, target.journalTag) : null;
  return {
    level: COMMAND[f.risk],
    file: migrations === undefined ? null : `${migrations.path.replace(/\/+$/, '')}/${target.file}`,
    line,
    title: `${f.risk} risk: ${HISTORY_FINDING_KINDS[f.kind].title.toLowerCase()} ${historySubject(f)}`,
    message: `${f.message}\n→ ${f.action}`,
  };
};

/** The annotations, high risk first, each level in report order. */
export const githubAnnotations = (result: VerifyResult, options: GithubReportOptions): readonly Annotation[] => {
  const index = createDeclarationIndex(options.schemaFiles);
  const all = [
    ...result.findings.map((f) => ({ risk: f.risk, annotation: findingAnnotation(f, index.locate(f)) })),
    ...(result.history?.findings ?? []).map((f) => ({ risk: f.risk, annotation: historyAnnotation(f, options.migrations) })),
  ];
  return RISK_ORDER.flatMap((risk) => all.filter((a) => a.risk === risk).map((a) => a.annotation));
};

export const renderGithub = (result: VerifyResult, options: GithubReportOptions): string => {
  const { summary } = result;
  const history = result.history === null ? '' : `; ${result.history.findings.length} migration-history finding${result.history.findings.length === 1 ? '' : 's'}`;
  const lines = [
    // A plain line for the log; the annotations follow.
    `drizzle-catalog verify: ${VERDICT_LINE[result.verdict]} ${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${summary.byRisk.high} high, ${summary.byRisk.medium} medium, ${summary.byRisk.low} low)${history}; exit code ${result.exitCode} with --fail-on ${result.failOn}`,
    ...result.warnings.map((w) => workflowCommand({ level: 'warning', file: null, line: null, title: 'drizzle-catalog verify', message: `${w.message}\n${w.hint}` })),
    ...githubAnnotations(result, options).map(workflowCommand),
  ];
  return `${lines.join('\n')}\n`;
};
