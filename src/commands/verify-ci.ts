/**
 * The file-system edges of `verify` for CI (issue 8): the migrations folder it reads
 * (`--migrations`), the artifacts it writes (`--plan`, `--hints`), the schema sources the
 * GitHub annotations point into, and the job summary. Everything here is I/O around pure
 * functions (`readMigrationFolder`, `buildRenamePlan`, `hintDecisions` + `buildHintsFile`,
 * `renderMarkdown`, `renderGithub`).
 */
import { access, appendFile, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../catalog/model.js';
import type { CliIo } from '../cli-io.js';
import type { HistoryInput } from '../diff/history.js';
import type { VerifyResult } from '../diff/verify.js';
import { readMigrationFolder } from '../history/index.js';
import { buildHintsFile } from '../plan/hints.js';
import { hintDecisions } from '../plan/hint-decisions.js';
import { buildRenamePlan } from '../plan/sql-plan.js';
import type { SourceFile } from '../report/declarations.js';
import { renderGithub } from '../report/github.js';
import { renderMarkdown, type MarkdownReportOptions } from '../report/markdown.js';
import type { DrizzleSchema } from '../schema/load-drizzle-schema.js';
import type { Snapshot } from '../snapshot/format.js';
import { writeFileAtomic } from '../snapshot/write.js';

export interface CiFlags {
  /** `--migrations DIR`; null: the config's `out` (drizzle-kit's default `drizzle`) when it holds a journal. */
  readonly migrations: string | null;
  readonly plan: string | null;
  readonly hints: string | null;
}

type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

const fileFlag = (options: Record<string, unknown>, name: string, example: string): Outcome<{ readonly value: string | null }> => {
  const raw = options[name];
  if (raw === undefined) return { ok: true, value: null };
  // cac turns a numeric-looking value into a number: `--plan 2025` is still a file name.
  const value = typeof raw === 'number' ? String(raw) : raw;
  if (typeof value !== 'string' || value === '') return { ok: false, message: `--${name} needs a path, e.g. --${name} ${example}` };
  return { ok: true, value };
};

export const readCiFlags = (options: Record<string, unknown>): Outcome<{ readonly flags: CiFlags }> => {
  const migrations = fileFlag(options, 'migrations', 'drizzle');
  if (!migrations.ok) return migrations;
  const plan = fileFlag(options, 'plan', 'rename-plan.sql');
  if (!plan.ok) return plan;
  const hints = fileFlag(options, 'hints', 'hints.json');
  if (!hints.ok) return hints;
  return { ok: true, flags: { migrations: migrations.value, plan: plan.value, hints: hints.value } };
};

const exists = async (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** `path` as reports show it: relative to `base` when inside it, with forward slashes. */
const display = (base: string, path: string): string => {
  const rel = relative(base, path);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
};

export interface LoadedHistory {
  readonly input: HistoryInput;
  /** Absolute folder path. */
  readonly folder: string;
  readonly journal: string | null;
}

/**
 * The migrations folder to check: `--migrations DIR` (an error when it is not a drizzle
 * migrations folder), else the config's `out` when it holds meta/_journal.json, else none.
 */
export const loadHistory = async (
  io: CliIo,
  flags: CiFlags,
  schema: DrizzleSchema,
  snapshot: Snapshot,
): Promise<Outcome<{ readonly history: LoadedHistory | null }>> => {
  const explicit = flags.migrations !== null;
  // NOTE: drizzle-kit resolves `out` from the working directory (default ./drizzle), as it does `schema`.
  const folder = resolve(io.cwd, flags.migrations ?? schema.config.config.out ?? 'drizzle');
  const journalPath = join(folder, 'meta', '_journal.json');
  if (!explicit && !(await exists(journalPath))) return { ok: true, history: null };
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder)
    return {
      ok: false,
      message: `--migrations ${flags.migrations ?? ''}: ${display(io.cwd, folder)} is not a folder\n  hint: Pass the folder drizzle-kit generate writes to (\`out\` in drizzle.config), the one holding meta/_journal.json.`,
    };
  const read = await readMigrationFolder(folder);
  if (!read.ok) return { ok: false, message: `${display(io.cwd, read.problem.path)}: ${read.problem.message}\n  hint: ${read.problem.hint}` };
  const configured = schema.config.config.migrations;
  const table =
    snapshot.migrations === null
      ? `${configured.schema ?? 'drizzle'}.${configured.table ?? '__drizzle_migrations'}`
      : `${snapshot.migrations.schema}.${snapshot.migrations.table}`;
  return {
    ok: true,
    history: {
      folder,
      journal: await readFile(journalPath, 'utf8').catch(() => null),
      input: {
        path: display(io.cwd, folder),
        folder: read.folder,
        applied: snapshot.migrations === null ? null : snapshot.migrations.entries,
        table,
      },
    },
  };
};

/**
 * Builds the requested artifacts, then writes them; nothing is written when one of them
 * cannot be built (a plan statement PostgreSQL would not parse, a hint drizzle-kit would
 * reject). Returns what was written, for stderr.
 */
export const writeArtifacts = async (
  io: CliIo,
  flags: CiFlags,
  result: VerifyResult,
  database: Catalog,
  snapshotLabel: string,
): Promise<Outcome<{ readonly notes: readonly string[] }>> => {
  const files: { readonly path: string; readonly text: string; readonly note: string }[] = [];
  if (flags.plan !== null) {
    const plan = buildRenamePlan(result, database, { snapshotLabel });
    if (!plan.ok)
      return { ok: false, message: `--plan ${flags.plan} not written:\n${plan.issues.map((i) => `  ${i.message}\n  hint: ${i.hint}`).join('\n')}` };
    const { steps, notes } = plan.plan;
    files.push({
      path: flags.plan,
      text: plan.plan.text,
      note: `wrote ${flags.plan}: ${steps.length} rename${steps.length === 1 ? '' : 's'}${notes.length > 0 ? `, ${notes.length} listed to decide or never planned` : ''}`,
    });
  }
  if (flags.hints !== null) {
    const hints = buildHintsFile(hintDecisions(result, database));
    if (!hints.ok)
      return { ok: false, message: `--hints ${flags.hints} not written:\n${hints.issues.map((i) => `  ${i.message}\n  hint: ${i.hint}`).join('\n')}` };
    files.push({ path: flags.hints, text: hints.text, note: `wrote ${flags.hints}: ${hints.hints.length} hint${hints.hints.length === 1 ? '' : 's'} for drizzle-kit 1.0 push --hints-file` });
  }
  for (const file of files) {
    try {
      await writeFileAtomic(resolve(io.cwd, file.path), file.text);
    } catch (error) {
      // A folder that does not exist or cannot be written: the user's environment, not a bug.
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { ok: false, message: `${file.path} not written (${reason}): ${(error as Error).message}\n  hint: check that its folder exists and is writable` };
    }
  }
  return { ok: true, notes: files.map((f) => f.note) };
};

/** `--format github`: the annotations (stdout) and the job summary (GITHUB_STEP_SUMMARY). */
export const renderGithubOutput = async (
  io: CliIo,
  result: VerifyResult,
  schema: DrizzleSchema,
  history: LoadedHistory | null,
  markdownOptions: MarkdownReportOptions,
): Promise<string> => {
  // NOTE: annotation paths are relative to the repository root (GITHUB_WORKSPACE in Actions), not to the step's working directory.
  const root = io.env['GITHUB_WORKSPACE'] || io.cwd;
  const schemaFiles: SourceFile[] = [];
  for (const file of schema.files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) schemaFiles.push({ path: display(root, file), text });
  }
  const output = renderGithub(result, {
    schemaFiles,
    ...(history === null ? {} : { migrations: { path: display(root, history.folder), journal: history.journal } }),
  });
  const summary = io.env['GITHUB_STEP_SUMMARY'];
  if (summary !== undefined && summary !== '') {
    const path = resolve(io.cwd, summary);
    if (await exists(dirname(path))) await appendFile(path, `${renderMarkdown(result, markdownOptions)}\n`);
  }
  return output;
};
