/**
 * The `verify --format json` document as a zod schema: the one description of the
 * contract. `toJsonReport` is typed by it (a field the schema lacks does not compile),
 * the published JSON Schema (schemas/verify-output.v1.schema.json) is generated from it,
 * and the tests parse real outputs with it.
 *
 * Every enumeration comes from the code's own lists (finding kinds, risks, history
 * kinds...), so a new kind reaches the schema without anyone remembering to add it.
 */
import { z } from 'zod';
import type { EvidenceKind } from '../diff/findings.js';
import { FINDING_KIND_ORDER, FINDING_KINDS, RISKS } from '../diff/finding-kinds.js';
import { FAIL_ON_VALUES } from '../diff/verdict.js';
import { HISTORY_FINDING_KINDS, type HistoryFindingKind } from '../history/findings.js';
import { STYLES } from '../naming/index.js';

export const VERIFY_OUTPUT_SCHEMA_PATH = 'schemas/verify-output.v1.schema.json';

/** Stable identifier of the v1 JSON Schema (its `$id`). */
export const VERIFY_OUTPUT_SCHEMA_ID = 'urn:drizzle-catalog:verify-output:v1';

/** Every evidence kind, in the order `findings.ts` documents them. */
const EVIDENCE_KINDS = [
  'casing',
  'folded',
  'inflection',
  'truncated',
  'same-type',
  'different-type',
  'same-position',
  'different-position',
  'same-constraints',
  'same-nullability',
  'same-columns',
  'same-definition',
  'follows-rename',
  'rows',
  'type-change',
  'candidates',
  'unparsed',
] as const satisfies readonly EvidenceKind[];

// Fails to compile when an evidence kind is added to findings.ts and not here.
const everyEvidenceKind: Record<EvidenceKind, true> = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, true])) as {
  [K in (typeof EVIDENCE_KINDS)[number]]: true;
};
void everyEvidenceKind;

const nonEmpty = <T extends string>(values: readonly T[]): [T, ...T[]] => {
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('an enumeration needs at least one value');
  return [first, ...rest];
};

const risk = z.enum(nonEmpty(RISKS)).meta({ id: 'Risk', description: 'low: creates, widenings; medium: renames, decisions; high: data loss or failing changes' });
const findingKind = z.enum(nonEmpty(FINDING_KIND_ORDER)).meta({
  id: 'FindingKind',
  description: `One of the documented finding kinds: ${FINDING_KIND_ORDER.map((k) => `${k} (${FINDING_KINDS[k].title})`).join('; ')}`,
});
const confidence = z.enum(['high', 'medium', 'low']);

const evidence = z
  .strictObject({ kind: z.enum(EVIDENCE_KINDS), detail: z.string() })
  .meta({ id: 'Evidence', description: 'Why verify believes what it says' });

const finding = z
  .strictObject({
    kind: findingKind,
    risk,
    schema: z.string(),
    table: z.string().nullable().describe("The table, by its schema-side name when the schema declares it; null for schema-wide findings"),
    column: z.string().nullable().describe('The column, by its schema-side name when it has one'),
    object: z.string().nullable().describe('The constraint, index, enum, sequence, view or policy'),
    from: z.string().nullable().describe('Database side: the old name of a rename, or the old value of a change'),
    to: z.string().nullable().describe('Schema side: the new name of a rename, or the new value of a change'),
    candidates: z.array(z.string()).describe('Other names that fit equally well (ambiguous-rename), sorted'),
    evidence: z.array(evidence),
    confidence: confidence.nullable().describe('Renames only'),
    message: z.string(),
    action: z.string().describe('What to do about it'),
  })
  .meta({ id: 'Finding', description: 'One classified difference between the Drizzle schema and the snapshot' });

const convention = z
  .strictObject({
    style: z.enum([...nonEmpty(STYLES.filter((s) => s !== 'single')), 'none', 'tie']),
    styleCounts: z.strictObject(Object.fromEntries(STYLES.map((s) => [s, z.int().nonnegative()])) as Record<(typeof STYLES)[number], z.ZodInt>),
    inflection: z.enum(['singular', 'plural', 'none', 'tie']),
    inflectionCounts: z.strictObject({ singular: z.int().nonnegative(), plural: z.int().nonnegative(), uncountable: z.int().nonnegative() }),
    total: z.int().nonnegative(),
  })
  .meta({ id: 'Convention', description: 'Dominant naming style and inflection of a set of names, with the counts behind them' });

