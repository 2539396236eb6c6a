/**
 * capture(): reads a PostgreSQL catalog through any Queryable into a Catalog, in one
 * read-only REPEATABLE READ transaction, with a small constant number of statements
 * whatever the number of tables: the transaction's start and settings, a probe (server,
 * schemas, journal), the three large kinds (columns, indexes, constraints) one
 * statement each, every small kind together in one more, the catalog-change check, and
 * the commit: 8.
 */
import type { Catalog, Column, QualifiedName, Table } from '../catalog/model.js';
import { sortCatalog } from '../catalog/sort.js';
import { catalogChanged } from './catalog-changed.js';
import { countingQueryable, type Queryable } from './queryable.js';
import { readCatalogChange } from './queries/changes.js';
import { INHERITED_SEQUENCE, readColumns } from './queries/columns.js';
import { NO_CONSTRAINTS, readConstraints, type TableConstraints } from './queries/constraints.js';
import { domainsQuery } from './queries/domains.js';
import { enumsQuery } from './queries/enums.js';
import { extensionsQuery } from './queries/extensions.js';
import { readIndexes } from './queries/indexes.js';
import { DEFAULT_MIGRATIONS_TABLE, journalQuery, type MigrationsJournal } from './queries/migrations.js';
import { policiesQuery } from './queries/policies.js';
import { sequencesQuery } from './queries/sequences.js';
import { readServer, type ServerInfo } from './queries/server.js';
import { tableKey } from './queries/shared.js';
import { tablesQuery, type TableShell } from './queries/tables.js';
import { readTogether } from './queries/together.js';
import { viewsQuery } from './queries/views.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS, readOnlyTransaction } from './transaction.js';

export interface CaptureOptions {
  readonly queryable: Queryable;
  /** Schemas to read; default every schema except pg_* and information_schema. */
  readonly schemas?: readonly string[] | undefined;
  /** drizzle-kit's migrations journal; default `drizzle.__drizzle_migrations`. */
  readonly migrationsTable?: QualifiedName | undefined;
  /** Default 30 s. */
  readonly statementTimeoutMs?: number | undefined;
}

export interface Capture {
  readonly catalog: Catalog;
  readonly server: ServerInfo;
  /** The schemas asked for (`--schema`), or null for "every non-system schema". */
  readonly schemaFilter: readonly string[] | null;
  /** The journal's rows, or null when the table is absent or unreadable (see warnings). */
  readonly migrations: MigrationsJournal | null;
  /** Round trips to the server (statements, or groups of them sent at once), transaction control included. */
  readonly queries: number;
  /** Things the user should know that did not stop the capture. */
  readonly warnings: readonly string[];
}

export interface CaptureError {
  readonly code: 'schema-not-found';
  readonly message: string;
  readonly hint: string;
}

export type CaptureOutcome =
  | { readonly ok: true; readonly capture: Capture }
  | { readonly ok: false; readonly error: CaptureError };

/**
 * Reads the catalog. Resolves to an error value for bad input (a schema that does not
 * exist); rejects only when the database fails (connection lost, statement timeout) or
 * another session changes the catalog mid-read (catalog-changed.ts: run it again).
 */
export const capture = async (options: CaptureOptions): Promise<CaptureOutcome> => {
  const counted = countingQueryable(options.queryable);
  const schemaFilter = options.schemas === undefined ? null : [...new Set(options.schemas)];
  const journalTable = options.migrationsTable ?? DEFAULT_MIGRATIONS_TABLE;
  const transactionOptions = { statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS };

  const read = await readOnlyTransaction(counted, transactionOptions, async (q) => {
    const probe = await readServer(q, schemaFilter, journalTable);
    const missing = (schemaFilter ?? []).filter((schema) => !probe.schemas.includes(schema));
    if (missing.length > 0) return { ok: false as const, missing, probe };
    const schemas = probe.schemas;
    // All sent at once: the connection runs them one after another, in this order, and
    // the server reads the next kind while the previous one is mapped here. The change
    // check goes last, so that it runs after every read whose deparsed text it vouches for.
    const [columns, indexes, constraints, small, change] = await Promise.all([
      readColumns(q, schemas),
      readIndexes(q, schemas),
      readConstraints(q, schemas),
      readTogether(q, schemas, {
        tables: tablesQuery,
        policies: policiesQuery,
        enums: enumsQuery,
        domains: domainsQuery,
        sequences: sequencesQuery,
        views: viewsQuery,
        extensions: extensionsQuery,
        migrations: journalQuery(journalTable, probe.journal === 'present'),
      }),
      readCatalogChange(q, schemas),
    ]);
    if (change !== null) throw catalogChanged(`${change.kind} ${change.was}`, 'renamed, moved or dropped');
    const { tables, policies, enums, domains, sequences, views, extensions, migrations } = small;
    const assembled = tables.map((shell) => assembleTable(shell, { columns, constraints, indexes, policies }));
    const catalog: Catalog = {
      schemas,
      tables: inheritIdentity(inheritArrayDimensions(assembled)),
      enums,
      domains,
      sequences,
      views,
      extensions,
    };
    return { ok: true as const, probe, catalog, migrations };
  });

  if (!read.ok) {
    const database = read.probe.server.database;
    return {
      ok: false,
      error: {
        code: 'schema-not-found',
        message: `schema${read.missing.length > 1 ? 's' : ''} ${read.missing.map((s) => JSON.stringify(s)).join(', ')} not found in database ${JSON.stringify(database)}`,
        hint: 'schema names are case-sensitive ("Public" is not public): check the names, or leave the schema list out to capture every non-system schema',
      },
    };
  }
  return {
    ok: true,
    capture: {
      catalog: sortCatalog(read.catalog),
      server: read.probe.server,
      schemaFilter: schemaFilter === null ? null : [...schemaFilter].sort(),
      migrations: read.migrations,
      queries: counted.count(),
      warnings: journalWarnings(read.probe.journal, journalTable),
    },
  };
};

