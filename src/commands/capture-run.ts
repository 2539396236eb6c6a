/**
 * Running `drizzle-catalog capture` (its flags are in capture.ts): flags → connection →
 * capture() → snapshot file. Owns the terminal output (progress and summary on stderr,
 * so stdout stays free for `--out -`) and the exit code; never calls process.exit. The URL is only ever shown redacted
 * (no user name, no password), and driver text goes through scrubSecrets, so neither
 * reaches the terminal.
 */
import { resolve } from 'node:path';
import { capture, type Capture } from '../capture/capture.js';
import { describeDatabaseError, type DatabasePhase } from '../capture/database-errors.js';
import { parseDuration, parseQualifiedTable, parseSchemas } from '../capture/options.js';
import { connectPg, type PgConnection } from '../capture/pg-queryable.js';
import { redactUrl, resolveConnectionUrl, scrubSecrets, urlHost, urlUsers } from '../capture/url.js';
import { DEFAULT_CONNECT_TIMEOUT, DEFAULT_OUT, DEFAULT_STATEMENT_TIMEOUT, type CaptureCommandDeps } from './capture.js';
import { ExitCode, type CliIo } from '../cli-io.js';
import type { Snapshot } from '../snapshot/format.js';
import type { WriteOutcome } from '../snapshot/write.js';

const COMMAND = 'drizzle-catalog capture';
/** Extra client-side wait beyond statement_timeout before a silent server counts as gone. */
const QUERY_TIMEOUT_MARGIN_MS = 10_000;

/** Reads drizzle.config.* through the TypeScript loader: loaded only when the URL must come from there. */
const readConfigFileUrl = async (io: CliIo, configPath: string | undefined): Promise<string | undefined> =>
  (await import('./config-url.js')).configDatabaseUrl(io, configPath);

/**
 * Building and writing the snapshot are only needed once the catalog is read: loaded
 * meanwhile, their start-up cost hides behind the server's work. The schema pass (zod)
 * loads only for text about to be written (snapshot/write.ts).
 */
const loadSnapshotModules = async () => {
  const [build, write] = await Promise.all([import('../snapshot/build.js'), import('../snapshot/write.js')]);
  return {
    buildSnapshot: build.buildSnapshot,
    serializeSnapshot: async (snapshot: Snapshot): Promise<string> => (await import('../snapshot/serialize.js')).serializeSnapshot(snapshot),
    writeSnapshotFile: write.writeSnapshotFile,
  };
};

interface CaptureFlags {
  readonly url: string | undefined;
  readonly out: string;
  readonly schemas: readonly string[] | undefined;
  readonly statementTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly includeHost: boolean;
  readonly migrationsTable: { readonly schema: string; readonly name: string };
  readonly quiet: boolean;
}

const readFlags = (options: Record<string, unknown>): { ok: true; flags: CaptureFlags } | { ok: false; message: string } => {
  const statement = parseDuration('--statement-timeout', options['statementTimeout'] ?? DEFAULT_STATEMENT_TIMEOUT);
  if (!statement.ok) return statement;
  const connect = parseDuration('--connect-timeout', options['connectTimeout'] ?? DEFAULT_CONNECT_TIMEOUT);
  if (!connect.ok) return connect;
  const journal = parseQualifiedTable('--migrations-table', options['migrationsTable'] ?? '__drizzle_migrations');
  if (!journal.ok) return journal;
  const schemas = parseSchemas('--schema', options['schema']);
  if (!schemas.ok) return schemas;
  const out = options['out'] ?? DEFAULT_OUT;
  if (typeof out !== 'string' || out === '') return { ok: false, message: '--out needs a file name, or - for stdout' };
  const url = options['url'];
  if (url !== undefined && typeof url !== 'string') return { ok: false, message: '--url needs a value' };
  return {
    ok: true,
    flags: {
      url,
      out,
      schemas: schemas.value,
      statementTimeoutMs: statement.value,
      connectTimeoutMs: connect.value,
      includeHost: options['includeHost'] === true,
      migrationsTable: journal.value,
      quiet: options['quiet'] === true,
    },
  };
};

