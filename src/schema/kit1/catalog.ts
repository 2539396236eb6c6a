/**
 * drizzle-kit 1.0's JSON (version 9, a flat `ddl` list) → Catalog: the one function the
 * verify pipeline calls for a drizzle-kit 1.0 project.
 */
import type { Catalog } from '../../catalog/model.js';
import type { DrizzleDdlJson } from './ddl.js';
import { drizzleDdlToCatalog } from './to-catalog.js';

export interface Kit1CatalogOptions {
  /**
   * The config's `schemaFilter` when it sets one, else none: drizzle-kit 1.0 then manages
   * every schema (its `prepareSchemasFitler` lets every schema through when no glob is given).
   */
  readonly schemaFilter: readonly string[];
}

export const kit1Catalog = (json: unknown, options: Kit1CatalogOptions): Catalog =>
  // The loader process hands over what drizzle-kit 1.0's generateDrizzleJson returned.
  drizzleDdlToCatalog(json as DrizzleDdlJson, { schemaFilter: options.schemaFilter });
