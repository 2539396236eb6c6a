/**
 * verify: the Drizzle schema's catalog against the snapshot's, offline and pure.
 *
 *   match names (phase 1) → translate the database to the schema's names →
 *   normalize every expression in one batch → compare (phase 2) → classify →
 *   conventions, drizzle-kit prompts, verdict.
 *
 * Same input, same output: every list is sorted, nothing depends on input order.
 */
import type { Catalog, Table } from '../catalog/model.js';
import { normalizeExpressions } from '../sql/index.js';
import { compareColumns } from './compare-columns.js';
import { compareSecurity } from './compare-security.js';
import { filterDatabase, type DatabaseFilter } from './database-filter.js';
import { historyReport, type HistoryInput, type HistoryReport } from './history.js';
import { compareConstraints } from './compare-constraints.js';
import { nameFindings } from './compare-names.js';
import { compareEnum, compareSequence } from './compare-types.js';
import { analyzeConventions, conventionFindings, type NamingConventions } from './conventions.js';
import { indexExpressions, type Normalize } from './expressions.js';
import { FINDING_KIND_ORDER, FINDING_KINDS, RISKS, type FindingKind, type Risk } from './finding-kinds.js';
import { compareStrings, type Finding } from './findings.js';
import { identifierFindings } from './identifiers.js';
import { keyOf, matchCatalogs, type CatalogMatch } from './match-catalog.js';
import { predictPrompts, type PushPrompt } from './prompts.js';
import { collectRenames, translateDatabase } from './translate.js';
import { DEFAULT_FAIL_ON, exitCodeOf, verdictOf, type FailOn, type Verdict } from './verdict.js';

export interface SnapshotAge {
  /** ISO timestamp the snapshot was captured at. */
  readonly capturedAt: string;
  /** ISO timestamp of "now", passed in so verify stays pure. */
  readonly now: string;
  readonly maxAgeDays: number;
}

export interface VerifyOptions {
  /**
   * Narrows the snapshot to what drizzle-kit push would read (`schemaFilter`,
   * `tablesFilter`); without it every object of the snapshot takes part.
   */
  readonly databaseFilter?: DatabaseFilter;
  /** Lowest risk that makes the exit code 1 (default `medium`). */
  readonly failOn?: FailOn;
  /** When given, a snapshot older than `maxAgeDays` adds a `snapshot-stale` warning. */
  readonly snapshotAge?: SnapshotAge;
  /** Expression normalizer; defaults to `src/sql` (pg-query-emscripten). */
  readonly normalizeExpressions?: Normalize;
  /**
   * A migrations folder and the migrations table the snapshot recorded: its findings
   * join the verdict and the exit code (`result.history`). The caller reads the folder.
   */
  readonly history?: HistoryInput;
}

export interface VerifyWarning {
  /**
   * - `snapshot-stale`: the snapshot is older than `maxAgeDays`;
   * - `migrations-table-missing`: a migrations folder was checked but the snapshot has no
   *   migrations table, so every migration counts as pending.
   */
  readonly code: 'snapshot-stale' | 'migrations-table-missing';
  readonly message: string;
  readonly hint: string;
}

export interface Summary {
  readonly findings: number;
  readonly byRisk: Readonly<Record<Risk, number>>;
  /** Non-zero counts only, in documentation order of the kinds. */
  readonly byKind: Readonly<Partial<Record<FindingKind, number>>>;
  readonly tables: {
    readonly schema: number;
    readonly database: number;
    /** Same name on both sides. */
    readonly identical: number;
    readonly renamed: number;
    readonly created: number;
    readonly dropped: number;
    /** Schema tables with several equally good database candidates. */
    readonly ambiguous: number;
  };
  readonly prompts: {
    /** "created or renamed?" prompts drizzle-kit push would show. */
    readonly renamePrompts: number;
    /** Of those, the ones verify cannot answer. */
    readonly unanswered: number;
  };
}

export interface VerifyResult {
  readonly verdict: Verdict;
  readonly failOn: FailOn;
  /** 0 when nothing reaches `failOn`, 1 when something does. */
  readonly exitCode: 0 | 1;
  readonly summary: Summary;
  readonly findings: readonly Finding[];
  readonly conventions: NamingConventions;
  readonly prompts: readonly PushPrompt[];
  readonly warnings: readonly VerifyWarning[];
  /** The migration-history check, when a migrations folder was given; its findings count in `verdict` and `exitCode`. */
  readonly history: HistoryReport | null;
}

const KIND_INDEX = new Map(FINDING_KIND_ORDER.map((kind, i) => [kind, i]));

/** Schema, table (schema-wide findings first), kind in documentation order, then names. */
export const compareFindings = (a: Finding, b: Finding): number =>
  compareStrings(a.schema, b.schema) ||
  compareStrings(a.table ?? '', b.table ?? '') ||
  (KIND_INDEX.get(a.kind) ?? 0) - (KIND_INDEX.get(b.kind) ?? 0) ||
  compareStrings(a.column ?? '', b.column ?? '') ||
  compareStrings(a.object ?? '', b.object ?? '') ||
  compareStrings(a.from ?? '', b.from ?? '') ||
  compareStrings(a.to ?? '', b.to ?? '') ||
  compareStrings(a.message, b.message);

