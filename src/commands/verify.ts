/**
 * `drizzle-catalog verify`: flags → load the snapshot and the Drizzle schema → verify() →
 * report → exit code. Offline: it reads files and opens no network connection.
 */
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CAC } from 'cac';
import type { Catalog } from '../catalog/model.js';
import type { InputError } from '../config/errors.js';
import type { VerifyResult } from '../diff/index.js';
import { DEFAULT_FAIL_ON, FAIL_ON_VALUES, type FailOn } from '../diff/verdict.js';
import type { DrizzleSchema } from '../schema/load-drizzle-schema.js';
import type { Snapshot } from '../snapshot/format.js';
import { ExitCode, type CliIo } from '../cli-io.js';
import { collectGarbage } from './collect-garbage.js';
import { redactingIo, secretsOfCredentials, secretsOfUrl } from './redact-output.js';

const COMMAND = 'drizzle-catalog verify';
export const DEFAULT_SNAPSHOT = 'snapshots/production.json';
export const DEFAULT_MAX_AGE_DAYS = 30;
/** The library's default too (src/schema/project-session.ts), which --help must not load. */
export const DEFAULT_IMPORT_TIMEOUT_SECONDS = 60;
export const REPORT_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface VerifyCommandDeps {
  /** "Now", for the snapshot-age warning; tests pin it. */
  readonly now?: () => Date;
}

export const registerVerify = (cli: CAC, io: CliIo, deps: VerifyCommandDeps = {}): void => {
  cli
    .command('verify', 'Compare the Drizzle schema with a snapshot, offline, and explain every difference')
    .option('--snapshot <file>', 'Snapshot written by capture, e.g. --snapshot snapshots/staging.json', { default: DEFAULT_SNAPSHOT })
    .option(
      '--config <file>',
      'drizzle-kit config giving schema, casing, schemaFilter, tablesFilter (default: drizzle.config.{ts,mts,js,mjs,cjs,json} in the current directory)',
    )
    .option('--schema <path>', 'Schema file or glob, repeatable; replaces the config\'s schema, e.g. --schema "src/db/*.ts"', {
      type: [String],
    })
    .option('--format <format>', `Report format: ${REPORT_FORMATS.join(' | ')} (json is a stable contract, see the README)`, { default: 'text' })
    .option('--fail-on <risk>', `Lowest risk that makes the exit code 1: ${FAIL_ON_VALUES.join(' | ')}`, { default: DEFAULT_FAIL_ON })
    .option('--max-age <days>', 'Warn when the snapshot is older than this many days', { default: DEFAULT_MAX_AGE_DAYS })
    .option('--color', 'Colour the text report (default: when stdout is a terminal and NO_COLOR is unset; --no-color to turn off)')
    .option(
      '--migrations <dir>',
      "drizzle migrations folder to check against the snapshot's migrations table (default: the config's out, or ./drizzle, when it holds meta/_journal.json)",
    )
    .option('--plan <file>', 'Write the renames verify is confident about as one SQL transaction, e.g. --plan rename-plan.sql (drops are never written)')
    .option('--hints <file>', "Write verify's rename/create answers as a drizzle-kit 1.0 hints file, e.g. --hints hints.json (for push --hints-file)")
    .option('--import-timeout <seconds>', 'Longest one config or schema module may take to import before verify gives up, e.g. --import-timeout 180', {
      default: DEFAULT_IMPORT_TIMEOUT_SECONDS,
    })
    .example('  $ drizzle-catalog verify                       # drizzle.config.ts + snapshots/production.json')
    .example('  $ drizzle-catalog verify --format json --fail-on high > verify.json')
    .example('  $ drizzle-catalog verify --config apps/api/drizzle.config.ts --snapshot snapshots/staging.json')
    .example('  $ drizzle-catalog verify --format github --fail-on high     # annotations + job summary in GitHub Actions')
    .example('  $ drizzle-catalog verify --format markdown > verify.md      # a pull-request comment')
    .example('  $ drizzle-catalog verify --plan rename-plan.sql --hints hints.json')
    .example('  $ drizzle-catalog verify --import-timeout 180           # a schema whose modules take long to import')
    .action((options: Record<string, unknown>): Promise<number> => runVerify(options, io, deps));
};

interface VerifyFlags {
  readonly snapshot: string;
  readonly config: string | undefined;
  readonly schema: readonly string[] | undefined;
  readonly format: ReportFormat;
  readonly failOn: FailOn;
  readonly maxAgeDays: number;
  readonly color: boolean;
  readonly importTimeoutSeconds: number;
}

type FlagsResult = { readonly ok: true; readonly flags: VerifyFlags } | { readonly ok: false; readonly message: string };

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