const sideConventions = z.strictObject({ tables: convention, columns: convention });

const conventionMismatch = z
  .strictObject({
    schema: z.string(),
    subject: z.enum(['tables', 'columns']),
    pattern: z.string().describe('The dominant pattern, database side first: `snake_case ↔ camelCase`, `plural ↔ singular`, `folded`'),
    count: z.int().nonnegative(),
    total: z.int().nonnegative(),
    systematic: z.boolean(),
    fix: z
      .strictObject({
        kind: z.enum(['casing-option', 'schema-names']),
        casing: z.enum(['snake_case', 'camelCase']).nullable().describe('For casing-option only'),
        resolves: z.int().nonnegative(),
        keepExplicit: z.int().nonnegative(),
        description: z.string(),
      })
      .nullable(),
    message: z.string(),
  })
  .meta({ id: 'ConventionMismatch' });

const promptOption = z.strictObject({
  index: z.int().nonnegative().describe("Position in drizzle-kit's list (0 is create)"),
  action: z.enum(['create', 'rename']),
  from: z.string().nullable(),
  to: z.string(),
  label: z.string().describe('The option as drizzle-kit prints it'),
});

const renamePrompt = z.strictObject({
  kind: z.literal('create-or-rename'),
  entity: z.enum(['schema', 'enum', 'sequence', 'table', 'column', 'policy', 'view']),
  schema: z.string().nullable(),
  table: z.string().nullable(),
  name: z.string(),
  question: z.string(),
  options: z.array(promptOption).describe('The first 10 options, plus the answer when it comes later'),
  optionCount: z.int().positive(),
  answer: z.int().nonnegative().nullable().describe("Index of the option to pick in drizzle-kit's list; null when verify cannot tell"),
  confidence: confidence.nullable(),
  reason: z.string(),
  evidence: z.array(evidence),
});

const certainty = z.enum(['certain', 'possible']).describe('possible: drizzle-kit asks only if a table whose row count is unknown has rows');

const uniqueTruncatePrompt = z.strictObject({
  kind: z.literal('unique-truncate'),
  certainty,
  schema: z.string(),
  table: z.string(),
  constraint: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  answer: z.int().nonnegative(),
  reason: z.string(),
});

const rowEstimate = z.union([z.literal('unknown'), z.int().nonnegative()]);

const dataLossPrompt = z.strictObject({
  kind: z.literal('data-loss'),
  certainty,
  items: z.array(
    z.strictObject({
      statement: z.enum(['drop-table', 'drop-column', 'drop-schema', 'add-not-null-column']),
      schema: z.string(),
      table: z.string().nullable(),
      column: z.string().nullable(),
      rows: rowEstimate,
    }),
  ),
  lines: z.array(z.string()),
  question: z.string(),
  options: z.array(z.string()),
  answer: z.int().nonnegative(),
  reason: z.string(),
});

const prompt = z
  .discriminatedUnion('kind', [renamePrompt, uniqueTruncatePrompt, dataLossPrompt])
  .meta({ id: 'Prompt', description: 'A prompt drizzle-kit push would show, in its order, with the answer to pick' });

const migrationRef = z
  .strictObject({
    tag: z.string().describe('File name without .sql'),
    idx: z.int(),
    when: z.int().nonnegative().describe("The journal's `when` (milliseconds)"),
    file: z.string().describe('<tag>.sql, relative to the migrations folder'),
  })
  .meta({ id: 'MigrationRef' });

const appliedMigration = z
  .strictObject({
    hash: z.string(),
    createdAt: z.string().nullable().describe('created_at as decimal digits (a bigint), or null'),
  })
  .meta({ id: 'AppliedMigration' });

/** One history kind: `kind` and `risk` first, then its own fields, then `message` and `action`. */
const historyVariant = <K extends HistoryFindingKind, Shape extends z.ZodRawShape>(kind: K, shape: Shape) =>
  z.strictObject({
    kind: z.literal(kind).describe(HISTORY_FINDING_KINDS[kind].description),
    risk: z.literal(HISTORY_FINDING_KINDS[kind].risk),
    ...shape,
    message: z.string(),
    action: z.string(),
  });

