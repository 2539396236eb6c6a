/**
 * Issue 6: capture issues read-only SQL only. test/capture proves the server refuses a
 * write inside the capture transaction (READ ONLY); this proves capture never tries:
 * every statement it sends, parsed by PostgreSQL's own parser (libpg_query), is a
 * SELECT, transaction control or a SET LOCAL, locks no rows, creates nothing, and calls
 * only functions that read. A new function in a capture query has to be added here, on
 * purpose. Both ways of starting the transaction are checked: `begin` and SET LOCAL in
 * one round trip (a Queryable with `exec`, as pg's and PGlite's), or `begin` then a
 * set_config select (a Queryable without).
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
  'has_schema_privilege',
  'has_table_privilege',
  'json_agg',
  'json_build_object',
  'pg_get_expr',
  'pg_get_indexdef',
  'pg_get_userbyid',
  'pg_get_viewdef',
  'pg_identify_object',
  'pg_identify_object_as_address',
  'quote_ident',
  'row_number',
  'string_agg',
  'to_json',
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

/** The settings capture pins, each only for the transaction (SET LOCAL or set_config(..., true)). */
const PINNED_SETTINGS = ['statement_timeout', 'search_path', 'timezone', 'datestyle', 'intervalstyle'];

describe.each([
  ['with exec', true],
  ['without exec', false],
])('the SQL capture sends through a Queryable %s', (_how, withExec) => {
  const sent: string[] = [];
  let parsed: ParsedStatement[][];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const db = await createPgliteDatabase();
    close = () => db.close();
    await db.exec(FIXTURE_SQL);
    const inner = pgliteQueryable(db.pglite);
    const innerExec = inner.exec;
    if (innerExec === undefined) throw new Error('pgliteQueryable should offer exec');
    const recording: Queryable = {
      query: (sql, params) => {
        sent.push(sql);
        return inner.query(sql, params);
      },
      ...(withExec
        ? {
            exec: (sql: string) => {
              sent.push(sql);
              return innerExec(sql);
            },
          }
        : {}),
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

  it('is one read-only, repeatable-read transaction of single SELECT statements after its settings', () => {
    const [start = [], ...rest] = parsed;
    expect(start[0]?.kind).toBe('TransactionStmt');
    if (withExec) {
      // begin and the settings in one round trip: SET LOCAL only.
      expect(start.slice(1).map((statement) => statement.kind)).toEqual(PINNED_SETTINGS.map(() => 'VariableSetStmt'));
      const set = start.slice(1).map((statement) => statement.tree as { name: string; is_local?: boolean });
      expect(set.map((statement) => statement.name.toLowerCase())).toEqual(PINNED_SETTINGS);
      expect(set.every((statement) => statement.is_local === true)).toBe(true);
    } else {
      expect(start).toHaveLength(1);
    }
    expect(rest.every((statements) => statements.length === 1)).toBe(true);
    const kinds = rest.map(([statement]) => statement?.kind);
    expect(kinds.at(-1)).toBe('TransactionStmt');
    expect(kinds.slice(0, -1).every((kind) => kind === 'SelectStmt')).toBe(true);
    const options: Record<string, unknown> = {};
    walk(start[0]?.tree, (key, value) => {
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
    expect(called.has('set_config')).toBe(!withExec);
  });
});
