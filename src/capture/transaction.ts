import type { Queryable } from './queryable.js';

export interface ReadOnlyTransactionOptions {
  /** `statement_timeout` for every statement of the transaction, in milliseconds. */
  readonly statementTimeoutMs: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

const BEGIN = 'begin isolation level repeatable read read only';

/**
 * The settings of the transaction, as SET LOCAL statements (they end with it).
 * NOTE: pg_get_expr() prints constants (timestamps, intervals) in the session's
 * TimeZone, DateStyle and IntervalStyle; pinning them keeps the snapshot independent
 * of who captures it. The timeout is an integer (milliseconds) written into the text:
 * SET takes no parameters.
 */
const settings = (timeoutMs: number): readonly string[] => [
  `set local statement_timeout = ${timeoutMs}`,
  'set local search_path = pg_catalog',
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
];

/** PostgreSQL's largest statement_timeout (INT_MAX milliseconds, about 24 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The timeout as an integer PostgreSQL accepts; only a bug could pass a non-number. */
const timeoutMsOf = (options: ReadOnlyTransactionOptions): number => {
  if (!Number.isFinite(options.statementTimeoutMs)) throw new RangeError(`statement timeout ${options.statementTimeoutMs} is not a number`);
  return Math.min(MAX_TIMEOUT_MS, Math.max(0, Math.round(options.statementTimeoutMs)));
};

/**
 * Runs `body` inside one `READ ONLY`, `REPEATABLE READ` transaction: every read sees
 * the same snapshot of the catalog (concurrent DDL cannot tear it), and the server
 * refuses any write. Commits when `body` resolves, rolls back when it rejects.
 *
 * Inside, `search_path` is `pg_catalog` only (and TimeZone, DateStyle, IntervalStyle are
 * pinned), so the server spells every reference to a user object schema-qualified (`public.mood`, `nextval('public.users_id_seq'::regclass)`)
 * whatever the capturing role's own search_path is: the snapshot does not depend on
 * who captured it.
 *
 * `begin` and the settings take one round trip when the Queryable can run several
 * statements at once (`exec`), two otherwise; either way they are in force before
 * `body` runs. The transaction's snapshot is taken by its first statement that reads:
 * `body`'s first with `exec` (BEGIN and SET LOCAL take none), the set_config select
 * without.
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
  const timeoutMs = timeoutMsOf(options);
  const exec = queryable.exec;
  if (exec === undefined) await queryable.query(BEGIN);
  try {
    if (exec !== undefined) {
      await exec([BEGIN, ...settings(timeoutMs)].join(';\n'));
    } else {
      // set_config(..., true) is SET LOCAL, in one statement.
      await queryable.query(
        `select set_config('statement_timeout', $1, true), set_config('search_path', 'pg_catalog', true),
                set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
                set_config('IntervalStyle', 'postgres', true)`,
        [String(timeoutMs)],
      );
    }
    const result = await body(queryable);
    await queryable.query('commit');
    return result;
  } catch (error) {
    // The original error matters; a failed rollback (connection gone) adds nothing.
    await queryable.query('rollback').catch(() => undefined);
    throw error;
  }
};
