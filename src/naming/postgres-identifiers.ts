/**
 * What PostgreSQL does to identifiers: fold unquoted ones, cut long ones, quote the ones
 * that need it. Each rule is checked against a real server and PGlite in
 * test/naming/postgres-identifiers.test.ts.
 */
import { POSTGRES_15_QUOTED_KEYWORDS } from './postgres-keywords.js';

/** NAMEDATALEN - 1: PostgreSQL cuts identifiers at 63 bytes of UTF-8. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * What PostgreSQL makes of an unquoted identifier (ASCII lower case).
 *
 * NOTE: PostgreSQL's downcase_identifier (src/backend/parser/scansup.c) lowers only A-Z
 * in a multi-byte encoding such as UTF8: `CREATE TABLE ÉCOLE` makes `École`. Truncation
 * (truncateIdentifier) comes after folding.
 */
export const foldUnquoted = (identifier: string): string =>
  identifier.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Bytes of UTF-8, as PostgreSQL counts them. A lone surrogate counts as the 3 bytes of
 * the U+FFFD that an encoder writes in its place (as Buffer.byteLength does).
 */
export const utf8ByteLength = (text: string): number => {
  let bytes = 0;
  for (const char of text) bytes += utf8Length(char.codePointAt(0) as number);
  return bytes;
};

/**
 * Cut at `maxBytes` of UTF-8 without splitting a character, as PostgreSQL does.
 *
 * NOTE: the scanner's truncate_identifier (scansup.c) keeps pg_mbcliplen(ident, len, 63)
 * bytes: the longest prefix of whole characters (code points, not grapheme clusters: a
 * combining accent can be cut from its letter) within 63 bytes. PostgreSQL only emits a
 * NOTICE, so two long names that share their first 63 bytes name the same object.
 */
export const truncateIdentifier = (identifier: string, maxBytes: number = MAX_IDENTIFIER_BYTES): string => {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`truncateIdentifier: maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
  let bytes = 0;
  let end = 0;
  for (const char of identifier) {
    bytes += utf8Length(char.codePointAt(0) as number);
    if (bytes > maxBytes) return identifier.slice(0, end);
    end += char.length;
  }
  return identifier;
};

const QUOTED_KEYWORDS: ReadonlySet<string> = new Set(Object.values(POSTGRES_15_QUOTED_KEYWORDS).flat());

/** Whether quote_ident() quotes `word` for being a keyword (PostgreSQL 15's list). */
export const isQuotedKeyword = (word: string): boolean => QUOTED_KEYWORDS.has(word);

/** Lower-case ASCII letters, digits and underscores, not starting with a digit. */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * As PostgreSQL's quote_identifier (src/backend/utils/adt/ruleutils.c): an identifier is
 * left bare only when it is made of a-z, 0-9 and _, does not start with a digit, and is
 * not a keyword other than an unreserved one. Upper case, spaces, `$`, any non-ASCII
 * character and the empty string all need quotes.
 */
export const needsQuoting = (identifier: string): boolean =>
  !PLAIN_IDENTIFIER.test(identifier) || QUOTED_KEYWORDS.has(identifier);

/** As PostgreSQL's `quote_ident()`: double quotes, with embedded `"` doubled, when needed. */
export const quoteIdentifier = (identifier: string): string =>
  needsQuoting(identifier) ? `"${identifier.replaceAll('"', '""')}"` : identifier;
