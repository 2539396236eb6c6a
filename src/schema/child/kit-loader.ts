/**
 * What the loader process needs from one drizzle-kit major: its module loading, its
 * serializer. One implementation per major (kit0/loader.ts, kit1/loader.ts), each
 * following that drizzle-kit's own CLI.
 */
import type { Casing } from './protocol.js';

export interface KitLoader {
  /** The module loader in use, with its version: `tsx 4.23.15`, `jiti 2.6.1`. */
  readonly name: string;
  /** How `file` is loaded, for the facts of an import error. */
  loadedAs(file: string): string;
  /** Imports `file` (absolute) as drizzle-kit does; resolves to what drizzle-kit would read its exports from. */
  importModule(file: string): Promise<unknown>;
  /** Whether one table object exported from several files counts once (drizzle-kit 0.31's CLI dedupes tables, 1.0 does not). */
  readonly dedupesTables: boolean;
  /**
   * drizzle-kit's own `generateDrizzleJson` on the collected exports. Runs inside
   * `withSerializerOutput` (drizzle-kit may print and exit).
   */
  serialize(imports: Readonly<Record<string, unknown>>, schemaFilter: readonly string[] | null, casing: Casing | null): Promise<unknown>;
  /** What drizzle-kit itself would have printed as a warning while loading (a tsconfig path it ignores). */
  readonly warnings: readonly string[];
}
