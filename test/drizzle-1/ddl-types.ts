/**
 * Compile-time check (run by `npm run typecheck`): drizzle-kit 1.0's declared schema state fits
 * the hand-written types src/schema/kit1/ddl.ts reads. This file lives under test/drizzle-1/ so
 * that `drizzle-kit/api-postgres` resolves to the 1.0 package of this workspace; `src/` sees only
 * the repository's drizzle-kit 0.31, which has no `api-postgres`.
 */
import type { generateDrizzleJson, reconstruct } from 'drizzle-kit/api-postgres';
import type { DrizzleDdlJson } from '../../src/schema/kit1/ddl.js';

type Fits<T extends DrizzleDdlJson> = T;

export type GenerateDrizzleJsonFits = Fits<Awaited<ReturnType<typeof generateDrizzleJson>>>;
export type ReconstructFits = Fits<Awaited<ReturnType<typeof reconstruct>>>;
