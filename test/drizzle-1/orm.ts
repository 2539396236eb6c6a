/**
 * drizzle-orm 1.0 for tests outside this folder: a test file anywhere resolves `drizzle-orm` to
 * the repository's 0.45, so 1.0 schemas are built from what this module re-exports (it resolves
 * drizzle-orm from test/drizzle-1/node_modules).
 */
export * from 'drizzle-orm/pg-core';
export { sql } from 'drizzle-orm';
