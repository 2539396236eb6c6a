/**
 * Findings as data: one classified difference between the Drizzle schema and the
 * database snapshot, with its risk, its evidence and what to do about it.
 *
 * Direction: the schema is what is wanted, the database is what is there. `from` is
 * always the database's side and `to` the schema's.
 */
import type { FindingKind, Risk } from './finding-kinds.js';

export type { FindingKind, Risk } from './finding-kinds.js';

/** Why verify believes what it says: every rename and every refined risk carries these. */
export type EvidenceKind =
  /** The names are casing variants (`user_id` ~ `userId`). */
  | 'casing'
  /** The names are equal once lower-cased, as PostgreSQL folds unquoted names (`clientprofiles` ~ `clientProfiles`). */
  | 'folded'
  /** The names differ by the plural of their last word (`meeting` ~ `meetings`). */
  | 'inflection'
  /** One name is the other cut at 63 bytes, as PostgreSQL cuts identifiers. */
  | 'truncated'
  | 'same-type'
  | 'different-type'
  | 'same-position'
  | 'different-position'
  /** Both columns take part in the same kinds of constraint (primary key, unique, foreign key, index). */
  | 'same-constraints'
  /** Both columns are NOT NULL, or both nullable. */
  | 'same-nullability'
  /** Columns shared by two tables paired as a rename. */
  | 'same-columns'
  /** Constraint or index with the same definition. */
  | 'same-definition'
  /** The new name is the generated name after a table or column rename. */
  | 'follows-rename'
  /** The table's row estimate, which decides the risk of drops and NOT NULL. */
  | 'rows'
  /** How a type change converts values (widening, reinterpreting, narrowing). */
  | 'type-change'
  /** The other names that fit as well (ambiguity). */
  | 'candidates'
  /** An expression the SQL parser could not read; compared as text. */
  | 'unparsed';

export interface Evidence {
  readonly kind: EvidenceKind;
  readonly detail: string;
}

/** How sure verify is that a rename is one: from the name relation and the corroborating evidence. */
export type Confidence = 'high' | 'medium' | 'low';

export interface Finding {
  readonly kind: FindingKind;
  readonly risk: Risk;
  readonly schema: string;
  /**
   * The table the finding is about: its schema-side name when the schema declares it
   * (even when the database calls it otherwise), else the database's. Null for findings
   * about schemas, enums, sequences and views.
   */
  readonly table: string | null;
  /** The column, by its schema-side name when it has one. */
  readonly column: string | null;
  /** The constraint, index, enum, sequence or view the finding is about. */
  readonly object: string | null;
  /** Database side: the old name of a rename, or the old value (type, default...) of a change. */
  readonly from: string | null;
  /** Schema side: the new name of a rename, or the new value of a change. */
  readonly to: string | null;
  /** Other names that fit equally well (`ambiguous-rename`), sorted. */
  readonly candidates: readonly string[];
  readonly evidence: readonly Evidence[];
  /** Renames only. */
  readonly confidence: Confidence | null;
  readonly message: string;
  /** What to do about it. */
  readonly action: string;
}

export interface FindingInput {
  readonly kind: FindingKind;
  readonly risk: Risk;
  readonly schema: string;
  readonly table?: string | null;
  readonly column?: string | null;
  readonly object?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly candidates?: readonly string[];
  readonly evidence?: readonly Evidence[];
  readonly confidence?: Confidence | null;
  readonly message: string;
  readonly action: string;
}

/** Builds a finding with every field present (null or empty when it does not apply), in a fixed key order. */
export const finding = (input: FindingInput): Finding => ({
  kind: input.kind,
  risk: input.risk,
  schema: input.schema,
  table: input.table ?? null,
  column: input.column ?? null,
  object: input.object ?? null,
  from: input.from ?? null,
  to: input.to ?? null,
  candidates: [...(input.candidates ?? [])].sort(compareStrings),
  evidence: input.evidence ?? [],
  confidence: input.confidence ?? null,
  message: input.message,
  action: input.action,
});

/** Code-point order: deterministic, independent of locale. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `"name"` when the name needs it to be read unambiguously in a sentence. */
export const show = (name: string): string => (/^[a-z_][a-z0-9_]*$/i.test(name) ? name : JSON.stringify(name));

/** `schema.name`, with the schema left out when it is `public` (as drizzle-kit shows it). */
export const qualified = (schema: string, name: string): string => (schema === 'public' ? name : `${schema}.${name}`);
