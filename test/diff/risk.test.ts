import { describe, expect, it } from 'vitest';
import { classifyTypeChange } from '../../src/diff/type-change.js';
import {
  addConstraintRisk,
  createColumnRisk,
  dropRisk,
  enumChangeRisk,
  nullabilityRisk,
  primaryKeyRisk,
  typeChangeRisk,
} from '../../src/diff/risk.js';
import { column, enumType, type } from '../support/catalog-builder.js';

const cls = (from: string, to: string): string => classifyTypeChange(type(from), type(to)).class;

describe('classifyTypeChange', () => {
  it.each([
    ['character varying(50)', 'text'],
    ['character varying(50)', 'character varying(100)'],
    ['character varying(50)', 'character varying'],
    ['text', 'character varying'],
    ['smallint', 'integer'],
    ['integer', 'bigint'],
    ['smallint', 'bigint'],
    ['real', 'double precision'],
    ['integer', 'double precision'],
    ['smallint', 'real'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(10,2)', 'numeric(12,4)'],
    ['numeric(10,2)', 'numeric'],
    ['integer', 'numeric'],
    ['integer', 'numeric(12,2)'],
    ['timestamp(3) without time zone', 'timestamp(6) without time zone'],
    ['timestamp(3) with time zone', 'timestamp with time zone'],
    ['date', 'timestamp without time zone'],
    ['integer', 'text'],
    ['uuid', 'text'],
    ['jsonb', 'json'],
    ['integer[]', 'bigint[]'],
    // NOTE: every type converts to a string type through its text form, arrays included.
    ['text[]', 'text'],
  ])('%s → %s widens', (from, to) => {
    expect(cls(from, to)).toBe('widening');
  });

  it.each([
    ['timestamp without time zone', 'timestamp with time zone'],
    ['timestamp with time zone', 'timestamp without time zone'],
    ['date', 'timestamp with time zone'],
    ['json', 'jsonb'],
    ['character(10)', 'text'],
  ])('%s → %s reinterprets values', (from, to) => {
    expect(cls(from, to)).toBe('reinterpreting');
  });

  it.each([
    ['character varying(500)', 'character varying(100)'],
    ['text', 'character varying(100)'],
    ['bigint', 'integer'],
    ['integer', 'smallint'],
    ['double precision', 'real'],
    ['integer', 'real'],
    ['bigint', 'double precision'],
    ['numeric', 'integer'],
    ['numeric(12,2)', 'numeric(10,2)'],
    ['numeric(10,4)', 'numeric(10,2)'],
    ['numeric', 'numeric(10,2)'],
    ['integer', 'numeric(5,2)'],
    ['timestamp(6) without time zone', 'timestamp(3) without time zone'],
    ['timestamp without time zone', 'date'],
  ])('%s → %s narrows', (from, to) => {
    expect(cls(from, to)).toBe('narrowing');
  });

  it.each([
    ['text', 'integer'],
    ['text', 'jsonb'],
    ['text', 'uuid'],
    ['boolean', 'integer'],
    ['integer', 'integer[]'],
    ['text', 'text[]'],
  ])('%s → %s has no automatic conversion', (from, to) => {
    expect(cls(from, to)).toBe('incompatible');
  });

  it('treats an enum target as narrowing (drizzle-kit casts with USING; unknown labels fail) and an enum source as text-convertible', () => {
    expect(classifyTypeChange(type('text'), enumType('mood')).class).toBe('narrowing');
    expect(classifyTypeChange(enumType('mood'), enumType('feeling')).class).toBe('narrowing');
    expect(classifyTypeChange(enumType('mood'), type('text')).class).toBe('widening');
    expect(classifyTypeChange(enumType('mood'), type('integer')).class).toBe('incompatible');
  });

  it('treats a change of declared array dimensions as no real change (PostgreSQL ignores them)', () => {
    expect(cls('integer[]', 'integer[][]')).toBe('widening');
  });

  it('says same for the same type and explains every other change', () => {
    expect(cls('integer', 'integer')).toBe('same');
    expect(classifyTypeChange(type('character varying(50)'), type('text')).detail).toBe('character varying(50) → text: every value fits');
  });
});

describe('risk rules', () => {
  it('drops: high with rows or unknown, medium when empty', () => {
    expect([dropRisk(1000), dropRisk('unknown'), dropRisk(0)]).toEqual(['high', 'high', 'medium']);
  });

  it('type changes: widening low; reinterpreting medium; narrowing and incompatible high; softer on empty tables, except a cast PostgreSQL refuses', () => {
    expect((['widening', 'reinterpreting', 'narrowing', 'incompatible'] as const).map((c) => typeChangeRisk(c, 10))).toEqual([
      'low',
      'medium',
      'high',
      'high',
    ]);
    expect((['widening', 'reinterpreting', 'narrowing', 'incompatible'] as const).map((c) => typeChangeRisk(c, 0))).toEqual([
      'low',
      'low',
      'medium',
      'high',
    ]);
  });

  it('nullability: SET NOT NULL high with rows, medium when empty; DROP NOT NULL low', () => {
    expect([nullabilityRisk(true, 1), nullabilityRisk(true, 'unknown'), nullabilityRisk(true, 0), nullabilityRisk(false, 1)]).toEqual([
      'high',
      'high',
      'medium',
      'low',
    ]);
  });

  it('new columns: NOT NULL without default is high on a table with rows only', () => {
    const bare = column('a', 'text', { notNull: true });
    expect(createColumnRisk(bare, 10)).toBe('high');
    expect(createColumnRisk(bare, 0)).toBe('low');
    expect(createColumnRisk(column('a', 'text', { notNull: true, default: "'x'" }), 10)).toBe('low');
    expect(createColumnRisk(column('a', 'text'), 10)).toBe('low');
    expect(createColumnRisk(column('a', 'text', { notNull: true, generated: 'b || c' }), 10)).toBe('low');
  });

  it('constraints: validation may fail on rows (medium), primary keys high with rows', () => {
    expect([addConstraintRisk(1), addConstraintRisk(0), primaryKeyRisk(1), primaryKeyRisk(0)]).toEqual(['medium', 'low', 'high', 'medium']);
  });

  it('enum values: added low, reordered medium, removed high', () => {
    expect([enumChangeRisk('added'), enumChangeRisk('reordered'), enumChangeRisk('removed')]).toEqual(['low', 'medium', 'high']);
  });
});
