import { describe, expect, it } from 'vitest';
import { formatArrayLiteral, parseArrayLiteral } from '../../src/sql/literals/array.js';
import { canonicalBoolean } from '../../src/sql/literals/boolean.js';
import { canonicalDate, canonicalTime, canonicalTimestamp } from '../../src/sql/literals/datetime.js';
import { canonicalJsonb } from '../../src/sql/literals/jsonb.js';
import { canonicalNumber } from '../../src/sql/literals/number.js';
import { canonicalRegclass } from '../../src/sql/literals/regclass.js';

describe('canonicalNumber', () => {
  it.each([
    ['5', '5'],
    ['05', '5'],
    ['+5', '5'],
    ['-1', '-1'],
    ['-0', '0'],
    ['-0.0', '0.0'],
    ['.5', '0.5'],
    ['1.50', '1.50'],
    ['1e3', '1000'],
    ['1.5e3', '1500'],
    ['1.50e1', '15.0'],
    ['1e-3', '0.001'],
    ['1.5E-3', '0.0015'],
    ['1_000', '1000'],
    [' 42 ', '42'],
    ['3000000000', '3000000000'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalNumber(input)).toBe(expected);
  });

  it.each(['', 'NaN', 'Infinity', '1.2.3', '0x1F', 'abc', '1e', '--1'])('%s is not a number', (input) => {
    expect(canonicalNumber(input)).toBeUndefined();
  });
});

describe('canonicalBoolean', () => {
  it.each([
    ['true', true],
    ['T', true],
    [' yes ', true],
    ['on', true],
    ['1', true],
    ['false', false],
    ['f', false],
    ['NO', false],
    ['off', false],
    ['0', false],
  ])('%s → %s', (input, expected) => {
    expect(canonicalBoolean(input)).toBe(expected);
  });

  it('rejects other words', () => {
    expect(canonicalBoolean('maybe')).toBeUndefined();
  });
});

describe('array literals', () => {
  const roundTrip = (text: string): string | undefined => {
    const items = parseArrayLiteral(text);
    return items === undefined ? undefined : formatArrayLiteral(items, (value) => value);
  };

  it.each([
    ['{}', '{}'],
    ['{"a","b"}', '{a,b}'],
    ['{ a , b }', '{a,b}'],
    ['{"a","b c","NULL"}', '{a,"b c","NULL"}'],
    ['{a,NULL,null}', '{a,NULL,NULL}'],
    ['{"x\\"y","back\\\\slash"}', '{"x\\"y","back\\\\slash"}'],
    ['{{1,2},{3,4}}', '{{1,2},{3,4}}'],
    ['{""}', '{""}'],
    ['{"{}"}', '{"{}"}'],
  ])('%s prints as %s', (input, expected) => {
    expect(roundTrip(input)).toBe(expected);
  });

  it.each(['', 'a', '{a', '{a,}', '{,a}', '[1:2]={1,2}', '{"a}', '{a"b}'])('%s is not read', (input) => {
    expect(parseArrayLiteral(input)).toBeUndefined();
  });
});

describe('canonicalJsonb', () => {
  it('prints like jsonb_out: sorted keys (shorter first), spaced separators, last duplicate wins', () => {
    expect(canonicalJsonb('{"bb":1,"a":[1,2],"a":{"y":true,"x":null}}')).toBe('{"a": {"x": null, "y": true}, "bb": 1}');
  });

  it('compares numbers by value and leaves long numbers alone', () => {
    expect(canonicalJsonb('[1.0, 1e2]')).toBe('[1, 100]');
    expect(canonicalJsonb('[12345678901234567890]')).toBeUndefined();
    expect(canonicalJsonb('{"id": "12345678901234567890"}')).toBe('{"id": "12345678901234567890"}');
  });

  it('rejects invalid JSON', () => {
    expect(canonicalJsonb('{a}')).toBeUndefined();
  });
});

describe('date and time literals', () => {
  it('reads ISO dates and times', () => {
    expect(canonicalDate('2024-01-31')).toBe('2024-01-31');
    expect(canonicalDate('2024-02-30')).toBeUndefined();
    expect(canonicalTime('10:00')).toBe('10:00:00');
    expect(canonicalTime('10:00:00.500')).toBe('10:00:00.5');
  });

  it('prints a timestamp without time zone like the database, ignoring an offset', () => {
    expect(canonicalTimestamp('2024-01-01 10:00:00.000', false)).toBe('2024-01-01 10:00:00');
    expect(canonicalTimestamp('2024-01-01T10:00:00.000Z', false)).toBe('2024-01-01 10:00:00');
    expect(canonicalTimestamp('2024-01-01', false)).toBe('2024-01-01 00:00:00');
    expect(canonicalTimestamp('2024-01-01 10:00:00.123456', false)).toBe('2024-01-01 10:00:00.123456');
    expect(canonicalTimestamp('2024-01-01 10:00:00.1234567', false)).toBeUndefined();
  });

  it('prints a timestamp with time zone in UTC', () => {
    expect(canonicalTimestamp('2024-01-01T10:00:00.000Z', true)).toBe('2024-01-01 10:00:00+00');
    expect(canonicalTimestamp('2024-01-01 10:00:00+02', true)).toBe('2024-01-01 08:00:00+00');
    expect(canonicalTimestamp('2024-01-01 00:30:00-01:30', true)).toBe('2024-01-01 02:00:00+00');
    expect(canonicalTimestamp('2024-01-01', true)).toBe('2024-01-01 00:00:00+00');
    expect(canonicalTimestamp('now', true)).toBeUndefined();
  });
});

describe('canonicalRegclass', () => {
  it.each([
    ['users_id_seq', '"users_id_seq"'],
    ['public.users_id_seq', '"users_id_seq"'],
    ['Users_Id_Seq', '"users_id_seq"'],
    ['"Users_id_seq"', '"Users_id_seq"'],
    ['"public"."users_id_seq"', '"users_id_seq"'],
    ['app.users_id_seq', '"app"."users_id_seq"'],
    ['"a""b"', '"a""b"'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalRegclass(input)).toBe(expected);
  });

  it.each(['', 'a.', '.a', '"open', 'a.b.c.d'])('%s is not a name', (input) => {
    expect(canonicalRegclass(input)).toBeUndefined();
  });
});
