import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/catalog/model.js';
import { catalog, check, column, table, type ColumnInput } from '../support/catalog-builder.js';
import { brief, run } from './helpers.js';

const compareDefault = (type: string, schemaDefault: string, databaseDefault: string, options: ColumnInput = {}): string[] => {
  const c = (d: string): Column => column('c', type, { ...options, default: d });
  return brief(run(catalog([table('t', [c(schemaDefault)])]), catalog([table('t', [c(databaseDefault)])])).findings);
};

describe('defaults and checks compared as parsed SQL (src/sql)', () => {
  it.each([
    ['timestamp with time zone', 'now()', 'CURRENT_TIMESTAMP'],
    ['text', "'x'", "'x'::text"],
    ['character varying(10)', "'en'", "'en'::character varying"],
    ['text[]', "'{}'", "'{}'::text[]"],
    ['integer', '0', '(0)'],
    ['boolean', 'false', 'false'],
  ])('%s: %s equals %s', (type, schemaDefault, databaseDefault) => {
    expect(compareDefault(type, schemaDefault, databaseDefault)).toEqual([]);
  });

  it('equals an enum default with its cast to the (qualified) enum type', () => {
    const mood = { name: 'mood', schema: 'public', category: 'enum' as const, dimensions: 0 };
    const c = (d: string): Column => column('c', mood, { default: d });
    expect(run(catalog([table('t', [c("'happy'")])]), catalog([table('t', [c("'happy'::public.mood")])])).findings).toEqual([]);
  });

  it('still sees a real difference', () => {
    expect(compareDefault('text', "'x'", "'y'::text")).toEqual(["medium alter-column-default t.c 'y'::text → 'x'"]);
    expect(compareDefault('timestamp with time zone', 'now()', "'2020-01-01'")).toHaveLength(1);
  });

  it('compares check expressions as parsed SQL', () => {
    const t = (expression: string) => catalog([table('t', [column('a', 'integer')], { checks: [check('t_a_check', expression)] })]);
    expect(run(t('a > 0'), t('(a > 0)')).findings).toEqual([]);
    expect(run(t('a > 1'), t('(a > 0)')).findings.map((f) => f.kind)).toEqual(['alter-check']);
  });
});
