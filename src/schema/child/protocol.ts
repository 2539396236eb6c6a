/**
 * The messages between verify and the process that imports the project's modules (the
 * "loader process", `entry.ts`). Plain data only: they cross an IPC channel with Node's
 * `serialization: 'advanced'` (structured clone).
 *
 * One session: `start` (which drizzle-kit, read .env, install the loader and the network
 * block) → `import-config` → `load-schema`; each request gets exactly one reply, with
 * progress messages before it (`importing`, `imported`, `serializing`, `network-attempt`)
 * so that the parent can bound the time an import takes and name the module still pending.
 */
import type { DrizzleEntityKind } from '../drizzle-entities.js';

export type KitMajor = 0 | 1;

/** Which drizzle-kit the loader process emulates, and where the project has it. */
export interface KitSetup {
  readonly major: KitMajor;
  /** Real path of the drizzle-kit package folder (the project's, or drizzle-catalog's own). */
  readonly drizzleKitDir: string;
}

export type Casing = 'snake_case' | 'camelCase';

export type Request =
  | { readonly type: 'start'; readonly kit: KitSetup }
  | { readonly type: 'import-config'; readonly file: string }
  | {
      readonly type: 'load-schema';
      readonly files: readonly string[];
      /** drizzle-kit's `schemaFilters` argument; null to leave it out (drizzle-kit 1.0: every schema). */
      readonly schemaFilter: readonly string[] | null;
      /** drizzle-kit 0.x only: the config's `casing`. */
      readonly casing: Casing | null;
    };

/** What was thrown, as plain data (`Error` subclasses lose their fields in a structured clone). */
export interface ErrorData {
  readonly name: string;
  readonly message: string;
  readonly code: string | null;
  /** Formatted in the loader process, where the loader's source maps apply. */
  readonly stack: string;
  /** For a tsconfig.json that cannot be read: its path. */
  readonly tsconfig: string | null;
}

/** A connection the loader process refused (verify is offline). */
export interface NetworkAttempt {
  /** `db.example.com:5432`, a socket path, or a URL. */
  readonly target: string;
  /** The user's module (and line) that asked for it, when the stack shows it. */
  readonly module: string | null;
}

export interface CollectedEntity {
  /** Absolute path of the schema file that exports it. */
  readonly file: string;
  readonly exportName: string;
  readonly kind: DrizzleEntityKind;
  /** `schema.name` for tables; null for other kinds. */
  readonly table: string | null;
  /** Equal for the same object exported twice (a re-export). */
  readonly identity: number;
}

export type Serialized =
  | { readonly ok: true; readonly json: unknown; readonly printed: readonly string[] }
  | {
      readonly ok: false;
      readonly printed: readonly string[];
      /** The code drizzle-kit exited with, or null when it threw. */
      readonly exitCode: string | null;
      readonly thrown: ErrorData | null;
    };

export type Reply =
  | {
      readonly type: 'started';
      /** Absolute path of the env file read, or null when there was none. */
      readonly envFile: string | null;
      /** Values the env file set that are credentials (URLs, passwords), so that output can mask them. */
      readonly envCredentials: readonly string[];
      /** `tsx 4.23.15` or `jiti 2.6.1`. */
      readonly loader: string;
    }
  | {
      readonly type: 'config';
      /** `module.default ?? module`, as drizzle-kit reads it, as plain data (functions dropped). */
      readonly value: unknown;
      readonly hasDefault: boolean;
      readonly exportNames: readonly string[];
    }
  | {
      readonly type: 'schema';
      readonly entities: readonly CollectedEntity[];
      readonly serialized: Serialized;
      /** Warnings drizzle-kit itself prints while loading (tsconfig paths it ignores). */
      readonly warnings: readonly string[];
    }
  | {
      readonly type: 'import-failed';
      /** The top-level file being imported (the config or a schema file). */
      readonly file: string;
      readonly error: ErrorData;
      readonly network: NetworkAttempt | null;
      /** How `file` was loaded, for the error's facts. */
      readonly loadedAs: string;
      /** Its top-level await can never settle: nothing is left that could resolve it. */
      readonly neverSettles: boolean;
    }
  /** drizzle-kit (its API, its loader) could not be loaded from the project. */
  | { readonly type: 'start-failed'; readonly error: ErrorData }
  /** A failure of the loader process itself: a bug of ours. */
  | { readonly type: 'fault'; readonly error: ErrorData };

export type Progress =
  | { readonly type: 'importing'; readonly file: string }
  | { readonly type: 'imported'; readonly file: string }
  | { readonly type: 'serializing' }
  /** One of the user's modules starts or ends running its top-level code (drizzle-kit 0.x only). */
  | { readonly type: 'module'; readonly file: string; readonly phase: 'start' | 'end' }
  | { readonly type: 'network-attempt'; readonly attempt: NetworkAttempt };

export type ChildMessage = Reply | Progress;

export const isProgress = (message: ChildMessage): message is Progress =>
  message.type === 'importing' ||
  message.type === 'imported' ||
  message.type === 'serializing' ||
  message.type === 'module' ||
  message.type === 'network-attempt';
