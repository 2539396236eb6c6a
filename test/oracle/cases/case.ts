/**
 * A case: a Drizzle schema (real pg-core objects), the SQL of a database to compare it with
 * (written the way a person or another tool would write it, not by drizzle-kit), and what
 * drizzle-kit push says about the pair, recorded from drizzle-kit 0.31.
 */
import type { DrizzleKitPrompt } from '../push.js';

export type DrizzleKitSays =
  | { readonly kind: 'in-sync' }
  | { readonly kind: 'statements'; readonly statements: readonly string[] }
  /** It would ask in a terminal; these are its questions when every answer is "create". */
  | { readonly kind: 'prompts'; readonly prompts: readonly DrizzleKitPrompt[] };

export interface OracleCase {
  readonly name: string;
  /** What the case is about, and what a correct comparison says. */
  readonly description: string;
  readonly imports: Readonly<Record<string, unknown>>;
  readonly schemaFilters: readonly string[];
  readonly setupSql: string;
  /** drizzle-kit push on PGlite (PostgreSQL 18); `server` when PostgreSQL 15 differs. */
  readonly drizzleKit: DrizzleKitSays & { readonly server?: DrizzleKitSays };
}
