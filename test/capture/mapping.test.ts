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
  const base = {
    type_formatted: 'integer',
    type_qualified: 'pg_catalog.int4',
    type_bare: 'int4',
    type_schema: 'pg_catalog',
    type_kind: 'b',
    type_is_array: false,
    type_dimensions: 0,
  };
  it('drops the pg_catalog schema, maps typtype, and counts an undeclared array as one dimension', () => {
    expect(mapColumnType(base)).toEqual({ name: 'integer', schema: null, category: 'base', dimensions: 0 });
    expect(mapColumnType({ ...base, type_is_array: true })).toMatchObject({ dimensions: 1 });
    expect(mapColumnType({ ...base, type_is_array: true, type_dimensions: 2 })).toMatchObject({ dimensions: 2 });
    expect(mapColumnType({ ...base, type_kind: 'm' }).category).toBe('other');
  });

  it('names a user type without its schema, keeping its modifier and its own spelling', () => {
    const user = { ...base, type_schema: 'public', type_kind: 'e', type_formatted: 'public.mood', type_qualified: 'public.mood', type_bare: 'mood' };
    expect(mapColumnType(user)).toEqual({ name: 'mood', schema: 'public', category: 'enum', dimensions: 0 });
    const vector = { ...user, type_kind: 'b', type_formatted: 'public.vector(3)', type_qualified: 'public.vector', type_bare: 'vector' };
    expect(mapColumnType(vector).name).toBe('vector(3)');
    const quoted = { ...user, type_schema: 'My App', type_formatted: '"My App"."Mood"', type_qualified: '"My App"."Mood"', type_bare: 'Mood' };
    expect(mapColumnType(quoted)).toMatchObject({ name: 'Mood', schema: 'My App' });
    // A built-in type keeps format_type's spelling, modifiers included.
    expect(mapColumnType({ ...base, type_formatted: 'numeric(5,2)', type_qualified: 'pg_catalog."numeric"', type_bare: 'numeric' }).name).toBe('numeric(5,2)');
  });

  it('reports a type format_type no longer finds as a catalog change', () => {
    expect(() => mapColumnType({ ...base, type_schema: 'public', type_formatted: '???', type_qualified: 'public.gone' }, 'column public.t.c')).toThrow(
      /the type of column public\.t\.c was dropped/,
    );
  });
});
