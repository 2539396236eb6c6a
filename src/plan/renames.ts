/**
 * The renames a verify result stands behind, as structured data with the database's
 * exact names: what `--plan` turns into SQL and `--hints` into drizzle-kit hints.
 *
 * A rename finding is planned when its confidence is high or medium; a low-confidence
 * one, an ambiguous one, or one whose database object cannot be found unambiguously is
 * left for a person to decide. Pure: reads the result and the database catalog that was
 * verified.
 */
import type { Catalog, Table } from '../catalog/model.js';
import { qualified, type Confidence, type Finding } from '../diff/findings.js';
import type { VerifyResult } from '../diff/verify.js';

/** Confidences at which verify's rename answer is acted on without asking. */
export const PLANNED_CONFIDENCE: readonly Confidence[] = ['high', 'medium'];

export type ConstraintType = 'primary_key' | 'unique' | 'foreign key' | 'check';

/**
 * One rename with the names to use. `schema` and `table` are the schema-side names: the
 * names the objects have once the earlier renames of a plan (schemas, then tables) ran.
 */
export type Rename =
  | { readonly kind: 'schema'; readonly from: string; readonly to: string }
  | { readonly kind: 'enum' | 'sequence' | 'table'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'view'; readonly schema: string; readonly from: string; readonly to: string; readonly materialized: boolean }
  | { readonly kind: 'column' | 'index' | 'policy'; readonly schema: string; readonly table: string; readonly from: string; readonly to: string }
  | {
      readonly kind: 'constraint';
      readonly schema: string;
      readonly table: string;
      readonly from: string;
      readonly to: string;
      readonly constraint: ConstraintType;
    };

export type RenameKind = Rename['kind'];

/** Plan order: schemas, types, sequences, tables, then what lives in tables (under their new names), then views. */
export const RENAME_ORDER: readonly RenameKind[] = ['schema', 'enum', 'sequence', 'table', 'column', 'constraint', 'index', 'policy', 'view'];

export type Undecided =
  | { readonly reason: 'ambiguous'; readonly finding: Finding }
  | { readonly reason: 'low-confidence'; readonly finding: Finding; readonly rename: Rename }
  | { readonly reason: 'not-found'; readonly finding: Finding; readonly detail: string };

export interface PlannedRename {
  readonly rename: Rename;
  readonly finding: Finding;
}

export interface RenameDecisions {
  /** In `RENAME_ORDER`, then in the findings' order. */
  readonly planned: readonly PlannedRename[];
  /** Left to a person, in the findings' order. */
  readonly undecided: readonly Undecided[];
}

const RENAME_FINDINGS: ReadonlySet<Finding['kind']> = new Set([
  'rename-schema',
  'rename-enum',
  'rename-sequence',
  'rename-table',
  'rename-column',
  'rename-constraint',
  'rename-index',
  'rename-policy',
  'rename-view',
]);

export const isRenameFinding = (f: Finding): boolean => RENAME_FINDINGS.has(f.kind);

type Resolved = { readonly ok: true; readonly rename: Rename } | { readonly ok: false; readonly detail: string };

const constraintTypeOf = (table: Table | undefined, name: string): ConstraintType | null => {
  if (table === undefined) return null;
  if (table.primaryKey?.name === name) return 'primary_key';
  if (table.uniques.some((u) => u.name === name)) return 'unique';
  if (table.foreignKeys.some((fk) => fk.name === name)) return 'foreign key';
  if (table.checks.some((c) => c.name === name)) return 'check';
  return null;
};

/**
 * Finds the database side of each rename. Findings name a database object `schema.name`
 * (`qualified`, public left out); the catalog says which object that is, and in which
 * schema, so names holding dots are read without guessing.
 */
