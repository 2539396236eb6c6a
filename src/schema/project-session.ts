/**
 * One project's modules, imported by the project's drizzle-kit in the loader process
 * (`child/`): the config, then the schema files and drizzle-kit's serializer. Turns every
 * way that can fail into an InputError with the file, the reason, a hint and the facts of
 * the import (Node, drizzle-kit, drizzle-orm, module system); faults of our own are thrown.
 */
import { displayPath } from '../config/display-path.js';
import type { ConfigCredentials } from '../config/drizzle-config.js';
import { failure, type ImportFacts, type InputError, type Result } from '../config/errors.js';
import { configValue } from '../config/load-config.js';
import type { Casing, CollectedEntity, ErrorData, KitMajor } from './child/protocol.js';
import { LoaderFault, startLoaderSession, type LoaderSession, type Outcome } from './child/session.js';
import { describeDrizzleKit, type DrizzleKitChoice } from './drizzle-kit-choice.js';
import {
  describeEnded,
  describeImportFailure,
  describeNetworkAttempt,
  describePending,
  describeTsconfigFailure,
  type ImportFailure,
} from './import-failure.js';

export const DEFAULT_IMPORT_TIMEOUT_SECONDS = 60;

export interface ProjectSessionOptions {
  /** Absolute working directory (where drizzle-kit would run). */
  readonly cwd: string;
  /** The environment drizzle-kit would run in; `.env` is added to it in the loader process only. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly choice: DrizzleKitChoice;
  /** How long one module may take to import. */
  readonly importTimeoutSeconds: number;
  /** Told the credentials `.env` set (its values that are URLs or passwords), so output can mask them. */
  readonly onCredentials?: (credentials: ConfigCredentials) => void;
}

/** drizzle-kit's JSON for the schema, with what was collected to make it. */
export interface SerializedSchema {
  readonly entities: readonly CollectedEntity[];
  /** drizzle-kit 0.x: its snapshot JSON (version 7); 1.0: `{ version: '9', dialect: 'postgres', ddl }`. */
  readonly json: unknown;
  /** What drizzle-kit printed or would print as warnings while loading and serializing. */
  readonly warnings: readonly string[];
}

export interface ProjectSession {
  readonly major: KitMajor;
  /** The env file read (relative to cwd), known once a module has been imported; null when none. */
  envFile(): string | null;
  /** `tsx 4.23.15` or `jiti 2.6.1`, once started. */
  loaderName(): string | null;
  importConfig(path: string): Promise<Result<{ readonly raw: unknown }>>;
  loadSchema(
    files: readonly string[],
    options: { readonly schemaFilter: readonly string[] | null; readonly casing: Casing | null },
  ): Promise<Result<SerializedSchema>>;
  /** Ends the loader process; resolves to everything the project's modules printed. */
  close(): Promise<string>;
}

