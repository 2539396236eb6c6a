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

/** Who is right when drizzle-kit and we are compared on a case, judged from PostgreSQL's behaviour. */
export type WhoIsRight = 'agree' | 'we are right' | 'drizzle-kit is right' | 'both wrong';

export interface OurAnswer {
  /** Our findings, as `findingSignature` prints them, in verify's order. */
  readonly findings: readonly string[];
  readonly verdict: WhoIsRight;
  /** Why, from what PostgreSQL does. */
  readonly why: string;
  /** drizzle-kit statements of its known false positives, left out when statements and findings are paired. */
  readonly drizzleKitNoise?: readonly string[];
}

export interface OracleCase {
  readonly name: string;
  /** What the case is about, and what a correct comparison says. */
  readonly description: string;
  readonly imports: Readonly<Record<string, unknown>>;
  readonly schemaFilters: readonly string[];
  readonly setupSql: string;
  /** drizzle-kit push on PGlite (PostgreSQL 18); `server` when PostgreSQL 15 differs. */
  readonly drizzleKit: DrizzleKitSays & { readonly server?: DrizzleKitSays };
  /** What our capture + verify say (on PGlite and the server alike). */
  readonly ours: OurAnswer;
  /** drizzle-kit's error when its prompts are answered as we predict, when it fails on them. */
  readonly drizzleKitFailsOnOurAnswers?: string;
}
