/**
 * Drift as data: one change made to the *database* (with SQL) while the Drizzle schema stays
 * as it was, the way production drifts from `schema.ts`. Each mutation knows its SQL and
 * what a correct comparison must report; `mutationArb(spec)` draws one that applies.
 */
import fc from 'fast-check';
import pluralize from 'pluralize';
import { splitWords, styleName, type NameStyle } from './arbitrary-schema.js';
import {
  MAX_IDENTIFIER_BYTES,
  byteLength,
  indexName,
  isSerial,
  quoteIdent,
  quoteLiteral,
  sqlType,
  tableRef,
  truncateIdentifier,
  type ColumnSpec,
  type ColumnTypeSpec,
  type DefaultValue,
  type EnumSpec,
  type SchemaSpec,
  type TableSpec,
} from './schema-spec.js';

interface ColumnRef {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
}

export type Mutation =
  | (ColumnRef & { readonly kind: 'rename-column'; readonly to: string })
  | { readonly kind: 'rename-table'; readonly schema: string; readonly table: string; readonly to: string }
  | (ColumnRef & { readonly kind: 'drop-column' })
  | (ColumnRef & { readonly kind: 'change-type'; readonly from: ColumnTypeSpec; readonly to: ColumnTypeSpec; readonly direction: 'widen' | 'narrow' })
  | (ColumnRef & { readonly kind: 'set-not-null' | 'drop-not-null' })
  | (ColumnRef & { readonly kind: 'set-default'; readonly sql: string })
  | (ColumnRef & { readonly kind: 'drop-default' })
  | { readonly kind: 'add-enum-value'; readonly schema: string; readonly enum: string; readonly value: string }
  | { readonly kind: 'remove-enum-value'; readonly schema: string; readonly enum: string; readonly value: string }
  | { readonly kind: 'drop-index'; readonly schema: string; readonly table: string; readonly index: string };

export type MutationKind = Mutation['kind'];

// --- candidates -----------------------------------------------------------------------

/** Columns nothing else depends on: no key, index, identity or sequence; changing one touches only it. */
const plainColumns = (spec: SchemaSpec): { table: TableSpec; column: ColumnSpec }[] => {
  const referenced = new Set(spec.tables.flatMap((t) => t.foreignKeys.flatMap((f) => f.references.columns.map((c) => `${f.references.schema}.${f.references.table}.${c}`))));
  return spec.tables.flatMap((table) => {
    const keyed = new Set([
      ...(table.primaryKey?.columns ?? []),
      ...table.uniques.flatMap((u) => u.columns),
      ...table.foreignKeys.flatMap((f) => f.columns),
      ...table.indexes.flatMap((ix) => [...ix.keys.map((k) => k.column), ...(ix.whereNotNull === null ? [] : [ix.whereNotNull])]),
    ]);
    return table.columns
      .filter((c) => !keyed.has(c.name) && !referenced.has(`${table.schema}.${table.name}.${c.name}`) && c.identity === null && !isSerial(c.type))
      .map((column) => ({ table, column }));
  });
};

const styleOf = (name: string): NameStyle => {
  if (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name)) return 'screaming';
  if (name.includes('_')) return 'snake';
  if (/^[A-Z]/.test(name)) return 'pascal';
  if (/[A-Z]/.test(name)) return 'camel';
  return 'lower';
};

/** Other spellings of the same words (`user_id` → `userId`, `UserId`, `USER_ID`, `userid`). */
export const casingVariants = (name: string): string[] => {
  const words = splitWords(name);
  const styles: NameStyle[] = ['snake', 'camel', 'pascal', 'screaming', 'lower'];
  return [...new Set(styles.map((s) => styleName(words, s)))].filter((v) => v !== name && byteLength(v) <= MAX_IDENTIFIER_BYTES);
};

/** The table name with its last word in the other grammatical number, same style (`users` ↔ `user`). */
export const numberVariant = (name: string): string | null => {
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const flipped = pluralize.isPlural(last) ? pluralize.singular(last) : pluralize.plural(last);
  if (flipped === last) return null;
  const variant = styleName([...words.slice(0, -1), flipped], styleOf(name));
  return variant !== name && byteLength(variant) <= MAX_IDENTIFIER_BYTES && splitWords(variant).join(' ') !== words.join(' ') ? variant : null;
};

