/**
 * Names in the schema longer than PostgreSQL keeps.
 *
 * NOTE: PostgreSQL cuts identifiers at NAMEDATALEN - 1 = 63 bytes (with a NOTICE), so an
 * object created as `a_very_long..._fk` is stored under its first 63 bytes. drizzle-kit
 * 0.31 compares the full name it generated with the stored one, never sees the object,
 * and drops and re-creates it on every push (a table or column: "created or renamed?"
 * every time, and neither answer works).
 */
import type { Catalog } from '../catalog/model.js';
import { MAX_IDENTIFIER_BYTES, truncateIdentifier } from '../naming/index.js';
import { finding, qualified, type Finding } from './findings.js';

const encoder = new TextEncoder();

interface NamedThing {
  readonly schema: string;
  readonly table: string | null;
  readonly column: string | null;
  readonly object: string | null;
  readonly noun: string;
  readonly name: string;
}

const namesOf = (catalog: Catalog): readonly NamedThing[] => {
  const things: NamedThing[] = [];
  const add = (thing: Omit<NamedThing, 'table' | 'column' | 'object'> & Partial<NamedThing>): void =>
    void things.push({ table: null, column: null, object: null, ...thing });
  for (const schema of catalog.schemas) add({ schema, noun: 'Schema', name: schema });
  for (const t of catalog.tables) {
    add({ schema: t.schema, table: t.name, noun: 'Table', name: t.name });
    for (const c of t.columns) add({ schema: t.schema, table: t.name, column: c.name, noun: 'Column', name: c.name });
    const objects = [
      ...(t.primaryKey ? [{ noun: 'Primary key', name: t.primaryKey.name }] : []),
      ...t.uniques.map((u) => ({ noun: 'Unique constraint', name: u.name })),
      ...t.foreignKeys.map((f) => ({ noun: 'Foreign key', name: f.name })),
      ...t.checks.map((c) => ({ noun: 'Check constraint', name: c.name })),
      ...t.indexes.filter((i) => i.constraint === null).map((i) => ({ noun: 'Index', name: i.name })),
    ];
    for (const o of objects) add({ schema: t.schema, table: t.name, object: o.name, noun: o.noun, name: o.name });
  }
  for (const e of catalog.enums) add({ schema: e.schema, object: e.name, noun: 'Enum', name: e.name });
  for (const s of catalog.sequences) if (s.ownedBy === null) add({ schema: s.schema, object: s.name, noun: 'Sequence', name: s.name });
  for (const v of catalog.views) add({ schema: v.schema, object: v.name, noun: 'View', name: v.name });
  return things;
};

export const identifierFindings = (schema: Catalog): Finding[] =>
  namesOf(schema)
    .filter((thing) => encoder.encode(thing.name).length > MAX_IDENTIFIER_BYTES)
    .map((thing) => {
      const bytes = encoder.encode(thing.name).length;
      const stored = truncateIdentifier(thing.name);
      return finding({
        kind: 'identifier-too-long',
        risk: 'medium',
        schema: thing.schema,
        table: thing.table,
        column: thing.column,
        object: thing.object,
        from: stored,
        to: thing.name,
        evidence: [{ kind: 'truncated', detail: `${bytes} bytes; PostgreSQL stores "${stored}"` }],
        message: `${thing.noun} name "${thing.name}"${thing.table !== null && thing.noun !== 'Table' ? ` on ${qualified(thing.schema, thing.table)}` : ''} is ${bytes} bytes: PostgreSQL keeps the first ${MAX_IDENTIFIER_BYTES}, so drizzle-kit never finds it and re-creates it on every push.`,
        action: `Give it an explicit name of at most ${MAX_IDENTIFIER_BYTES} bytes (the database's "${stored}" keeps the existing object).`,
      });
    });
