/**
 * 100,000 expressions through the wrapper: all parse, in bounded time, and the module
 * never faults. The duration is printed, not asserted (speed belongs in bench/).
 */
import { describe, expect, it } from 'vitest';
import { normalizeExpressionsWith, type ExpressionInput } from '../../src/sql/index.js';
import { PgQueryParser } from '../../src/sql/parser.js';
import { columnType } from './helpers.js';

const text = columnType('text');
const integer = columnType('integer');
const tags = columnType('text', { dimensions: 1 });

/** Realistic expressions, each made distinct by its index. */
const expression = (i: number): ExpressionInput => {
  switch (i % 10) {
    case 0:
      return { sql: `'value ${i}'::text`, columnType: text };
    case 1:
      return { sql: `'${i}'::integer`, columnType: integer };
    case 2:
      return { sql: `'{"a${i}","b"}'`, columnType: tags };
    case 3:
      return { sql: `nextval('table_${i}_id_seq'::regclass)`, columnType: integer };
    case 4:
      return { sql: `((status_${i})::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))` };
    case 5:
      return { sql: `"t${i}"."price" > ${i} AND "t${i}"."price" < ${i * 2}` };
    case 6:
      return { sql: `(( SELECT auth.uid() AS uid) = owner_${i})` };
    case 7:
      return { sql: `lower(email_${i})` };
    case 8:
      return { sql: `CASE WHEN qty_${i} BETWEEN 1 AND 10 THEN 'low' ELSE 'high' END` };
    default:
      return { sql: 'now()', columnType: columnType('timestamp(3) with time zone') };
  }
};

describe('throughput', () => {
  it('normalizes 100,000 expressions', () => {
    const parser = new PgQueryParser();
    const inputs = Array.from({ length: 100_000 }, (_, i) => expression(i));
    const started = performance.now();
    const results = normalizeExpressionsWith(parser, inputs);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `[sql] 100,000 expressions normalized in ${seconds.toFixed(2)} s (${Math.round(100_000 / seconds)}/s), ${parser.instancesCreated} parser instance(s)`,
    );
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(new Set(results.map((result) => result.ok && result.canonical)).size).toBe(100_000 - 10_000 + 1);
  });
});
