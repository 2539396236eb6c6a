/**
 * `verify --plan FILE`: the renames verify is confident about as one SQL transaction,
 * so that afterwards `drizzle-kit push` finds nothing to ask: each statement preceded by
 * the finding and its evidence; drops never emitted, only listed; renames to decide by
 * hand listed, commented out.
 *
 * Order: schemas, enums, sequences, tables, then columns, constraints, indexes and
 * policies under the tables' NEW names, then views. Every statement is parsed by
 * PostgreSQL's parser (pg-query-emscripten) before the plan is returned; a statement
 * that does not parse makes the whole plan an error, never a file.
 */
import type { Catalog } from '../catalog/model.js';
import { qualified, type Finding } from '../diff/findings.js';
import type { VerifyResult } from '../diff/verify.js';
import { POSTGRES_16_TO_18_QUOTED_KEYWORDS, quoteIdentifier } from '../naming/index.js';
import { validateStatements } from '../sql/index.js';
import { renameDecisions, type Rename, type Undecided } from './renames.js';

const NEWER_RESERVED: ReadonlySet<string> = new Set(POSTGRES_16_TO_18_QUOTED_KEYWORDS.reserved);

/**
 * quote_ident of PostgreSQL 15, plus the words PostgreSQL 16 to 18 reserve
 * (`system_user`), so a plan written today also runs on a newer server.
 */
export const quoteName = (name: string): string => (NEWER_RESERVED.has(name) ? `"${name}"` : quoteIdentifier(name));

const q = (schema: string, name: string): string => `${quoteName(schema)}.${quoteName(name)}`;

/** The statement for one rename, without the trailing semicolon. */
export const renameStatement = (r: Rename): string => {
  switch (r.kind) {
    case 'schema':
      return `ALTER SCHEMA ${quoteName(r.from)} RENAME TO ${quoteName(r.to)}`;
    case 'enum':
      return `ALTER TYPE ${q(r.schema, r.from)} RENAME TO ${quoteName(r.to)}`;
    case 'sequence':
      return `ALTER SEQUENCE ${q(r.schema, r.from)} RENAME TO ${quoteName(r.to)}`;
    case 'table':
      return `ALTER TABLE ${q(r.schema, r.from)} RENAME TO ${quoteName(r.to)}`;
    case 'view':
      return `ALTER ${r.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${q(r.schema, r.from)} RENAME TO ${quoteName(r.to)}`;
    case 'column':
      return `ALTER TABLE ${q(r.schema, r.table)} RENAME COLUMN ${quoteName(r.from)} TO ${quoteName(r.to)}`;
    case 'constraint':
      return `ALTER TABLE ${q(r.schema, r.table)} RENAME CONSTRAINT ${quoteName(r.from)} TO ${quoteName(r.to)}`;
    case 'index':
      // An index lives in its table's schema.
      return `ALTER INDEX ${q(r.schema, r.from)} RENAME TO ${quoteName(r.to)}`;
    case 'policy':
      return `ALTER POLICY ${quoteName(r.from)} ON ${q(r.schema, r.table)} RENAME TO ${quoteName(r.to)}`;
  }
};

export interface PlanStep {
  readonly rename: Rename;
  readonly finding: Finding;
  /** One statement, without the trailing semicolon. */
  readonly statement: string;
}

export type PlanNoteReason = Undecided['reason'] | 'depends' | 'drop';

export interface PlanNote {
  readonly reason: PlanNoteReason;
  readonly finding: Finding;
  /** The statement a person may run after deciding, when there is one. */
  readonly statement: string | null;
  readonly detail: string;
}

export interface RenamePlan {
  readonly steps: readonly PlanStep[];
  readonly notes: readonly PlanNote[];
  /** The SQL file: comments, BEGIN, the steps, COMMIT, then the notes as comments. */
  readonly text: string;
}

export interface PlanIssue {
  readonly code: 'invalid-statement';
  readonly statement: string;
  readonly message: string;
  readonly hint: string;
}

export type RenamePlanResult = { readonly ok: true; readonly plan: RenamePlan } | { readonly ok: false; readonly issues: readonly PlanIssue[] };

export interface RenamePlanOptions {
  /** Named in the header: where the database side came from (the snapshot path). */
  readonly snapshotLabel?: string;
  /** Statement validator; defaults to `validateStatements` (pg-query-emscripten). */
  readonly validate?: (statements: readonly string[]) => readonly (string | null)[];
}

/** One line of a comment: no line breaks or control characters can end it early. */
const commentText = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ');

const titleOf = (f: Finding): string => {
  const where = f.table === null ? '' : ` of ${qualified(f.schema, f.table)}`;
  switch (f.kind) {
    case 'rename-table':
    case 'rename-schema':
    case 'rename-enum':
    case 'rename-sequence':
    case 'rename-view':
      return `${f.kind.replace('-', ' ')} ${f.from ?? '?'} → ${f.to ?? '?'}`;
    default:
      return `${f.kind.replace('-', ' ')} ${f.from ?? '?'} → ${f.to ?? '?'}${where}`;
  }
};

const stepLines = (step: PlanStep): string[] => [
  `-- ${commentText(titleOf(step.finding))} (${step.finding.confidence ?? 'no'} confidence)`,
  ...step.finding.evidence.map((e) => `--   · ${commentText(e.detail)}`),
  `${step.statement};`,
];

