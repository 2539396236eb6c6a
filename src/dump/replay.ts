/**
 * Replays what defines the catalog into a ReplayDatabase (PGlite), in the dump's order,
 * and accounts for everything else: skipped statements by reason, rows never loaded,
 * settings the replay does not know, statements it refused.
 *
 * Statements run in batches (one round trip and one implicit transaction each: per
 * statement, PGlite spends more on the round trip than on most DDL). When a batch
 * fails, it is rolled back and run again one statement at a time, so that the failing
 * statement is known and handled alone:
 * - a syntax error ends the capture, with the line (the dump is damaged);
 * - a statement creating or attaching a table ends it too (a snapshot without that
 *   table would tell verify it does not exist);
 * - a setting, DROP or CREATE LANGUAGE the replay does not know is counted and ignored;
 * - anything else (an index, a view, a function) is reported by line and left out.
 */
import type { QualifiedName } from '../catalog/model.js';
import type { ClassifiedStatement, SkipReason } from './classify.js';
import { dumpError, TOO_LARGE_HINT, type DumpError } from './errors.js';
import { replayFailureOf, type ReplayDatabase, type ReplayFailure } from './pglite.js';
import { placeholderSql, stripPlaceholderTypmods, type RemovedTypmod } from './placeholders.js';
import type { DumpStatement } from './split.js';

export interface ReplayStatement {
  readonly statement: DumpStatement;
  readonly classified: ClassifiedStatement;
}

