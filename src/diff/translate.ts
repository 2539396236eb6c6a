/**
 * The database catalog as it would read after the renames verify found: tables, columns
 * and enum types carry their schema-side names, and so do the references to them
 * (foreign keys, key columns, expressions, column types). Phase 2 then compares like
 * with like. Constraint and index names are left alone: they are paired separately.
 */
import type { Catalog, ColumnType, QualifiedName, Table } from '../catalog/model.js';
import { keyOf, type CatalogMatch } from './match-catalog.js';
import { renameIdentifiers, type IdentifierRenames } from './rename-identifiers.js';

export interface Renames {
  /** Database schema name → schema-side name. */
  readonly schemas: ReadonlyMap<string, string>;
  /** Database `schema.table` → schema-side table. */
  readonly tables: ReadonlyMap<string, QualifiedName>;
  /** Database `schema.table` → (database column → schema column). */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Database `schema.enum` → schema-side enum. */
  readonly enums: ReadonlyMap<string, QualifiedName>;
}

export const collectRenames = (match: CatalogMatch): Renames => {
  const changed = <T>(entries: readonly (readonly [string, T, boolean])[]): Map<string, T> =>
    new Map(entries.filter(([, , differs]) => differs).map(([k, v]) => [k, v]));
  return {
    schemas: changed(match.schemas.pairs.map((p) => [p.database, p.schema, p.database !== p.schema] as const)),
    tables: new Map(match.tables.pairs.map((p) => [keyOf(p.database), { schema: p.schema.schema, name: p.schema.name }] as const)),
    columns: new Map(
      match.tables.pairs.map((p) => [
        keyOf(p.database),
        changed(p.columns.pairs.map((c) => [c.database.name, c.schema.name, c.database.name !== c.schema.name] as const)),
      ]),
    ),
    enums: changed(
      match.enums.pairs.map((p) => [keyOf(p.database), { schema: p.schema.schema, name: p.schema.name }, keyOf(p.database) !== keyOf(p.schema)] as const),
    ),
  };
};

const translateType = (type: ColumnType, renames: Renames): ColumnType => {
  if (type.schema === null) return type;
  const renamed = renames.enums.get(`${type.schema}.${type.name}`);
  if (renamed !== undefined) return { ...type, schema: renamed.schema, name: renamed.name };
  const schema = renames.schemas.get(type.schema);
  return schema === undefined ? type : { ...type, schema };
};

const translateTable = (table: Table, renames: Renames): Table => {
  const key = keyOf(table);
  const columns = renames.columns.get(key) ?? new Map<string, string>();
  const identifiers: IdentifierRenames = {
    columns,
    // Casts name the type unqualified when it is on the search path, which is the common case.
    types: new Map([...renames.enums].map(([k, v]) => [k.slice(k.indexOf('.') + 1), v.name])),
  };
  const col = (name: string): string => columns.get(name) ?? name;
  const expr = <T extends string | null>(sql: T): T => (sql === null ? sql : (renameIdentifiers(sql, identifiers) as T));
  const target = renames.tables.get(key) ?? { schema: renames.schemas.get(table.schema) ?? table.schema, name: table.name };
  return {
    ...table,
    schema: target.schema,
    name: target.name,
    columns: table.columns.map((c) => ({
      ...c,
      name: col(c.name),
      type: translateType(c.type, renames),
      default: expr(c.default),
      generated: expr(c.generated),
    })),
    primaryKey: table.primaryKey === null ? null : { ...table.primaryKey, columns: table.primaryKey.columns.map(col) },
    uniques: table.uniques.map((u) => ({ ...u, columns: u.columns.map(col) })),
    foreignKeys: table.foreignKeys.map((fk) => {
      const referencedKey = keyOf(fk.references);
      const referenced = renames.tables.get(referencedKey) ?? {
        schema: renames.schemas.get(fk.references.schema) ?? fk.references.schema,
        name: fk.references.name,
      };
      const referencedColumns = renames.columns.get(referencedKey) ?? new Map<string, string>();
      return {
        ...fk,
        columns: fk.columns.map(col),
        references: { ...referenced, columns: fk.references.columns.map((c) => referencedColumns.get(c) ?? c) },
      };
    }),
    checks: table.checks.map((c) => ({ ...c, expression: expr(c.expression) })),
    policies: table.policies.map((p) => ({ ...p, using: expr(p.using), withCheck: expr(p.withCheck) })),
    indexes: table.indexes.map((index) => ({
      ...index,
      keys: index.keys.map((k) => (k.kind === 'column' ? { ...k, column: col(k.column) } : { ...k, expression: expr(k.expression) })),
      include: index.include.map(col),
      predicate: expr(index.predicate),
    })),
  };
};

/**
 * Whether no rename reaches `table`: its name, its columns and the tables and columns its
 * foreign keys reference stay, and no schema or enum is renamed at all. Its translation
 * would then be an equal copy; at 2,000 tables that copy is most of the catalog.
 */
const untouched = (table: Table, renames: Renames): boolean => {
  if (renames.schemas.size > 0 || renames.enums.size > 0) return false;
  const key = keyOf(table);
  const target = renames.tables.get(key);
  if (target !== undefined && (target.schema !== table.schema || target.name !== table.name)) return false;
  if ((renames.columns.get(key)?.size ?? 0) > 0) return false;
  return table.foreignKeys.every((fk) => {
    const referencedKey = keyOf(fk.references);
    const referenced = renames.tables.get(referencedKey);
    const sameTable = referenced === undefined || (referenced.schema === fk.references.schema && referenced.name === fk.references.name);
    return sameTable && (renames.columns.get(referencedKey)?.size ?? 0) === 0;
  });
};

export const translateDatabase = (database: Catalog, renames: Renames): Catalog => ({
  ...database,
  tables: database.tables.map((t) => (untouched(t, renames) ? t : translateTable(t, renames))),
});
