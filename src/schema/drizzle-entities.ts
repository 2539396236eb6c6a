/**
 * Recognizes the Drizzle objects drizzle-kit collects from schema modules, without
 * importing drizzle-orm.
 *
 * NOTE: the schema files import drizzle-orm from the user's project, which may be another
 * copy (or version) than any we could import. drizzle-orm's own `is()` compares the
 * `Symbol.for('drizzle:entityKind')` tag up the constructor chain, and `isPgEnum` a
 * `Symbol.for('drizzle:isPgEnum')` flag: both are in the global symbol registry, so they work
 * across copies, and so does this. Same kinds as drizzle-kit 0.31's `prepareFromExports`.
 */

export type DrizzleEntityKind =
  | 'PgTable'
  | 'PgEnum'
  | 'PgSchema'
  | 'PgSequence'
  | 'PgView'
  | 'PgMaterializedView'
  | 'PgRole'
  | 'PgPolicy';

const ENTITY_KIND = Symbol.for('drizzle:entityKind');
const IS_PG_ENUM = Symbol.for('drizzle:isPgEnum');
const TABLE_NAME = Symbol.for('drizzle:Name');
const TABLE_SCHEMA = Symbol.for('drizzle:Schema');

const CLASS_KINDS: ReadonlySet<string> = new Set<DrizzleEntityKind>([
  'PgTable',
  'PgSchema',
  'PgSequence',
  'PgView',
  'PgMaterializedView',
  'PgRole',
  'PgPolicy',
]);

/**
 * The kind drizzle-kit would collect `value` as, or null (relations, columns, anything else).
 * Never throws: a schema module may export anything, including a Proxy whose every trap
 * throws; what cannot be inspected is not a Drizzle object.
 */
export const drizzleEntityKind = (value: unknown): DrizzleEntityKind | null => {
  try {
    return entityKindOf(value);
  } catch {
    return null;
  }
};

const entityKindOf = (value: unknown): DrizzleEntityKind | null => {
  if (typeof value === 'function') {
    return (value as unknown as Record<symbol, unknown>)[IS_PG_ENUM] === true ? 'PgEnum' : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (let cls: unknown = Object.getPrototypeOf(value)?.constructor; typeof cls === 'function'; cls = Object.getPrototypeOf(cls)) {
    const kind = (cls as unknown as Record<symbol, unknown>)[ENTITY_KIND];
    if (typeof kind === 'string' && CLASS_KINDS.has(kind)) return kind as DrizzleEntityKind;
  }
  return null;
};

/** `schema.name` of a PgTable (schema `public` when unset), as drizzle-kit keys tables. */
export const tableKey = (table: object): string => {
  const record = table as Record<symbol, unknown>;
  const schema = record[TABLE_SCHEMA];
  return `${typeof schema === 'string' && schema !== '' ? schema : 'public'}.${String(record[TABLE_NAME])}`;
};
