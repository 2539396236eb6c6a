/**
 * What a column type change does to the values already stored, from the two types'
 * `format_type` spellings:
 *
 * - `widening`: every value converts, nothing is lost (`varchar(50)` → `text`,
 *   `integer` → `bigint`, `numeric(10,2)` → `numeric(12,2)`, anything → `text`);
 * - `reinterpreting`: every value converts but may read differently afterwards
 *   (`timestamp` ↔ `timestamptz` is read in the session's TimeZone, `json` → `jsonb`
 *   drops duplicate keys and key order, `char(n)` → `text` drops trailing blanks);
 * - `narrowing`: some values may not fit or lose precision (`varchar(500)` →
 *   `varchar(100)`, `bigint` → `integer`, `numeric` → `integer`, `text` → an enum);
 * - `incompatible`: no automatic conversion known here (`text` → `integer`, `text` →
 *   `jsonb`); PostgreSQL needs a USING clause, drizzle-kit writes none, the ALTER fails.
 *
 * Decision (issue 4): `timestamp` → `timestamptz` is `reinterpreting` (medium), not
 * widening: no value is lost, but each is interpreted in the TimeZone of the session
 * that runs the ALTER, which is only right if the application wrote times in it.
 */
import type { ColumnType } from '../catalog/model.js';

export type TypeChangeClass = 'same' | 'widening' | 'reinterpreting' | 'narrowing' | 'incompatible';

export interface TypeChange {
  readonly class: TypeChangeClass;
  readonly detail: string;
}

type Parsed =
  | { readonly family: 'varchar'; readonly length: number | null }
  | { readonly family: 'char'; readonly length: number }
  | { readonly family: 'text' }
  | { readonly family: 'integer'; readonly rank: 0 | 1 | 2; readonly digits: number }
  | { readonly family: 'float'; readonly bits: 24 | 53 }
  | { readonly family: 'numeric'; readonly precision: number | null; readonly scale: number }
  | { readonly family: 'datetime'; readonly base: 'timestamp' | 'time'; readonly tz: boolean; readonly precision: number }
  | { readonly family: 'date' }
  | { readonly family: 'interval'; readonly precision: number }
  | { readonly family: 'json'; readonly binary: boolean }
  | { readonly family: 'network'; readonly cidr: boolean }
  | { readonly family: 'money' }
  | { readonly family: 'bit'; readonly varying: boolean; readonly length: number | null }
  | { readonly family: 'other'; readonly name: string };

const INTEGERS: Readonly<Record<string, Parsed>> = {
  smallint: { family: 'integer', rank: 0, digits: 5 },
  integer: { family: 'integer', rank: 1, digits: 10 },
  bigint: { family: 'integer', rank: 2, digits: 19 },
};

/** Mantissa bits of each integer type's range, to know which float holds it exactly. */
const INTEGER_BITS = [16, 32, 64] as const;

const parse = (name: string): Parsed => {
  const integer = INTEGERS[name];
  if (integer) return integer;
  let m: RegExpMatchArray | null;
  if ((m = name.match(/^character varying(?:\((\d+)\))?$/))) return { family: 'varchar', length: m[1] ? Number(m[1]) : null };
  if ((m = name.match(/^character(?:\((\d+)\))?$/))) return { family: 'char', length: m[1] ? Number(m[1]) : 1 };
  if (name === 'text') return { family: 'text' };
  if (name === 'real') return { family: 'float', bits: 24 };
  if (name === 'double precision') return { family: 'float', bits: 53 };
  if ((m = name.match(/^numeric(?:\((\d+)(?:,\s*(\d+))?\))?$/)))
    return { family: 'numeric', precision: m[1] ? Number(m[1]) : null, scale: m[2] ? Number(m[2]) : 0 };
  if ((m = name.match(/^(timestamp|time)(?:\((\d)\))? with(out)? time zone$/)))
    return { family: 'datetime', base: m[1] as 'timestamp' | 'time', tz: m[3] === undefined, precision: m[2] ? Number(m[2]) : 6 };
  if (name === 'date') return { family: 'date' };
  if ((m = name.match(/^interval(?:.*\((\d)\))?/))) return { family: 'interval', precision: m[1] ? Number(m[1]) : 6 };
  if (name === 'json' || name === 'jsonb') return { family: 'json', binary: name === 'jsonb' };
  if (name === 'inet' || name === 'cidr') return { family: 'network', cidr: name === 'cidr' };
  if (name === 'money') return { family: 'money' };
  if ((m = name.match(/^bit( varying)?(?:\((\d+)\))?$/)))
    return { family: 'bit', varying: m[1] !== undefined, length: m[2] ? Number(m[2]) : m[1] ? null : 1 };
  return { family: 'other', name };
};

