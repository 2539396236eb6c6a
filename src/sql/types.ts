/** What the rules need to know about a type named in a cast or by a column. */
export interface TypeInfo {
  /** Internal name, as the parser resolves aliases: `int4`, `varchar`, `timestamptz`, `bool`, `mood`. */
  readonly name: string;
  /** Schema when one was written, other than `pg_catalog` and `public`. */
  readonly schema: string | undefined;
  /** `text[]`, `text[][]` (PostgreSQL does not enforce the number of dimensions). */
  readonly array: boolean;
  /** Whether a modifier was given: `varchar(50)`, `numeric(10,2)`, `timestamp(3)`. */
  readonly hasTypmods: boolean;
}

/** Exact numeric types: a literal cast to one of them keeps its value. */
export const EXACT_NUMERIC_TYPES: ReadonlySet<string> = new Set(['int2', 'int4', 'int8', 'numeric']);
export const NUMERIC_TYPES: ReadonlySet<string> = new Set([...EXACT_NUMERIC_TYPES, 'float4', 'float8']);

export const isBuiltin = (type: TypeInfo, name: string): boolean => type.schema === undefined && type.name === name;

export const elementType = (type: TypeInfo): TypeInfo => ({ ...type, array: false });
