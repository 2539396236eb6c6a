import { describe, expect, it } from 'vitest';
import { inheritArrayDimensions } from '../../src/capture/capture.js';
import { mapIndexKey } from '../../src/capture/queries/indexes.js';
import { mapColumnType } from '../../src/capture/queries/type-sql.js';
import { column, table } from '../snapshot/builders.js';

const arrayColumn = (dimensions: number) =>
  column('m', 1, { type: { name: 'numeric(5,2)', schema: null, category: 'base', dimensions } });

describe('inheritArrayDimensions', () => {
  it('gives partitions (and partitions of partitions) the dimensions their root declared', () => {
    const root = table('public', 'events', { kind: 'partitioned-table', columns: [arrayColumn(3)] });
    const middle = table('public', 'events_2024', {
      kind: 'partitioned-table',
      partitionOf: { schema: 'public', name: 'events' },
      columns: [arrayColumn(1)],
    });
    const leaf = table('public', 'events_2024_q1', { partitionOf: { schema: 'public', name: 'events_2024' }, columns: [arrayColumn(1)] });
    const result = inheritArrayDimensions([leaf, middle, root]);
    expect(result.map((t) => t.columns[0]?.type.dimensions)).toEqual([3, 3, 3]);
  });

  it('leaves scalars, ordinary tables and partitions of uncaptured parents alone', () => {
    const orphan = table('public', 'p1', { partitionOf: { schema: 'other', name: 'parent' }, columns: [arrayColumn(1)] });
    const plain = table('public', 't', { columns: [arrayColumn(1), column('id', 2)] });
    expect(inheritArrayDimensions([orphan, plain])).toEqual([orphan, plain]);
  });
});

describe('mapIndexKey', () => {
  const raw = { column: 'a', expression: null, option: 0, opclass: 'int4_ops', opclass_default: true };
  it('decodes indoption bits and hides the default operator class', () => {
    expect(mapIndexKey(raw, 'i')).toEqual({ kind: 'column', column: 'a', order: 'asc', nulls: 'last', opclass: null });
    expect(mapIndexKey({ ...raw, option: 3 }, 'i')).toMatchObject({ order: 'desc', nulls: 'first' });
    expect(mapIndexKey({ ...raw, option: 1 }, 'i')).toMatchObject({ order: 'desc', nulls: 'last' });
    expect(mapIndexKey({ ...raw, opclass: 'text_pattern_ops', opclass_default: false }, 'i').opclass).toBe('text_pattern_ops');
    expect(mapIndexKey({ ...raw, column: null, expression: 'lower(a)' }, 'i')).toMatchObject({ kind: 'expression', expression: 'lower(a)' });
    expect(() => mapIndexKey({ ...raw, column: null }, 'public.i')).toThrow(/public\.i/);
  });
});

describe('mapColumnType', () => {
  it('drops the pg_catalog schema, maps typtype, and counts an undeclared array as one dimension', () => {
    const base = { type_name: 'integer', type_schema: 'pg_catalog', type_kind: 'b', type_is_array: false, type_dimensions: 0 };
    expect(mapColumnType(base)).toEqual({ name: 'integer', schema: null, category: 'base', dimensions: 0 });
    expect(mapColumnType({ ...base, type_is_array: true })).toMatchObject({ dimensions: 1 });
    expect(mapColumnType({ ...base, type_is_array: true, type_dimensions: 2 })).toMatchObject({ dimensions: 2 });
    expect(mapColumnType({ ...base, type_name: 'mood', type_schema: 'public', type_kind: 'e' })).toEqual({
      name: 'mood',
      schema: 'public',
      category: 'enum',
      dimensions: 0,
    });
    expect(mapColumnType({ ...base, type_kind: 'm' }).category).toBe('other');
  });
});
