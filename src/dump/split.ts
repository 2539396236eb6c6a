/**
 * Splits the text of a plain-format `pg_dump` file the way psql reads it: into SQL
 * statements, psql meta-commands (`\restrict`, `\connect`, ...) and the data lines that
 * follow `COPY ... FROM stdin`, each with the line it starts on.
 *
 * Pure, one pass, linear in the text. It follows psql's lexer (src/fe_utils/psqlscan.l)
 * where it matters for finding statement ends: '...' strings (backslash escapes in
 * E'...' always, and in '...' while `standard_conforming_strings` is off), "..."
 * identifiers, $tag$...$tag$ bodies, -- and nested /* *\/ comments, parentheses (a `;`
 * inside them does not end the statement: rule actions), and the BEGIN ... END bodies
 * of SQL-standard functions (`CREATE FUNCTION ... BEGIN ATOMIC ...; END`).
 *
 * NOTE: psql treats `;` inside BEGIN ... END as part of the statement only while the
 * statement began with CREATE [OR REPLACE] FUNCTION|PROCEDURE; CASE ... END inside such
 * a body nests too. Same heuristic here.
 */

export interface DumpStatement {
  readonly kind: 'statement';
  /** The statement from its first token through its `;` (leading comments and blank lines left out). */
  readonly text: string;
  /** 1-based line of its first token. */
  readonly line: number;
  /** For `COPY ... FROM stdin`: the data lines that followed it (without the closing `\.`). */
  readonly copyData?: CopyData;
}

export interface CopyData {
  readonly text: string;
  readonly line: number;
  readonly rows: number;
}

export interface DumpMetaCommand {
  readonly kind: 'meta';
  /** The whole line without its newline, e.g. `\restrict abc123`. */
  readonly text: string;
  /** The command word without the backslash, e.g. `restrict`. */
  readonly command: string;
  readonly line: number;
}

export type DumpUnit = DumpStatement | DumpMetaCommand;

/** Where the text ends in the middle of something: the dump is truncated. */
export interface UnterminatedUnit {
  /** What was left open: `statement`, `string`, `quoted identifier`, `dollar-quoted body`, `comment`, `COPY data`. */
  readonly what: string;
  readonly line: number;
}

export type SplitResult =
  | { readonly ok: true; readonly units: readonly DumpUnit[] }
  | { readonly ok: false; readonly units: readonly DumpUnit[]; readonly unterminated: UnterminatedUnit };

const NEWLINE = 10;

const isIdentStart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0x80;
const isIdentPart = (code: number): boolean => isIdentStart(code) || (code >= 48 && code <= 57) || code === 36;

/** `$tag$` at `at` (the tag may be empty), or undefined. */
const dollarTagAt = (text: string, at: number): string | undefined => {
  let end = at + 1;
  if (end < text.length && text.charCodeAt(end) !== 36) {
    if (!isIdentStart(text.charCodeAt(end))) return undefined;
    while (end < text.length && isIdentPart(text.charCodeAt(end)) && text.charCodeAt(end) !== 36) end += 1;
  }
  return text.charCodeAt(end) === 36 ? text.slice(at, end + 1) : undefined;
};

/** Matches `COPY ... FROM stdin` as pg_dump writes it (the statement text without its `;`). */
const COPY_FROM_STDIN = /^copy\b[\s\S]*\bfrom\s+stdin\b[^;]*$/i;
const STANDARD_STRINGS = /^set\s+standard_conforming_strings\s*(?:=|to)\s*'?(on|off)'?\s*$/i;

/** Words at the start of a statement that make BEGIN ... END nest (see the NOTE above). */
const ROUTINE_PREFIXES = [['create', 'function'], ['create', 'procedure'], ['create', 'or', 'replace', 'function'], ['create', 'or', 'replace', 'procedure']];

