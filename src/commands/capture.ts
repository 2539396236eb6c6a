/**
 * `drizzle-catalog capture`: its flags and help. What it does lives in capture-run.ts,
 * loaded only when the command runs, so that `--help`, `verify` and the parser tests
 * load none of it (the pg driver, the snapshot format).
 */
import type { CAC } from 'cac';
import type { CliIo } from '../cli-io.js';
import { DEFAULT_MIGRATIONS_TABLE } from '../capture/queries/migrations.js';

export const DEFAULT_OUT = 'snapshots/production.json';
export const DEFAULT_STATEMENT_TIMEOUT = '30s';
export const DEFAULT_CONNECT_TIMEOUT = '10s';

export interface CaptureCommandDeps {
  /**
   * Resolves `dbCredentials.url` of drizzle.config.*, the third place the URL may come
   * from (after --url and DATABASE_URL). Defaults to reading the config file.
   */
  readonly configUrl?: (io: CliIo, configPath: string | undefined) => Promise<string | undefined>;
  /** The capture time written into the snapshot; tests pin it. */
  readonly now?: () => Date;
  /** A saved PGlite data directory for `--dump` (skips initdb); tests share one. */
  readonly dumpDataDir?: () => Promise<Blob>;
}

export const registerCapture = (cli: CAC, io: CliIo, deps: CaptureCommandDeps = {}): void => {
  cli
    .command('capture', 'Read a PostgreSQL catalog (never row data), from a database or a pg_dump file, into a versioned JSON snapshot to commit')
    .option(
      '--url <url>',
      'PostgreSQL connection URL; else DATABASE_URL, else dbCredentials.url of drizzle.config.* (sslmode is honoured), e.g. --url postgres://me@db.example.com:5432/app?sslmode=require',
    )
    .option(
      '--dump <file>',
      'Capture from the plain SQL output of pg_dump --schema-only instead of a database, or - for standard input: no connection is made (replayed in process)',
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
    .example('  $ pg_dump --schema-only "$URL" | drizzle-catalog capture --dump - --out snapshots/production.json')
    // The connection, the catalog queries and the snapshot format load only when capture runs.
    .action(async (options: Record<string, unknown>): Promise<number> => (await import('./capture-run.js')).runCapture(options, io, deps));
};
