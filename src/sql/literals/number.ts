/**
 * Canonical text of a numeric literal, as PostgreSQL's numeric output would print the
 * value: `05` → `5`, `.5` → `0.5`, `+1` → `1`, `1e3` → `1000`, `1.5e-3` → `0.0015`,
 * `-0` → `0`. Trailing fraction zeros are kept (`1.50` stays `1.50`): numeric keeps
 * the scale it was given, and pg_get_expr prints it. Undefined when not a number
 * (`NaN`, `Infinity` and anything else stay strings).
 */
const NUMBER = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

export const canonicalNumber = (text: string): string | undefined => {
  const match = NUMBER.exec(text.trim().replaceAll('_', ''));
  if (match === null) return undefined;
  const [, sign = '', integerPart = '', fractionA, fractionB, exponentText] = match;
  const fraction = fractionA ?? fractionB ?? '';
  const exponent = Number(exponentText ?? '0');
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return undefined;
  const digits = integerPart + fraction;
  const point = integerPart.length + exponent;
  let whole: string;
  let decimals: string;
  if (point <= 0) {
    whole = '0';
    decimals = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    decimals = '';
  } else {
    whole = digits.slice(0, point);
    decimals = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  if (whole === '') whole = '0';
  const magnitude = decimals === '' ? whole : `${whole}.${decimals}`;
  const isZero = /^[0.]*$/.test(magnitude);
  return sign === '-' && !isZero ? `-${magnitude}` : magnitude;
};
