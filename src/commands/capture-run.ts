/**
 * Running `drizzle-catalog capture` (its flags are in capture.ts): flags → connection →
 * capture() → snapshot file. Owns the terminal output (progress and summary on stderr,
 * so stdout stays free for `--out -`) and the exit code; never calls process.exit. The URL is only ever shown redacted
 * (no user name, no password), and driver text goes through scrubSecrets, so neither
 * reaches the terminal.
 */
import { capture, type Capture } from '../capture/capture.js';
import { describeDatabaseError, type DatabasePhase } from '../capture/database-errors.js';
import { parseDuration, parseQualifiedTable, parseSchemas } from '../capture/options.js';
import { connectPg, type PgConnection } from '../capture/pg-queryable.js';
import { redactUrl, resolveConnectionUrl, scrubSecrets, urlHost, urlUsers } from '../capture/url.js';
import { DEFAULT_CONNECT_TIMEOUT, DEFAULT_OUT, DEFAULT_STATEMENT_TIMEOUT, type CaptureCommandDeps } from './capture.js';
import { ExitCode, type CliIo } from '../cli-io.js';
import type { WriteOutcome } from '../snapshot/write.js';
import { catalogCounts, loadSnapshotModules, plural, targetOf, writeSnapshotOutput } from './snapshot-output.js';

const COMMAND = 'drizzle-catalog capture';
/** Extra client-side wait beyond statement_timeout before a silent server counts as gone. */
const QUERY_TIMEOUT_MARGIN_MS = 10_000;

/** Reads drizzle.config.* through the TypeScript loader: loaded only when the URL must come from there. */
const readConfigFileUrl = async (io: CliIo, configPath: string | undefined): Promise<string | undefined> =>
  (await import('./config-url.js')).configDatabaseUrl(io, configPath);

export interface CaptureFlags {
  readonly url: string | undefined;
  /** `--dump FILE` (or `-`): capture from a pg_dump file instead of a database. */
  readonly dump: string | undefined;
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
  const dump = options['dump'];
  if (dump !== undefined && (typeof dump !== 'string' || dump === '')) return { ok: false, message: '--dump needs a file name, or - for standard input' };
  return {
    ok: true,
    flags: {
      url,
      dump,
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
  if (flags.dump !== undefined) {
    if (flags.url !== undefined) {
      return fail(
        '--dump and --url cannot be used together: capture reads either a pg_dump file or a database',
        'keep --dump to capture from the file (no connection is made), or --url to read the database itself',
      );
    }
    return (await import('./capture-dump-run.js')).runDumpCapture(flags.dump, flags, io, deps, { started, fail, progress });
  }

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

  const output = await writeSnapshotOutput(await snapshotModules, captured, io, {
    out: flags.out,
    capturedAt: (deps.now ?? (() => new Date()))(),
    host: flags.includeHost ? urlHost(url) : null,
    progress,
  });
  if (!output.ok) return fail(output.message, output.hint);
  const written = output.written;
  progress(summaryLine(captured, flags.out, written, (performance.now() - started) / 1000));
  return ExitCode.ok;
};

/** `1s`, `1.5s`, `120s`: a duration as the flags spell it. */
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))}s`;

/** `captured 2 schemas, 14 tables, ... in 15 queries, 0.4 s → snapshots/production.json (unchanged)` */
export const summaryLine = (captured: Capture, out: string, written: WriteOutcome | 'stdout', seconds: number): string =>
  `captured ${catalogCounts(captured)} with ${plural(captured.queries, 'query').replace(/querys$/, 'queries')} in ${seconds.toFixed(1)} s → ${targetOf(out, written)}`;
