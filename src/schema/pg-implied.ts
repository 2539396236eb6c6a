/**
 * What PostgreSQL fills in on its own for objects a schema declares, shared by the mappings
 * of every drizzle-kit version: the options of a sequence the schema leaves unsaid, the
 * referential action of a foreign key without one, the index behind a primary key or unique
 * constraint. Pure.
 */
import type { ColumnType, Index, IndexKey, ReferentialAction, SequenceOptions } from '../catalog/model.js';

/** Sequence options as a schema gives them: bounds as text, anything may be left out. */
export interface DeclaredSequenceOptions {
  readonly increment?: string | null | undefined;
  readonly minValue?: string | null | undefined;
  readonly maxValue?: string | null | undefined;
  readonly startWith?: string | null | undefined;
  readonly cache?: string | null | undefined;
  readonly cycle?: boolean | null | undefined;
}

const RANGES: Readonly<Record<SequenceOptions['type'], { readonly min: string; readonly max: string }>> = {
  smallint: { min: '-32768', max: '32767' },
  integer: { min: '-2147483648', max: '2147483647' },
  bigint: { min: '-9223372036854775808', max: '9223372036854775807' },
};

/** The sequence type of an identity column: the column's integer type. */
export const sequenceType = (type: ColumnType): SequenceOptions['type'] =>
  type.name === 'smallint' || type.name === 'bigint' ? type.name : 'integer';

/** Sequence options with PostgreSQL's defaults (CREATE SEQUENCE) for what is absent. */
export const sequenceOptions = (type: SequenceOptions['type'], declared: DeclaredSequenceOptions): SequenceOptions => {
  const increment = declared.increment ?? '1';
  const descending = increment.startsWith('-');
  const min = declared.minValue ?? (descending ? RANGES[type].min : '1');
  const max = declared.maxValue ?? (descending ? '-1' : RANGES[type].max);
  return {
    type,
    start: declared.startWith ?? (descending ? max : min),
    increment,
    min,
    max,
    cache: declared.cache ?? '1',
    cycle: declared.cycle ?? false,
  };
};

const REFERENTIAL_ACTIONS: ReadonlySet<string> = new Set<ReferentialAction>([
  'no action',
  'restrict',
  'cascade',
  'set null',
  'set default',
]);

/** A foreign key action in any case (`CASCADE`, `set null`); NO ACTION when absent. */
export const referentialAction = (action: string | null | undefined): ReferentialAction => {
  const lowered = (action ?? 'no action').toLowerCase();
  return REFERENTIAL_ACTIONS.has(lowered) ? (lowered as ReferentialAction) : 'no action';
};

/** An index key on a column, without operator class. */
export const columnIndexKey = (column: string, order: 'asc' | 'desc', nulls: 'first' | 'last'): IndexKey => ({
  kind: 'column',
  column,
  order,
  nulls,
  opclass: null,
});

/** The index PostgreSQL creates for a primary key or unique constraint (same name). */
export const constraintIndex = (name: string, columns: readonly string[], nullsNotDistinct: boolean): Index => ({
  name,
  unique: true,
  nullsNotDistinct,
  method: 'btree',
  keys: columns.map((column) => columnIndexKey(column, 'asc', 'last')),
  include: [],
  predicate: null,
  constraint: name,
  definition: null,
});

const NULL_DEFAULT = /^\s*(?:\(\s*)*null(?:\s*\))*\s*(?:::\s*(.+?))?\s*$/i;

/**
 * Whether PostgreSQL keeps no default for `DEFAULT <sql>` on a column of `type`: a NULL
 * constant, bare or cast to the column's own type, is not stored (`AddRelationNewConstraints`:
 * "the default behavior is equivalent"), so `.default(sql\`null\`)` reads back as no default.
 * `spell` turns the cast's type name into the Catalog's spelling.
 */
export const isNullDefault = (sql: string, type: ColumnType, spell: (sqlType: string) => ColumnType): boolean => {
  const match = NULL_DEFAULT.exec(sql);
  if (match === null) return false;
  const cast = match[1];
  if (cast === undefined) return true;
  const castType = spell(cast);
  return castType.name === type.name && castType.schema === type.schema && castType.dimensions === type.dimensions;
};
