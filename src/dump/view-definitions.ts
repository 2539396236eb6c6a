/**
 * A view's definition as the dumped server's pg_get_viewdef() returned it, cut out of the
 * CREATE [MATERIALIZED] VIEW statement pg_dump wrote around it. Pure.
 *
 * NOTE: pg_get_viewdef's layout differs between major versions (PostgreSQL 16 stopped
 * qualifying unambiguous column names with their table: `users.id` became `id`), so the
 * replay's PostgreSQL 18 would re-spell a PostgreSQL 12-15 view. pg_dump prints the
 * dumped server's own pg_get_viewdef(oid), the same call a live capture makes: taking the
 * text from the dump gives the live capture's definition, byte for byte.
 *
 * pg_dump (pg_dump.c, createViewAsClause and dumpTableSchema) writes
 *   CREATE VIEW name [WITH (options)] AS\n<definition without its final ;>[\n  WITH <LOCAL|CASCADED> CHECK OPTION];
 *   CREATE MATERIALIZED VIEW name [WITH (options)] AS\n<definition without its final ;>\n  WITH NO DATA;
 * and a view in a dependency loop first as a stand-in (`SELECT NULL::integer AS a, ...`)
 * later replaced by CREATE OR REPLACE VIEW: the last statement for a view wins.
 */

const TRAILERS = [/\n {2}WITH NO DATA$/, /\n {2}WITH DATA$/, /\n {2}WITH (?:LOCAL|CASCADED) CHECK OPTION$/];

/** The definition in `statement` (a CREATE [OR REPLACE] [MATERIALIZED] VIEW as pg_dump writes it), or null if it is not in that shape. */
export const viewDefinitionFromDump = (statement: string): string | null => {
  const as = firstTopLevelAs(statement);
  if (as === -1 || statement[as] !== '\n') return null;
  let body = statement.slice(as + 1).replace(/;\s*$/, '');
  for (const trailer of TRAILERS) body = body.replace(trailer, '');
  if (!/^\s*(?:select|with|values|table|\()/i.test(body)) return null;
  return `${body};`;
};

/** Index just after the first `AS` keyword outside quotes, comments and parentheses, or -1. */
const firstTopLevelAs = (text: string): number => {
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '"' || char === "'") {
      const close = closingQuote(text, at);
      if (close === -1) return -1;
      at = close;
    } else if (char === '-' && text[at + 1] === '-') {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end;
    } else if (char === '(') {
      depth += 1;
      at += 1;
    } else if (char === ')') {
      depth -= 1;
      at += 1;
    } else if (/[A-Za-z_]/.test(char ?? '')) {
      let end = at + 1;
      while (end < text.length && /[A-Za-z0-9_$]/.test(text[end] ?? '')) end += 1;
      if (depth === 0 && end - at === 2 && text.slice(at, end).toLowerCase() === 'as') return end;
      at = end;
    } else {
      at += 1;
    }
  }
  return -1;
};

const closingQuote = (text: string, start: number): number => {
  const quote = text[start];
  let at = start + 1;
  while (at < text.length) {
    if (text[at] === quote) {
      if (text[at + 1] === quote) at += 2;
      else return at + 1;
    } else at += 1;
  }
  return -1;
};
