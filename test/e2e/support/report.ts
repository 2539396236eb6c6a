/**
 * The parts of `verify --format json` the end-to-end tests read, typed from the documented
 * contract (src/report/json.ts), and a compact form of findings to assert exactly.
 */
import type { FindingKind, Risk } from '../../../src/diff/finding-kinds.js';

export interface JsonFinding {
  readonly kind: FindingKind;
  readonly risk: Risk;
  readonly schema: string;
  readonly table: string | null;
  readonly column: string | null;
  readonly object: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly candidates: readonly string[];
  readonly evidence: readonly { readonly kind: string; readonly detail: string }[];
  readonly confidence: 'high' | 'medium' | 'low' | null;
  readonly message: string;
  readonly action: string;
}

export interface JsonPrompt {
  readonly kind: 'create-or-rename' | 'unique-truncate' | 'data-loss';
  readonly entity?: string;
  readonly schema?: string;
  readonly table?: string | null;
  readonly name?: string;
  readonly question: string;
  readonly options: readonly unknown[];
  readonly answer: number | null;
}

export interface JsonConventionMismatch {
  readonly schema: string;
  readonly subject: string;
  readonly pattern: string;
  readonly count: number;
  readonly total: number;
  readonly systematic: boolean;
  readonly fix: { readonly kind: string; readonly casing: string | null; readonly resolves: number; readonly keepExplicit: number } | null;
}

export interface JsonReport {
  readonly jsonFormatVersion: number;
  readonly verdict: 'in-sync' | 'safe' | 'needs-decisions' | 'dangerous';
  readonly failOn: string;
  readonly exitCode: number;
  readonly summary: {
    readonly findings: number;
    readonly byRisk: Readonly<Record<Risk, number>>;
    readonly byKind: Readonly<Record<string, number>>;
    readonly tables: Readonly<Record<string, number>>;
    readonly prompts: { readonly renamePrompts: number; readonly unanswered: number };
  };
  readonly warnings: readonly { readonly code: string; readonly message: string; readonly hint: string }[];
  readonly findings: readonly JsonFinding[];
  readonly conventions: { readonly mismatches: readonly JsonConventionMismatch[] };
  readonly prompts: readonly JsonPrompt[];
}

/** `kind risk schema.table.column from → to` (object shown when there is one), for exact comparisons with readable diffs. */
export interface BriefFinding {
  readonly kind: FindingKind;
  readonly risk: Risk;
  readonly table: string | null;
  readonly column: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

export const brief = (report: JsonReport, options: { readonly schema?: boolean } = {}): readonly (BriefFinding & { schema?: string })[] =>
  report.findings.map((f) => ({
    ...(options.schema === true ? { schema: f.schema } : {}),
    kind: f.kind,
    risk: f.risk,
    table: f.table,
    column: f.column,
    from: f.from,
    to: f.to,
  }));

/** Shorthand for an expected finding: `f('rename-column', 'medium', 'meeting', 'userId', 'user_id', 'userId')`. */
export const f = (
  kind: FindingKind,
  risk: Risk,
  table: string | null,
  column: string | null = null,
  from: string | null = null,
  to: string | null = null,
): BriefFinding => ({ kind, risk, table, column, from, to });

/** One line per finding (`kind risk table.column from → to`), for reading a report while writing a scenario. */
export const findingLines = (report: JsonReport): string =>
  report.findings
    .map((x) => `${x.kind} ${x.risk} ${x.schema}.${x.table ?? '-'}.${x.column ?? '-'} ${x.object ?? ''} ${x.from ?? ''} → ${x.to ?? ''}`)
    .join('\n');