export interface ReplayOptions {
  readonly database: ReplayDatabase;
  readonly statements: readonly ReplayStatement[];
  /** psql meta-commands met, by command word (`restrict`, `unrestrict`, `connect`). */
  readonly metaCommands: readonly string[];
  /** Extensions PGlite does not ship: not created; their types get placeholders. */
  readonly missingExtensions: ReadonlySet<string>;
  readonly journal: QualifiedName;
  /** The schemas the capture keeps (--schema), or undefined for all: a table outside them that fails is only reported. */
  readonly schemas?: readonly string[] | undefined;
  /** Called after each batch with the number of statements done so far. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** A statement the replay refused and left out (its object is missing from the snapshot). */
export interface RefusedStatement {
  readonly line: number;
  readonly label: string;
  readonly message: string;
}

export interface ReplayReport {
  readonly replayed: number;
  /** The distinct psql meta-commands met (`restrict`, `unrestrict`), counted as skipped. */
  readonly metaCommands: readonly string[];
  readonly skipped: ReadonlyMap<SkipReason, number>;
  /** Tables whose rows the dump holds and the replay did not load. */
  readonly tablesWithRows: readonly QualifiedName[];
  /** Rows of the migrations journal loaded from the dump, or null when the dump holds none (a schema-only dump). */
  readonly journalRows: number | null;
  /** Settings and other tolerated statements the replay refused, by what they are, with the first message. */
  readonly ignored: ReadonlyMap<string, string>;
  readonly refused: readonly RefusedStatement[];
  readonly placeholders: readonly QualifiedName[];
  /** Collations the dump uses that the replay lacked (the dumped server's ICU or libc locales): created as copies of "C". */
  readonly collations: readonly QualifiedName[];
  readonly removedTypmods: readonly RemovedTypmod[];
}

export type ReplayOutcome = { readonly ok: true; readonly report: ReplayReport } | { readonly ok: false; readonly error: DumpError };

const BATCH_STATEMENTS = 64;
const BATCH_CHARS = 64 * 1024;
/** PostgreSQL's SQLSTATE for a syntax error. */
const SYNTAX_ERROR = '42601';
const DUPLICATE_SCHEMA = '42P06';
/** Out of memory, out of shared memory (locks), program limit exceeded, disk full: the replay itself gave out. */
const EXHAUSTED = new Set(['53200', '53100', '53000', '54000']);
/** Roles every PostgreSQL has; a policy may name them without them being created. */
const BUILT_IN_ROLE = /^(?:postgres|pg_.*)$/;

const key = (name: QualifiedName): string => JSON.stringify([name.schema, name.name]);
const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const replay = async (options: ReplayOptions): Promise<ReplayOutcome> => {
  const { database, statements } = options;
  const skipped = new Map<SkipReason, number>();
  const count = (reason: SkipReason, by = 1): void => void skipped.set(reason, (skipped.get(reason) ?? 0) + by);
  if (options.metaCommands.length > 0) count('meta-command', options.metaCommands.length);
  const tablesWithRows = new Map<string, QualifiedName>();
  const ignored = new Map<string, string>();
  const refused: RefusedStatement[] = [];
  const removedTypmods: RemovedTypmod[] = [];
  let replayed = 0;
  let journalRows: number | null = null;

  await createPolicyRoles(database, statements);

  // Placeholders: only when an extension is missing, for types the dump uses but does not define.
  const definedTypes = new Set(statements.flatMap((s) => s.classified.definesTypes.map(key)));
  const resolved = new Map<string, boolean>(); // type key → is a placeholder
  const placeholders: QualifiedName[] = [];
  const isPlaceholder = (type: QualifiedName): boolean => resolved.get(key(type)) === true;
  const resolveTypes = async (item: ReplayStatement): Promise<void> => {
    if (options.missingExtensions.size === 0) return;
    const unknown = item.classified.typeReferences.filter((ref) => !definedTypes.has(key(ref)) && !resolved.has(key(ref)));
    const distinct = [...new Map(unknown.map((ref) => [key(ref), { schema: ref.schema, name: ref.name }])).values()];
    if (distinct.length === 0) return;
    const { rows } = await database.queryable.query<{ exists: boolean }>(
      'select to_regtype(n) is not null as exists from unnest($1::text[]) with ordinality u(n, i) order by i',
      [distinct.map((type) => `${quote(type.schema)}.${quote(type.name)}`)],
    );
    for (const [index, type] of distinct.entries()) {
      const exists = rows[index]?.exists === true;
      resolved.set(key(type), !exists);
      if (!exists) {
        try {
          await database.exec(placeholderSql(type, placeholders.length));
          placeholders.push(type);
        } catch (error) {
          // Say, its schema does not exist: the statement then fails and is reported.
          if (replayFailureOf(error) === null) throw error;
          resolved.set(key(type), false);
        }
      }
    }
  };

  // Collations: the dumped server's ICU and libc locales are not all in PGlite.
  const definedCollations = new Set(statements.flatMap((s) => (s.classified.definesCollation === null ? [] : [key(s.classified.definesCollation)])));
  const checkedCollations = new Set<string>();
  const collations: QualifiedName[] = [];
  const resolveCollations = async (item: ReplayStatement): Promise<void> => {
    const unknown = item.classified.collationReferences.filter((c) => !definedCollations.has(key(c)) && !checkedCollations.has(key(c)));
    if (unknown.length === 0) return;
    for (const c of unknown) checkedCollations.add(key(c));
    const { rows } = await database.queryable.query<{ exists: boolean }>(
      'select to_regcollation(n) is not null as exists from unnest($1::text[]) with ordinality u(n, i) order by i',
      [unknown.map((c) => `${quote(c.schema)}.${quote(c.name)}`)],
    );
    for (const [index, collation] of unknown.entries()) {
      if (rows[index]?.exists === true) continue;
      try {
        await database.exec(`create collation ${quote(collation.schema)}.${quote(collation.name)} from "C"`);
        collations.push(collation);
      } catch (error) {
        // Say, its schema does not exist: the statement then fails and is reported.
        if (replayFailureOf(error) === null) throw error;
      }
    }
  };

  /** Runs one statement alone; a failure is an error value, a warning, or counted. */
  const runAlone = async (item: ReplayStatement, text: string): Promise<DumpError | null> => {
    try {
      await database.exec(text);
      replayed += 1;
      return null;
    } catch (error) {
      const failure = replayFailureOf(error);
      if (failure === null) throw error;
      return handleFailure(item, text, failure);
    }
  };

  const handleFailure = (item: ReplayStatement, text: string, failure: ReplayFailure): DumpError | null => {
    const { statement, classified } = item;
    const line = statement.line + (failure.position === null ? 0 : lineOffset(text, failure.position));
    const reason = `${failure.message} (${failure.code})`;
    if (EXHAUSTED.has(failure.code)) {
      return dumpError('too-large', `line ${statement.line}: the replay ran out of resources at ${classified.label}: ${reason}`, TOO_LARGE_HINT, statement.line);
    }
    if (failure.code === SYNTAX_ERROR) {
      return dumpError(
        'syntax-error',
        `line ${line}: ${failure.message}`,
        'the dump is damaged or was edited by hand: fix that line, or dump the database again with pg_dump --schema-only',
        line,
      );
    }
    // The replay's database has a public schema already, like the one pg_dump's target would.
    if (failure.code === DUPLICATE_SCHEMA && classified.label.startsWith('CREATE SCHEMA')) return null;
    if (classified.role.kind === 'tolerated') {
      if (!ignored.has(classified.role.what)) ignored.set(classified.role.what, failure.message);
      return null;
    }
    const kept = options.schemas === undefined || (classified.definesTable !== null && options.schemas.includes(classified.definesTable.schema));
    if (classified.definesTable !== null && kept) {
      const table = `${classified.definesTable.schema}.${classified.definesTable.name}`;
        return dumpError(
        'table-not-replayed',
        `line ${statement.line}: table ${table} could not be replayed: ${reason}`,
        tableHint(options.missingExtensions),
        statement.line,
      );
    }
    refused.push({ line: statement.line, label: classified.label, message: reason });
    return null;
  };

  const total = statements.length;
  let batch: { item: ReplayStatement; text: string }[] = [];
  let batchChars = 0;
  const flush = async (): Promise<DumpError | null> => {
    if (batch.length === 0) return null;
    const pending = batch;
    batch = [];
    batchChars = 0;
    if (pending.length > 1) {
      try {
        await database.exec(pending.map((entry) => entry.text).join('\n'));
        replayed += pending.length;
        return null;
      } catch (error) {
        if (replayFailureOf(error) === null) throw error;
        // Rolled back as a whole: run each statement alone to find and handle the failing one.
      }
    }
    for (const entry of pending) {
      const failed = await runAlone(entry.item, entry.text);
      if (failed !== null) return failed;
    }
    return null;
  };

  for (const [index, item] of statements.entries()) {
    const { classified, statement } = item;
    const role = classified.role;
    if (role.kind === 'skip') {
      count(role.reason);
      continue;
    }
    if ((role.kind === 'extension' || role.kind === 'extension-comment') && options.missingExtensions.has(role.name)) continue;
    if (role.kind === 'rows') {
      if (key(role.table) !== key(options.journal)) {
        tablesWithRows.set(key(role.table), role.table);
        continue;
      }
      const failed = await flush();
      if (failed !== null) return { ok: false, error: failed };
      const rows = await loadJournalRows(database, item, role.columns);
      if (rows.ok) journalRows = (journalRows ?? 0) + rows.count;
      else refused.push({ line: statement.line, label: classified.label, message: rows.message });
      continue;
    }
    let text = statement.text;
    if (classified.collationReferences.some((c) => !definedCollations.has(key(c)) && !checkedCollations.has(key(c)))) {
      const failed = await flush();
      if (failed !== null) return { ok: false, error: failed };
      await resolveCollations(item);
    }
    if (classified.typeReferences.length > 0 && options.missingExtensions.size > 0) {
      const failed = await flush();
      if (failed !== null) return { ok: false, error: failed };
      await resolveTypes(item);
      const stripped = stripPlaceholderTypmods(text, classified.typeReferences, isPlaceholder);
      text = stripped.text;
      removedTypmods.push(...stripped.removed);
    }
    batch.push({ item, text });
    batchChars += text.length;
    if (batch.length >= BATCH_STATEMENTS || batchChars >= BATCH_CHARS) {
      const failed = await flush();
      if (failed !== null) return { ok: false, error: failed };
      options.onProgress?.(index + 1, total);
    }
  }
  const failed = await flush();
  if (failed !== null) return { ok: false, error: failed };
  options.onProgress?.(total, total);

  return {
    ok: true,
    report: {
      replayed,
      metaCommands: [...new Set(options.metaCommands)],
      skipped,
      tablesWithRows: [...tablesWithRows.values()],
      journalRows,
      ignored,
      refused,
      placeholders,
      collations,
      removedTypmods,
    },
  };
};

/** Lines between the start of `text` and its 1-based character `position`. */
const lineOffset = (text: string, position: number): number => {
  let lines = 0;
  const end = Math.min(position - 1, text.length);
  for (let i = 0; i < end; i += 1) if (text.charCodeAt(i) === 10) lines += 1;
  return lines;
};

const tableHint = (missing: ReadonlySet<string>): string =>
  missing.size > 0
    ? `the table needs something of ${[...missing].map((name) => `extension ${name}`).join(', ')}, which the in-process replay (PGlite) does not have: capture from the database itself with --url, or leave its schema out with --schema`
    : 'the replay (PostgreSQL 18, in process) refused it; if the dump comes from pg_dump unedited, capture from the database itself with --url, and report it';

/** Roles named by policies must exist for the policies to replay (pg_dump does not dump roles). */
const createPolicyRoles = async (database: ReplayDatabase, statements: readonly ReplayStatement[]): Promise<void> => {
  const named = [...new Set(statements.flatMap((s) => s.classified.policyRoles))].filter((role) => !BUILT_IN_ROLE.test(role));
  if (named.length === 0) return;
  const { rows } = await database.queryable.query<{ rolname: string }>('select rolname::text as rolname from pg_roles where rolname = any($1::text[])', [named]);
  const existing = new Set(rows.map((row) => row.rolname));
  const missing = named.filter((role) => !existing.has(role)).sort();
  if (missing.length > 0) await database.exec(missing.map((role) => `create role ${quote(role)} nologin`).join(';\n'));
};

/** The journal's rows, from its COPY block (through COPY FROM a blob) or its INSERT. */
const loadJournalRows = async (
  database: ReplayDatabase,
  item: ReplayStatement,
  columns: readonly string[],
): Promise<{ ok: true; count: number } | { ok: false; message: string }> => {
  const { statement, classified } = item;
  const role = classified.role;
  if (role.kind !== 'rows') return { ok: true, count: 0 };
  try {
    if (statement.copyData === undefined) {
      await database.exec(statement.text);
      return { ok: true, count: 1 };
    }
    const columnList = columns.length === 0 ? '' : ` (${columns.map(quote).join(', ')})`;
    await database.copyFrom(`copy ${quote(role.table.schema)}.${quote(role.table.name)}${columnList} from '/dev/blob'`, statement.copyData.text);
    return { ok: true, count: statement.copyData.rows };
  } catch (error) {
    const failure = replayFailureOf(error);
    if (failure === null) throw error;
    return { ok: false, message: `the migrations journal's rows could not be loaded: ${failure.message} (${failure.code})` };
  }
};
