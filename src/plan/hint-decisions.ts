/**
 * `verify --hints FILE`: verify's rename and create answers as drizzle-kit 1.0 hint
 * decisions, for `buildHintsFile` (format: docs/hints-format.md). The renames are the
 * ones `--plan` makes (high or medium confidence); ambiguous and low-confidence ones get
 * no entry, so drizzle-kit 1.0 stops with `missing_hints` there instead of guessing.
 *
 * Names follow drizzle-kit's resolution order: a column's (or constraint's) table is the
 * table's NEW name, a table's schema the schema's new name.
 */
import type { Catalog } from '../catalog/model.js';
import type { Finding } from '../diff/findings.js';
import type { VerifyResult } from '../diff/verify.js';
import type { HintDecision, HintKind } from './hints.js';
import { renameDecisions, type Rename } from './renames.js';

const renameKind = (r: Rename): HintKind => {
  switch (r.kind) {
    case 'constraint':
      return r.constraint;
    default:
      return r.kind;
  }
};

const renameDecision = (r: Rename): HintDecision => {
  const base = { decision: 'rename' as const, kind: renameKind(r), from: r.from, to: r.to };
  switch (r.kind) {
    case 'schema':
      // `schema` is not used for schema kinds; buildHintsFile reads `to`.
      return { ...base, schema: r.to };
    case 'enum':
    case 'sequence':
    case 'table':
    case 'view':
      return { ...base, schema: r.schema };
    default:
      return { ...base, schema: r.schema, table: r.table };
  }
};

/** Creates drizzle-kit may ask about, by finding kind: the hint kind and where the name is. */
const CREATES: Partial<Record<Finding['kind'], { readonly kind: HintKind; readonly scoped: boolean; readonly name: (f: Finding) => string | null }>> = {
  'create-schema': { kind: 'schema', scoped: false, name: (f) => f.schema },
  'create-enum': { kind: 'enum', scoped: false, name: (f) => f.object },
  'create-sequence': { kind: 'sequence', scoped: false, name: (f) => f.object },
  'create-table': { kind: 'table', scoped: false, name: (f) => f.table },
  'create-view': { kind: 'view', scoped: false, name: (f) => f.object },
  'create-column': { kind: 'column', scoped: true, name: (f) => f.column },
  'create-unique': { kind: 'unique', scoped: true, name: (f) => f.object },
  'create-check': { kind: 'check', scoped: true, name: (f) => f.object },
  'create-index': { kind: 'index', scoped: true, name: (f) => f.object },
  'create-foreign-key': { kind: 'foreign key', scoped: true, name: (f) => f.object },
  'create-policy': { kind: 'policy', scoped: true, name: (f) => f.object },
};

const createDecision = (f: Finding): HintDecision | null => {
  const create = CREATES[f.kind];
  const name = create?.name(f) ?? null;
  if (create === undefined || name === null) return null;
  if (create.scoped) return f.table === null ? null : { decision: 'create', kind: create.kind, schema: f.schema, table: f.table, to: name };
  return { decision: 'create', kind: create.kind, schema: f.schema, to: name };
};

/** The decisions for `buildHintsFile`: planned renames, then creates, in findings order. */
export const hintDecisions = (result: VerifyResult, database: Catalog): readonly HintDecision[] => [
  ...renameDecisions(result, database).planned.map((p) => renameDecision(p.rename)),
  ...result.findings.map(createDecision).filter((d): d is HintDecision => d !== null),
];