const stringList = (value: unknown): readonly string[] | undefined => {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value]).map(String).filter((s) => s !== '');
  return list.length > 0 ? list : undefined;
};

const readFlags = (options: Record<string, unknown>, io: CliIo): FlagsResult => {
  const { format, failOn, maxAge, snapshot, config, color, importTimeout } = {
    format: options['format'],
    failOn: options['failOn'],
    maxAge: Number(options['maxAge']),
    importTimeout: Number(options['importTimeout'] ?? DEFAULT_IMPORT_TIMEOUT_SECONDS),
    snapshot: options['snapshot'],
    config: options['config'],
    color: options['color'],
  };
  if (!oneOf(REPORT_FORMATS, format)) return { ok: false, message: `--format must be one of ${REPORT_FORMATS.join(', ')}; got '${String(format)}'` };
  if (!oneOf(FAIL_ON_VALUES, failOn)) return { ok: false, message: `--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}; got '${String(failOn)}'` };
  if (!Number.isFinite(maxAge) || maxAge < 0) return { ok: false, message: `--max-age takes a number of days, e.g. --max-age 90; got '${String(options['maxAge'])}'` };
  if (!Number.isFinite(importTimeout) || importTimeout <= 0) return { ok: false, message: `--import-timeout takes a number of seconds above 0, e.g. --import-timeout 180; got '${String(options['importTimeout'])}'` };
  if (typeof snapshot !== 'string' || snapshot === '') return { ok: false, message: '--snapshot needs a file, e.g. --snapshot snapshots/production.json' };
  if (config !== undefined && (typeof config !== 'string' || config === '')) return { ok: false, message: '--config needs a file, e.g. --config drizzle.config.ts' };
  const noColor = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  return {
    ok: true,
    flags: {
      snapshot,
      config,
      schema: stringList(options['schema']),
      format,
      failOn,
      maxAgeDays: maxAge,
      color: color === true ? true : color === false ? false : io.isTTY && !noColor,
      importTimeoutSeconds: importTimeout,
    },
  };
};

const describeInputError = (error: InputError): string => {
  const where = 'location' in error && error.location !== null ? `${error.path}:${error.location.line}:${error.location.column}` : error.path;
  const facts = 'facts' in error && error.facts !== null ? error.facts : null;
  const loaded =
    facts === null
      ? ''
      : `\n  loaded with: Node ${facts.node}, drizzle-kit ${facts.drizzleKit}, drizzle-orm ${facts.drizzleOrm ?? 'none'}${facts.loadedAs === '' ? '' : `; ${facts.loadedAs}`}`;
  return `${where}: ${error.message}\n  hint: ${error.hint}${loaded}`;
};

/** The tables the snapshot holds that are drizzle's bookkeeping, never part of a user's schema. */
const withoutJournal = (catalog: Catalog, snapshot: Snapshot, schema: DrizzleSchema): Catalog => {
  const journal = [
    snapshot.migrations === null ? null : `${snapshot.migrations.schema}.${snapshot.migrations.table}`,
    `${schema.config.config.migrations.schema ?? 'drizzle'}.${schema.config.config.migrations.table ?? '__drizzle_migrations'}`,
  ];
  return { ...catalog, tables: catalog.tables.filter((t) => !journal.includes(`${t.schema}.${t.name}`)) };
};

/** The config file (or the schema files) as a path relative to the working directory. */
const labelOf = (cwd: string, schema: DrizzleSchema): string =>
  (schema.config.configPath === null ? schema.files : [schema.config.configPath]).map((p) => relative(cwd, p) || p).join(', ');

/**
 * What verify runs on (the diff, the TypeScript loader, drizzle-kit, the snapshot format,
 * the CI outputs), loaded when it runs rather than with the CLI, so that capture and
 * --help load none of it.
 */
const loadVerifyModules = async () => {
  const [tablesFilter, diff, report, schemaLoader, snapshotLoader, snapshotErrors, ci] = await Promise.all([
    import('../config/tables-filter.js'),
    import('../diff/index.js'),
    import('../report/index.js'),
    import('../schema/load-drizzle-schema.js'),
    import('../snapshot/load.js'),
    import('../snapshot/errors.js'),
    import('./verify-ci.js'),
  ]);
  return {
    createTablesFilter: tablesFilter.createTablesFilter,
    verify: diff.verify,
    filterDatabase: diff.filterDatabase,
    renderJson: report.renderJson,
    renderMarkdown: report.renderMarkdown,
    renderText: report.renderText,
    loadDrizzleSchema: schemaLoader.loadDrizzleSchema,
    describeSchemaLoading: schemaLoader.describeSchemaLoading,
    loadSnapshot: snapshotLoader.loadSnapshot,
    formatSnapshotError: snapshotErrors.formatSnapshotError,
    loadHistory: ci.loadHistory,
    readCiFlags: ci.readCiFlags,
    renderGithubOutput: ci.renderGithubOutput,
    writeArtifacts: ci.writeArtifacts,
  };
};