/** Runs the command and resolves to its exit code. */
export const runCapture = async (options: Record<string, unknown>, io: CliIo, deps: CaptureCommandDeps = {}): Promise<number> => {
  const started = performance.now();
  const fail = (message: string, hint: string): number => {
    io.stderr(`${COMMAND}: ${message}\n  hint: ${hint}\n`);
    return ExitCode.usage;
  };

  const parsed = readFlags(options);
  if (!parsed.ok) return fail(parsed.message, `run \`${COMMAND} --help\` for the options and examples`);
  const flags = parsed.flags;
  const progress = (line: string): void => {
    if (!flags.quiet) io.stderr(`${line}\n`);
  };

  const readConfigUrl = deps.configUrl ?? readConfigFileUrl;
  const configPath = typeof options['config'] === 'string' ? options['config'] : undefined;
  const configUrl = flags.url === undefined && io.env['DATABASE_URL'] === undefined ? await readConfigUrl(io, configPath) : undefined;
  const resolved = resolveConnectionUrl({ flag: flags.url, env: io.env['DATABASE_URL'], configUrl });
  if (!resolved.ok) return fail(resolved.error.message, resolved.error.hint);
  const url = resolved.url;
  // Text that did not come from us (driver errors, names in the database) is scrubbed on
  // its own: scrubbing our own words too would let a short password mask their letters.
  // Without a user in the URL, pg connects as PGUSER or the OS user: mask that one too.
  const defaultUsers = urlUsers(url).length === 0 ? [io.env['PGUSER'] ?? io.env['USER'] ?? ''] : [];
  const scrub = (text: string): string => scrubSecrets(text, url, [io.env['PGPASSWORD'] ?? ''], defaultUsers);
  const databaseFailure = (error: unknown, phase: DatabasePhase): number => {
    const described = describeDatabaseError(error, phase);
    const what = phase === 'connect' ? `cannot connect to ${redactUrl(url)}` : 'reading the catalog failed';
    // pg says only "timeout expired" when --connect-timeout runs out (DNS, TCP, TLS or startup).
    const waited = phase === 'connect' && described.message === 'timeout expired' ? ` (no answer within ${seconds(flags.connectTimeoutMs)})` : '';
    return fail(`${what}: ${scrub(described.message)}${waited}`, described.hint);
  };

  const snapshotModules = loadSnapshotModules();
  snapshotModules.catch(() => undefined); // awaited below; an early return must not leave it unhandled
  progress(`connecting to ${redactUrl(url)}`);
  let connection: PgConnection;
  try {
    connection = await connectPg(url, {
      connectTimeoutMs: flags.connectTimeoutMs,
      queryTimeoutMs: flags.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    });
  } catch (error) {
    return databaseFailure(error, 'connect');
  }

  progress(`reading the catalog (${flags.schemas === undefined ? 'every non-system schema' : `schemas ${flags.schemas.join(', ')}`})`);
  let captured: Capture;
  try {
    const outcome = await capture({
      queryable: connection.queryable,
      schemas: flags.schemas,
      migrationsTable: flags.migrationsTable,
      statementTimeoutMs: flags.statementTimeoutMs,
    });
    if (!outcome.ok) return fail(scrub(outcome.error.message), outcome.error.hint);
    captured = outcome.capture;
  } catch (error) {
    return databaseFailure(error, 'read');
  } finally {
    await connection.close();
  }
  for (const warning of captured.warnings) io.stderr(`${COMMAND}: warning: ${warning}\n`);

  const { buildSnapshot, serializeSnapshot, writeSnapshotFile } = await snapshotModules;
  const snapshot = buildSnapshot(captured, {
    capturedAt: (deps.now ?? (() => new Date()))(),
    host: flags.includeHost ? urlHost(url) : null,
  });
  let written: WriteOutcome | 'stdout';
  if (flags.out === '-') {
    io.stdout(await serializeSnapshot(snapshot));
    written = 'stdout';
  } else {
    progress(`writing ${flags.out}`);
    try {
      written = await writeSnapshotFile(resolve(io.cwd, flags.out), snapshot);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(
        `cannot write ${flags.out}: ${(error as Error).message}`,
        code === 'EACCES' || code === 'EPERM'
          ? 'you may not write there: choose another --out, or fix the directory permissions'
          : 'check that the directory of --out can be created and written; the previous snapshot, if any, is intact',
      );
    }
  }
  progress(summaryLine(captured, flags.out, written, (performance.now() - started) / 1000));
  return ExitCode.ok;
};

/** `1s`, `1.5s`, `120s`: a duration as the flags spell it. */
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))}s`;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `captured 2 schemas, 14 tables, ... in 15 queries, 0.4 s → snapshots/production.json (unchanged)` */
export const summaryLine = (captured: Capture, out: string, written: WriteOutcome | 'stdout', seconds: number): string => {
  const { catalog } = captured;
  const columns = catalog.tables.reduce((sum, table) => sum + table.columns.length, 0);
  const indexes = catalog.tables.reduce((sum, table) => sum + table.indexes.length, 0);
  const counts = [
    plural(catalog.schemas.length, 'schema'),
    plural(catalog.tables.length, 'table'),
    plural(columns, 'column'),
    plural(indexes, 'index').replace(/indexs$/, 'indexes'),
    plural(catalog.enums.length, 'enum'),
  ].join(', ');
  const target = written === 'stdout' ? 'stdout' : written === 'unchanged' ? `${out} (unchanged)` : out;
  return `captured ${counts} with ${plural(captured.queries, 'query').replace(/querys$/, 'queries')} in ${seconds.toFixed(1)} s → ${target}`;
};
