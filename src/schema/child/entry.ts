/**
 * The loader process: imports the project's drizzle.config and schema files the way the
 * project's drizzle-kit does, and runs that drizzle-kit's serializer on what they export.
 * Started by `session.ts`; talks to it over IPC only (`protocol.ts`). Its stdout and stderr
 * are the user modules' output, captured by the parent.
 *
 * Why a process of its own: the loaders' hooks are global and cannot be undone, a module
 * whose top-level await never settles can only be abandoned by ending its process, `.env`
 * goes into this environment only, and two drizzle-orm majors never meet in one process.
 */
import { collectEntities } from './collect.js';
import { blockNetwork } from './block-network.js';
import { loadEnvFile } from './env-file.js';
import { toErrorData } from './error-data.js';
import type { KitLoader } from './kit-loader.js';
import { toPlainData } from './plain-data.js';
import type { ChildMessage, KitSetup, NetworkAttempt, Reply, Request, Serialized } from './protocol.js';
import { createKit0Loader } from '../kit0/loader.js';
import { createKit1Loader, TsconfigError } from '../kit1/loader.js';
import { withSerializerOutput } from '../serializer-output.js';

/**
 * Thrown in place of `process.exit(code)` called by a module while it is imported (an
 * environment check such as `if (!process.env.DATABASE_URL) process.exit(1)`): the import
 * fails with it, and the module's output is kept.
 */
class ModuleExitError extends Error {
  override readonly name = 'ModuleExitError';
  constructor(readonly exitCode: unknown) {
    super(`called process.exit(${exitCode === undefined ? '' : String(exitCode)})`);
  }
}

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const reallyExit = process.exit.bind(process);
const exitAsError = (code?: unknown): never => {
  const error = new ModuleExitError(code);
  // The caller's frame (the module that called exit) leads the stack, not this function.
  Error.captureStackTrace(error, exitAsError);
  throw error;
};
process.exit = exitAsError as typeof process.exit;
// The parent is gone (killed, interrupted): nothing is left to answer to.
process.on('disconnect', () => reallyExit(0));

/** What went wrong outside the import's own promise while it ran: a refused connection, an uncaught error. */
interface Incident {
  network: NetworkAttempt | null;
  uncaught: { readonly error: unknown } | null;
}
const incident: Incident = { network: null, uncaught: null };
const current = (): Incident => ({ ...incident });
const record = (error: unknown): void => {
  incident.uncaught ??= { error };
};
process.on('uncaughtException', record);
process.on('unhandledRejection', record);

let loader: KitLoader | null = null;

const createLoader = (kit: KitSetup): KitLoader =>
  kit.major === 0
    ? createKit0Loader(kit.drizzleKitDir, (file, phase) => send({ type: 'module', file, phase }))
    : createKit1Loader(kit.drizzleKitDir);

class NeverSettles extends Error {}

/**
 * Resolves when `promise` does, rejects with NeverSettles when nothing is left in the
 * process that could settle it (the event loop would be empty but for the IPC channel).
 */
const orNeverSettles = async <T>(promise: Promise<T>): Promise<T> => {
  let onBeforeExit = (): void => undefined;
  const never = new Promise<never>((_resolve, reject) => {
    onBeforeExit = () => reject(new NeverSettles());
  });
  process.once('beforeExit', onBeforeExit);
  process.channel?.unref();
  try {
    return await Promise.race([promise, never]);
  } finally {
    process.channel?.ref();
    process.off('beforeExit', onBeforeExit);
  }
};

type Imported = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reply: Reply };

const importOne = async (kit: KitLoader, file: string): Promise<Imported> => {
  send({ type: 'importing', file });
  incident.network = null;
  incident.uncaught = null;
  const failed = (error: unknown, neverSettles = false): Imported => ({
    ok: false,
    reply: {
      type: 'import-failed',
      file,
      error: toErrorData(error, error instanceof TsconfigError ? error.tsconfig : null),
      network: incident.network,
      loadedAs: kit.loadedAs(file),
      neverSettles,
    },
  });
  let value: unknown;
  try {
    value = await orNeverSettles(kit.importModule(file));
  } catch (error) {
    return failed(error, error instanceof NeverSettles);
  }
  // Errors a module's top-level code left behind (a rejected connection promise) surface now.
  await new Promise((resolve) => setImmediate(resolve));
  // (Read through a function: the compiler cannot know the callbacks above changed them.)
  const { network, uncaught } = current();
  if (network !== null) return failed(new Error(`connects to ${network.target}`));
  if (uncaught !== null) return failed(uncaught.error);
  send({ type: 'imported', file });
  return { ok: true, value };
};

/** drizzle-kit's serializer: its JSON, or how it stopped (an exit with a message, or a throw). */
const serialize = async (
  kit: KitLoader,
  imports: Readonly<Record<string, unknown>>,
  request: Extract<Request, { type: 'load-schema' }>,
): Promise<Serialized> => {
  try {
    const outcome = await withSerializerOutput(() => kit.serialize(imports, request.schemaFilter, request.casing));
    return outcome.ok
      ? { ok: true, json: outcome.value, printed: outcome.printed }
      : { ok: false, printed: outcome.printed, exitCode: outcome.exitCode, thrown: null };
  } catch (error) {
    return { ok: false, printed: [], exitCode: null, thrown: toErrorData(error) };
  }
};

const handle = async (request: Request): Promise<Reply> => {
  if (request.type === 'start') {
    const env = loadEnvFile();
    try {
      loader = createLoader(request.kit);
    } catch (error) {
      return { type: 'start-failed', error: toErrorData(error) };
    }
    blockNetwork((attempt) => {
      incident.network ??= attempt;
      send({ type: 'network-attempt', attempt });
    });
    return { type: 'started', envFile: env.file, envCredentials: env.credentials, loader: loader.name };
  }
  const kit = loader;
  if (kit === null) throw new Error(`'${request.type}' before 'start'`);
  if (request.type === 'import-config') {
    const imported = await importOne(kit, request.file);
    if (!imported.ok) return imported.reply;
    const module = imported.value as { default?: unknown } | null | undefined;
    // drizzle-kit 0.31: `required.default ?? required`; 1.0: `mod?.default ?? mod`.
    const value = module?.default ?? module;
    const exportNames = typeof module === 'object' && module !== null ? Object.keys(module) : [];
    return { type: 'config', value: toPlainData(value), hasDefault: value !== module, exportNames };
  }
  const modules: { file: string; value: unknown }[] = [];
  for (const file of request.files) {
    const imported = await importOne(kit, file);
    if (!imported.ok) return imported.reply;
    modules.push({ file, value: imported.value });
  }
  const { entities, imports } = collectEntities(modules, { dedupesTables: kit.dedupesTables });
  send({ type: 'serializing' });
  return { type: 'schema', entities, serialized: await serialize(kit, imports, request), warnings: kit.warnings };
};

process.on('message', (request: Request) => {
  handle(request).then(send, (error: unknown) => send({ type: 'fault', error: toErrorData(error) }));
});