const spell = (type: ColumnType): string =>
  `${type.schema !== null && type.schema !== 'public' ? `${type.schema}.` : ''}${type.name}${'[]'.repeat(type.dimensions)}`;

export const sameType = (a: ColumnType, b: ColumnType): boolean =>
  a.name === b.name && a.schema === b.schema && a.dimensions === b.dimensions;

const change = (cls: TypeChangeClass, detail: string): TypeChange => ({ class: cls, detail });

export const classifyTypeChange = (from: ColumnType, to: ColumnType): TypeChange => {
  const label = `${spell(from)} → ${spell(to)}`;
  if (sameType(from, to)) return change('same', label);
  if ((from.dimensions === 0) !== (to.dimensions === 0)) {
    // NOTE: PostgreSQL converts any value to a string type through its text form (an
    // assignment cast, arrays included: text[] → text stores '{a,b}'); nothing converts
    // to an array without USING. Checked against PostgreSQL in test/e2e/type-changes.test.ts.
    const target = parse(to.name);
    if (from.dimensions > 0 && to.category === 'base') {
      if (target.family === 'text' || (target.family === 'varchar' && target.length === null))
        return change('widening', `${label}: every array converts to its text form ({a,b})`);
      if (target.family === 'varchar' || target.family === 'char')
        return change('narrowing', `${label}: arrays whose text form is longer than ${target.length} characters make the conversion fail`);
    }
    return change('incompatible', `${label}: between an array and a scalar there is no automatic conversion`);
  }
  if (from.name === to.name && from.schema === to.schema)
    return change('widening', `${label}: PostgreSQL does not enforce array dimensions; the type is the same`);
  const element = classifyElement(from, to);
  return change(element.class, `${label}: ${element.detail}`);
};

