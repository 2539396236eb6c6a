import { describe, expect, it } from 'vitest';
import { fieldsOf, type Json } from '../../src/sql/ast.js';
import { PgQueryParser, type ParseResult } from '../../src/sql/parser.js';

const targets = (result: ParseResult): readonly Json[] => {
  if (!result.ok) throw new Error(result.error);
  const entry = result.tree.stmts[0] as { stmt?: Json } | undefined;
  const list = fieldsOf(entry?.stmt, 'SelectStmt')?.['targetList'];
  return Array.isArray(list) ? list.map((target: Json) => fieldsOf(target, 'ResTarget')?.['val'] ?? null) : [];
};

const integerValue = (node: Json): unknown => {
  const ival = fieldsOf(node, 'A_Const')?.['ival'];
  return typeof ival === 'object' && ival !== null && !Array.isArray(ival) ? (ival as { ival?: unknown }).ival : undefined;
};

describe('the pg-query-emscripten package itself', () => {
  it("breaks after a few thousand calls of its own parse wrapper (why parser.ts never calls it; update the NOTE if this fails)", async () => {
    const name = 'pg-query-emscripten';
    const factory = ((await import(name)) as { default: () => Promise<{ parse(sql: string): { parse_tree: unknown } }> }).default;
    const module = await factory();
    let calls = 0;
    try {
      for (; calls < 20_000; calls += 1) module.parse('select 1');
    } catch {
      // Expected: the 64 KiB stack is exhausted (measured: at call 3,531).
    }
    expect(calls).toBeGreaterThan(1_000);
    expect(calls).toBeLessThan(20_000);
  });
});

describe('PgQueryParser', () => {
  it('parses tens of thousands of statements on one instance without failing', () => {
    const parser = new PgQueryParser({ recycleAfterCalls: 1_000_000 });
    let failures = 0;
    for (let call = 0; call < 20_000; call += 1) {
      if (!parser.parse(`select ${call}, 'some text long enough to matter'`).ok) failures += 1;
    }
    expect(failures).toBe(0);
    expect(parser.instancesCreated).toBe(1);
  });

  it('recycles the module instance after the configured number of calls', () => {
    const parser = new PgQueryParser({ recycleAfterCalls: 10 });
    for (let call = 0; call < 25; call += 1) expect(parser.parse('select 1').ok).toBe(true);
    expect(parser.instancesCreated).toBe(3);
  });

  it('recycles the module instance once its heap has grown beyond the limit', () => {
    const parser = new PgQueryParser({ recycleAboveHeapBytes: 1 });
    for (let call = 0; call < 4; call += 1) expect(parser.parse('select 1').ok).toBe(true);
    expect(parser.instancesCreated).toBe(4);
  });

  it('restores negative integer constants that libpg_query 16 prints without a value', () => {
    const parser = new PgQueryParser();
    const values = targets(parser.parse('select -5, - 5, -(5), - /* c */ 5, -0x10, -1_000, 0, 00, -0, 5, -2147483647, 1 - 2'));
    expect(values.slice(0, 11).map(integerValue)).toEqual([-5, -5, -5, -5, -16, -1000, 0, 0, 0, 5, -2147483647]);
  });

  it('reports syntax errors with the position', () => {
    const result = new PgQueryParser().parse('select 1 +');
    expect(result).toEqual({ ok: false, error: 'syntax error at end of input', cursor: 11, fault: false });
  });

  it('refuses text nested deeper than its stack allows, without calling the module', () => {
    const parser = new PgQueryParser();
    const result = parser.parse(`select ${Array.from({ length: 1000 }, () => '1').join('+')}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/nested too deeply/);
    expect(parser.instancesCreated).toBe(0);
  });

  it('parses large flat statements (the heap grows)', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => `'${i}'`).join(',');
    const result = new PgQueryParser().parse(`select x in (${list})`);
    expect(result.ok).toBe(true);
  });
});
