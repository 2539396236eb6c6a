/**
 * captureDump(): the catalog of a database from the plain-SQL output of
 * `pg_dump --schema-only`, with no server anywhere. The dump is split (split.ts) and
 * classified (classify.ts), what defines the catalog is replayed into an in-process
 * PostgreSQL (PGlite, pglite.ts), and the same capture() as a live capture reads it
 * back, so names, types and expressions come out in PostgreSQL's own spelling.
 *
 * Then what the replay cannot know, or knows differently from the dumped server, is
 * taken from the dump itself or marked unknown (see DUMP_DIFFERENCES below).
 */
import { capture, type Capture } from '../capture/capture.js';
import { DEFAULT_MIGRATIONS_TABLE } from '../capture/queries/migrations.js';
import type { Catalog, QualifiedName } from '../catalog/model.js';
import { sortCatalog } from '../catalog/sort.js';
import { sharedSqlParser } from '../sql/parser.js';
import { classifyStatements } from './classify.js';
import { dumpError, TOO_LARGE_HINT, type DumpError } from './errors.js';
import { isComplete, readHeader } from './header.js';
import { startReplayDatabase } from './pglite.js';
import { restoreTypmods } from './placeholders.js';
import { replay, type ReplayReport, type ReplayStatement } from './replay.js';
import { splitDump, type DumpStatement } from './split.js';
import { viewDefinitionFromDump } from './view-definitions.js';
import { dumpWarnings, type MissingExtension } from './warnings.js';

/**
 * What a snapshot captured from a dump says differently from a live capture of the same
 * database, each because the dump does not hold it. Documented in the README.
 */
export const DUMP_DIFFERENCES = {
  /** No statistics in a dump: every table "may hold data". */
  rows: 'unknown',
  /** pg_dump writes CREATE EXTENSION without a version. */
  extensionVersion: 'unknown',
  /** The dump names no database unless made with --create. */
  database: '',
} as const;

/** Where a snapshot came from: the `source` of snapshot metadata (format v2). */
export type CaptureSource = { readonly kind: 'database' } | { readonly kind: 'pg-dump'; readonly pgDumpVersion: string | null };

export interface DumpCaptureOptions {
  /** The dump's text (see text.ts for bytes). */
  readonly dump: string;
  /** Schemas to read; default every schema except pg_* and information_schema. */
  readonly schemas?: readonly string[] | undefined;
  /** drizzle-kit's migrations journal, whose rows are read from the dump if it holds them. */
  readonly migrationsTable?: QualifiedName | undefined;
  /** A saved PGlite data directory, to skip initdb (tests, benchmarks). */
  readonly dataDir?: Blob | undefined;
  readonly onProgress?: ((progress: DumpProgress) => void) | undefined;
}

export type DumpProgress =
  | { readonly phase: 'parsed'; readonly statements: number }
  | { readonly phase: 'replaying'; readonly done: number; readonly total: number }
  | { readonly phase: 'reading' };

export interface DumpCapture extends Capture {
  readonly source: CaptureSource & { readonly kind: 'pg-dump' };
  readonly replay: ReplayReport;
  /** Statements in the dump (meta-commands not included). */
  readonly statements: number;
}

export type DumpCaptureOutcome = { readonly ok: true; readonly capture: DumpCapture } | { readonly ok: false; readonly error: DumpError };

const TRUNCATED_HINT = 'the file was cut short (a failed or interrupted pg_dump, a full disk, a partial copy): dump the database again';

