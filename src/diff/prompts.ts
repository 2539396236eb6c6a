/**
 * The prompts `drizzle-kit push` (0.31) would show against this database, in its order
 * and wording, with the answer to pick.
 *
 * NOTE: what drizzle-kit does (node_modules/drizzle-kit/bin.cjs, 0.31.11):
 * - `applyPgSnapshotsDiff` resolves, in this order: schemas, enums, sequences, roles,
 *   tables, then columns table by table, then policies per table, policies, views.
 * - In each scope it asks only when something is both created and deleted by exact name
 *   (`promptNamedWithSchemasConflict`, `promptColumnsConflicts`, `promptSchemasConflict`).
 *   Tables, enums, sequences and views form ONE scope across all schemas; columns and
 *   per-table policies one scope per table.
 * - It then asks once per created item, in the schema's order, even when every deleted
 *   item is used up (the prompt then offers "create" alone). The options are
 *   `+ <new>  create <entity>` followed by `~ <old> › <new>  rename <entity>` for every
 *   deleted item not yet claimed by an earlier rename answer, in database order.
 * - Tables, enums, sequences and views are shown as `name`, or `schema.name` outside
 *   `public` (`tableKey`). Titles are padded to the longest `old › new`.
 * - Per-table policy prompts reuse the column prompt (`policyResolver` calls
 *   `promptColumnsConflicts`): they read "Is <policy> column in <table> table created or
 *   renamed from another column?".
 * - After the statements are computed, `pgSuggestions` counts rows (`count(*)`) and asks
 *   to confirm data loss (dropped tables/columns with rows, NOT NULL columns without a
 *   default added to tables with rows: it TRUNCATEs those), and asks per unique
 *   constraint added to a table with rows whether to truncate it. Its type-change branch
 *   (`alter_table_alter_column_set_type`) never fires for PostgreSQL, whose statement is
 *   `pg_alter_table_alter_column_set_type`.
 *
 * Observed on a real terminal (drizzle-kit 0.31.11 push against PostgreSQL 15): the
 * wording, padding and option order below are exact; answering a rename removes that
 * column from the next prompts' options.
 *
 * Two orders are approximations: drizzle-kit asks about created tables (and enums,
 * sequences, views) in the order of the schema modules' EXPORT NAMES (it loads them
 * through esbuild-register, whose CommonJS exports come out sorted by name: `export
 * const aaa` before `export const zzz`, whatever the table names), file by file; and it
 * lists deleted ones in the order PostgreSQL returned them (no ORDER BY; creation order
 * in practice). The Catalog keeps neither, so both are listed by name (code-unit order,
 * then schema), which matches when export names follow table names. Column order is
 * exact (schema declaration order; `attnum`). Answers after an ambiguous prompt assume
 * it was answered "create".
 */
import type { Catalog, Column, RowEstimate, Table } from '../catalog/model.js';
import { matchByName, type Matching, type Pair } from './match.js';
import type { CatalogMatch, TablePair } from './match-catalog.js';
import { keyOf } from './match-catalog.js';
import { compareStrings, qualified, type Confidence, type Evidence } from './findings.js';
import { columnRenameEvidence, plainRenameEvidence, sharedRoles, tableRenameEvidence } from './rename-evidence.js';
import { isTruncationOf } from './compare-names.js';
import { isPopulated } from './risk.js';
import { isNextval } from './compare-columns.js';

export type PromptEntity = 'schema' | 'enum' | 'sequence' | 'table' | 'column' | 'policy' | 'view';

export interface PromptOption {
  /** Position in drizzle-kit's list (0 is "create"). */
  readonly index: number;
  readonly action: 'create' | 'rename';
  /** The database-side name a rename starts from, as drizzle-kit shows it. */
  readonly from: string | null;
  readonly to: string;
  /** The option as drizzle-kit prints it, without colour or selection marker. */
  readonly label: string;
}