/** A wider and a narrower type for a column type, when one exists. */
const typeChanges = (type: ColumnTypeSpec): { to: ColumnTypeSpec; direction: 'widen' | 'narrow' }[] => {
  switch (type.kind) {
    case 'smallint':
      return [{ to: { kind: 'integer' }, direction: 'widen' }];
    case 'integer':
      return [
        { to: { kind: 'bigint' }, direction: 'widen' },
        { to: { kind: 'smallint' }, direction: 'narrow' },
      ];
    case 'bigint':
      return [{ to: { kind: 'integer' }, direction: 'narrow' }];
    case 'real':
      return [{ to: { kind: 'double precision' }, direction: 'widen' }];
    case 'double precision':
      return [{ to: { kind: 'real' }, direction: 'narrow' }];
    case 'text':
      return [{ to: { kind: 'varchar', length: 40 }, direction: 'narrow' }];
    case 'varchar':
      // NOTE: unbounded varchar and text hold the same values (text → varchar is lossless),
      // so that pair is neither a widening nor a narrowing: verify rightly calls it low risk.
      return type.length === null
        ? []
        : [
            { to: { kind: 'varchar', length: type.length * 2 }, direction: 'widen' },
            ...(type.length > 1 ? [{ to: { kind: 'varchar' as const, length: Math.floor(type.length / 2) }, direction: 'narrow' as const }] : []),
          ];
    case 'numeric':
      return type.precision === null
        ? [{ to: { kind: 'numeric', precision: 12, scale: 2 }, direction: 'narrow' }]
        : [{ to: { kind: 'numeric', precision: type.precision + 2, scale: type.scale }, direction: 'widen' }];
    case 'timestamp':
      return [
        { to: { ...type, precision: type.precision === null || type.precision > 3 ? 3 : type.precision + 1 }, direction: type.precision === null || type.precision > 3 ? 'narrow' : 'widen' },
        { to: { ...type, withTimezone: !type.withTimezone }, direction: type.withTimezone ? 'narrow' : 'widen' },
      ];
    default:
      return [];
  }
};

/** A default expression different from anything the generator draws, per type (null: none fits). */
const otherDefault = (column: ColumnSpec): string | null => {
  if (column.dimensions > 0) {
    // NOTE: drizzle-kit cannot read back any default of a jsonb array: push exits (see round-trip.test.ts).
    if (column.type.kind === 'jsonb') return null;
    const current = column.default?.kind === 'value' ? column.default.value : null;
    return Array.isArray(current) && current.length === 0 ? null : `'{}'`;
  }
  switch (column.type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return '4242';
    case 'real':
    case 'double precision':
      return '42.5';
    case 'numeric':
      return `'0.42'`;
    case 'text':
    case 'varchar':
      return `'x'`;
    case 'boolean':
      return column.default?.kind === 'value' && column.default.value === true ? 'false' : 'true';
    case 'date':
      return `'1999-12-31'`;
    case 'timestamp':
      return `'1999-12-31 23:59:59'`;
    case 'jsonb':
      return `'{"mutated": true}'::jsonb`;
    case 'uuid':
      return `'11111111-1111-4111-8111-111111111111'`;
    default:
      return null;
  }
};

const enumUsers = (spec: SchemaSpec, e: EnumSpec): { table: TableSpec; column: ColumnSpec }[] =>
  spec.tables.flatMap((table) =>
    table.columns.filter((c) => c.type.kind === 'enum' && c.type.schema === e.schema && c.type.name === e.name).map((column) => ({ table, column })),
  );

const defaultValues = (value: DefaultValue): DefaultValue[] => (Array.isArray(value) ? value.flatMap((v: DefaultValue) => defaultValues(v)) : [value]);

/** Every mutation that applies cleanly to a database holding `spec`, by kind. */
export const mutationCandidates = (spec: SchemaSpec): Mutation[] => {
  const out: Mutation[] = [];
  const plain = plainColumns(spec);
  const ref = (t: TableSpec, c: ColumnSpec): ColumnRef => ({ schema: t.schema, table: t.name, column: c.name });
  for (const { table, column } of plain) {
    const [variant] = casingVariants(column.name);
    if (variant !== undefined) out.push({ kind: 'rename-column', ...ref(table, column), to: variant });
    out.push({ kind: 'drop-column', ...ref(table, column) });
    if (column.dimensions === 0 && column.default === null) {
      for (const change of typeChanges(column.type)) out.push({ kind: 'change-type', ...ref(table, column), from: column.type, ...change });
    }
    out.push({ kind: column.notNull ? 'drop-not-null' : 'set-not-null', ...ref(table, column) });
    const other = otherDefault(column);
    if (other !== null) out.push({ kind: 'set-default', ...ref(table, column), sql: other });
    if (column.default !== null) out.push({ kind: 'drop-default', ...ref(table, column) });
  }
  const otherNames = new Set(spec.tables.map((t) => `${t.schema}.${t.name}`));
  for (const table of spec.tables) {
    const variant = numberVariant(table.name);
    if (variant !== null && !otherNames.has(`${table.schema}.${variant}`)) out.push({ kind: 'rename-table', schema: table.schema, table: table.name, to: variant });
    for (const ix of table.indexes) out.push({ kind: 'drop-index', schema: table.schema, table: table.name, index: truncateIdentifier(indexName(table, ix)) });
  }
  const plainKeys = new Set(plain.map(({ table, column }) => `${table.schema}.${table.name}.${column.name}`));
  for (const e of spec.enums) {
    out.push({ kind: 'add-enum-value', schema: e.schema, enum: e.name, value: 'zz added' });
    const users = enumUsers(spec, e);
    if (e.values.length < 2 || !users.every(({ table, column }) => plainKeys.has(`${table.schema}.${table.name}.${column.name}`))) continue;
    const inDefaults = new Set(users.flatMap(({ column }) => (column.default?.kind === 'value' ? defaultValues(column.default.value) : [])));
    const removable = e.values.find((v) => !inDefaults.has(v));
    if (removable !== undefined) out.push({ kind: 'remove-enum-value', schema: e.schema, enum: e.name, value: removable });
  }
  return out;
};

