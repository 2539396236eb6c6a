import type { Queryable } from './queryable.js';

export interface ReadOnlyTransactionOptions {
  /** `statement_timeout` for every statement of the transaction, in milliseconds. */
  readonly statementTimeoutMs: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Runs `body` inside one `READ ONLY`, `REPEATABLE READ` transaction: every read sees
 * the same snapshot of the catalog (concurrent DDL cannot tear it), and the server
 * refuses any write. Commits when `body` resolves, rolls back when it rejects.
 *
 * Inside, `search_path` is `pg_catalog` only (and TimeZone, DateStyle, IntervalStyle are pinned), so the server spells every reference to
 * a user object schema-qualified (`public.mood`, `nextval('public.users_id_seq'::regclass)`)
 * whatever the capturing role's own search_path is: the snapshot does not depend on
 * who captured it.
 *
 * NOTE: the pg_get_*def() and format_type() functions read the system caches, which
 * follow the latest committed catalog rather than the transaction's snapshot. DDL
 * committed by another session mid-capture can therefore show through those functions
 * (or make them return null for a dropped object); the readers treat such a null as
 * "the catalog changed, capture again" rather than write a torn snapshot. See
 * https://www.postgresql.org/docs/current/functions-info.html (catalog functions).
 */
export const readOnlyTransaction = async <T>(
  queryable: Queryable,
  options: ReadOnlyTransactionOptions,
  body: (transaction: Queryable) => Promise<T>,
): Promise<T> => {
  await queryable.query('begin isolation level repeatable read read only');
  try {
    // set_config(..., true) is SET LOCAL: the settings end with the transaction.
    // NOTE: pg_get_expr() prints constants (timestamps, intervals) in the session's
    // TimeZone, DateStyle and IntervalStyle; pinning them keeps the snapshot independent
    // of who captures it.
    await queryable.query(
      `select set_config('statement_timeout', $1, true), set_config('search_path', 'pg_catalog', true),
              set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
              set_config('IntervalStyle', 'postgres', true)`,
      [`${Math.max(0, Math.round(options.statementTimeoutMs))}ms`],
    );
    const result = await body(queryable);
    await queryable.query('commit');
    return result;
  } catch (error) {
    // The original error matters; a failed rollback (connection gone) adds nothing.
    await queryable.query('rollback').catch(() => undefined);
    throw error;
  }
};
