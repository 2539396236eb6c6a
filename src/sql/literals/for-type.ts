import { elementType, NUMERIC_TYPES, type TypeInfo } from '../types.js';
import { formatArrayLiteral, parseArrayLiteral } from './array.js';
import { canonicalBoolean } from './boolean.js';
import { sameConstant, type Constant } from './constant.js';
import { canonicalDate, canonicalTime, canonicalTimestamp } from './datetime.js';
import { canonicalJsonb } from './jsonb.js';
import { canonicalNumber } from './number.js';
import { canonicalRegclass } from './regclass.js';

/**
 * A constant read as a value of `type`, in canonical form, or undefined when nothing
 * changes. Used for `'literal'::type` and for a default's bare literal, whose type is
 * the column's. Why: PostgreSQL stores a typed constant and prints it its own way
 * (`'-1'::integer`, `'{t,f}'::boolean[]`), while SQL written by hand or by drizzle-kit
 * spells the same value differently.
 */
export const canonicalLiteral = (constant: Constant, type: TypeInfo): Constant | undefined => {
  const canonical = type.array ? asArray(constant, elementType(type)) : asScalar(constant, type);
  return canonical === undefined || sameConstant(canonical, constant) ? undefined : canonical;
};

const asArray = (constant: Constant, element: TypeInfo): Constant | undefined => {
  if (constant.kind !== 'string' && constant.kind !== 'array') return undefined;
  const items = parseArrayLiteral(constant.value);
  if (items === undefined) return undefined;
  return { kind: 'array', value: formatArrayLiteral(items, (text) => elementText(text, element)) };
};

/** An array element's text in the form the element type prints it. */
const elementText = (text: string, element: TypeInfo): string => {
  const scalar = asScalar({ kind: 'string', value: text }, element);
  if (scalar === undefined || scalar.kind === 'null') return text;
  if (scalar.kind === 'boolean') return scalar.value ? 't' : 'f';
  return scalar.value;
};

const asScalar = (constant: Constant, type: TypeInfo): Constant | undefined => {
  if (type.schema !== undefined) return undefined;
  if (constant.kind !== 'string') return undefined;
  const text = constant.value;
  const string = (value: string | undefined): Constant | undefined => (value === undefined ? undefined : { kind: 'string', value });
  if (NUMERIC_TYPES.has(type.name)) {
    const value = canonicalNumber(text);
    return value === undefined ? undefined : { kind: 'number', value };
  }
  switch (type.name) {
    case 'bool': {
      const value = canonicalBoolean(text);
      return value === undefined ? undefined : { kind: 'boolean', value };
    }
    case 'bit':
    case 'varbit':
      return /^[01]*$/.test(text) ? { kind: 'bits', value: text } : undefined;
    case 'jsonb':
      return string(canonicalJsonb(text));
    case 'date':
      return string(canonicalDate(text));
    case 'time':
      return string(canonicalTime(text));
    case 'timestamp':
      return string(canonicalTimestamp(text, false));
    case 'timestamptz':
      return string(canonicalTimestamp(text, true));
    case 'regclass':
      return string(canonicalRegclass(text));
    default:
      return undefined;
  }
};
