/**
 * The oracle's `SchemaSpec` (test/oracle/schema-spec.ts) as drizzle-orm 1.0 objects: the same
 * builder calls as `toDrizzle`, on the pg-core this folder resolves (1.0).
 */
import { getTableColumns, sql } from 'drizzle-orm';
import * as pgCore from 'drizzle-orm/pg-core';
import { toDrizzleWith, type DrizzleOrmApi } from '../oracle/to-drizzle.js';

const DRIZZLE_ORM_1: DrizzleOrmApi = {
  pgCore: pgCore as unknown as DrizzleOrmApi['pgCore'],
  sql: sql as unknown as DrizzleOrmApi['sql'],
  getTableColumns: getTableColumns as unknown as DrizzleOrmApi['getTableColumns'],
  // NOTE: 1.0 sets the dimensions in one call; `.array().array()` is still one dimension.
  array: (builder, dimensions) => builder.array(dimensions === 1 ? '[]' : '[][]'),
};

export const toDrizzle1 = toDrizzleWith(DRIZZLE_ORM_1);
