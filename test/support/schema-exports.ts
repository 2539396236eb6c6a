/**
 * The Drizzle objects a project's schema files export, imported into the test process
 * itself, for tests that hand them to drizzle-kit's API (`pushSchema`, `generateMigration`).
 * verify imports them in its loader process (src/schema/child/); objects cannot cross a
 * process boundary, so these tests load the same files again here, with tsx in a namespace
 * of its own (nothing leaks into the test process's modules).
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { drizzleEntityKind } from '../../src/schema/drizzle-entities.js';

/** `<file>#<export>` → object, each object once, in file order: drizzle-kit API's `imports`. */
export const importSchemaExports = async (files: readonly string[], tsconfig: string | null): Promise<Record<string, unknown>> => {
  const api = register({ namespace: `drizzle-catalog-test-${randomUUID()}`, tsconfig: tsconfig ?? false });
  try {
    const exports: Record<string, unknown> = {};
    const seen = new Set<unknown>();
    for (const file of files) {
      const namespace = (await api.import(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
      for (const name of Object.keys(namespace).sort()) {
        const value = namespace[name];
        if (drizzleEntityKind(value) === null || seen.has(value)) continue;
        seen.add(value);
        exports[`${file}#${name}`] = value;
      }
    }
    return exports;
  } finally {
    await api.unregister();
  }
};
