import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/catalog/model.js';
import { catalog, column, sequenceOptions, table, type ColumnInput } from '../support/catalog-builder.js';
import { brief, run } from './helpers.js';

/** One table `t` with one column `c`, as the schema and as the database have it. */
const compareColumn = (schema: Column, database: Column, rows: 'unknown' | number = 0): string[] =>
  brief(run(catalog([table('t', [schema])]), catalog([table('t', [database], { rows })])).findings);

const c = (type: string, options: ColumnInput = {}): Column => column('c', type, options);

describe('column comparison', () => {
  it('finds nothing for the same type spelled the same way', () => {
    expect(compareColumn(c('timestamp(3) with time zone'), c('timestamp(3) with time zone'))).toEqual([]);
  });

  it('reports a widening type change low even with rows', () => {
    expect(compareColumn(c('text'), c('character varying(50)'), 100)).toEqual(['low alter-column-type t.c character varying(50) → text']);
  });

  it('reports a narrowing type change high with rows, medium when empty', () => {
    expect(compareColumn(c('character varying(100)'), c('character varying(500)'), 100)).toEqual([
      'high alter-column-type t.c character varying(500) → character varying(100)',
    ]);
    expect(compareColumn(c('character varying(100)'), c('character varying(500)'), 0)).toEqual([
      'medium alter-column-type t.c character varying(500) → character varying(100)',
    ]);
  });

  it('reports a cast PostgreSQL refuses without USING high even on an empty table (the ALTER fails before reading rows)', () => {
    expect(compareColumn(c('integer'), c('text'), 0)).toEqual(['high alter-column-type t.c text → integer']);
  });

  it('reports SET NOT NULL high on a table with rows, medium when empty; DROP NOT NULL low', () => {
    expect(compareColumn(c('text', { notNull: true }), c('text'), 'unknown')).toEqual(['high alter-column-nullability t.c NULL → NOT NULL']);
    expect(compareColumn(c('text', { notNull: true }), c('text'), 0)).toEqual(['medium alter-column-nullability t.c NULL → NOT NULL']);
    expect(compareColumn(c('text'), c('text', { notNull: true }), 10)).toEqual(['low alter-column-nullability t.c NOT NULL → NULL']);
  });

  it('reports a default added, removed or changed as medium', () => {
    expect(compareColumn(c('integer', { default: '0' }), c('integer'))).toEqual(['medium alter-column-default t.c ∅ → 0']);
    expect(compareColumn(c('integer'), c('integer', { default: '0' }))).toEqual(['medium alter-column-default t.c 0 → ∅']);
    expect(compareColumn(c('integer', { default: '1' }), c('integer', { default: '0' }))).toEqual(['medium alter-column-default t.c 0 → 1']);
  });

  it('treats serial columns as equal whatever their sequence is called (it keeps its name after a table rename)', () => {
    expect(
      compareColumn(
        c('integer', { notNull: true, default: "nextval('meeting_id_seq'::regclass)" }),
        c('integer', { notNull: true, default: "nextval('meetings_id_seq'::regclass)" }),
      ),
    ).toEqual([]);
  });

  it('compares identity generation and options, and not the defaults of identity columns', () => {
    const identity = (generation: 'always' | 'by default', start = '1') => ({ generation, sequence: sequenceOptions({ type: 'integer', start }) });
    expect(compareColumn(c('integer', { identity: identity('always') }), c('integer', { identity: identity('always') }))).toEqual([]);
    const changed = compareColumn(c('integer', { identity: identity('always') }), c('integer', { identity: identity('by default') }));
    expect(changed.map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual(['medium alter-column-identity t.c']);
    const added = compareColumn(c('integer', { identity: identity('always') }), c('integer', { default: "nextval('t_c_seq'::regclass)" }));
    expect(added.map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual(['medium alter-column-identity t.c']);
  });

  it('reports a generated expression that differs, appears or disappears', () => {
    expect(compareColumn(c('integer', { generated: 'a + b' }), c('integer', { generated: 'a + b' }))).toEqual([]);
    expect(compareColumn(c('integer', { generated: 'a * b' }), c('integer', { generated: 'a + b' }))).toEqual([
      'medium alter-column-generated t.c a + b → a * b',
    ]);
    expect(compareColumn(c('integer'), c('integer', { generated: 'a + b' }))).toEqual(['medium alter-column-generated t.c a + b → ∅']);
  });

  it('compares enum-typed columns by enum name and schema', () => {
    const mood = (schema: string) => column('c', { name: 'mood', schema, category: 'enum', dimensions: 0 });
    expect(compareColumn(mood('public'), mood('public'))).toEqual([]);
    expect(compareColumn(mood('app'), mood('public'))).toHaveLength(1);
  });

  it('compares array dimensions of the same element type as no data change', () => {
    expect(compareColumn(c('text[][]'), c('text[]'), 100)).toEqual(['low alter-column-type t.c text[] → text[][]']);
  });
});
