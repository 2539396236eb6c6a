/**
 * The hints file of drizzle-kit 1.0 (`push --hints-file FILE`, `generate --hints-file FILE`):
 * verify's rename/create decisions written in the shape drizzle-kit reads instead of
 * prompting. Matched against drizzle-kit 1.0.0-rc.5 (`src/cli/hints.ts`, `src/cli/prompts.ts`);
 * the format, and how we checked it, is in docs/hints-format.md.
 *
 * Pure: decisions in, text out. Bad decisions come back as issues, never as a file
 * drizzle-kit would reject or, worse, misread.
 */

/**
 * The rename-or-create kinds drizzle-kit 1.0 asks about on PostgreSQL, in the order its
 * PostgreSQL diff resolves them (`ddlDiff`: schemas, enums, sequences, roles, tables,
 * columns, uniques, checks, indexes, primary keys, foreign keys, policies, views).
 * NOTE: `'foreign key'` has a space; every other kind is snake_case (drizzle-kit's own doc
 * calls it out). drizzle-kit's `'default'` kind exists for MSSQL only and is left out.
 */
export const HINT_KINDS = [
  'schema',
  'enum',
  'sequence',
  'role',
  'table',
  'column',
  'unique',
  'check',
  'index',
  'primary_key',
  'foreign key',
  'policy',
  'view',
] as const;

export type HintKind = (typeof HINT_KINDS)[number];

/** Kinds that live in a table: their entity is `[schema, table, name]`. */
const TABLE_SCOPED: ReadonlySet<HintKind> = new Set(['column', 'unique', 'check', 'index', 'primary_key', 'foreign key', 'policy']);
/** Kinds without a namespace: their entity is `[name]`. */
const UNQUALIFIED: ReadonlySet<HintKind> = new Set(['schema', 'role']);

/**
 * One answer to one drizzle-kit "created or renamed?" prompt, in PostgreSQL's exact
 * (case-sensitive, unquoted) names.
 */
export interface HintDecision {
  readonly decision: 'rename' | 'create';
  readonly kind: HintKind;
  /** Schema of the entity (of its table for table-scoped kinds); not used for `schema` and `role`. */
  readonly schema: string;
  /**
   * Table of a column, constraint, index or policy, by its name in the Drizzle schema
   * (after any table rename): drizzle-kit renames tables before it diffs their columns.
   */
  readonly table?: string;
  /** The database's current name, for a rename. */
  readonly from?: string;
  /** The name in the Drizzle schema. */
  readonly to: string;
}

/** An entry of the hints file, as drizzle-kit 1.0 validates it (strict objects). */
export type DrizzleKitHint =
  | { readonly type: 'rename'; readonly kind: HintKind; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly type: 'create'; readonly kind: HintKind; readonly entity: readonly string[] };

