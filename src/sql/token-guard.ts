/**
 * The shape of SQL text, from a light lexer, checked before anything reaches the parser.
 *
 * `closed`: parentheses and brackets balanced, no string, quoted identifier, dollar
 * quote or comment left open. Why: expressions are parsed many at a time as
 * `SELECT (e1), (e2), ...`; an input such as `1) + (2`, or one that opens a comment,
 * would otherwise merge with the wrapper or its neighbours and still parse. Only
 * closed inputs share a batch.
 *
 * `depth`: an upper estimate of the parse tree's depth (nesting of parentheses,
 * brackets and subqueries, plus chains of operators such as `1 + 1 + 1`, which the
 * parser nests one level per operator; AND and OR chains are flat).
 * NOTE: pg-query-emscripten 5.1.0 has a fixed 64 KiB stack and no stack overflow
 * check. Measured here, a tree deeper than about 590 levels (`1+1+...+1`), 400 nested
 * CASEs or 150-250 nested subqueries overflows it. In the WebAssembly build we load,
 * the overflow corrupts memory until something traps (a catchable RuntimeError); in
 * the package's JavaScript build it once aborted the whole Node process (a fatal V8
 * "invalid size error" no try/catch can stop). Either way the result cannot be
 * trusted, so text whose estimate exceeds MAX_PARSE_DEPTH is never parsed.
 *
 * The lexing follows PostgreSQL's scanner (scan.l) for what matters here:
 * `standard_conforming_strings = on` (backslashes are literal in '...'), E'...' with
 * backslash escapes, "..." with doubled quotes, $tag$...$tag$, line comments and nested block comments.
 */
export interface TokenShape {
  readonly closed: boolean;
  readonly depth: number;
}

/** The parser adapter refuses text deeper than this: well below the measured overflows (see the NOTE above). */
export const MAX_PARSE_DEPTH = 120;
/** Expressions are refused above this, leaving room for the batch wrapper (`SELECT (...)`); real ones stay under 30. */
export const MAX_EXPRESSION_DEPTH = 100;

export const tooDeep = (depth: number, limit: number): string =>
  `nested too deeply for the parser (estimated depth ${depth}, limit ${limit})`;

const OPERATOR_CHARS = new Set([...'+-*/<>=~!@#%^&|`?:']);
/** Keywords that add a level to the tree (subqueries weigh more: their frames are larger). */
const KEYWORD_WEIGHTS: { readonly [keyword: string]: number } = {
  select: 3,
  case: 1,
  when: 1,
  then: 1,
  else: 1,
  not: 1,
  is: 1,
  like: 1,
  ilike: 1,
  similar: 1,
  in: 1,
  between: 1,
  collate: 1,
  any: 1,
  all: 1,
  some: 1,
  exists: 1,
  array: 1,
};
/** Keywords and punctuation after which the operator chain restarts (flat lists). */
const CHAIN_BREAKS = new Set(['and', 'or', 'from', 'where', 'as']);

export const tokenShape = (sql: string): TokenShape => {
  const levels: { opener: string; base: number; chain: number }[] = [];
  let base = 0;
  let chain = 0;
  let depth = 0;
  const note = (): void => {
    depth = Math.max(depth, base + chain);
  };
  let at = 0;
  const length = sql.length;
  const open = (): TokenShape => ({ closed: false, depth });
  while (at < length) {
    const char = sql[at] as string;
    const next = sql[at + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', at);
      at = end === -1 ? length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = blockCommentEnd(sql, at);
      if (end === -1) return open();
      at = end;
    } else if (char === "'" || char === '"') {
      const end = quotedEnd(sql, at, char, false);
      if (end === -1) return open();
      at = end;
    } else if (char === '$' && DOLLAR_TAG.test(sql.slice(at, at + 200))) {
      const tag = DOLLAR_TAG.exec(sql.slice(at, at + 200))?.[0] ?? '$$';
      const end = sql.indexOf(tag, at + tag.length);
      if (end === -1) return open();
      at = end + tag.length;
    } else if (isIdentifierStart(char)) {
      let end = at + 1;
      while (end < length && isIdentifierPart(sql[end] as string)) end += 1;
      const word = sql.slice(at, end).toLowerCase();
      if (word === 'e' && sql[end] === "'") {
        const stringEnd = quotedEnd(sql, end, "'", true);
        if (stringEnd === -1) return open();
        at = stringEnd;
      } else {
        if (CHAIN_BREAKS.has(word)) chain = 0;
        else chain += KEYWORD_WEIGHTS[word] ?? 0;
        note();
        at = end;
      }
    } else if (char === '(' || char === '[') {
      levels.push({ opener: char, base, chain });
      base += chain + 1;
      chain = 0;
      note();
      at += 1;
    } else if (char === ')' || char === ']') {
      const outer = levels.pop();
      if (outer === undefined || outer.opener !== (char === ')' ? '(' : '[')) return open();
      ({ base, chain } = outer);
      at += 1;
    } else if (char === ',') {
      chain = 0;
      at += 1;
    } else if (OPERATOR_CHARS.has(char)) {
      while (at < length && OPERATOR_CHARS.has(sql[at] as string) && !(sql[at] === '-' && sql[at + 1] === '-')) at += 1;
      chain += 1;
      note();
    } else {
      at += 1; // spaces, digits, dots, semicolons, parameters ($1)
    }
  }
  return { closed: levels.length === 0, depth };
};

const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

const isIdentifierStart = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0x80;
};
const isIdentifierPart = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return isIdentifierStart(char) || (code >= 48 && code <= 57) || code === 36;
};

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
