/**
 * drizzle-kit 1.0's JSON (version 9, a flat `ddl` list) → Catalog: the one function the
 * verify pipeline calls for a drizzle-kit 1.0 project.
 *
 * NOTE: the mapping itself (`kit1/to-catalog.ts`, with the v9 types in `kit1/ddl.ts`) is
 * written on its own branch (issue 13); until it is merged here, a 1.0 project loads up to
 * drizzle-kit's JSON and stops with this clear error instead of a wrong catalog.
 */
import type { Catalog } from '../../catalog/model.js';
import { failure, type Result } from '../../config/errors.js';

export interface Kit1CatalogOptions {
  readonly schemaFilter: readonly string[];
  /** The project's drizzle-kit version, for the message. */
  readonly drizzleKitVersion: string;
  /** Where the schema came from (the config file), for the message. */
  readonly path: string;
}

export const kit1Catalog = (_json: unknown, options: Kit1CatalogOptions): Result<{ readonly catalog: Catalog }> =>
  failure({
    code: 'drizzle-kit-unsupported',
    path: options.path,
    message: `the schema loads with drizzle-kit ${options.drizzleKitVersion}, but comparing a drizzle-kit 1.0 schema is not supported yet: drizzle-kit 1.0 support lands with issue 13`,
    hint: 'until then, verify a drizzle-orm 0.45 / drizzle-kit 0.31 checkout of the project',
  });
