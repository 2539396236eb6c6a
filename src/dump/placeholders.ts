/**
 * Stand-ins for the types of extensions the replay does not have (PostGIS, pgvector, a
 * vendor's): a base type of the same schema and name, so that tables using it replay and
 * their columns come out with the type's name, as a live capture spells it.
 *
 * A placeholder is a real base type whose input and output are text's own (`textin`,
 * `textout`, internal functions a superuser may bind), so casts of literals to it replay
 * too. It takes no type modifier: a column declared `public.geometry(Point,4326)` is
 * replayed as `public.geometry`, and the modifier text, which pg_dump printed with
 * format_type() on the dumped server, is put back on the captured column afterwards.
 * Pure, except for the SQL it returns.
 */
import type { Catalog, ColumnType, QualifiedName } from '../catalog/model.js';
import type { TypeOwner, TypeReference } from './classify.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const qualified = (name: QualifiedName): string => `${quote(name.schema)}.${quote(name.name)}`;

/** The statements that create placeholder `index` (for unique helper names) for `type`. */
export const placeholderSql = (type: QualifiedName, index: number): string => {
  const input = `${quote(type.schema)}.${quote(`drizzle_catalog_placeholder_in_${index}`)}`;
  const output = `${quote(type.schema)}.${quote(`drizzle_catalog_placeholder_out_${index}`)}`;
  return [
    `create type ${qualified(type)}`,
    `create function ${input}(cstring) returns ${qualified(type)} language internal immutable strict as 'textin'`,
    `create function ${output}(${qualified(type)}) returns cstring language internal immutable strict as 'textout'`,
    `create type ${qualified(type)} (input = ${input}, output = ${output}, like = text)`,
  ].join(';\n');
};

/** A type modifier removed from a statement, to put back on what it typed. */
export interface RemovedTypmod {
  readonly owner: TypeOwner;
  readonly type: QualifiedName;
  /** As pg_dump printed it, e.g. `(Point,4326)`. */
  readonly text: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * `statement` without the type modifiers of its references to placeholder types, and what
 * was removed. A reference's offset is a UTF-8 byte offset (the parser's locations).
 */
export const stripPlaceholderTypmods = (
  statement: string,
  references: readonly TypeReference[],
  isPlaceholder: (type: QualifiedName) => boolean,
): { readonly text: string; readonly removed: readonly RemovedTypmod[] } => {
  const targets = references.filter((ref) => ref.hasTypmods && ref.offset >= 0 && isPlaceholder(ref)).sort((a, b) => b.offset - a.offset);
  if (targets.length === 0) return { text: statement, removed: [] };
  let bytes = encoder.encode(statement);
  const removed: RemovedTypmod[] = [];
  for (const ref of targets) {
    const span = typmodSpan(bytes, ref.offset);
    if (span === null) continue;
    const text = decoder.decode(bytes.subarray(span.start, span.end));
    if (ref.owner !== null) removed.push({ owner: ref.owner, type: { schema: ref.schema, name: ref.name }, text });
    const next = new Uint8Array(bytes.length - (span.end - span.start));
    next.set(bytes.subarray(0, span.start), 0);
    next.set(bytes.subarray(span.end), span.start);
    bytes = next;
  }
  return { text: decoder.decode(bytes), removed };
};

/** A byte of an unquoted identifier: letters, digits, `_`, `$`, and any byte of a multibyte character. */
const isIdentifierByte = (byte: number): boolean =>
  byte >= 0x80 || byte === 0x5f || byte === 0x24 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a);

/** The `( ... )` after the (possibly quoted, qualified) type name starting at `from`, or null. */
const typmodSpan = (bytes: Uint8Array, from: number): { start: number; end: number } | null => {
  let at = from;
  // The name: identifiers, quoted identifiers, dots and spaces between them.
  while (at < bytes.length) {
    const byte = bytes[at] ?? 0;
    if (byte === 0x22) {
      at += 1;
      while (at < bytes.length && !(bytes[at] === 0x22 && bytes[at + 1] !== 0x22)) at += bytes[at] === 0x22 ? 2 : 1;
      at += 1;
    } else if (byte === 0x2e || byte === 0x20 || isIdentifierByte(byte)) {
      at += 1;
    } else break;
  }
  if (bytes[at] !== 0x28) return null;
  const start = at;
  let depth = 0;
  while (at < bytes.length) {
    const byte = bytes[at];
    if (byte === 0x27 || byte === 0x22) {
      const quoteByte = byte;
      at += 1;
      while (at < bytes.length && !(bytes[at] === quoteByte && bytes[at + 1] !== quoteByte)) at += bytes[at] === quoteByte ? 2 : 1;
    } else if (byte === 0x28) depth += 1;
    else if (byte === 0x29) {
      depth -= 1;
      if (depth === 0) return { start, end: at + 1 };
    }
    at += 1;
  }
  return null;
};

const sameName = (a: QualifiedName, b: QualifiedName): boolean => a.schema === b.schema && a.name === b.name;

const withTypmod = (type: ColumnType, removed: RemovedTypmod): ColumnType =>
  type.schema === removed.type.schema && type.name === removed.type.name ? { ...type, name: `${type.name}${removed.text}` } : type;

/** The catalog with each removed type modifier back on its column or domain. */
export const restoreTypmods = (catalog: Catalog, removed: readonly RemovedTypmod[]): Catalog => {
  if (removed.length === 0) return catalog;
  const forColumn = new Map<string, RemovedTypmod>();
  const forDomain = new Map<string, RemovedTypmod>();
  for (const entry of removed) {
    if (entry.owner.kind === 'column') forColumn.set(JSON.stringify([entry.owner.schema, entry.owner.table, entry.owner.column]), entry);
    else forDomain.set(JSON.stringify([entry.owner.schema, entry.owner.name]), entry);
  }
  return {
    ...catalog,
    tables: catalog.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => {
        // A partition's columns come from its parent's definition.
        const entry = forColumn.get(JSON.stringify([table.schema, table.name, column.name])) ?? parentEntry(catalog, table, column.name, forColumn);
        return entry === undefined ? column : { ...column, type: withTypmod(column.type, entry) };
      }),
    })),
    domains: catalog.domains.map((domain) => {
      const entry = forDomain.get(JSON.stringify([domain.schema, domain.name]));
      return entry === undefined ? domain : { ...domain, type: withTypmod(domain.type, entry) };
    }),
  };
};

const parentEntry = (
  catalog: Catalog,
  table: Catalog['tables'][number],
  column: string,
  forColumn: ReadonlyMap<string, RemovedTypmod>,
): RemovedTypmod | undefined => {
  let parent = table.partitionOf;
  for (let hops = 0; parent !== null && hops < catalog.tables.length; hops += 1) {
    const entry = forColumn.get(JSON.stringify([parent.schema, parent.name, column]));
    if (entry !== undefined) return entry;
    const current: QualifiedName = parent;
    parent = catalog.tables.find((t) => sameName(t, current))?.partitionOf ?? null;
  }
  return undefined;
};