export interface HintIssue {
  readonly code:
    | 'missing-from'
    | 'unexpected-from'
    | 'missing-table'
    | 'unexpected-table'
    | 'empty-name'
    | 'rename-to-itself'
    | 'conflicting-decisions'
    | 'duplicate-rename-source';
  /** Where in the input: `decisions[3]`. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export type HintsResult =
  | { readonly ok: true; readonly hints: readonly DrizzleKitHint[]; readonly text: string }
  | { readonly ok: false; readonly issues: readonly HintIssue[] };

/**
 * The hints file for a list of decisions: a JSON array, one entry per line, sorted by
 * kind in drizzle-kit's resolution order and then by target name, with a trailing newline.
 * Identical decisions collapse into one entry.
 */
export const buildHintsFile = (decisions: readonly HintDecision[]): HintsResult => {
  const issues: HintIssue[] = [];
  const byTarget = new Map<string, { hint: DrizzleKitHint; path: string }>();
  const renameSources = new Map<string, string>();

  decisions.forEach((decision, index) => {
    const path = `decisions[${index}]`;
    const problem = shapeProblem(decision, path);
    if (problem) {
      issues.push(problem);
      return;
    }
    const to = entityOf(decision, decision.to);
    const hint: DrizzleKitHint =
      decision.decision === 'rename'
        ? { type: 'rename', kind: decision.kind, from: entityOf(decision, decision.from ?? ''), to }
        : { type: 'create', kind: decision.kind, entity: to };

    // drizzle-kit looks a hint up by kind and target (`to` or `entity`): one answer each.
    const targetKey = JSON.stringify([decision.kind, ...to]);
    const earlier = byTarget.get(targetKey);
    if (earlier) {
      if (JSON.stringify(earlier.hint) !== JSON.stringify(hint)) {
        issues.push({
          code: 'conflicting-decisions',
          path,
          message: `${path} and ${earlier.path} answer differently for ${decision.kind} ${display(to)}.`,
          hint: 'Keep one decision per entity.',
        });
      }
      return;
    }
    if (hint.type === 'rename') {
      const sourceKey = JSON.stringify([decision.kind, ...hint.from]);
      const other = renameSources.get(sourceKey);
      if (other !== undefined) {
        issues.push({
          code: 'duplicate-rename-source',
          path,
          message: `${path} and ${other} both rename ${decision.kind} ${display(hint.from)}.`,
          hint: 'An entity can be renamed into one target only; drizzle-kit rejects the second hint.',
        });
        return;
      }
      renameSources.set(sourceKey, path);
    }
    byTarget.set(targetKey, { hint, path });
  });

  if (issues.length > 0) return { ok: false, issues };
  const hints = [...byTarget.values()].map((entry) => entry.hint).sort(compareHints);
  return { ok: true, hints, text: formatHints(hints) };
};

const shapeProblem = (decision: HintDecision, path: string): HintIssue | null => {
  const scoped = TABLE_SCOPED.has(decision.kind);
  if (scoped && (decision.table === undefined || decision.table === '')) {
    return {
      code: 'missing-table',
      path,
      message: `${path}: a ${decision.kind} needs its table.`,
      hint: 'Set `table` to the table name in the Drizzle schema.',
    };
  }
  if (!scoped && decision.table !== undefined) {
    return {
      code: 'unexpected-table',
      path,
      message: `${path}: a ${decision.kind} does not belong to a table.`,
      hint: 'Drop `table` for schema, enum, sequence, role, table and view decisions.',
    };
  }
  if (decision.decision === 'rename' && (decision.from === undefined || decision.from === '')) {
    return { code: 'missing-from', path, message: `${path}: a rename needs \`from\`.`, hint: 'Set `from` to the current name in the database.' };
  }
  if (decision.decision === 'create' && decision.from !== undefined) {
    return {
      code: 'unexpected-from',
      path,
      message: `${path}: a create has no \`from\`.`,
      hint: 'Drop `from`, or make the decision a rename.',
    };
  }
  if (decision.to === '' || (!UNQUALIFIED.has(decision.kind) && decision.schema === '')) {
    return { code: 'empty-name', path, message: `${path}: names cannot be empty.`, hint: 'Give the exact PostgreSQL names.' };
  }
  if (decision.decision === 'rename' && decision.from === decision.to) {
    return {
      code: 'rename-to-itself',
      path,
      message: `${path}: ${decision.kind} ${decision.to} is renamed to itself.`,
      hint: 'Nothing to decide: drizzle-kit does not ask about unchanged names.',
    };
  }
  return null;
};

/** The entity tuple drizzle-kit builds for a prompt (prompts.ts `entityId`). */
const entityOf = (decision: HintDecision, name: string): readonly string[] => {
  if (UNQUALIFIED.has(decision.kind)) return [name];
  if (TABLE_SCOPED.has(decision.kind)) return [decision.schema, decision.table ?? '', name];
  return [decision.schema, name];
};

const targetOf = (hint: DrizzleKitHint): readonly string[] => (hint.type === 'rename' ? hint.to : hint.entity);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const compareHints = (a: DrizzleKitHint, b: DrizzleKitHint): number => {
  const byKind = HINT_KINDS.indexOf(a.kind) - HINT_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  const left = targetOf(a);
  const right = targetOf(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const byPart = compareText(left[index] ?? '', right[index] ?? '');
    if (byPart !== 0) return byPart;
  }
  return left.length - right.length;
};

const tuple = (parts: readonly string[]): string => `[${parts.map((part) => JSON.stringify(part)).join(', ')}]`;

const formatHint = (hint: DrizzleKitHint): string =>
  hint.type === 'rename'
    ? `{ "type": "rename", "kind": ${JSON.stringify(hint.kind)}, "from": ${tuple(hint.from)}, "to": ${tuple(hint.to)} }`
    : `{ "type": "create", "kind": ${JSON.stringify(hint.kind)}, "entity": ${tuple(hint.entity)} }`;

const formatHints = (hints: readonly DrizzleKitHint[]): string =>
  hints.length === 0 ? '[]\n' : `[\n${hints.map((hint) => `  ${formatHint(hint)}`).join(',\n')}\n]\n`;

const display = (parts: readonly string[]): string => parts.join('.');
