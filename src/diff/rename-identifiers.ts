/**
 * Renames column and type references inside an SQL expression, so that a database-side
 * check, default or index expression can be compared with the schema's after a rename.
 *
 * NOTE: PostgreSQL rewrites stored expressions when a column or type is renamed (they
 * are kept as parse trees, `pg_get_expr` prints the current names), so after the
 * rename drizzle-kit would run, the database's expression reads with the new names.
 * This is a small lexer, not a parser: it skips string literals, function names (a word
 * followed by `(`) and qualified names (`a.b`), and reads type names after `::`.
 */

export interface IdentifierRenames {
  /** Database column name → schema column name. */
  readonly columns: ReadonlyMap<string, string>;
  /** Database type name → schema type name (renamed enums). */
  readonly types: ReadonlyMap<string, string>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const TOKEN =
  /('(?:[^']|'')*')|("(?:[^"]|"")*")|([A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)|(::\s*)|(\.)|(\s*\()|([\s\S])/gy;

export const renameIdentifiers = (sql: string, renames: IdentifierRenames): string => {
  if (renames.columns.size === 0 && renames.types.size === 0) return sql;
  const tokens: { readonly text: string; readonly kind: 'string' | 'quoted' | 'word' | 'cast' | 'dot' | 'call' | 'other' }[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(sql)) !== null) {
    const kind = m[1] ? 'string' : m[2] ? 'quoted' : m[3] ? 'word' : m[4] ? 'cast' : m[5] ? 'dot' : m[6] ? 'call' : 'other';
    tokens.push({ text: m[0], kind });
  }
  return tokens
    .map((token, i) => {
      if (token.kind !== 'word' && token.kind !== 'quoted') return token.text;
      const previous = tokens[i - 1];
      const next = tokens[i + 1];
      // `::schema.type`: the name after the dot is still the cast's type.
      const qualifiedCast = previous?.kind === 'dot' && tokens[i - 3]?.kind === 'cast';
      const isType = previous?.kind === 'cast' || qualifiedCast;
      if (next?.kind === 'call' || next?.kind === 'dot' || (previous?.kind === 'dot' && !qualifiedCast)) return token.text;
      const name = token.kind === 'quoted' ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
      const renamed = isType ? renames.types.get(name) : renames.columns.get(name);
      return renamed === undefined ? token.text : quote(renamed);
    })
    .join('');
};