export const captureDump = async (options: DumpCaptureOptions): Promise<DumpCaptureOutcome> => {
  const text = options.dump;
  const split = splitDump(text);
  if (!split.ok) {
    const { what, line } = split.unterminated;
    return fail(dumpError('truncated', `the dump ends inside a ${what} that starts at line ${line}: it is truncated`, TRUNCATED_HINT, line));
  }
  if (!isComplete(text)) {
    const last = split.units.at(-1)?.line ?? 1;
    return fail(
      dumpError(
        'truncated',
        `the dump ends without pg_dump's closing line "-- PostgreSQL database dump complete" (last statement at line ${last}): it is truncated`,
        TRUNCATED_HINT,
        last,
      ),
    );
  }
  const header = readHeader(text);
  const journal = options.migrationsTable ?? DEFAULT_MIGRATIONS_TABLE;
  const statements = split.units.filter((unit): unit is DumpStatement => unit.kind === 'statement');
  const metaCommands = split.units.flatMap((unit) => (unit.kind === 'meta' ? [unit.command] : []));
  const texts = statements.map((statement) => statement.text);
  const classify = (typeReferences: boolean): ReplayStatement[] => {
    const classified = classifyStatements(sharedSqlParser(), texts, { typeReferences });
    return statements.map((statement, index) => {
      const item = classified[index];
      if (item === undefined) throw new Error(`statement at line ${statement.line} was not classified`);
      return { statement, classified: item };
    });
  };
  // Type references matter only for placeholders; listing them costs a walk of every tree.
  let items = classify(false);
  options.onProgress?.({ phase: 'parsed', statements: items.length });

  const extensions = items.flatMap(({ classified: c }) => (c.role.kind === 'extension' ? [{ name: c.role.name, schema: c.role.schema ?? 'public' }] : []));
  const started = await startReplayDatabase({ extensions: extensions.map((e) => e.name), dataDir: options.dataDir });
  if (started.missingExtensions.length > 0) items = classify(true);
  const { database } = started;
  try {
    const missing = new Set(started.missingExtensions);
    const replayed = await replay({
      database,
      statements: items,
      metaCommands,
      missingExtensions: missing,
      journal,
      schemas: options.schemas,
      onProgress: (done, total) => options.onProgress?.({ phase: 'replaying', done, total }),
    });
    if (!replayed.ok) return fail(replayed.error);
    const report = replayed.report;

    options.onProgress?.({ phase: 'reading' });
    // No statement timeout: the replay is ours alone, and a large one reads for a while.
    const outcome = await capture({ queryable: database.queryable, schemas: options.schemas, migrationsTable: journal, statementTimeoutMs: 0 });
    if (!outcome.ok) {
      const missingSchemas = outcome.error.message.replace(/ not found in database .*$/, ' not found in the dump');
      return fail(dumpError('schema-not-found', missingSchemas, outcome.error.hint));
    }
    const live = outcome.capture;
    const missingExtensions: MissingExtension[] = extensions.filter((e) => missing.has(e.name));
    const definitions = viewDefinitions(items);
    const catalog = fromDump(live.catalog, definitions, report, missingExtensions, header.serverVersionNumber);
    const respelled = catalog.views.filter((view) => !definitions.has(key(view))).map((view) => `${view.schema}.${view.name}`);
    return {
      ok: true,
      capture: {
        ...live,
        catalog,
        server: {
          database: DUMP_DIFFERENCES.database,
          version: header.serverVersion ?? 'unknown',
          versionNumber: header.serverVersionNumber ?? 0,
        },
        // The journal only when the dump held its rows: a journal table without rows in a schema-only dump says nothing.
        migrations: report.journalRows === null ? null : live.migrations,
        warnings: [
          ...live.warnings,
          ...dumpWarnings(report, missingExtensions, journal),
          ...(respelled.length === 0
            ? []
            : [
                `the definition of ${respelled.length === 1 ? 'view' : 'views'} ${respelled.join(', ')} is not in the form pg_dump writes, so the snapshot has PostgreSQL 18's spelling of it (the dumped server's may differ in layout)`,
              ]),
        ],
        source: { kind: 'pg-dump', pgDumpVersion: header.pgDumpVersion },
        replay: report,
        statements: items.length,
      },
    };
  } catch (error) {
    // PGlite's WebAssembly memory is bounded (4 GiB): a replay that outgrows it aborts.
    if ((error instanceof Error && error.name === 'RuntimeError') || /out of memory|\bOOM\b/i.test(String(error))) {
      return fail(dumpError('too-large', `the replay ran out of memory: ${String(error instanceof Error ? error.message : error)}`, TOO_LARGE_HINT));
    }
    throw error;
  } finally {
    await database.close().catch(() => undefined);
  }
};

const fail = (error: DumpError): DumpCaptureOutcome => ({ ok: false, error });

const key = (name: QualifiedName): string => JSON.stringify([name.schema, name.name]);

/** View definitions as the dumped server spelled them (view-definitions.ts), by view; the last statement for a view wins. */
const viewDefinitions = (items: readonly ReplayStatement[]): ReadonlyMap<string, string> => {
  const definitions = new Map<string, string>();
  for (const { statement, classified } of items) {
    const view = classified.definesView;
    if (view === null) continue;
    const definition = viewDefinitionFromDump(statement.text);
    if (definition === null) definitions.delete(key(view));
    else definitions.set(key(view), definition);
  }
  return definitions;
};

/**
 * The replayed catalog, corrected with what only the dump knows: view definitions in
 * the dumped server's spelling, type modifiers of placeholder types, the extensions the
 * replay lacked, and extension versions (unknown).
 */
const fromDump = (
  catalog: Catalog,
  definitions: ReadonlyMap<string, string>,
  report: ReplayReport,
  missing: readonly MissingExtension[],
  serverVersion: number | null,
): Catalog => {
  const present = new Set(catalog.extensions.map((extension) => extension.name));
  const withTypmods = restoreTypmods(asDumpedServer(catalog, serverVersion), report.removedTypmods);
  return sortCatalog({
    ...withTypmods,
    // Loading the journal's rows gives its table an estimate; a dump has no statistics for any table.
    tables: withTypmods.tables.map((table) => (table.rows === DUMP_DIFFERENCES.rows ? table : { ...table, rows: DUMP_DIFFERENCES.rows })),
    views: withTypmods.views.map((view) => ({ ...view, definition: definitions.get(key(view)) ?? view.definition })),
    extensions: [
      ...withTypmods.extensions,
      ...missing.filter((extension) => !present.has(extension.name)).map((extension) => ({ ...extension, version: '' })),
    ].map((extension) => ({ ...extension, version: DUMP_DIFFERENCES.extensionVersion })),
  });
};

/** PostgreSQL 17 made partitions inherit their parent's identity columns. */
const PARTITION_IDENTITY_SINCE = 170000;

/**
 * The replayed catalog as the dumped server's version has it where PostgreSQL 18
 * differs in what the same DDL creates.
 * NOTE: since PostgreSQL 17 a partition's column is an identity column when its parent's
 * is (sharing the parent's sequence); before, partitions could not have identity columns
 * at all. So for a dump of a server before 17, no partition column is an identity column.
 */
const asDumpedServer = (catalog: Catalog, serverVersion: number | null): Catalog =>
  serverVersion === null || serverVersion >= PARTITION_IDENTITY_SINCE
    ? catalog
    : {
        ...catalog,
        tables: catalog.tables.map((table) =>
          table.partitionOf === null || !table.columns.some((column) => column.identity !== null)
            ? table
            : { ...table, columns: table.columns.map((column) => ({ ...column, identity: null })) },
        ),
      };
