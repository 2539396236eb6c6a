/**
 * Canonical text of a `regclass` literal (`nextval('users_id_seq'::regclass)`): the
 * dotted name read like `regclassin` (unquoted parts folded to lower case, quoted
 * parts kept), every part then double-quoted, and the schema `public` dropped.
 *
 * NOTE: pg_get_expr prints a sequence unqualified when its schema is on the
 * search_path (`'users_id_seq'::regclass`), while SQL written for a schema-qualified
 * setup says `'public.users_id_seq'`. Decision: `public` is implied (it is first on
 * the default search_path); any other schema is kept, so `'app.users_id_seq'` and
 * `'users_id_seq'` stay different.
 */
export const canonicalRegclass = (text: string): string | undefined => {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    while (text[at] === ' ') at += 1;
    if (text[at] === '"') {
      let part = '';
      at += 1;
      for (;;) {
        if (at >= text.length) return undefined;
        if (text[at] === '"') {
          if (text[at + 1] !== '"') break;
          at += 1;
        }
        part += text[at];
        at += 1;
      }
      at += 1;
      parts.push(part);
    } else {
      const match = /^[^."\s]+/.exec(text.slice(at));
      if (match === null) return undefined;
      parts.push(match[0].replace(/[A-Z]/g, (char) => char.toLowerCase()));
      at += match[0].length;
    }
    while (text[at] === ' ') at += 1;
    if (at === text.length) break;
    if (text[at] !== '.') return undefined;
    at += 1;
  }
  if (parts.length < 1 || parts.length > 3 || parts.some((part) => part === '')) return undefined;
  const unqualified = parts.length === 2 && parts[0] === 'public' ? parts.slice(1) : parts;
  return unqualified.map((part) => `"${part.replaceAll('"', '""')}"`).join('.');
};