export const runVerify = async (options: Record<string, unknown>, rawIo: CliIo, deps: VerifyCommandDeps = {}): Promise<number> => {
  // Verify needs no credentials, but the modules it imports may hold and print them.
  const io = redactingIo(rawIo, secretsOfUrl(rawIo.env['DATABASE_URL'] ?? ''));
  const fail = (message: string): number => {
    io.stderr(`${COMMAND}: ${message}\n`);
    return ExitCode.usage;
  };
  const parsed = readFlags(options, io);
  if (!parsed.ok) return fail(`${parsed.message}\n  hint: run \`${COMMAND} --help\` for the options and examples`);
  const flags = parsed.flags;
  const {
    createTablesFilter,
    verify,
    filterDatabase,
    renderJson,
    renderMarkdown,
    renderText,
    loadDrizzleSchema,
    describeSchemaLoading,
    loadSnapshot,
    formatSnapshotError,
    loadHistory,
    readCiFlags,
    renderGithubOutput,
    writeArtifacts,
  } = await loadVerifyModules();
  const ci = readCiFlags(options);
  if (!ci.ok) return fail(`${ci.message}\n  hint: run \`${COMMAND} --help\` for the options and examples`);

  if (statSync(resolve(io.cwd, flags.snapshot), { throwIfNoEntry: false })?.isDirectory()) {
    return fail(`--snapshot ${flags.snapshot} is a directory, not a snapshot file\n  hint: name the file capture wrote, e.g. --snapshot ${join(flags.snapshot, 'production.json')}`);
  }
  const snapshot = await loadSnapshot(resolve(io.cwd, flags.snapshot), { displayPath: flags.snapshot });
  if (!snapshot.ok) return fail(formatSnapshotError(snapshot.error));
  collectGarbage();

  // User modules may print while they load; keep stdout for the report (--format json).
  // Held until the config's credentials are known, so that a password printed while the
  // config itself is imported is masked too.
  const printed: string[] = [];
  const schema = await loadDrizzleSchema({
    cwd: io.cwd,
    env: io.env,
    importTimeoutSeconds: flags.importTimeoutSeconds,
    ...(flags.config === undefined ? {} : { configPath: flags.config }),
    ...(flags.schema === undefined ? {} : { schemaOverride: flags.schema }),
    onCredentials: (credentials) => io.learn(secretsOfCredentials(credentials)),
    onOutput: (text) => printed.push(text),
  }).finally(() => printed.length > 0 && io.stderr(printed.join('')));
  if (!schema.ok) return fail(describeInputError(schema.error));
  for (const warning of schema.warnings) io.stderr(`${COMMAND}: warning: ${warning}\n`);

  const history = await loadHistory(io, ci.flags, schema, snapshot.snapshot);
  if (!history.ok) return fail(history.message);

  const { config } = schema.config;
  const databaseFilter = { schemas: config.schemaFilter, tables: createTablesFilter(config.tablesFilter, config.extensionsFilters) };
  const database = withoutJournal(snapshot.snapshot.catalog, snapshot.snapshot, schema);
  const result: VerifyResult = verify(schema.catalog, database, {
    failOn: flags.failOn,
    databaseFilter,
    ...(history.history === null ? {} : { history: history.history.input }),
    snapshotAge: {
      capturedAt: snapshot.snapshot.metadata.capturedAt,
      now: (deps.now ?? (() => new Date()))().toISOString(),
      maxAgeDays: flags.maxAgeDays,
    },
  });

  const artifacts = await writeArtifacts(io, ci.flags, result, filterDatabase(database, databaseFilter), flags.snapshot);
  if (!artifacts.ok) return fail(artifacts.message);
  for (const note of artifacts.notes) io.stderr(`${COMMAND}: ${note}\n`);

  const labels = { snapshotLabel: flags.snapshot, schemaLabel: labelOf(io.cwd, schema) };
  io.stdout(
    flags.format === 'json'
      ? renderJson(result)
      : flags.format === 'markdown'
        ? renderMarkdown(result, labels)
        : flags.format === 'github'
          ? await renderGithubOutput(io, result, schema, history.history, labels)
          : renderText(result, { color: flags.color, ...labels, loadingLabel: describeSchemaLoading(schema.loading) }),
  );
  return result.exitCode;
};
