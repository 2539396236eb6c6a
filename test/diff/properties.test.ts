import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog, Column, Table } from '../../src/catalog/model.js';
import { toCamelCase } from '../../src/naming/index.js';
import { catalog, column, index, primaryKey, table } from '../support/catalog-builder.js';
import { run } from './helpers.js';

const WORDS = ['user', 'meeting', 'title', 'created', 'team', 'email', 'status', 'note', 'body', 'owner', 'project', 'score', 'label', 'due'];
const TYPES = ['integer', 'bigint', 'text', 'character varying(50)', 'boolean', 'timestamp with time zone', 'numeric(10,2)', 'uuid', 'jsonb', 'text[]'];

const snakeName = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join('_'));

const columnArb = (name: string): fc.Arbitrary<Column> =>
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      notNull: fc.boolean(),
      default: fc.constantFrom(null, "'x'", '0'),
    })
    .map((c) => column(name, c.type, { notNull: c.notNull, default: c.default }));

const tableArb = (name: string): fc.Arbitrary<Table> =>
  fc
    .uniqueArray(snakeName, { minLength: 1, maxLength: 8 })
    .chain((names) => fc.tuple(...names.map(columnArb)))
    .chain((columns) =>
      fc.record({ rows: fc.constantFrom<Table['rows']>(0, 100, 'unknown'), indexed: fc.nat(columns.length - 1) }).map(({ rows, indexed }) => {
        const first = columns[0] as Column;
        const other = columns[indexed] as Column;
        return table(name, columns, {
          rows,
          primaryKey: primaryKey(`${name}_pkey`, [first.name]),
          indexes: [index(`${name}_idx`, [other.name])],
        });
      }),
    );

const catalogArb: fc.Arbitrary<Catalog> = fc
  .uniqueArray(fc.constantFrom('meetings', 'users', 'teams', 'notes', 'projects', 'events', 'invoices'), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map(tableArb)))
  .map((tables) => catalog(tables));

/** The same catalog with tables and columns listed in another order (positions kept). */
const shuffled = (c: Catalog, seed: number): Catalog => {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return { ...c, tables: shuffle(c.tables).map((t) => ({ ...t, columns: shuffle(t.columns) })) };
};

/** A database that drifted from the schema: some columns renamed to camelCase, some dropped, some retyped. */
const driftedArb = (schema: Catalog): fc.Arbitrary<Catalog> =>
  fc
    .array(fc.record({ rename: fc.boolean(), drop: fc.boolean(), retype: fc.constantFrom(...TYPES) }), { minLength: 30, maxLength: 30 })
    .map((edits) => {
      let n = 0;
      return {
        ...schema,
        tables: schema.tables.map((t) => {
          const columns = t.columns.flatMap((c): Column[] => {
            const edit = edits[n++ % edits.length];
            if (edit === undefined || c.position === 1) return [c];
            if (edit.drop) return [];
            return [{ ...c, name: edit.rename ? toCamelCase(c.name) : c.name, type: edit.rename ? c.type : { ...c.type, name: edit.retype } }];
          });
          return { ...t, columns, indexes: t.indexes.filter((i) => i.keys.every((k) => k.kind !== 'column' || columns.some((c) => c.name === k.column))) };
        }),
      };
    });

describe('verify properties', () => {
  it('finds nothing when a catalog is verified against itself', () => {
    fc.assert(
      fc.property(catalogArb, (c) => {
        const result = run(c, c);
        expect(result.findings).toEqual([]);
        expect(result.prompts).toEqual([]);
        expect(result.verdict).toBe('in-sync');
        expect(result.exitCode).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('finds exactly one rename-column when one column is renamed to a casing variant', () => {
    fc.assert(
      fc.property(
        catalogArb.filter((c) => c.tables.some((t) => t.columns.some((col) => col.name.includes('_')))),
        fc.nat(),
        (database, pick) => {
          const candidates = database.tables.flatMap((t) => t.columns.filter((c) => c.name.includes('_')).map((c) => [t, c] as const));
          const [target, renamed] = candidates[pick % candidates.length] as readonly [Table, Column];
          const schema: Catalog = {
            ...database,
            tables: database.tables.map((t) =>
              t !== target
                ? t
                : {
                    ...t,
                    columns: t.columns.map((c) => (c === renamed ? { ...c, name: toCamelCase(c.name) } : c)),
                    primaryKey: t.primaryKey && { ...t.primaryKey, columns: t.primaryKey.columns.map((c) => (c === renamed.name ? toCamelCase(c) : c)) },
                    indexes: t.indexes.map((i) => ({
                      ...i,
                      keys: i.keys.map((k) => (k.kind === 'column' && k.column === renamed.name ? { ...k, column: toCamelCase(k.column) } : k)),
                    })),
                  },
            ),
          };
          const result = run(schema, database);
          expect(result.findings.map((f) => `${f.kind} ${f.from} → ${f.to}`)).toEqual([`rename-column ${renamed.name} → ${toCamelCase(renamed.name)}`]);
          expect(result.findings[0]?.confidence).toBe('high');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same result whatever the order of tables and columns', () => {
    fc.assert(
      fc.property(
        catalogArb.chain((schema) => fc.tuple(fc.constant(schema), driftedArb(schema))),
        fc.integer({ min: 1, max: 1_000_000 }),
        ([schema, database], seed) => {
          const expected = run(schema, database);
          const actual = run(shuffled(schema, seed), shuffled(database, seed + 1));
          expect(actual.findings).toEqual(expected.findings);
          expect(actual.prompts).toEqual(expected.prompts);
          expect(actual.conventions).toEqual(expected.conventions);
          expect(actual.verdict).toBe(expected.verdict);
        },
      ),
      { numRuns: 40 },
    );
  });
});
