/** In-memory snapshots for the snapshot tests: small, valid, easy to vary. */
import type { Catalog, Column, Table } from '../../src/catalog/model.js';
import { FORMAT_VERSION, SNAPSHOT_SCHEMA_URL, type Snapshot } from '../../src/snapshot/format.js';

export const column = (name: string, position: number, overrides: Partial<Column> = {}): Column => ({
  name,
  position,
  type: { name: 'integer', schema: null, category: 'base', dimensions: 0 },
  notNull: false,
  default: null,
  identity: null,
  generated: null,
  collation: null,
  comment: null,
  ...overrides,
});

export const table = (schema: string, name: string, overrides: Partial<Table> = {}): Table => ({
  schema,
  name,
  kind: 'table',
  partitionOf: null,
  comment: null,
  rowLevelSecurity: { enabled: false, forced: false },
  rows: 'unknown',
  columns: [column('id', 1)],
  primaryKey: null,
  uniques: [],
  foreignKeys: [],
  checks: [],
  indexes: [],
  policies: [],
  ...overrides,
});

export const catalog = (overrides: Partial<Catalog> = {}): Catalog => ({
  schemas: ['public'],
  tables: [table('public', 'users')],
  enums: [],
  domains: [],
  sequences: [],
  views: [],
  extensions: [],
  ...overrides,
});

export const snapshot = (catalogValue: Catalog = catalog(), capturedAt = '2025-01-02T03:04:05.000Z'): Snapshot => ({
  $schema: SNAPSHOT_SCHEMA_URL,
  formatVersion: FORMAT_VERSION,
  metadata: {
    capturedAt,
    tool: { name: 'drizzle-catalog', version: '0.1.0' },
    server: { version: '16.4', versionNumber: 160004 },
    database: 'app',
    host: null,
    schemaFilter: null,
  },
  catalog: catalogValue,
  migrations: null,
});
