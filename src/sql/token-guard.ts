/**
 * Whether SQL text is a closed sequence of tokens: parentheses and brackets balanced,
 * no string, quoted identifier, dollar quote or comment left open.
 *
 * Why: expressions are parsed many at a time as `SELECT (e1), (e2), ...`. An input
 * such as `1) + (2`, or one that opens a comment, would otherwise merge with the
 * wrapper or its neighbours and still parse. Only closed inputs go into a shared
 * batch; the others are parsed alone and reported as errors.
 *
 * The lexing follows PostgreSQL's scanner (scan.l) for what matters here:
 * `standard_conforming_strings = on` (backslashes are literal in '...'), E'...' with
 * backslash escapes, "..." with doubled quotes, $tag$...$tag$, line comments and nested block comments.
 */
export const isClosedTokenSequence = (sql: string): boolean => {
  let parens = 0;
  let brackets = 0;
  let at = 0;
  const length = sql.length;
  while (at < length) {
    const char = sql[at] as string;
    const next = sql[at + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', at);
      at = end === -1 ? length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = blockCommentEnd(sql, at);
      if (end === -1) return false;
      at = end;
    } else if (char === "'") {
      const end = quotedEnd(sql, at, "'", false);
      if (end === -1) return false;
      at = end;
    } else if (char === '"') {
      const end = quotedEnd(sql, at, '"', false);
      if (end === -1) return false;
      at = end;
    } else if (char === '$') {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(at, at + 200))?.[0];
      if (tag === undefined) {
        at += 1; // a parameter ($1) or a lone dollar
      } else {
        const end = sql.indexOf(tag, at + tag.length);
        if (end === -1) return false;
        at = end + tag.length;
      }
    } else if (isIdentifierStart(char)) {
      let end = at + 1;
      while (end < length && isIdentifierPart(sql[end] as string)) end += 1;
      if (end === at + 1 && (char === 'e' || char === 'E') && sql[end] === "'") {
        const stringEnd = quotedEnd(sql, end, "'", true);
        if (stringEnd === -1) return false;
        at = stringEnd;
      } else {
        at = end;
      }
    } else {
      if (char === '(') parens += 1;
      else if (char === ')') parens -= 1;
      else if (char === '[') brackets += 1;
      else if (char === ']') brackets -= 1;
      if (parens < 0 || brackets < 0) return false;
      at += 1;
    }
  }
  return parens === 0 && brackets === 0;
};

const isIdentifierStart = (char: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(char);
const isIdentifierPart = (char: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(char);

/** Index after the closing quote of the quoted token opening at `start`, or -1. */
const quotedEnd = (sql: string, start: number, quote: string, backslashEscapes: boolean): number => {
  let at = start + 1;
  while (at < sql.length) {
    const char = sql[at];
    if (backslashEscapes && char === '\\') {
      at += 2;
    } else if (char === quote) {
      if (sql[at + 1] === quote) at += 2;
      else return at + 1;
    } else {
      at += 1;
    }
  }
  return -1;
};

/** Index after the end of the (nested) block comment opening at `start`, or -1. */
const blockCommentEnd = (sql: string, start: number): number => {
  let depth = 0;
  let at = start;
  while (at < sql.length) {
    if (sql[at] === '/' && sql[at + 1] === '*') {
      depth += 1;
      at += 2;
    } else if (sql[at] === '*' && sql[at + 1] === '/') {
      depth -= 1;
      at += 2;
      if (depth === 0) return at;
    } else {
      at += 1;
    }
  }
  return -1;
};