const classifyElement = (from: ColumnType, to: ColumnType): TypeChange => {
  const a = parse(from.name);
  const b = parse(to.name);
  const fromUserDefined = from.category !== 'base';
  const toUserDefined = to.category !== 'base';

  // Anything converts to unbounded text.
  if (!toUserDefined && (b.family === 'text' || (b.family === 'varchar' && b.length === null))) {
    if (a.family === 'char') return change('reinterpreting', 'trailing blanks of character(n) values are dropped');
    if (a.family === 'text' || a.family === 'varchar') return change('widening', 'every value fits');
    return change('widening', 'every value converts to its text form');
  }
  if (toUserDefined) {
    if (to.category === 'enum')
      return change('narrowing', 'values that are not labels of the enum make the conversion fail');
    return change('incompatible', 'no automatic conversion to a user-defined type is known');
  }
  if (fromUserDefined) return change('incompatible', 'no automatic conversion from a user-defined type is known');

  switch (b.family) {
    case 'varchar':
    case 'char': {
      const target = b.length ?? Number.POSITIVE_INFINITY;
      if ((a.family === 'varchar' || a.family === 'char') && a.length !== null && a.length <= target)
        return a.family === b.family
          ? change('widening', `every value of at most ${a.length} characters fits`)
          : a.family === 'char'
            ? change('reinterpreting', 'trailing blanks of character(n) values are dropped')
            : change('reinterpreting', 'values are blank-padded to the new length');
      if (a.family === 'varchar' || a.family === 'char' || a.family === 'text')
        return change('narrowing', `longer values than ${b.length} characters make the conversion fail`);
      return change('narrowing', `values whose text form is longer than ${b.length} characters make the conversion fail`);
    }
    case 'integer':
      if (a.family === 'integer')
        return a.rank <= b.rank ? change('widening', 'every value fits') : change('narrowing', 'values out of range make the conversion fail');
      if (a.family === 'numeric' || a.family === 'float') return change('narrowing', 'fractions are rounded and large values fail');
      break;
    case 'float':
      if (a.family === 'float')
        return a.bits <= b.bits ? change('widening', 'every value fits') : change('narrowing', 'precision is lost');
      if (a.family === 'integer')
        return (INTEGER_BITS[a.rank] ?? 64) <= b.bits
          ? change('widening', 'every value is represented exactly')
          : change('narrowing', 'large values lose precision');
      if (a.family === 'numeric') return change('narrowing', 'precision is lost');
      break;
    case 'numeric': {
      const integerDigits = (p: number | null, s: number): number => (p === null ? Number.POSITIVE_INFINITY : p - s);
      if (b.precision === null && (a.family === 'integer' || a.family === 'numeric')) return change('widening', 'every value fits');
      if (a.family === 'integer')
        return integerDigits(b.precision, b.scale) >= a.digits
          ? change('widening', 'every value fits')
          : change('narrowing', 'values with too many digits make the conversion fail');
      if (a.family === 'numeric')
        return b.scale >= a.scale && integerDigits(b.precision, b.scale) >= integerDigits(a.precision, a.scale)
          ? change('widening', 'every value fits')
          : change('narrowing', 'digits are rounded away or values overflow');
      if (a.family === 'float') return change('narrowing', 'binary fractions are rounded');
      if (a.family === 'money')
        return b.precision === null
          ? change('widening', 'every value fits')
          : change('narrowing', 'values with more digits than the precision make the conversion fail');
      break;
    }
    case 'datetime':
      if (a.family === 'datetime' && a.base === b.base) {
        if (a.precision > b.precision) return change('narrowing', 'fractional seconds are rounded');
        if (a.tz !== b.tz) return change('reinterpreting', "values are read in the TimeZone of the session that runs the change");
        return change('widening', 'every value fits');
      }
      // timestamp → time, timestamptz → time and timestamptz → timetz are assignment casts; timestamp → timetz is not.
      if (a.family === 'datetime' && a.base === 'timestamp' && b.base === 'time' && (a.tz || !b.tz))
        return change('narrowing', 'the date is lost');
      if (a.family === 'interval' && b.base === 'time' && !b.tz) return change('narrowing', 'days are lost: an interval becomes a time of day');
      if (a.family === 'date' && b.base === 'timestamp')
        return b.tz
          ? change('reinterpreting', "dates become midnight in the TimeZone of the session that runs the change")
          : change('widening', 'dates become midnight');
      break;
    case 'date':
      if (a.family === 'datetime' && a.base === 'timestamp') return change('narrowing', 'the time of day is lost');
      break;
    case 'interval':
      if (a.family === 'datetime' && a.base === 'time' && !a.tz) return change('widening', 'every time of day is an interval');
      if (a.family === 'interval')
        return a.precision <= b.precision ? change('widening', 'every value fits') : change('narrowing', 'fractional seconds are rounded');
      break;
    case 'json':
      if (a.family === 'json')
        return b.binary
          ? change('reinterpreting', 'duplicate keys, key order and whitespace are dropped')
          : change('widening', 'every value converts to its text form');
      break;
    case 'network':
      if (a.family === 'network')
        return b.cidr
          ? change('narrowing', 'addresses with bits set to the right of the netmask make the conversion fail')
          : change('widening', 'every network is an address');
      break;
    case 'money':
      // NOTE: integer and bigint have casts to money, smallint has none.
      if (a.family === 'integer' && a.rank > 0)
        return a.rank === 1 ? change('widening', 'every value fits') : change('narrowing', "values beyond money's range make the conversion fail");
      if (a.family === 'numeric') return change('narrowing', "fractions are rounded to the currency's digits and large values fail");
      break;
    case 'bit':
      if (a.family === 'bit') {
        if (!b.varying) return change('narrowing', `values that are not exactly ${b.length} bits long make the conversion fail`);
        return b.length === null || (a.length !== null && a.length <= b.length)
          ? change('widening', 'every value fits')
          : change('narrowing', `values longer than ${b.length} bits make the conversion fail`);
      }
      break;
    default:
      break;
  }
  return change('incompatible', 'no automatic conversion is known; PostgreSQL needs a USING clause, which drizzle-kit does not write');
};