const renamedColumnsOf = (match: CatalogMatch): ReadonlyMap<string, ReadonlySet<string>> =>
  new Map(
    match.tables.pairs.map((p) => [
      keyOf(p.schema),
      new Set(p.columns.pairs.filter((c) => c.schema.name !== c.database.name).map((c) => c.schema.name)),
    ]),
  );

const comparePairs = (database: Catalog, match: CatalogMatch, normalize: Normalize): Finding[] => {
  const translated = translateDatabase(database, collectRenames(match));
  const translatedByOriginal = new Map<Table, Table>(database.tables.map((t, i) => [t, translated.tables[i] as Table]));
  const expressions = indexExpressions(
    match.tables.pairs.map((pair) => [pair.schema, translatedByOriginal.get(pair.database) ?? pair.database] as const),
    normalize,
  );
  const renamedColumns = renamedColumnsOf(match);
  const findings: Finding[] = [];
  for (const pair of match.tables.pairs) {
    const databaseTable = translatedByOriginal.get(pair.database) ?? pair.database;
    const tableRenamed = keyOf(pair.schema) !== keyOf(pair.database);
    const columnsRenamed = renamedColumns.get(keyOf(pair.schema)) ?? new Set<string>();
    findings.push(...compareColumns(pair.schema, databaseTable, expressions));
    findings.push(...compareSecurity(pair.schema, databaseTable, expressions));
    findings.push(
      ...compareConstraints({
        schemaTable: pair.schema,
        databaseTable,
        expressions,
        followsRename: (columns) => tableRenamed || columns.some((c) => columnsRenamed.has(c)),
      }),
    );
  }
  for (const pair of match.enums.pairs) findings.push(...compareEnum(pair, database));
  for (const pair of match.sequences.pairs) findings.push(...compareSequence(pair));
  return findings;
};

const DAY_MS = 86_400_000;

const historyWarnings = (history: HistoryInput | undefined): VerifyWarning[] =>
  history === undefined || history.applied !== null
    ? []
    : [
        {
          code: 'migrations-table-missing',
          message: `The snapshot has no migrations table (${history.table}): every migration of ${history.path} counts as pending.`,
          hint: 'If the database is migrated with drizzle-kit migrate, capture again with --migrations-table naming its journal (migrations.schema/table in drizzle.config).',
        },
      ];

const warningsOf = (age: SnapshotAge | undefined): VerifyWarning[] => {
  if (age === undefined) return [];
  const days = Math.floor((Date.parse(age.now) - Date.parse(age.capturedAt)) / DAY_MS);
  if (!(days > age.maxAgeDays)) return [];
  return [
    {
      code: 'snapshot-stale',
      message: `The snapshot was captured ${days} days ago (${age.capturedAt.slice(0, 10)}), more than the ${age.maxAgeDays} days allowed.`,
      hint: 'Ask someone with database access to run drizzle-catalog capture again, or raise --max-age.',
    },
  ];
};

const summarize = (findings: readonly Finding[], match: CatalogMatch, schema: Catalog, database: Catalog, prompts: readonly PushPrompt[]): Summary => {
  const byRisk = Object.fromEntries(RISKS.map((r) => [r, findings.filter((f) => f.risk === r).length])) as Record<Risk, number>;
  const byKind: Partial<Record<FindingKind, number>> = {};
  for (const kind of FINDING_KIND_ORDER) {
    const n = findings.filter((f) => f.kind === kind).length;
    if (n > 0) byKind[kind] = n;
  }
  const renamePrompts = prompts.filter((p) => p.kind === 'create-or-rename');
  const identical = match.tables.pairs.filter((p) => keyOf(p.schema) === keyOf(p.database)).length;
  return {
    findings: findings.length,
    byRisk,
    byKind,
    tables: {
      schema: schema.tables.length,
      database: database.tables.length,
      identical,
      renamed: match.tables.pairs.length - identical,
      created: match.tables.created.length,
      dropped: match.tables.dropped.length,
      ambiguous: match.tables.ambiguities.reduce((n, a) => n + a.schema.length, 0),
    },
    prompts: {
      renamePrompts: renamePrompts.length,
      unanswered: renamePrompts.filter((p) => p.answer === null).length,
    },
  };
};

export const verify = (schema: Catalog, snapshot: Catalog, options: VerifyOptions = {}): VerifyResult => {
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  const database = options.databaseFilter === undefined ? snapshot : filterDatabase(snapshot, options.databaseFilter);
  const match = matchCatalogs(schema, database);
  const conventions = analyzeConventions(schema, database, match);
  const findings = [
    ...nameFindings(match),
    ...comparePairs(database, match, options.normalizeExpressions ?? normalizeExpressions),
    ...identifierFindings(schema),
    ...conventionFindings(conventions),
  ].sort(compareFindings);
  const prompts = predictPrompts(schema, database, match);
  const history = options.history === undefined ? null : historyReport(options.history);
  const risky = [...findings, ...(history?.findings ?? [])];
  return {
    verdict: verdictOf(risky),
    failOn,
    exitCode: exitCodeOf(risky, failOn),
    summary: summarize(findings, match, schema, database, prompts),
    findings,
    conventions,
    prompts,
    warnings: [...warningsOf(options.snapshotAge), ...historyWarnings(options.history)],
    history,
  };
};

/** Titles, descriptions and default risks of every finding kind, for documentation and reports. */
export { FINDING_KINDS };