const firstLine = (text: string): string => (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();

export const openProjectSession = (options: ProjectSessionOptions): ProjectSession => {
  const { cwd, choice } = options;
  let session: LoaderSession | null = null;
  let started: Result<{ readonly envFile: string | null; readonly loader: string }> | null = null;

  const facts = (loadedAs: string): ImportFacts => ({
    node: process.version,
    drizzleKit: describeDrizzleKit(choice),
    drizzleOrm: choice.drizzleOrm?.version ?? null,
    loadedAs,
  });

  const start = async (): Promise<Result<{ readonly envFile: string | null; readonly loader: string }>> => {
    if (started !== null) return started;
    session = startLoaderSession({
      cwd,
      env: options.env,
      kit: { major: choice.major, drizzleKitDir: choice.drizzleKit.dir },
      importTimeoutMs: options.importTimeoutSeconds * 1000,
    });
    const reply = await session.request({ type: 'start', kit: { major: choice.major, drizzleKitDir: choice.drizzleKit.dir } });
    if (reply.type === 'started') {
      for (const value of reply.envCredentials) {
        options.onCredentials?.(value.includes('://') ? { url: value, password: null } : { url: null, password: value });
      }
      started = { ok: true, envFile: reply.envFile === null ? null : displayPath(reply.envFile, cwd), loader: reply.loader };
    } else if (reply.type === 'ended') {
      started = failure(loaderEnded(reply, 'before it could load drizzle-kit', (session as LoaderSession).output(), cwd));
    } else if (reply.type === 'start-failed') {
      started = failure({
        code: 'drizzle-kit-unsupported',
        path: displayPath(choice.drizzleKit.dir, cwd),
        message: `drizzle-kit ${describeDrizzleKit(choice)} could not be loaded: ${firstLine(reply.error.message)}`,
        hint: "reinstall the project's dependencies (npm ci, pnpm install): drizzle-kit's own files or its dependencies are missing or broken",
      });
    } else {
      throw unexpected(reply);
    }
    return started;
  };

  const importError = (
    code: 'config-import-failed' | 'schema-import-failed',
    outcome: Outcome,
    envFile: string | null,
  ): InputError => {
    const timeout = options.importTimeoutSeconds;
    const described = (failed: ImportFailure, loadedAs: string): InputError => ({
      code,
      ...failed,
      facts: facts(loadedAs === '' ? `through ${started?.ok === true ? started.loader : 'its loader'}` : loadedAs),
    });
    switch (outcome.type) {
      case 'import-failed': {
        const { error, file, network, loadedAs, neverSettles } = outcome;
        if (network !== null) return described(describeNetworkAttempt(network, file, cwd), loadedAs);
        if (neverSettles) return described(describePending(file, cwd, { seconds: timeout, neverSettles: true, innermost: null }), loadedAs);
        if (error.tsconfig !== null) return described(describeTsconfigFailure(error.tsconfig, error.message, cwd), loadedAs);
        return described(describeImportFailure(error, file, { cwd, envFile, kitMajor: choice.major }), loadedAs);
      }
      case 'timed-out':
        return outcome.network !== null
          ? described(describeNetworkAttempt(outcome.network, outcome.file, cwd), '')
          : described(describePending(outcome.file, cwd, { seconds: timeout, neverSettles: false, innermost: outcome.innermost }), '');
      case 'ended':
        if (outcome.file === null) return loaderEnded(outcome, "while drizzle-kit's serializer ran", (session as LoaderSession).output(), cwd);
        return described(describeEnded(outcome.file, cwd, outcome), '');
      default:
        throw unexpected(outcome);
    }
  };

  return {
    major: choice.major,
    envFile: () => (started?.ok === true ? started.envFile : null),
    loaderName: () => (started?.ok === true ? started.loader : null),
    importConfig: async (path) => {
      const ready = await start();
      if (!ready.ok) return ready;
      const outcome = await (session as LoaderSession).request({ type: 'import-config', file: path });
      if (outcome.type !== 'config') return failure(importError('config-import-failed', outcome, ready.envFile));
      return configValue(outcome, path, cwd);
    },
    loadSchema: async (files, { schemaFilter, casing }) => {
      const ready = await start();
      if (!ready.ok) return ready;
      const outcome = await (session as LoaderSession).request({ type: 'load-schema', files, schemaFilter, casing });
      if (outcome.type !== 'schema') return failure(importError('schema-import-failed', outcome, ready.envFile));
      const { serialized, entities, warnings } = outcome;
      if (!serialized.ok) return failure(serializerError(serialized.printed, serialized.exitCode, serialized.thrown, entities, files, cwd));
      return { ok: true, entities, json: serialized.json, warnings: [...warnings, ...serialized.printed] };
    },
    close: async () => (session === null ? '' : session.close()),
  };
};

/**
 * The loader process ended outside any import: it could not start (a NODE_OPTIONS flag this
 * Node refuses), or it was killed while drizzle-kit serialized (out of memory).
 */
const loaderEnded = (
  ending: { readonly code: number | null; readonly signal: string | null },
  when: string,
  printed: string,
  cwd: string,
): InputError => {
  const how = ending.signal !== null ? `signal ${ending.signal}` : ending.code !== null ? `exit code ${String(ending.code)}` : 'it could not be started';
  const said = printed.trim().split('\n').at(-1)?.trim() ?? '';
  return {
    code: 'schema-loader-failed',
    path: cwd,
    message: `the Node process that imports the schema ended ${when} (${how})${said === '' ? '' : `: ${said}`}`,
    hint:
      ending.signal === 'SIGKILL'
        ? 'it was probably out of memory: drizzle-kit needs the same memory; raise the heap (NODE_OPTIONS=--max-old-space-size=8192)'
        : 'check NODE_OPTIONS and the Node installation: drizzle-kit would not start either',
  };
};

const unexpected = (outcome: Outcome): Error =>
  outcome.type === 'fault' ? new LoaderFault(outcome.error) : new Error(`unexpected reply from the schema loader process: ${outcome.type}`);

/**
 * drizzle-kit's serializer stopped: what it printed, and the exports it would have seen
 * twice, since an `index.ts` re-exporting the other schema files is the usual cause.
 */
const serializerError = (
  printed: readonly string[],
  exitCode: string | null,
  thrown: ErrorData | null,
  entities: readonly CollectedEntity[],
  files: readonly string[],
  cwd: string,
): InputError => {
  const byIdentity = new Map<number, CollectedEntity[]>();
  for (const entity of entities) byIdentity.set(entity.identity, [...(byIdentity.get(entity.identity) ?? []), entity]);
  const twice = [...byIdentity.values()].filter((list) => list.length > 1);
  const [first] = twice;
  const duplicateNote =
    first === undefined
      ? ''
      : `; ${twice.length === 1 ? 'one export is' : `${twice.length} exports are`} collected more than once, e.g. \`${first[0]?.exportName ?? ''}\` from ${first.map((entity) => displayPath(entity.file, cwd)).join(' and ')}: drizzle-kit collects every export of every schema file, so list a re-exporting index file or the files it re-exports in \`schema\`, not both`;
  const message =
    thrown !== null
      ? `drizzle-kit's serializer failed: ${firstLine(thrown.message)}`
      : printed.join(' ').replace(/\s+/g, ' ').trim() || `drizzle-kit's serializer exited with code ${String(exitCode)}`;
  // drizzle-kit names tables, not files: point at the one schema file, else the working directory.
  const [only, ...others] = files;
  return {
    code: 'schema-rejected-by-drizzle-kit',
    path: only !== undefined && others.length === 0 ? displayPath(only, cwd) : '',
    message,
    hint: `drizzle-kit push would stop here too: fix the schema as the message says${duplicateNote}`,
  };
};
