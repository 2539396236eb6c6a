/**
 * Writes the PostgreSQL DDL of a benchmark model, in the spellings drizzle-kit itself
 * writes for the matching schema (see `bench/check.ts`, which compares the two databases
 * through pg_dump). Pure: returns statements in dependency order; foreign keys are inline
 * because they only point at earlier tables.
 */
import type { BenchColumn, BenchDefault, BenchModel, BenchTable } from './model.js';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const typeSql = (column: BenchColumn): string => {
  const type = column.type;
  switch (type.kind) {
    case 'varchar':
      return `varchar(${type.length})`;
    case 'numeric':
      return `numeric(${type.precision}, ${type.scale})`;
    case 'timestamptz':
      return 'timestamp with time zone';
    case 'enum':
      return `"public".${ident(type.enumName)}`;
    default:
      return type.kind;
  }
};

const defaultSql = (value: BenchDefault): string => {
  switch (value.kind) {
    case 'string':
    case 'decimal':
      return literal(value.value);
    case 'number':
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'now':
      return 'now()';
    case 'random-uuid':
      return 'gen_random_uuid()';
    case 'empty-object':
      return "'{}'::jsonb";
    case 'empty-array':
      return "'{}'";
  }
};

const columnSql = (column: BenchColumn): string => {
  let sql = `${ident(column.name)} ${typeSql(column)}`;
  if (column.primaryKey) sql += ' PRIMARY KEY';
  if (column.identity) sql += ' GENERATED ALWAYS AS IDENTITY';
  if (column.default !== null) sql += ` DEFAULT ${defaultSql(column.default)}`;
  if (column.notNull) sql += ' NOT NULL';
  return sql;
};

const createTableSql = (table: BenchTable): string => {
  const lines = table.columns.map(columnSql);
  for (const unique of table.uniques) {
    lines.push(`CONSTRAINT ${ident(unique.name)} UNIQUE(${unique.columns.map(ident).join(', ')})`);
  }
  for (const check of table.checks) {
    lines.push(`CONSTRAINT ${ident(check.name)} CHECK (${ident(check.column)} >= ${check.minimum})`);
  }
  for (const fk of table.foreignKeys) {
    lines.push(
      `CONSTRAINT ${ident(fk.name)} FOREIGN KEY (${ident(fk.column)}) REFERENCES "public".${ident(fk.foreignTable)}(${ident(fk.foreignColumn)}) ON DELETE ${fk.onDelete} ON UPDATE no action`,
    );
  }
  return `CREATE TABLE ${ident(table.name)} (\n\t${lines.join(',\n\t')}\n);`;
};

const tableStatements = (table: BenchTable): string[] => [
  createTableSql(table),
  ...table.indexes.map(
    (index) =>
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${ident(index.name)} ON ${ident(table.name)} USING btree (${index.columns.map(ident).join(',')});`,
  ),
];

/** Comments have no Drizzle spelling: the database carries them, the schema cannot. */
export const commentStatements = (model: BenchModel): readonly string[] =>
  model.tables.flatMap((table) => [
    ...(table.comment === null ? [] : [`COMMENT ON TABLE ${ident(table.name)} IS ${literal(table.comment)};`]),
    ...table.columns
      .filter((c) => c.comment !== null)
      .map((c) => `COMMENT ON COLUMN ${ident(table.name)}.${ident(c.name)} IS ${literal(c.comment ?? '')};`),
  ]);

/** Every statement that builds the database, in order: enums, tables with their indexes, comments. */
export const ddlStatements = (model: BenchModel): readonly string[] => [
  ...model.enums.map((e) => `CREATE TYPE "public".${ident(e.name)} AS ENUM(${e.values.map(literal).join(', ')});`),
  ...model.tables.flatMap(tableStatements),
  ...commentStatements(model),
];
