/**
 * Naming rules: pure functions over identifiers, no I/O. The matcher (src/diff/) and
 * the reports use only what this file exports.
 *
 * - words.ts                 split identifiers into words (drizzle-orm's rule, Unicode-aware)
 * - styles.ts                recognise and convert naming styles (equal to drizzle-orm's casing)
 * - postgres-identifiers.ts  PostgreSQL folding, 63-byte truncation, quote_ident
 * - postgres-keywords.ts     the keywords quote_ident quotes (data)
 * - english.ts               singular/plural of one word (the pluralize adapter)
 * - inflection.ts            singular/plural of an identifier's last word
 * - equivalence.ts           whether two names can name the same thing, and why
 * - convention.ts            dominant style and inflection of a set of names
 */
export { splitWords, wordSpans, lastWordSpan, drizzleWords, type WordSpan } from './words.js';
export {
  detectStyle,
  toSnakeCase,
  toCamelCase,
  toPascalCase,
  toKebabCase,
  toScreamingSnakeCase,
  convertStyle,
  STYLES,
  TARGET_STYLES,
  type Style,
  type TargetStyle,
} from './styles.js';
export {
  MAX_IDENTIFIER_BYTES,
  foldUnquoted,
  truncateIdentifier,
  utf8ByteLength,
  needsQuoting,
  quoteIdentifier,
  isQuotedKeyword,
} from './postgres-identifiers.js';
export {
  POSTGRES_15_QUOTED_KEYWORDS,
  POSTGRES_16_TO_18_QUOTED_KEYWORDS,
  type KeywordCategory,
} from './postgres-keywords.js';
export { singularWord, pluralWord, wordInflection, type WordInflection } from './english.js';
export { inflectionOf, singularize, pluralize, type Inflection } from './inflection.js';
export { relateNames, MATCH_TIERS, type NameReason, type MatchTier, type NameRelation } from './equivalence.js';
export { inferConvention, type Convention } from './convention.js';