export const splitDump = (text: string): SplitResult => {
  const units: DumpUnit[] = [];
  const length = text.length;
  let at = 0;
  let line = 1;
  let standardStrings = true;

  /** Advances `at` to `to`, counting the newlines passed. */
  const advance = (to: number): void => {
    for (let i = at; i < to; i += 1) if (text.charCodeAt(i) === NEWLINE) line += 1;
    at = to;
  };
  const lineEnd = (from: number): number => {
    const end = text.indexOf('\n', from);
    return end === -1 ? length : end;
  };

  for (;;) {
    // Between statements: blank space and comments.
    let skipping = true;
    while (skipping && at < length) {
      const code = text.charCodeAt(at);
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 12) advance(at + 1);
      else if (code === 45 && text.charCodeAt(at + 1) === 45) advance(lineEnd(at));
      else if (code === 47 && text.charCodeAt(at + 1) === 42) {
        const end = blockCommentEnd(text, at);
        if (end === -1) return { ok: false, units, unterminated: { what: 'comment', line } };
        advance(end);
      } else skipping = false;
    }
    if (at >= length) return { ok: true, units };

    const startLine = line;
    if (text.charCodeAt(at) === 92) {
      // A psql meta-command: the rest of the line.
      const end = lineEnd(at);
      const command = text.slice(at, end).replace(/\r$/, '');
      units.push({ kind: 'meta', text: command, command: /^\\(\S*)/.exec(command)?.[1] ?? '', line: startLine });
      advance(end);
      continue;
    }

    // A statement: up to a `;` outside strings, comments, parentheses and routine bodies.
    const start = at;
    let parens = 0;
    let begins = 0;
    const words: string[] = [];
    let routine = false;
    let end = -1;
    while (at < length && end === -1) {
      const code = text.charCodeAt(at);
      if (code === 39 /* ' */) {
        const escapes = !standardStrings || isEscapeStringPrefix(text, at);
        const close = quotedEnd(text, at, 39, escapes);
        if (close === -1) return { ok: false, units, unterminated: { what: 'string', line } };
        advance(close);
      } else if (code === 34 /* " */) {
        const close = quotedEnd(text, at, 34, false);
        if (close === -1) return { ok: false, units, unterminated: { what: 'quoted identifier', line } };
        advance(close);
      } else if (code === 36 /* $ */ && !(at > start && isIdentPart(text.charCodeAt(at - 1)))) {
        const tag = dollarTagAt(text, at);
        if (tag === undefined) {
          advance(at + 1);
        } else {
          const close = text.indexOf(tag, at + tag.length);
          if (close === -1) return { ok: false, units, unterminated: { what: 'dollar-quoted body', line } };
          advance(close + tag.length);
        }
      } else if (code === 45 && text.charCodeAt(at + 1) === 45) {
        advance(lineEnd(at));
      } else if (code === 47 && text.charCodeAt(at + 1) === 42) {
        const close = blockCommentEnd(text, at);
        if (close === -1) return { ok: false, units, unterminated: { what: 'comment', line } };
        advance(close);
      } else if (code === 40) {
        parens += 1;
        at += 1;
      } else if (code === 41) {
        parens = Math.max(0, parens - 1);
        at += 1;
      } else if (code === 59 /* ; */ && parens === 0 && begins === 0) {
        end = at + 1;
        at += 1;
      } else if (isIdentStart(code)) {
        let wordEnd = at + 1;
        while (wordEnd < length && isIdentPart(text.charCodeAt(wordEnd))) wordEnd += 1;
        if (words.length < 4 || routine) {
          const word = text.slice(at, wordEnd).toLowerCase();
          if (words.length < 4) {
            words.push(word);
            routine = ROUTINE_PREFIXES.some((prefix) => prefix.length <= words.length && prefix.every((w, i) => words[i] === w));
          }
          if (routine && parens === 0) {
            if (word === 'begin') begins += 1;
            else if (word === 'case' && begins > 0) begins += 1;
            else if (word === 'end' && begins > 0) begins -= 1;
          }
        }
        at = wordEnd;
      } else {
        if (code === NEWLINE) line += 1;
        at += 1;
      }
    }
    if (end === -1) return { ok: false, units, unterminated: { what: 'statement', line: startLine } };

    const statement = text.slice(start, end);
    const body = statement.slice(0, -1).trim();
    const standard = STANDARD_STRINGS.exec(body);
    if (standard !== null) standardStrings = standard[1]?.toLowerCase() === 'on';
    if (!COPY_FROM_STDIN.test(body)) {
      units.push({ kind: 'statement', text: statement, line: startLine });
      continue;
    }
    // COPY ... FROM stdin: data lines follow the statement's line, up to a line `\.`.
    const dataStart = lineEnd(at) + 1;
    advance(Math.min(dataStart, length));
    const dataLine = line;
    const terminator = findCopyTerminator(text, dataStart);
    if (terminator === -1) {
      units.push({ kind: 'statement', text: statement, line: startLine });
      return { ok: false, units, unterminated: { what: 'COPY data', line: dataLine } };
    }
    const data = text.slice(dataStart, terminator);
    units.push({ kind: 'statement', text: statement, line: startLine, copyData: { text: data, line: dataLine, rows: countLines(data) } });
    advance(Math.min(lineEnd(terminator) + 1, length));
  }
};

/** Start of the line `\.` that ends COPY data beginning at `from`, or -1. */
const findCopyTerminator = (text: string, from: number): number => {
  let lineStart = from;
  while (lineStart < text.length) {
    const end = text.indexOf('\n', lineStart);
    const lineText = text.slice(lineStart, end === -1 ? text.length : end).replace(/\r$/, '');
    if (lineText === '\\.') return lineStart;
    if (end === -1) return -1;
    lineStart = end + 1;
  }
  return -1;
};

const countLines = (data: string): number => {
  let count = 0;
  for (let i = 0; i < data.length; i += 1) if (data.charCodeAt(i) === NEWLINE) count += 1;
  return count;
};

/** Whether the quote at `at` opens an E'...' string (the E not part of a longer word). */
const isEscapeStringPrefix = (text: string, at: number): boolean => {
  const prefix = text.charCodeAt(at - 1);
  return (prefix === 69 || prefix === 101) && !(at >= 2 && isIdentPart(text.charCodeAt(at - 2)));
};

/** Index after the closing quote of the quoted token opening at `start`, or -1. */
const quotedEnd = (text: string, start: number, quote: number, backslashEscapes: boolean): number => {
  let at = start + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (backslashEscapes && code === 92) at += 2;
    else if (code === quote) {
      if (text.charCodeAt(at + 1) === quote) at += 2;
      else return at + 1;
    } else at += 1;
  }
  return -1;
};

/** Index after the end of the (nested) block comment opening at `start`, or -1. */
const blockCommentEnd = (text: string, start: number): number => {
  let depth = 0;
  let at = start;
  while (at < text.length) {
    if (text.charCodeAt(at) === 47 && text.charCodeAt(at + 1) === 42) {
      depth += 1;
      at += 2;
    } else if (text.charCodeAt(at) === 42 && text.charCodeAt(at + 1) === 47) {
      depth -= 1;
      at += 2;
      if (depth === 0) return at;
    } else at += 1;
  }
  return -1;
};
