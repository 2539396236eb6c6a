/**
 * `verify --format json`: a stable, documented object. Scripts depend on it: fields are
 * only ever added; a removal or a change of meaning bumps `jsonFormatVersion`.
 *
 * Shape (version 1), keys in this order, every field always present (null or empty when
 * it does not apply):
 *
 * ```
 * {
 *   "jsonFormatVersion": 1,
 *   "verdict": "in-sync" | "safe" | "needs-decisions" | "dangerous",
 *   "failOn": "none" | "low" | "medium" | "high",
 *   "exitCode": 0 | 1,
 *   "summary": {
 *     "findings": number,
 *     "byRisk": { "low": n, "medium": n, "high": n },
 *     "byKind": { "<kind>": n, ... },                  // non-zero only, documentation order
 *     "tables": { "schema", "database", "identical", "renamed", "created", "dropped", "ambiguous" },
 *     "prompts": { "renamePrompts": n, "unanswered": n }
 *   },
 *   "warnings": [ { "code": "snapshot-stale", "message", "hint" } ],
 *   "findings": [ {                                   // sorted: schema, table, kind, names
 *     "kind", "risk", "schema", "table", "column", "object",
 *     "from", "to",                                   // database side, schema side
 *     "candidates": [..], "evidence": [ { "kind", "detail" } ],
 *     "confidence": "high" | "medium" | "low" | null, // renames only
 *     "message", "action"
 *   } ],
 *   "conventions": {
 *     "database": { "tables": Convention, "columns": Convention },
 *     "schema":   { "tables": Convention, "columns": Convention },
 *     "mismatches": [ { "schema", "subject", "pattern", "count", "total", "systematic",
 *                       "fix": null | { "kind", "casing", "resolves", "keepExplicit", "description" },
 *                       "message" } ]
 *   },
 *   "prompts": [                                      // in the order drizzle-kit asks
 *     { "kind": "create-or-rename", "entity", "schema", "table", "name", "question",
 *       "options": [ { "index", "action", "from", "to", "label" } ],  // first 10, plus the answer
 *       "optionCount": n, "answer": index | null,                      // index in drizzle-kit's list
 *       "confidence", "reason", "evidence" },
 *     { "kind": "unique-truncate", "certainty", "schema", "table", "constraint", "question",
 *       "options": [..], "answer", "reason" },
 *     { "kind": "data-loss", "certainty", "items": [ { "statement", "schema", "table", "column", "rows" } ],
 *       "lines": [..], "question", "options": [..], "answer", "reason" }
 *   ],
 *   "history": null | {                               // --migrations (or the config's out)
 *     "path", "table", "migrations": n, "applied": n | null, "byRisk": { "low", "medium", "high" },
 *     "findings": [ { "kind", "risk", ...per kind: "migration" { "tag", "idx", "when", "file" },
 *                     "order", "newestAppliedAt", "appliedHash", "fileHash", "applied", "orphanFile", "file",
 *                     "message", "action" } ]
 *   }
 * }
 * Convention = { "style", "styleCounts": { snake_case, camelCase, PascalCase, kebab-case,
 *   SCREAMING_SNAKE, single, mixed }, "inflection", "inflectionCounts": { singular, plural,
 *   uncountable }, "total" }
 * ```
 *
 * The exact contract is the zod schema in `json-schema.ts`, published as
 * schemas/verify-output.v1.schema.json.
 */
import type { ConventionFix, ConventionMismatch, NamingConventions, SideConventions } from '../diff/conventions.js';
import type { Finding } from '../diff/findings.js';
import type { PushPrompt } from '../diff/prompts.js';
import type { VerifyResult } from '../diff/verify.js';
import type { HistoryReport } from '../diff/history.js';
import type { HistoryFinding } from '../history/index.js';
import type { Convention, Inflection, Style } from '../naming/index.js';
import type { JsonReport } from './json-schema.js';

export const JSON_FORMAT_VERSION = 1 as const;

type Json<K extends keyof JsonReport> = JsonReport[K];

const STYLES: readonly Style[] = ['snake_case', 'camelCase', 'PascalCase', 'kebab-case', 'SCREAMING_SNAKE', 'single', 'mixed'];
const INFLECTIONS: readonly Inflection[] = ['singular', 'plural', 'uncountable'];

/** Rebuilt with a fixed key order, whatever order the naming module filled it in. */
const conventionJson = (c: Convention): Json<'conventions'>['database']['tables'] => ({
  style: c.style,
  styleCounts: Object.fromEntries(STYLES.map((s) => [s, c.styleCounts[s] ?? 0])) as Record<Style, number>,
  inflection: c.inflection,
  inflectionCounts: Object.fromEntries(INFLECTIONS.map((i) => [i, c.inflectionCounts[i] ?? 0])) as Record<Inflection, number>,
  total: c.total,
});

const sideJson = (side: SideConventions): Json<'conventions'>['database'] => ({ tables: conventionJson(side.tables), columns: conventionJson(side.columns) });

