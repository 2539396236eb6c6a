/**
 * Issue 6: capture issues read-only SQL only. test/capture proves the server refuses a
 * write inside the capture transaction (READ ONLY); this proves capture never tries:
 * every statement it sends, parsed by PostgreSQL's own parser (libpg_query), is a
 * SELECT or transaction control, locks no rows, creates nothing, and calls only
 * functions that read. A new function in a capture query has to be added here, on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../src/capture/capture.js';
import { pgliteQueryable } from '../../src/capture/pglite-queryable.js';
import type { Queryable } from '../../src/capture/queryable.js';
import { createPgliteDatabase } from '../support/databases.js';
import { FIXTURE_SQL } from '../capture/targets.js';

/** Functions capture may call: catalog lookups, deparsers, and plain value functions. */
const READING_FUNCTIONS = new Set([
  'array_position',
  'count',
  'current_database',
  'current_setting',
  'format_type',
  'generate_series',
  'has_schema_privilege',
  'has_table_privilege',
  'json_agg',
  'json_build_object',
  'length',
  'pg_get_expr',
  'pg_get_indexdef',
  'pg_get_userbyid',
  'pg_get_viewdef',
  'pg_identify_object',
  'pg_identify_object_as_address',
  'quote_ident',
  'row_number',
  'starts_with',
  'string_agg',
  'substr',
  'unnest',
  // Only as SET LOCAL (third argument true), checked below.
  'set_config',
]);

/** Statement kinds that change something; none may appear anywhere in a capture statement's tree. */
const WRITING_NODES = ['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CopyStmt', 'LockStmt', 'intoClause', 'lockingClause'];

type Node = unknown;

const walk = (node: Node, visit: (key: string, value: Node) => void): void => {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      walk(value, visit);
    }
  }
};

interface Parser {
  parse(sql: string): { parse_tree: { stmts: { stmt: Record<string, Node> }[] }; error: unknown };
}

/** libpg_query in WASM. A variable specifier: the package ships no types, and this test needs only parse(). */
const loadParser = async (): Promise<Parser> => {
  const specifier: string = 'pg-query-emscripten';
  const { default: Module } = (await import(specifier)) as { default: new () => Promise<Parser> };
  return new Module();
};

interface ParsedStatement {
  readonly kind: string;
  readonly tree: Node;
}

describe('the SQL capture sends', () => {
  const sent: string[] = [];
  let parsed: ParsedStatement[][];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const db = await createPgliteDatabase();
    close = () => db.close();
    await db.exec(FIXTURE_SQL);
    const inner = pgliteQueryable(db.pglite);
    const recording: Queryable = {
      query: (sql, params) => {
        sent.push(sql);
        return inner.query(sql, params);
      },
    };
    const outcome = await capture({ queryable: recording });
    expect(outcome.ok).toBe(true);
    const parser = await loadParser();
    parsed = sent.map((sql) => {
      const result = parser.parse(sql);
      expect(result.error, sql).toBeNull();
      return result.parse_tree.stmts.map(({ stmt }) => {
        const [kind = '', tree] = Object.entries(stmt)[0] ?? [];
        return { kind, tree };
      });
    });
  });
  afterAll(async () => {
    await close?.();
  });

  it('is one read-only, repeatable-read transaction of single SELECT statements', () => {
    expect(parsed.every((statements) => statements.length === 1)).toBe(true);
    const kinds = parsed.map(([statement]) => statement?.kind);
    expect(kinds[0]).toBe('TransactionStmt');
    expect(kinds.at(-1)).toBe('TransactionStmt');
    expect(kinds.slice(1, -1).every((kind) => kind === 'SelectStmt')).toBe(true);
    const options: Record<string, unknown> = {};
    walk(parsed[0]?.[0]?.tree, (key, value) => {
      if (key === 'DefElem') {
        const element = value as { defname: string; arg: unknown };
        options[element.defname] = element.arg;
      }
    });
    expect(options).toEqual({
      transaction_isolation: { A_Const: expect.objectContaining({ sval: { sval: 'repeatable read' } }) },
      transaction_read_only: { A_Const: expect.objectContaining({ ival: { ival: 1 } }) },
    });
    expect(JSON.stringify(parsed.at(-1))).toContain('TRANS_STMT_COMMIT');
  });

  it('never writes, locks rows or creates anything, even in a subquery', () => {
    for (const [index, statements] of parsed.entries()) {
      walk(statements, (key) => expect(WRITING_NODES, `${key} in: ${sent[index]}`).not.toContain(key));
    }
  });

  it('calls only functions that read, and sets settings only for the transaction', () => {
    const called = new Set<string>();
    walk(parsed, (key, value) => {
      if (key !== 'FuncCall') return;
      const call = value as { funcname: { String: { sval: string } }[]; args?: Node[] };
      const name = call.funcname.at(-1)?.String.sval ?? '';
      called.add(name);
      if (name === 'set_config') expect(call.args?.[2]).toMatchObject({ A_Const: { boolval: { boolval: true } } });
    });
    expect([...called].filter((name) => !READING_FUNCTIONS.has(name))).toEqual([]);
    expect(called).toContain('set_config');
  });
});