export interface RenamePrompt {
  readonly kind: 'create-or-rename';
  readonly entity: PromptEntity;
  readonly schema: string | null;
  /** The table, for column and policy prompts. */
  readonly table: string | null;
  /** The created name the prompt is about, as drizzle-kit shows it. */
  readonly name: string;
  readonly question: string;
  /**
   * drizzle-kit's options, the first `MAX_LISTED_OPTIONS` of them, plus the answer when
   * it comes later (`optionCount` says how many there are in all).
   */
  readonly options: readonly PromptOption[];
  readonly optionCount: number;
  /** Position of the answer to pick in drizzle-kit's list (0 is "create"); null when verify cannot tell. */
  readonly answer: number | null;
  readonly confidence: Confidence | null;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export interface DataLossItem {
  readonly statement: 'drop-table' | 'drop-column' | 'drop-schema' | 'add-not-null-column';
  readonly schema: string;
  readonly table: string | null;
  readonly column: string | null;
  readonly rows: RowEstimate;
}

export interface DataLossPrompt {
  readonly kind: 'data-loss';
  /** `possible` when drizzle-kit asks only if a table whose row count is unknown has rows. */
  readonly certainty: 'certain' | 'possible';
  readonly items: readonly DataLossItem[];
  /** drizzle-kit's warning lines, with row counts estimated (`≈1000`, `?`). */
  readonly lines: readonly string[];
  readonly question: string;
  readonly options: readonly string[];
  readonly answer: number;
  readonly reason: string;
}

export interface UniqueTruncatePrompt {
  readonly kind: 'unique-truncate';
  readonly certainty: 'certain' | 'possible';
  readonly schema: string;
  readonly table: string;
  readonly constraint: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly answer: number;
  readonly reason: string;
}

export type PushPrompt = RenamePrompt | UniqueTruncatePrompt | DataLossPrompt;

// ---------------------------------------------------------------- create-or-rename prompts

interface Item {
  /** Identity within the scope (`schema.name`, or the column name). */
  readonly key: string;
  /** As drizzle-kit shows it. */
  readonly shown: string;
}

type Decision =
  | { readonly kind: 'rename'; readonly from: string; readonly confidence: Confidence; readonly evidence: readonly Evidence[]; readonly reason: string }
  | { readonly kind: 'create'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly evidence: readonly Evidence[] };

/** Options listed in full; beyond that only the answer is (drizzle-kit may list thousands). */
export const MAX_LISTED_OPTIONS = 10;

const optionLabels = (entity: PromptEntity, created: Item, missing: readonly Item[], answer: number | null): readonly PromptOption[] => {
  // drizzle-kit pads every title to the longest `old › new` (ResolveColumnSelect, ResolveSelect).
  const width = missing.reduce((max, m) => Math.max(max, created.shown.length + 3 + m.shown.length), 0);
  const noun = entity === 'policy' ? 'column' : entity;
  const rename = (m: Item, index: number): PromptOption => ({
    index,
    action: 'rename',
    from: m.shown,
    to: created.shown,
    label: `~ ${`${m.shown} › ${created.shown}`.padEnd(width, ' ')} rename ${noun}`,
  });
  const listed = missing.slice(0, MAX_LISTED_OPTIONS - 1).map((m, i) => rename(m, i + 1));
  const answerItem = answer !== null && answer >= MAX_LISTED_OPTIONS ? missing[answer - 1] : undefined;
  return [
    { index: 0, action: 'create', from: null, to: created.shown, label: `+ ${created.shown.padEnd(width, ' ')} create ${noun}` },
    ...listed,
    ...(answerItem !== undefined && answer !== null ? [rename(answerItem, answer)] : []),
  ];
};

const questionOf = (entity: PromptEntity, created: Item, table: string | null): string =>
  entity === 'column' || entity === 'policy'
    ? `Is ${created.shown} column in ${table ?? ''} table created or renamed from another column?`
    : `Is ${created.shown} ${entity} created or renamed from another ${entity}?`;

/** Simulates one drizzle-kit resolver: one prompt per created item while both lists are non-empty at the start. */
const askScope = (
  entity: PromptEntity,
  scope: { readonly schema: string | null; readonly table: string | null },
  created: readonly Item[],
  deleted: readonly Item[],
  decide: (item: Item) => Decision,
): { readonly prompts: readonly RenamePrompt[]; readonly renamed: ReadonlyMap<string, string> } => {
  if (created.length === 0 || deleted.length === 0) return { prompts: [], renamed: new Map() };
  let missing = [...deleted];
  const prompts: RenamePrompt[] = [];
  const renamed = new Map<string, string>();
  for (const item of created) {
    const decision = decide(item);
    const at = decision.kind === 'rename' ? missing.findIndex((m) => m.key === decision.from) : -1;
    const answer = decision.kind === 'create' ? 0 : at >= 0 ? at + 1 : null;
    const options = optionLabels(entity, item, missing, answer);
    const optionCount = missing.length + 1;
    if (decision.kind === 'rename' && at >= 0) {
      renamed.set(item.key, decision.from);
      missing = missing.filter((_, i) => i !== at);
    }
    prompts.push({
      kind: 'create-or-rename',
      entity,
      schema: scope.schema,
      table: scope.table,
      name: item.shown,
      question: questionOf(entity, item, scope.table),
      options,
      optionCount,
      answer,
      confidence: decision.kind === 'rename' ? decision.confidence : null,
      reason: decision.reason,
      evidence: decision.kind === 'create' ? [] : decision.evidence,
    });
  }
  return { prompts, renamed };
};

const NO_RELATION = 'no deleted name relates to it (casing, folding, plural or truncation): it is new';

interface Named {
  readonly schema: string;
  readonly name: string;
}

const namedItem = (x: Named): Item => ({ key: keyOf(x), shown: qualified(x.schema, x.name) });
/** By name, then schema: close to drizzle-kit's order of sorted export names. */
const byName = (a: Named, b: Named): number => compareStrings(a.name, b.name) || compareStrings(a.schema, b.schema);

/** Decisions for tables, enums, sequences and views from the catalog match. */
const namedDecisions = <T extends Named>(
  match: Matching<T, T>,
  evidenceOf: (pair: Pair<T, T>) => { readonly evidence: readonly Evidence[]; readonly confidence: Confidence },
): ((item: Item) => Decision) => {
  const decisions = new Map<string, Decision>();
  for (const pair of match.pairs) {
    if (pair.relation.tier === 'identical') continue;
    if (isTruncationOf(pair.schema.name, pair.database.name)) {
      decisions.set(keyOf(pair.schema), {
        kind: 'unknown',
        reason: `${pair.schema.name} is longer than 63 bytes and the database stores it as ${pair.database.name}: neither answer works; shorten the name in the schema`,
        evidence: [{ kind: 'truncated', detail: `${pair.database.name} is ${pair.schema.name} cut at 63 bytes` }],
      });
      continue;
    }
    const { evidence, confidence } = evidenceOf(pair);
    decisions.set(keyOf(pair.schema), {
      kind: 'rename',
      from: keyOf(pair.database),
      confidence,
      evidence,
      reason: `${qualified(pair.database.schema, pair.database.name)} is the same object under a variant name`,
    });
  }
  for (const ambiguity of match.ambiguities) {
    for (const s of ambiguity.schema) {
      const candidates = ambiguity.edges.filter((e) => e.schema === s).map((e) => qualified(e.database.schema, e.database.name));
      decisions.set(keyOf(s), {
        kind: 'unknown',
        reason: `ambiguous: ${candidates.join(' and ')} fit equally well; verify will not guess`,
        evidence: [{ kind: 'candidates', detail: candidates.join(', ') }],
      });
    }
  }
  return (item) => decisions.get(item.key) ?? { kind: 'create', reason: NO_RELATION };
};

const plainEvidence = <T extends Named>(pair: Pair<T, T>): { readonly evidence: readonly Evidence[]; readonly confidence: Confidence } =>
  plainRenameEvidence(pair.relation, pair.database.name, pair.schema.name);

const namedScope = <T extends Named>(
  entity: PromptEntity,
  schemaItems: readonly T[],
  databaseItems: readonly T[],
  decide: (item: Item) => Decision,
): { readonly prompts: readonly RenamePrompt[]; readonly renamed: ReadonlyMap<string, string> } => {
  const databaseKeys = new Set(databaseItems.map(keyOf));
  const schemaKeys = new Set(schemaItems.map(keyOf));
  const created = schemaItems.filter((x) => !databaseKeys.has(keyOf(x))).sort(byName).map(namedItem);
  const deleted = databaseItems.filter((x) => !schemaKeys.has(keyOf(x))).sort(byName).map(namedItem);
  return askScope(entity, { schema: null, table: null }, created, deleted, decide);
};

const columnScope = (schemaTable: Table, databaseTable: Table, pair: TablePair | null): readonly RenamePrompt[] => {
  const databaseNames = new Set(databaseTable.columns.map((c) => c.name));
  const schemaNames = new Set(schemaTable.columns.map((c) => c.name));
  const byPosition = (a: Column, b: Column): number => a.position - b.position;
  const created = schemaTable.columns.filter((c) => !databaseNames.has(c.name)).sort(byPosition);
  const deleted = databaseTable.columns.filter((c) => !schemaNames.has(c.name)).sort(byPosition);
  const decisions = new Map<string, Decision>();
  if (pair !== null) {
    for (const p of pair.columns.pairs) {
      if (p.relation.tier === 'identical') continue;
      if (isTruncationOf(p.schema.name, p.database.name)) {
        decisions.set(p.schema.name, {
          kind: 'unknown',
          reason: `${p.schema.name} is longer than 63 bytes and the database stores it as ${p.database.name}: neither answer works; shorten the name in the schema`,
          evidence: [{ kind: 'truncated', detail: `${p.database.name} is ${p.schema.name} cut at 63 bytes` }],
        });
        continue;
      }
      const { evidence, confidence } = columnRenameEvidence(p.relation, p.database, p.schema, sharedRoles(databaseTable, p.database, schemaTable, p.schema));
      decisions.set(p.schema.name, { kind: 'rename', from: p.database.name, confidence, evidence, reason: `${p.database.name} holds this column's data under a variant name` });
    }
    for (const a of pair.columns.ambiguities)
      for (const s of a.schema) {
        const candidates = a.edges.filter((e) => e.schema === s).map((e) => e.database.name);
        decisions.set(s.name, {
          kind: 'unknown',
          reason: `ambiguous: ${candidates.join(' and ')} fit equally well; verify will not guess`,
          evidence: [{ kind: 'candidates', detail: candidates.join(', ') }],
        });
      }
  }
  const item = (c: Column): Item => ({ key: c.name, shown: c.name });
  return askScope('column', { schema: schemaTable.schema, table: schemaTable.name }, created.map(item), deleted.map(item), (i) => decisions.get(i.key) ?? { kind: 'create', reason: NO_RELATION }).prompts;
};

const policyScope = (schemaTable: Table, databaseTable: Table): readonly RenamePrompt[] => {
  const databaseNames = new Set(databaseTable.policies.map((p) => p.name));
  const schemaNames = new Set(schemaTable.policies.map((p) => p.name));
  const created = schemaTable.policies.filter((p) => !databaseNames.has(p.name)).map((p) => p.name).sort(compareStrings);
  const deleted = databaseTable.policies.filter((p) => !schemaNames.has(p.name)).map((p) => p.name).sort(compareStrings);
  const match = matchByName(created, deleted, (x) => x, (x) => x);
  const decisions = new Map<string, Decision>();
  for (const p of match.pairs) {
    const { evidence, confidence } = plainRenameEvidence(p.relation, p.database, p.schema);
    decisions.set(p.schema, { kind: 'rename', from: p.database, confidence, evidence, reason: `${p.database} is the same policy under a variant name` });
  }
  for (const a of match.ambiguities)
    for (const s of a.schema)
      decisions.set(s, { kind: 'unknown', reason: `ambiguous: ${a.database.join(' and ')} fit equally well`, evidence: [] });
  const item = (name: string): Item => ({ key: name, shown: name });
  return askScope('policy', { schema: schemaTable.schema, table: schemaTable.name }, created.map(item), deleted.map(item), (i) => decisions.get(i.key) ?? { kind: 'create', reason: NO_RELATION }).prompts;
};

// ---------------------------------------------------------------- data loss

const count = (rows: RowEstimate): string => (rows === 'unknown' ? '?' : `≈${rows}`);

/** drizzle-kit's confirmation option, built as `pgPush` builds it (odd spacing included). */
const confirmOption = (tables: number, columns: number, truncates: number): string =>
  `Yes, I want to${tables > 0 ? ` remove ${tables} ${tables > 1 ? 'tables' : 'table'},` : ' '}${columns > 0 ? ` remove ${columns} ${columns > 1 ? 'columns' : 'column'},` : ' '}${truncates > 0 ? ` truncate ${truncates} ${truncates > 1 ? 'tables' : 'table'}` : ''} `
    .replace(/(^,)|(,$)/g, '')
    .replace(/ +(?= )/g, '');

const dataLossPrompt = (items: readonly DataLossItem[], database: Catalog): DataLossPrompt | null => {
  if (items.length === 0) return null;
  const lines = items.map((item) => {
    switch (item.statement) {
      case 'drop-table':
        return `· You're about to delete ${item.table} table with ${count(item.rows)} items`;
      case 'drop-column':
        return `· You're about to delete ${item.column} column in ${item.table} table with ${count(item.rows)} items`;
      case 'drop-schema':
        return `· You're about to delete ${item.schema} schema with ${database.tables.filter((t) => t.schema === item.schema).length} tables`;
      case 'add-not-null-column':
        return `· You're about to add not-null ${item.column} column without default value, which contains ${count(item.rows)} items`;
    }
  });
  const distinct = (values: readonly string[]): number => new Set(values).size;
  const tables = distinct(items.filter((i) => i.statement === 'drop-table').map((i) => i.table ?? ''));
  const columns = distinct(items.filter((i) => i.statement === 'drop-column').map((i) => `${i.table}_${i.column}`));
  const truncates = distinct(items.filter((i) => i.statement === 'add-not-null-column').map((i) => i.table ?? ''));
  const truncating = items.filter((i) => i.statement === 'add-not-null-column').map((i) => `${i.table}.${i.column}`);
  return {
    kind: 'data-loss',
    certainty: items.every((i) => i.rows !== 'unknown') ? 'certain' : 'possible',
    items,
    lines,
    question: 'Do you still want to push changes?',
    options: ['No, abort', confirmOption(tables, columns, truncates)],
    answer: 0,
    reason:
      truncating.length > 0
        ? `"Yes" deletes the data listed${truncating.length > 0 ? `, and TRUNCATEs (CASCADE) the tables of ${truncating.join(', ')} to add NOT NULL columns without defaults` : ''}; abort, fix the schema or back up, then push again`
        : '"Yes" deletes the data listed; abort unless it is backed up and meant to go',
  };
};

// ---------------------------------------------------------------- all prompts

export const predictPrompts = (schema: Catalog, database: Catalog, match: CatalogMatch): readonly PushPrompt[] => {
  const prompts: PushPrompt[] = [];

  // Schemas (drizzle-kit leaves `public` out of both sides).
  const schemaNames = schema.schemas.filter((s) => s !== 'public');
  const databaseNames = database.schemas.filter((s) => s !== 'public');
  const schemaDecisions = new Map<string, Decision>();
  for (const p of match.schemas.pairs)
    if (p.relation.tier !== 'identical') {
      const { evidence, confidence } = plainRenameEvidence(p.relation, p.database, p.schema);
      schemaDecisions.set(p.schema, { kind: 'rename', from: p.database, confidence, evidence, reason: `${p.database} is the same schema under a variant name` });
    }
  const schemaItem = (name: string): Item => ({ key: name, shown: name });
  const schemaScope = askScope(
    'schema',
    { schema: null, table: null },
    schemaNames.filter((s) => !databaseNames.includes(s)).map(schemaItem),
    databaseNames.filter((s) => !schemaNames.includes(s)).map(schemaItem),
    (i) => schemaDecisions.get(i.key) ?? { kind: 'create', reason: NO_RELATION },
  );
  prompts.push(...schemaScope.prompts);

  prompts.push(...namedScope('enum', schema.enums, database.enums, namedDecisions(match.enums, plainEvidence)).prompts);
  const standalone = (c: Catalog): Catalog['sequences'] => c.sequences.filter((s) => s.ownedBy === null);
  prompts.push(...namedScope('sequence', standalone(schema), standalone(database), namedDecisions(match.sequences, plainEvidence)).prompts);

  const matchedPair = new Map(match.tables.pairs.map((p) => [p.schema, p]));
  const tableScope = namedScope(
    'table',
    schema.tables,
    database.tables,
    namedDecisions<Table>(match.tables, (pair) => {
      const columns = matchedPair.get(pair.schema)?.columns.pairs ?? [];
      const shared = columns.filter((c) => ['identical', 'casing', 'folded'].includes(c.relation.tier)).length;
      return tableRenameEvidence(pair.relation, pair.database, pair.schema, shared);
    }),
  );
  prompts.push(...tableScope.prompts);

  // Columns, then policies, of every table present on both sides after the table answers.
  const databaseByKey = new Map(database.tables.map((t) => [keyOf(t), t]));
  const schemaByKey = new Map(schema.tables.map((t) => [keyOf(t), t]));
  const tablePairs: { readonly schema: Table; readonly database: Table }[] = [];
  for (const t of schema.tables) {
    const databaseKey = tableScope.renamed.get(keyOf(t)) ?? keyOf(t);
    const d = databaseByKey.get(databaseKey);
    if (d !== undefined) tablePairs.push({ schema: t, database: d });
  }
  tablePairs.sort((a, b) => byName(a.database, b.database));
  const pairOf = (s: Table, d: Table): TablePair | null => {
    const pair = matchedPair.get(s);
    return pair !== undefined && pair.database === d ? pair : null;
  };
  for (const { schema: s, database: d } of tablePairs) prompts.push(...columnScope(s, d, pairOf(s, d)));
  for (const { schema: s, database: d } of tablePairs) prompts.push(...policyScope(s, d));

  prompts.push(...namedScope('view', schema.views, database.views, namedDecisions(match.views, plainEvidence)).prompts);

  // Unique constraints added to tables with rows, then the data-loss confirmation.
  const lossItems: DataLossItem[] = [];
  const renamedTables = new Set(tableScope.renamed.values());
  const byPosition = (a: Column, b: Column): number => a.position - b.position;
  for (const d of [...database.tables].sort(byName)) {
    if (schemaByKey.has(keyOf(d)) || renamedTables.has(keyOf(d))) continue;
    if (isPopulated(d.rows)) lossItems.push({ statement: 'drop-table', schema: d.schema, table: d.name, column: null, rows: d.rows });
  }
  for (const { schema: s, database: d } of tablePairs) {
    if (!isPopulated(d.rows)) continue;
    const pair = pairOf(s, d);
    const renamedFrom = new Set(
      (pair?.columns.pairs ?? []).filter((p) => p.relation.tier !== 'identical' && !isTruncationOf(p.schema.name, p.database.name)).map((p) => p.database.name),
    );
    const renamedTo = new Set(
      (pair?.columns.pairs ?? []).filter((p) => p.relation.tier !== 'identical' && !isTruncationOf(p.schema.name, p.database.name)).map((p) => p.schema.name),
    );
    const schemaColumns = new Set(s.columns.map((c) => c.name));
    const databaseColumns = new Set(d.columns.map((c) => c.name));
    for (const c of [...d.columns].sort(byPosition))
      if (!schemaColumns.has(c.name) && !renamedFrom.has(c.name))
        lossItems.push({ statement: 'drop-column', schema: s.schema, table: s.name, column: c.name, rows: d.rows });
    for (const c of [...s.columns].sort(byPosition))
      // NOTE: drizzle-kit looks at its JSON, where serial and identity columns have no default.
      if (!databaseColumns.has(c.name) && !renamedTo.has(c.name) && c.notNull && (c.default === null || isNextval(c.default)) && c.generated === null)
        lossItems.push({ statement: 'add-not-null-column', schema: s.schema, table: s.name, column: c.name, rows: d.rows });
    const databaseUniques = new Set(d.uniques.map((u) => u.name));
    for (const u of [...s.uniques].sort((a, b) => compareStrings(a.name, b.name)))
      if (!databaseUniques.has(u.name))
        prompts.push({
          kind: 'unique-truncate',
          certainty: d.rows === 'unknown' ? 'possible' : 'certain',
          schema: s.schema,
          table: s.name,
          constraint: u.name,
          question: `· You're about to add ${u.name} unique constraint to the table, which contains ${count(d.rows)} items. If this statement fails, you will receive an error from the database. Do you want to truncate ${s.name} table?`,
          options: ['No, add the constraint without truncating the table', 'Yes, truncate the table'],
          answer: 0,
          reason: 'truncating deletes every row of the table (CASCADE); if duplicates exist, fix them instead',
        });
  }
  for (const name of match.schemas.dropped)
    if (name !== 'public' && database.tables.some((t) => t.schema === name))
      lossItems.push({ statement: 'drop-schema', schema: name, table: null, column: null, rows: 'unknown' });
  const loss = dataLossPrompt(lossItems, database);
  if (loss !== null) prompts.push(loss);
  return prompts;
};
