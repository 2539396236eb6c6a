/**
 * drizzle-kit 1.0 for tests: `drizzle-kit/api-postgres` and drizzle-orm 1.0's database drivers,
 * resolved from this folder (test/drizzle-1/node_modules), never the repository's 0.31/0.45.
 *
 * - `generateDdl` is drizzle-kit 1.0's `generateDrizzleJson`, the state our 1.0 mapping reads.
 * - `DrizzleKit1` pushes with drizzle-kit 1.0's own `pushSchema` into a PGlite or server
 *   database, the way `drizzle-kit push` would, and reports the statements or the hints it
 *   is missing (drizzle-kit 1.0 never prompts through the API: it throws `MissingHintsError`).
 *
 * NOTE: drizzle-kit 1.0's `generateDrizzleJson` prints and calls `process.exit(1)` on a schema it
 * rejects (duplicate names, an expression index without a name); here that becomes a thrown error.
 */
import type { PGlite } from '@electric-sql/pglite';
import { generateDrizzleJson, pushSchema, type MissingHint } from 'drizzle-kit/api-postgres';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DrizzleDdlJson } from '../../src/schema/kit1/ddl.js';

/** Where `drizzle-kit/api-postgres` and `drizzle-orm/pg-core` resolve from here (for a test to print and check). */
export const resolvedPackages = (): { readonly drizzleKit: string; readonly drizzleOrm: string } => ({
  drizzleKit: import.meta.resolve('drizzle-kit/api-postgres'),
  drizzleOrm: import.meta.resolve('drizzle-orm/pg-core'),
});

class DrizzleKitExit extends Error {}

/** drizzle-kit 1.0's `generateDrizzleJson(imports, undefined, schemaFilters)`. */
export const generateDdl = async (imports: Readonly<Record<string, unknown>>, schemaFilters?: readonly string[]): Promise<DrizzleDdlJson> => {
  const { exit } = process;
  const { log, error } = console;
  let printed = '';
  const keep = (...args: unknown[]): void => void (printed += `${args.map(String).join(' ')}\n`);
  process.exit = ((code?: number) => {
    throw new DrizzleKitExit(`drizzle-kit exited with code ${String(code)}: ${printed.trim()}`);
  }) as typeof process.exit;
  console.log = keep;
  console.error = keep;
  try {
    return await generateDrizzleJson({ ...imports }, undefined, schemaFilters ? [...schemaFilters] : undefined);
  } finally {
    process.exit = exit;
    console.log = log;
    console.error = error;
  }
};

export type Kit1PushOutcome =
  | {
      readonly kind: 'statements';
      /** Statements drizzle-kit would run, in its order; empty when in sync. */
      readonly statements: readonly string[];
      /** drizzle-kit's data-loss hints (statements it runs first, such as a TRUNCATE). */
      readonly hints: readonly string[];
      apply(): Promise<void>;
    }
  | { readonly kind: 'missing-hints'; readonly missing: readonly MissingHint[]; readonly message: string };

type PushDatabase = Parameters<typeof pushSchema>[1];

const isMissingHints = (error: unknown): error is Error & { readonly missingHints: readonly MissingHint[] } =>
  error instanceof Error && 'missingHints' in error && Array.isArray(error.missingHints);

/** A database drizzle-kit 1.0 pushes to. `close()` ends only what it opened itself. */
export class DrizzleKit1 {
  private constructor(
    private readonly db: PushDatabase,
    private readonly onClose: () => Promise<void>,
  ) {}

  /** On PGlite: shares the caller's instance (the caller closes it). */
  static pglite(pglite: PGlite): DrizzleKit1 {
    return new DrizzleKit1(drizzlePglite({ client: pglite }) as unknown as PushDatabase, async () => undefined);
  }

  /** On the server: opens its own connection to `url`, closed by `close()`. */
  static async server(url: string): Promise<DrizzleKit1> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new DrizzleKit1(drizzleNodePg({ client }) as unknown as PushDatabase, () => client.end());
  }

  /** What `drizzle-kit push` (1.0) would do with `imports` on this database, without hints. */
  async push(imports: Readonly<Record<string, unknown>>, schemaFilters: readonly string[] = []): Promise<Kit1PushOutcome> {
    try {
      const result = await pushSchema({ ...imports }, this.db, {
        schemas: [...schemaFilters],
        tables: [],
        entities: undefined,
        extensions: [],
      });
      return {
        kind: 'statements',
        statements: result.sqlStatements,
        hints: result.hints.map((h) => h.hint),
        apply: () => result.apply(),
      };
    } catch (error) {
      if (isMissingHints(error)) return { kind: 'missing-hints', missing: error.missingHints, message: error.message };
      throw error;
    }
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
