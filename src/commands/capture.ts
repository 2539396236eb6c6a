/**
 * `drizzle-catalog capture`: flags → connection → capture() → snapshot file. Owns the
 * terminal output (progress and summary on stderr, so stdout stays free for `--out -`)
 * and the exit code; never calls process.exit. The URL is only ever shown redacted
 * (no user name, no password), and driver text goes through scrubSecrets, so neither
 * reaches the terminal.
 */
import { resolve } from 'node:path';
import type { CAC } from 'cac';
import { capture, type Capture } from '../capture/capture.js';
import { describeDatabaseError, type DatabasePhase } from '../capture/database-errors.js';
import { parseDuration, parseQualifiedTable, parseSchemas } from '../capture/options.js';
import { connectPg, type PgConnection } from '../capture/pg-queryable.js';
import { DEFAULT_MIGRATIONS_TABLE } from '../capture/queries/migrations.js';
import { redactUrl, resolveConnectionUrl, scrubSecrets, urlHost, urlUsers } from '../capture/url.js';
import { configDatabaseUrl } from './config-url.js';
import { ExitCode, type CliIo } from '../cli-io.js';
import { buildSnapshot, serializeSnapshot } from '../snapshot/serialize.js';
import { writeSnapshotFile, type WriteOutcome } from '../snapshot/write.js';

const COMMAND = 'drizzle-catalog capture';
export const DEFAULT_OUT = 'snapshots/production.json';
const DEFAULT_STATEMENT_TIMEOUT = '30s';
const DEFAULT_CONNECT_TIMEOUT = '10s';
/** Extra client-side wait beyond statement_timeout before a silent server counts as gone. */
const QUERY_TIMEOUT_MARGIN_MS = 10_000;

export interface CaptureCommandDeps {
  /**
   * Resolves `dbCredentials.url` of drizzle.config.*, the third place the URL may come
   * from (after --url and DATABASE_URL). Defaults to reading the config file.
   */
  readonly configUrl?: (io: CliIo, configPath: string | undefined) => Promise<string | undefined>;
  /** The capture time written into the snapshot; tests pin it. */
  readonly now?: () => Date;
}

export const registerCapture = (cli: CAC, io: CliIo, deps: CaptureCommandDeps = {}): void => {
  cli
    .command('capture', 'Read a PostgreSQL catalog (never row data) into a versioned JSON snapshot to commit')
    .option(
      '--url <url>',
      'PostgreSQL connection URL; else DATABASE_URL, else dbCredentials.url of drizzle.config.* (sslmode is honoured), e.g. --url postgres://me@db.example.com:5432/app?sslmode=require',
    )
    .option('--out <file>', 'Snapshot file to write (atomically; untouched when unchanged), or - for stdout, e.g. --out snapshots/staging.json', {
      default: DEFAULT_OUT,
    })
    .option('--schema <name>', 'Schema to capture, repeatable; default every schema except pg_* and information_schema, e.g. --schema public --schema auth', {
      type: [String],
    })
    .option('--statement-timeout <duration>', 'Longest any catalog query may run (ms, s or m), e.g. --statement-timeout 2m', {
      default: DEFAULT_STATEMENT_TIMEOUT,
    })
    .option('--connect-timeout <duration>', 'Longest wait for the connection, e.g. --connect-timeout 30s', {
      default: DEFAULT_CONNECT_TIMEOUT,
    })
    .option('--config <file>', 'drizzle-kit config whose dbCredentials.url is used when neither --url nor DATABASE_URL is set (default: drizzle.config.* in the current directory)')
    .option('--include-host', 'Record host:port in the snapshot (default: not recorded; user and password never are)')
    .option('--migrations-table <schema.table>', "drizzle-kit's migrations journal to record, e.g. --migrations-table public.my_migrations", {
      default: `${DEFAULT_MIGRATIONS_TABLE.schema}.${DEFAULT_MIGRATIONS_TABLE.name}`,
    })
    .option('--quiet', 'No progress or summary on stderr (errors and warnings still show)')
    .example('  $ drizzle-catalog capture --url postgres://me@db.example.com/app --out snapshots/production.json')
    .example('  $ DATABASE_URL=postgres://me@localhost/app drizzle-catalog capture --schema public --out - | jq .catalog.tables')
    .action((options: Record<string, unknown>): Promise<number> => runCapture(options, io, deps));
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

  const readConfigUrl = deps.configUrl ?? configDatabaseUrl;
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

  const snapshot = buildSnapshot(captured, {
    capturedAt: (deps.now ?? (() => new Date()))(),
    host: flags.includeHost ? urlHost(url) : null,
  });
  let written: WriteOutcome | 'stdout';
  if (flags.out === '-') {
    io.stdout(serializeSnapshot(snapshot));
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
