import type { RowEstimate } from '../catalog/model.js';

/**
 * Coarse row estimate from `pg_class.reltuples` (see RowEstimate in the model).
 * NOTE: since PostgreSQL 14, reltuples is -1 for a table never vacuumed or analyzed
 * (before, 0 meant both "empty" and "unknown"). Estimates between 0 and 1 (possible
 * after extrapolation) count as 1: the table is not known to be empty.
 */
export const rowEstimate = (reltuples: number): RowEstimate => {
  if (!Number.isFinite(reltuples) || reltuples < 0) return 'unknown';
  if (reltuples === 0) return 0;
  if (reltuples < 1) return 1;
  let bucket = 1;
  // Multiply instead of Math.pow(10, floor(log10)): log10 rounding puts 1000 in bucket 100.
  while (bucket * 10 <= reltuples) bucket *= 10;
  return bucket;
};