const NOTE_TITLE: Readonly<Record<PlanNoteReason, string>> = {
  ambiguous: 'ambiguous: verify will not guess',
  'low-confidence': 'low confidence: decide by hand, then uncomment',
  'not-found': 'not found in the snapshot',
  depends: 'waits for a rename decided by hand above',
  drop: 'never planned: drizzle-kit push would drop it',
};

const noteLines = (note: PlanNote): string[] => [
  `-- [${NOTE_TITLE[note.reason]}] ${commentText(note.finding.kind === 'ambiguous-rename' || note.finding.kind.startsWith('drop-') ? note.finding.message : titleOf(note.finding))}`,
  ...(note.detail === '' ? [] : [`--   ${commentText(note.detail)}`]),
  ...(note.statement === null
    ? []
    : /[\u0000-\u001f\u007f]/.test(note.statement)
      ? ['--   (statement left out: a name holds a line break or control character)']
      : [`-- ${note.statement};`]),
];

const needs = (r: Rename): { readonly schema: string | null; readonly table: string | null } => {
  switch (r.kind) {
    case 'schema':
      return { schema: null, table: null };
    case 'enum':
    case 'sequence':
    case 'table':
    case 'view':
      return { schema: r.schema, table: null };
    default:
      return { schema: r.schema, table: `${r.schema}\u0000${r.table}` };
  }
};

/**
 * The plan for a verify result and the database catalog that was verified. Renames that
 * depend on a rename left to a person (a column of a table whose rename is low
 * confidence, a table of a schema likewise) are listed, not planned: their statements
 * would name objects that do not exist yet.
 */
export const buildRenamePlan = (result: VerifyResult, database: Catalog, options: RenamePlanOptions = {}): RenamePlanResult => {
  const decisions = renameDecisions(result, database);
  const undecidedSchemas = new Set<string>();
  const undecidedTables = new Set<string>();
  for (const u of decisions.undecided) {
    if (u.finding.kind === 'rename-schema' || (u.finding.kind === 'ambiguous-rename' && u.finding.table === null && u.finding.object === null))
      undecidedSchemas.add(u.finding.schema);
    if ((u.finding.kind === 'rename-table' || u.finding.kind === 'ambiguous-rename') && u.finding.table !== null && u.finding.column === null)
      undecidedTables.add(`${u.finding.schema}\u0000${u.finding.table}`);
  }

  const steps: PlanStep[] = [];
  const notes: PlanNote[] = [];
  for (const { rename, finding } of decisions.planned) {
    const need = needs(rename);
    const waits = (need.schema !== null && undecidedSchemas.has(need.schema)) || (need.table !== null && undecidedTables.has(need.table));
    if (waits) {
      notes.push({ reason: 'depends', finding, statement: renameStatement(rename), detail: `${finding.confidence ?? 'no'} confidence, but ${need.table !== null && undecidedTables.has(need.table) ? 'its table' : 'its schema'} is renamed by hand first` });
      if (rename.kind === 'table') undecidedTables.add(`${rename.schema}\u0000${rename.to}`);
      continue;
    }
    steps.push({ rename, finding, statement: renameStatement(rename) });
  }
  for (const u of decisions.undecided) {
    switch (u.reason) {
      case 'ambiguous':
        notes.push({ reason: u.reason, finding: u.finding, statement: null, detail: `candidates: ${u.finding.candidates.join(', ')}` });
        break;
      case 'low-confidence':
        notes.push({ reason: u.reason, finding: u.finding, statement: renameStatement(u.rename), detail: u.finding.evidence.map((e) => e.detail).join('; ') });
        break;
      case 'not-found':
        notes.push({ reason: u.reason, finding: u.finding, statement: null, detail: u.detail });
        break;
    }
  }
  for (const f of result.findings)
    if (f.kind.startsWith('drop-')) notes.push({ reason: 'drop', finding: f, statement: null, detail: `${f.risk} risk: ${f.action}` });

  const validate = options.validate ?? validateStatements;
  const planStatements = ['BEGIN', ...steps.map((s) => s.statement), 'COMMIT'];
  const errors = validate(planStatements);
  const issues: PlanIssue[] = planStatements.flatMap((statement, i) => {
    const error = errors[i];
    return error === null || error === undefined
      ? []
      : [{ code: 'invalid-statement' as const, statement, message: `PostgreSQL's parser rejects \`${statement}\`: ${error}`, hint: 'A name in the snapshot or the schema cannot be written as an identifier; rename it by hand.' }];
  });
  if (issues.length > 0) return { ok: false, issues };

  const lines = [
    '-- drizzle-catalog rename plan (verify --plan)',
    ...(options.snapshotLabel === undefined ? [] : [`-- Database side: ${commentText(options.snapshotLabel)}`]),
    '-- The renames verify is confident about, in one transaction: table renames first, then',
    '-- columns, constraints and indexes under the new table names. Nothing is dropped.',
    '-- Run it against the database (psql -v ON_ERROR_STOP=1 -f), capture again and verify again:',
    '-- what is left are creates and the changes listed at the end, which drizzle-kit push applies',
    '-- without asking "created or renamed?".',
    '',
    'BEGIN;',
    ...(steps.length === 0 ? ['', '-- nothing to rename'] : steps.flatMap((s) => ['', ...stepLines(s)])),
    '',
    'COMMIT;',
  ];
  if (notes.length > 0) {
    lines.push('', '-- Not in this plan:');
    for (const note of notes) lines.push('', ...noteLines(note));
  }
  return { ok: true, plan: { steps, notes, text: `${lines.join('\n')}\n` } };
};