const fixJson = (fix: ConventionFix | null): Json<'conventions'>['mismatches'][number]['fix'] =>
  fix === null
    ? null
    : {
        kind: fix.kind,
        casing: fix.kind === 'casing-option' ? fix.casing : null,
        resolves: fix.resolves,
        keepExplicit: fix.keepExplicit,
        description: fix.description,
      };

const mismatchJson = (m: ConventionMismatch): Json<'conventions'>['mismatches'][number] => ({
  schema: m.schema,
  subject: m.subject,
  pattern: m.pattern,
  count: m.count,
  total: m.total,
  systematic: m.systematic,
  fix: fixJson(m.fix),
  message: m.message,
});

const conventionsJson = (c: NamingConventions): Json<'conventions'> => ({
  database: sideJson(c.database),
  schema: sideJson(c.schema),
  mismatches: c.mismatches.map(mismatchJson),
});

const findingJson = (f: Finding): Json<'findings'>[number] => ({
  kind: f.kind,
  risk: f.risk,
  schema: f.schema,
  table: f.table,
  column: f.column,
  object: f.object,
  from: f.from,
  to: f.to,
  candidates: f.candidates,
  evidence: f.evidence.map((e) => ({ kind: e.kind, detail: e.detail })),
  confidence: f.confidence,
  message: f.message,
  action: f.action,
});

const promptJson = (p: PushPrompt): Json<'prompts'>[number] => {
  switch (p.kind) {
    case 'create-or-rename':
      return {
        kind: p.kind,
        entity: p.entity,
        schema: p.schema,
        table: p.table,
        name: p.name,
        question: p.question,
        options: p.options.map((o) => ({ index: o.index, action: o.action, from: o.from, to: o.to, label: o.label })),
        optionCount: p.optionCount,
        answer: p.answer,
        confidence: p.confidence,
        reason: p.reason,
        evidence: p.evidence.map((e) => ({ kind: e.kind, detail: e.detail })),
      };
    case 'unique-truncate':
      return {
        kind: p.kind,
        certainty: p.certainty,
        schema: p.schema,
        table: p.table,
        constraint: p.constraint,
        question: p.question,
        options: p.options,
        answer: p.answer,
        reason: p.reason,
      };
    case 'data-loss':
      return {
        kind: p.kind,
        certainty: p.certainty,
        items: p.items.map((i) => ({ statement: i.statement, schema: i.schema, table: i.table, column: i.column, rows: i.rows })),
        lines: p.lines,
        question: p.question,
        options: p.options,
        answer: p.answer,
        reason: p.reason,
      };
  }
};

/** `kind` and `risk`, the kind's own fields, then `message` and `action` (the schema's order). */
const historyFindingJson = (f: HistoryFinding): NonNullable<Json<'history'>>['findings'][number] => {
  const tail = { message: f.message, action: f.action };
  switch (f.kind) {
    case 'pending-migration':
      return { kind: f.kind, risk: f.risk, migration: { ...f.migration }, order: f.order, ...tail };
    case 'skipped-migration':
      return { kind: f.kind, risk: f.risk, migration: { ...f.migration }, newestAppliedAt: f.newestAppliedAt, ...tail };
    case 'changed-migration':
      return { kind: f.kind, risk: f.risk, migration: { ...f.migration }, appliedHash: f.appliedHash, fileHash: f.fileHash, ...tail };
    case 'journal-entry-without-file':
      return { kind: f.kind, risk: f.risk, migration: { ...f.migration }, applied: f.applied, ...tail };
    case 'applied-migration-without-file':
      return { kind: f.kind, risk: f.risk, applied: { hash: f.applied.hash, createdAt: f.applied.createdAt }, orphanFile: f.orphanFile, ...tail };
    case 'applied-migration-without-timestamp':
      return { kind: f.kind, risk: f.risk, applied: { hash: f.applied.hash, createdAt: f.applied.createdAt }, ...tail };
    case 'orphan-migration-file':
      return { kind: f.kind, risk: f.risk, file: f.file, ...tail };
  }
};

const historyJson = (h: HistoryReport | null): Json<'history'> =>
  h === null
    ? null
    : {
        path: h.path,
        table: h.table,
        migrations: h.migrations,
        applied: h.applied,
        byRisk: { low: h.byRisk.low, medium: h.byRisk.medium, high: h.byRisk.high },
        findings: h.findings.map(historyFindingJson),
      };

/** The JSON document as a value (for callers that embed it). */
export const toJsonReport = (result: VerifyResult): JsonReport => ({
  jsonFormatVersion: JSON_FORMAT_VERSION,
  verdict: result.verdict,
  failOn: result.failOn,
  exitCode: result.exitCode,
  summary: {
    findings: result.summary.findings,
    byRisk: { low: result.summary.byRisk.low, medium: result.summary.byRisk.medium, high: result.summary.byRisk.high },
    byKind: result.summary.byKind,
    tables: { ...result.summary.tables },
    prompts: { ...result.summary.prompts },
  },
  warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, hint: w.hint })),
  findings: result.findings.map(findingJson),
  conventions: conventionsJson(result.conventions),
  prompts: result.prompts.map(promptJson),
  history: historyJson(result.history),
});

/** 2-space JSON with a trailing newline. */
export const renderJson = (result: VerifyResult): string => `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
