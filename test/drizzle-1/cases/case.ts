/**
 * A drizzle-orm 1.0 schema for the 1.0 mapping's tests: real pg-core 1.0 objects, the schemas
 * drizzle-kit manages for it, and what verify must say about a database drizzle-kit 1.0 pushed
 * it into (nothing, or the findings listed, each a documented drizzle-kit behaviour).
 */
export interface Kit1Case {
  readonly name: string;
  /** What the case covers. */
  readonly description: string;
  readonly imports: Readonly<Record<string, unknown>>;
  /** drizzle-kit's `schemaFilter` for the case (the schemas it declares). */
  readonly schemaFilters: readonly string[];
  /**
   * Findings verify reports on the in-sync database, as `findingSignature` prints them, each a
   * known drizzle-kit 1.0 behaviour (why in `why`); none for most cases.
   */
  readonly expectedFindings?: readonly string[];
  readonly why?: string;
  /**
   * What drizzle-kit 1.0's push still wants once it has nothing new to do (in-sync.ts), one
   * line per statement or missing hint: nothing for most cases; else its false positives (each
   * recorded in docs/drizzle-kit-disagreements.md), the hints it asks for, or why it fails.
   */
  readonly drizzleKitRepeats?: readonly string[];
  /** Only on PGlite: the case creates cluster-wide objects (roles) a shared server must not keep. */
  readonly pgliteOnly?: boolean;
}
