/**
 * The value of a boolean literal as PostgreSQL's `boolin` reads it (`'t'`, `'yes'`,
 * `'on'`, `'1'`, any case, surrounding spaces ignored), else undefined. Why: the
 * database prints `false` where drizzle-kit or a hand-written default may say
 * `'false'::boolean` or `'f'`.
 */
const TRUE = new Set(['t', 'true', 'y', 'yes', 'on', '1']);
const FALSE = new Set(['f', 'false', 'n', 'no', 'off', '0']);

export const canonicalBoolean = (text: string): boolean | undefined => {
  const word = text.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return undefined;
};