const resolver = (result: VerifyResult, database: Catalog) => {
  // Schema-side schema → database schema, for schemas verify pairs under another name.
  const schemaFrom = new Map(result.findings.filter((f) => f.kind === 'rename-schema' && f.from !== null).map((f) => [f.schema, f.from as string]));
  const databaseSchema = (schema: string): string => schemaFrom.get(schema) ?? schema;
  // Schema-side `schema.table` → database table.
  const tableFrom = new Map<string, Table>();
  const databaseTables = new Map(database.tables.map((t) => [`${t.schema}\u0000${t.name}`, t]));

  const named = <T extends { readonly schema: string; readonly name: string }>(items: readonly T[], f: Finding): T | string => {
    const schema = databaseSchema(f.schema);
    const found = items.filter((item) => item.schema === schema && qualified(item.schema, item.name) === f.from);
    if (found.length === 1) return found[0] as T;
    return found.length === 0 ? `no ${f.from ?? '?'} in the snapshot` : `${found.length} objects are called ${f.from ?? '?'}`;
  };

  const tableOf = (f: Finding): Table | undefined =>
    f.table === null ? undefined : (tableFrom.get(`${f.schema}\u0000${f.table}`) ?? databaseTables.get(`${databaseSchema(f.schema)}\u0000${f.table}`));

  return (f: Finding): Resolved => {
    const to = f.to ?? '';
    switch (f.kind) {
      case 'rename-schema':
        return { ok: true, rename: { kind: 'schema', from: f.from ?? '', to } };
      case 'rename-table': {
        const table = named(database.tables, f);
        if (typeof table === 'string') return { ok: false, detail: table };
        tableFrom.set(`${f.schema}\u0000${f.table ?? ''}`, table);
        return { ok: true, rename: { kind: 'table', schema: f.schema, from: table.name, to: f.table ?? '' } };
      }
      case 'rename-enum':
      case 'rename-sequence': {
        const item = named<{ readonly schema: string; readonly name: string }>(f.kind === 'rename-enum' ? database.enums : database.sequences, f);
        if (typeof item === 'string') return { ok: false, detail: item };
        return { ok: true, rename: { kind: f.kind === 'rename-enum' ? 'enum' : 'sequence', schema: f.schema, from: item.name, to: f.object ?? '' } };
      }
      case 'rename-view': {
        const view = named(database.views, f);
        if (typeof view === 'string') return { ok: false, detail: view };
        return { ok: true, rename: { kind: 'view', schema: f.schema, from: view.name, to: f.object ?? '', materialized: view.materialized } };
      }
      case 'rename-column':
      case 'rename-index':
      case 'rename-policy':
        return {
          ok: true,
          rename: { kind: f.kind === 'rename-column' ? 'column' : f.kind === 'rename-index' ? 'index' : 'policy', schema: f.schema, table: f.table ?? '', from: f.from ?? '', to },
        };
      case 'rename-constraint': {
        const constraint = constraintTypeOf(tableOf(f), f.from ?? '');
        if (constraint === null) return { ok: false, detail: `no constraint ${f.from ?? '?'} on ${f.table ?? '?'} in the snapshot` };
        return { ok: true, rename: { kind: 'constraint', schema: f.schema, table: f.table ?? '', from: f.from ?? '', to, constraint } };
      }
      default:
        return { ok: false, detail: `${f.kind} is not a rename` };
    }
  };
};

/** Sorts verify's rename findings into the renames to make and the ones to decide by hand. */
export const renameDecisions = (result: VerifyResult, database: Catalog): RenameDecisions => {
  const resolve = resolver(result, database);
  const planned: PlannedRename[] = [];
  const undecided: Undecided[] = [];
  // Tables resolve before their constraints need them: walk the kinds in plan order.
  const renames = result.findings.filter(isRenameFinding);
  const kindOf = (f: Finding): RenameKind => f.kind.slice('rename-'.length) as RenameKind;
  const byOrder = RENAME_ORDER.flatMap((kind) => renames.filter((f) => kindOf(f) === kind));
  const outcome = new Map<Finding, Undecided | PlannedRename>();
  for (const f of byOrder) {
    const resolved = resolve(f);
    if (!resolved.ok) outcome.set(f, { reason: 'not-found', finding: f, detail: resolved.detail });
    else if (f.confidence !== null && PLANNED_CONFIDENCE.includes(f.confidence)) outcome.set(f, { rename: resolved.rename, finding: f });
    else outcome.set(f, { reason: 'low-confidence', finding: f, rename: resolved.rename });
  }
  for (const f of byOrder) {
    const o = outcome.get(f);
    if (o !== undefined && 'rename' in o && !('reason' in o)) planned.push(o);
  }
  for (const f of result.findings) {
    if (f.kind === 'ambiguous-rename') undecided.push({ reason: 'ambiguous', finding: f });
    const o = outcome.get(f);
    if (o !== undefined && 'reason' in o) undecided.push(o);
  }
  return { planned, undecided };
};