const historyFinding = z
  .discriminatedUnion('kind', [
    historyVariant('pending-migration', { migration: migrationRef, order: z.int().positive().describe('Rank among the pending migrations, in the order the migrator runs them') }),
    historyVariant('skipped-migration', { migration: migrationRef, newestAppliedAt: z.string().describe('The newest applied created_at, which this migration\'s when does not exceed') }),
    historyVariant('changed-migration', { migration: migrationRef, appliedHash: z.string(), fileHash: z.string() }),
    historyVariant('journal-entry-without-file', { migration: migrationRef, applied: z.boolean() }),
    historyVariant('applied-migration-without-file', { applied: appliedMigration, orphanFile: z.string().nullable() }),
    historyVariant('applied-migration-without-timestamp', { applied: appliedMigration }),
    historyVariant('orphan-migration-file', { file: z.string() }),
  ])
  .meta({ id: 'HistoryFinding', description: 'A finding of the migration-history check' });

const byRisk = z.strictObject({ low: z.int().nonnegative(), medium: z.int().nonnegative(), high: z.int().nonnegative() });

const history = z
  .strictObject({
    path: z.string().describe('The migrations folder, relative to the working directory'),
    table: z.string().describe('schema.table of the migrations table'),
    migrations: z.int().nonnegative().describe('Entries of meta/_journal.json'),
    applied: z.int().nonnegative().nullable().describe('Rows of the migrations table in the snapshot; null when the snapshot has none'),
    byRisk,
    findings: z.array(historyFinding).describe('Journal entries in journal order, then applied rows, then orphan files'),
  })
  .meta({ id: 'History', description: '`--migrations`: the migrations folder against the migrations table the snapshot recorded' });

export const verifyOutputSchema = z
  .strictObject({
    jsonFormatVersion: z.literal(1),
    verdict: z.enum(['in-sync', 'safe', 'needs-decisions', 'dangerous']),
    failOn: z.enum(nonEmpty(FAIL_ON_VALUES)),
    exitCode: z.union([z.literal(0), z.literal(1)]).describe('1 when a finding (or a history finding) reaches failOn'),
    summary: z.strictObject({
      findings: z.int().nonnegative(),
      byRisk,
      byKind: z.partialRecord(findingKind, z.int().positive()).describe('Non-zero counts only, in documentation order'),
      tables: z.strictObject({
        schema: z.int().nonnegative(),
        database: z.int().nonnegative(),
        identical: z.int().nonnegative(),
        renamed: z.int().nonnegative(),
        created: z.int().nonnegative(),
        dropped: z.int().nonnegative(),
        ambiguous: z.int().nonnegative(),
      }),
      prompts: z.strictObject({ renamePrompts: z.int().nonnegative(), unanswered: z.int().nonnegative() }),
    }),
    warnings: z.array(
      z.strictObject({ code: z.enum(['snapshot-stale', 'migrations-table-missing']), message: z.string(), hint: z.string() }),
    ),
    findings: z.array(finding).describe('Sorted: schema, table, kind in documentation order, names'),
    conventions: z.strictObject({ database: sideConventions, schema: sideConventions, mismatches: z.array(conventionMismatch) }),
    prompts: z.array(prompt),
    history: history.nullable().describe('null unless a migrations folder was checked (--migrations, or the config\'s out)'),
  })
  .meta({
    title: 'drizzle-catalog verify --format json, version 1',
    description:
      'The report `drizzle-catalog verify --format json` prints. Fields are only ever added within a version; a removal or a change of meaning bumps jsonFormatVersion. This schema describes exactly the output of the release it ships with.',
  });

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The JSON document, as `toJsonReport` builds it. */
export type JsonReport = DeepReadonly<z.output<typeof verifyOutputSchema>>;

export const verifyOutputJsonSchemaText = (): string => {
  const schema = z.toJSONSchema(verifyOutputSchema, { target: 'draft-2020-12', io: 'output' });
  return `${JSON.stringify({ ...schema, $id: VERIFY_OUTPUT_SCHEMA_ID }, null, 2)}\n`;
};