/** A mutation that applies to `spec`, or null when none does. */
export const mutationArb = (spec: SchemaSpec): fc.Arbitrary<Mutation | null> => {
  const candidates = mutationCandidates(spec);
  if (candidates.length === 0) return fc.constant(null);
  // Pick a kind first so that rare kinds (enums, indexes) are drawn as often as column ones.
  const kinds = [...new Set(candidates.map((m) => m.kind))];
  return fc.constantFrom(...kinds).chain((kind) => fc.constantFrom(...candidates.filter((m) => m.kind === kind)));
};

// --- SQL ------------------------------------------------------------------------------

const arrayLiteral = (value: DefaultValue): string =>
  Array.isArray(value)
    ? `{${value.map((v: DefaultValue) => arrayLiteral(v)).join(',')}}`
    : `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

const columnType = (column: ColumnSpec, type: ColumnTypeSpec = column.type): string => `${sqlType(type)}${'[]'.repeat(column.dimensions)}`;

/** The SQL that makes the database drift from the schema. */
export const mutationSql = (mutation: Mutation, spec: SchemaSpec): string => {
  switch (mutation.kind) {
    case 'rename-column':
      return `alter table ${tableRef(mutation.schema, mutation.table)} rename column ${quoteIdent(mutation.column)} to ${quoteIdent(mutation.to)};`;
    case 'rename-table':
      return `alter table ${tableRef(mutation.schema, mutation.table)} rename to ${quoteIdent(mutation.to)};`;
    case 'drop-column':
      return `alter table ${tableRef(mutation.schema, mutation.table)} drop column ${quoteIdent(mutation.column)};`;
    case 'change-type':
      return `alter table ${tableRef(mutation.schema, mutation.table)} alter column ${quoteIdent(mutation.column)} type ${sqlType(mutation.to)};`;
    case 'set-not-null':
      return `alter table ${tableRef(mutation.schema, mutation.table)} alter column ${quoteIdent(mutation.column)} set not null;`;
    case 'drop-not-null':
      return `alter table ${tableRef(mutation.schema, mutation.table)} alter column ${quoteIdent(mutation.column)} drop not null;`;
    case 'set-default':
      return `alter table ${tableRef(mutation.schema, mutation.table)} alter column ${quoteIdent(mutation.column)} set default ${mutation.sql};`;
    case 'drop-default':
      return `alter table ${tableRef(mutation.schema, mutation.table)} alter column ${quoteIdent(mutation.column)} drop default;`;
    case 'add-enum-value':
      return `alter type ${tableRef(mutation.schema, mutation.enum)} add value ${quoteLiteral(mutation.value)};`;
    case 'drop-index':
      return `drop index ${tableRef(mutation.schema, mutation.index)};`;
    case 'remove-enum-value': {
      // PostgreSQL cannot drop an enum value: rebuild the type and move its columns over.
      const e = spec.enums.find((x) => x.schema === mutation.schema && x.name === mutation.enum);
      if (!e) throw new Error(`no enum ${mutation.schema}.${mutation.enum}`);
      const type = tableRef(e.schema, e.name);
      const old = `${e.name}__old`.slice(0, MAX_IDENTIFIER_BYTES);
      const lines = [
        `alter type ${type} rename to ${quoteIdent(old)};`,
        `create type ${type} as enum (${e.values.filter((v) => v !== mutation.value).map(quoteLiteral).join(', ')});`,
      ];
      for (const { table, column } of enumUsers(spec, e)) {
        const target = `alter table ${tableRef(table.schema, table.name)} alter column ${quoteIdent(column.name)}`;
        const dims = '[]'.repeat(column.dimensions);
        if (column.default !== null) lines.push(`${target} drop default;`);
        lines.push(`${target} type ${columnType(column)} using ${quoteIdent(column.name)}::text${dims}::${type}${dims};`);
        if (column.default?.kind === 'value') {
          const literal = column.dimensions === 0 ? String(column.default.value) : arrayLiteral(column.default.value);
          lines.push(`${target} set default ${quoteLiteral(literal)}::${type}${dims};`);
        }
      }
      lines.push(`drop type ${tableRef(e.schema, old)};`);
      return lines.join('\n');
    }
  }
};
