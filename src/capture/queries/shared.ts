import type { SequenceOptions } from '../../catalog/model.js';

/**
 * Key of a table in the maps the per-kind readers return. NUL cannot occur in a
 * PostgreSQL name, so it separates the two unambiguously.
 */
export const tableKey = (schema: string, name: string): string => `${schema}\u0000${name}`;

/** Groups rows by table key, keeping their order. */
export const groupByTable = <Row extends { readonly schema: string; readonly table: string }, Item>(
  rows: readonly Row[],
  map: (row: Row) => Item,
): ReadonlyMap<string, readonly Item[]> => {
  const groups = new Map<string, Item[]>();
  for (const row of rows) {
    const key = tableKey(row.schema, row.table);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [map(row)]);
    else group.push(map(row));
  }
  return groups;
};

/** Select-list items for SequenceOptions from a `pg_sequence` alias (bigints as text: they must survive JSON). */
export const sequenceOptionsSql = (s: string): string => `
  format_type(${s}.seqtypid, null) as seq_type,
  ${s}.seqstart::text as seq_start,
  ${s}.seqincrement::text as seq_increment,
  ${s}.seqmin::text as seq_min,
  ${s}.seqmax::text as seq_max,
  ${s}.seqcache::text as seq_cache,
  ${s}.seqcycle as seq_cycle`;

/** The same as one JSON object (null when `s` found no row), for rows where a sequence is rare. */
export const sequenceOptionsJsonSql = (s: string): string => `
  case when ${s}.seqrelid is not null then json_build_object(
    'seq_type', format_type(${s}.seqtypid, null),
    'seq_start', ${s}.seqstart::text,
    'seq_increment', ${s}.seqincrement::text,
    'seq_min', ${s}.seqmin::text,
    'seq_max', ${s}.seqmax::text,
    'seq_cache', ${s}.seqcache::text,
    'seq_cycle', ${s}.seqcycle
  ) end`;

export interface RawSequenceFields {
  readonly seq_type: string;
  readonly seq_start: string;
  readonly seq_increment: string;
  readonly seq_min: string;
  readonly seq_max: string;
  readonly seq_cache: string;
  readonly seq_cycle: boolean;
}

const SEQUENCE_TYPES = ['smallint', 'integer', 'bigint'] as const;

export const mapSequenceOptions = (raw: RawSequenceFields): SequenceOptions => {
  const type = SEQUENCE_TYPES.find((t) => t === raw.seq_type);
  // PostgreSQL allows only these three (CREATE SEQUENCE ... AS); anything else is a fault.
  if (type === undefined) throw new Error(`unexpected sequence type ${raw.seq_type}`);
  return {
    type,
    start: raw.seq_start,
    increment: raw.seq_increment,
    min: raw.seq_min,
    max: raw.seq_max,
    cache: raw.seq_cache,
    cycle: raw.seq_cycle,
  };
};

/** A schema list parameter, for `nspname = any($1::text[])`. */
export type SchemaList = readonly string[];

/**
 * One small kind's catalog read: a select (over `$1`, the schema list, when it needs
 * one) and the pure mapping of its rows. Small kinds are read together, in one
 * statement (together.ts).
 */
export interface KindQuery<Row extends object, Result> {
  readonly sql: string;
  map(rows: readonly Row[]): Result;
}
