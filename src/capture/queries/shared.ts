import type { SequenceOptions } from '../../catalog/model.js';

/** Key of a table in the maps the per-kind readers return. */
export const tableKey = (schema: string, name: string): string => JSON.stringify([schema, name]);

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
