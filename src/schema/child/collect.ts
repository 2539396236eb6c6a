/**
 * Collects the Drizzle objects the schema modules export, as drizzle-kit's CLI does
 * (0.31 `prepareFromPgImports`, 1.0 `prepareFromSchemaFiles`): every value of every
 * module's exports, in order, by kind; relations and everything else ignored.
 *
 * NOTE: an object exported from two schema files (an `index.ts` re-exporting the others,
 * both matched by `schema`) is collected twice. drizzle-kit 0.31 counts a table once (its
 * tables go through a Set) but every other kind twice, so a re-exported view stops its
 * serializer ("duplicated view name"); 1.0 counts everything twice and stops on the first
 * duplicate. The imports handed to the serializer keep those duplicates, so verify stops
 * where drizzle-kit does; `identity` lets the parent say which exports were duplicates.
 */
import { drizzleEntityKind, tableKey } from '../drizzle-entities.js';
import type { CollectedEntity } from './protocol.js';

export interface Collection {
  readonly entities: readonly CollectedEntity[];
  /** The `imports` argument of drizzle-kit's `generateDrizzleJson`: one key per collected occurrence. */
  readonly imports: Readonly<Record<string, unknown>>;
}

const exportsOf = (moduleValue: unknown): readonly (readonly [string, unknown])[] => {
  if ((typeof moduleValue !== 'object' && typeof moduleValue !== 'function') || moduleValue === null) return [];
  try {
    return Object.keys(moduleValue).map((name) => {
      try {
        return [name, (moduleValue as Record<string, unknown>)[name]] as const;
      } catch {
        return [name, undefined] as const;
      }
    });
  } catch {
    return [];
  }
};

export const collectEntities = (
  modules: readonly { readonly file: string; readonly value: unknown }[],
  { dedupesTables }: { readonly dedupesTables: boolean },
): Collection => {
  const identities = new Map<unknown, number>();
  const entities: CollectedEntity[] = [];
  const imports: Record<string, unknown> = {};
  for (const { file, value: moduleValue } of modules) {
    for (const [exportName, value] of exportsOf(moduleValue)) {
      const kind = drizzleEntityKind(value);
      if (kind === null) continue;
      const seen = identities.get(value);
      const identity = seen ?? identities.size;
      if (seen === undefined) identities.set(value, identity);
      entities.push({ file, exportName, kind, table: kind === 'PgTable' ? tableKey(value as object) : null, identity });
      if (kind === 'PgTable' && dedupesTables && seen !== undefined) continue;
      imports[`${file}#${exportName}`] = value;
    }
  }
  return { entities, imports };
};
