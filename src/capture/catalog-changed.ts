/**
 * The catalog changed under a running capture. The capture's own reads all see one
 * REPEATABLE READ snapshot, but PostgreSQL's deparsing functions (pg_get_expr,
 * pg_get_indexdef, pg_get_viewdef, format_type) look objects up in the latest committed
 * catalog. An object dropped by another session after the snapshot was taken is still
 * in our rows, yet those functions return null, `???`, or fail with "could not open
 * relation with OID". Writing such a row would record a default, a predicate or a type
 * that is not there: a torn snapshot; a rename shows through as the new name inside
 * expressions recorded beside the old one. The readers throw this instead (and a last
 * read, queries/changes.ts, catches renames), the transaction rolls back, nothing is
 * written, and the user runs capture again.
 * NOTE: https://www.postgresql.org/docs/current/functions-info.html warns that these
 * functions "use the latest version of the catalogs" (not the transaction snapshot).
 */
export const CATALOG_CHANGED = 'catalog-changed';

/** The error a reader throws when a deparsing function no longer finds `what` (e.g. `table public.users`). */
export const catalogChanged = (what: string, how = 'dropped'): Error =>
  Object.assign(new Error(`the catalog changed while capture read it: ${what} was ${how} by another session`), {
    code: CATALOG_CHANGED,
  });

/**
 * NOTE: `format_type()` spells a type it cannot find (dropped since our snapshot) as `???`;
 * a real type named `???` would come back quoted (`"???"`).
 */
export const isMissingTypeName = (formatted: string): boolean => formatted.startsWith('???');