const journalWarnings = (state: string, table: QualifiedName): readonly string[] => {
  const name = `${table.schema}.${table.name}`;
  switch (state) {
    case 'no-privilege':
      return [
        `the migrations journal ${name} exists but this role may not read it (it needs USAGE on schema ${table.schema} and SELECT on the table); it is left out of the snapshot`,
      ];
    case 'unexpected-shape':
      return [`${name} has no id, hash and created_at columns, so it is not a drizzle migrations journal; it is left out`];
    default:
      return [];
  }
};

interface TableParts {
  readonly columns: ReadonlyMap<string, readonly Column[]>;
  readonly constraints: ReadonlyMap<string, TableConstraints>;
  readonly indexes: ReadonlyMap<string, Table['indexes']>;
  readonly policies: ReadonlyMap<string, Table['policies']>;
}

const assembleTable = (shell: TableShell, parts: TableParts): Table => {
  const key = tableKey(shell.schema, shell.name);
  const constraints = parts.constraints.get(key) ?? NO_CONSTRAINTS;
  return {
    ...shell,
    columns: parts.columns.get(key) ?? [],
    primaryKey: constraints.primaryKey,
    uniques: constraints.uniques,
    foreignKeys: constraints.foreignKeys,
    checks: constraints.checks,
    indexes: parts.indexes.get(key) ?? [],
    policies: parts.policies.get(key) ?? [],
  };
};

/**
 * NOTE: a partition's columns come from its parent with attndims 0 (PostgreSQL copies
 * the type, not the declared dimensions), so `numeric[][]` on the parent reads as
 * one dimension on each partition. Take the declared dimensions from the parent, which
 * cannot differ: a partition's column types must match its parent's exactly.
 */
export const inheritArrayDimensions = (tables: readonly Table[]): readonly Table[] => {
  const byKey = new Map(tables.map((table) => [tableKey(table.schema, table.name), table]));
  const dimensionsOf = (table: Table, column: string, seen: number): number | undefined => {
    const own = table.columns.find((c) => c.name === column)?.type.dimensions;
    if (table.partitionOf === null || seen > tables.length) return own;
    const parent = byKey.get(tableKey(table.partitionOf.schema, table.partitionOf.name));
    return (parent && dimensionsOf(parent, column, seen + 1)) ?? own;
  };
  return tables.map((table) =>
    table.partitionOf === null
      ? table
      : {
          ...table,
          columns: table.columns.map((column) => {
            const dimensions = dimensionsOf(table, column.name, 0) ?? column.type.dimensions;
            return column.type.dimensions > 0 && dimensions > column.type.dimensions
              ? { ...column, type: { ...column.type, dimensions } }
              : column;
          }),
        },
  );
};

/**
 * A partition's identity column reads with INHERITED_SEQUENCE (PostgreSQL 17+, see
 * columns.ts): it takes the sequence of the same column of its nearest ancestor that has one.
 */
export const inheritIdentity = (tables: readonly Table[]): readonly Table[] => {
  if (!tables.some((table) => table.columns.some((column) => column.identity?.sequence === INHERITED_SEQUENCE))) return tables;
  const byKey = new Map(tables.map((table) => [tableKey(table.schema, table.name), table]));
  const identityOf = (table: Table, column: string, seen: number): Column['identity'] | undefined => {
    const own = table.columns.find((c) => c.name === column)?.identity;
    if (own !== undefined && own !== null && own.sequence !== INHERITED_SEQUENCE) return own;
    const parent = table.partitionOf === null ? undefined : byKey.get(tableKey(table.partitionOf.schema, table.partitionOf.name));
    return parent === undefined || seen > tables.length ? undefined : identityOf(parent, column, seen + 1);
  };
  return tables.map((table) => ({
    ...table,
    columns: table.columns.map((column) => {
      if (column.identity?.sequence !== INHERITED_SEQUENCE) return column;
      const inherited = identityOf(table, column.name, 0);
      if (inherited === undefined || inherited === null) throw new Error(`identity column ${table.schema}.${table.name}.${column.name} has no sequence`);
      return { ...column, identity: { generation: column.identity.generation, sequence: inherited.sequence } };
    }),
  }));
};
