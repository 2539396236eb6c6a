/**
 * Phase 2 for enums (values added, removed, reordered) and standalone sequences (options).
 */
import type { Catalog, Enum, Sequence, SequenceOptions } from '../catalog/model.js';
import { finding, qualified, type Finding } from './findings.js';
import type { Pair } from './match.js';
import { enumChangeRisk, isPopulated } from './risk.js';

const values = (list: readonly string[]): string => list.map((v) => `'${v}'`).join(', ');

/** Tables of the database whose columns use an enum, and whether any has rows. */
const enumUsers = (database: Catalog, e: Enum): { readonly tables: readonly string[]; readonly populated: boolean } => {
  const users = database.tables.filter((t) => t.columns.some((c) => c.type.category === 'enum' && c.type.schema === e.schema && c.type.name === e.name));
  return { tables: users.map((t) => qualified(t.schema, t.name)).sort(), populated: users.some((t) => isPopulated(t.rows)) };
};

export const compareEnum = (pair: Pair<Enum, Enum>, database: Catalog): Finding[] => {
  const { schema: s, database: d } = pair;
  const base = { schema: s.schema, object: s.name, from: values(d.values), to: values(s.values) } as const;
  const name = qualified(s.schema, s.name);
  const findings: Finding[] = [];
  const added = s.values.filter((v) => !d.values.includes(v));
  const removed = d.values.filter((v) => !s.values.includes(v));
  const commonInSchema = s.values.filter((v) => d.values.includes(v));
  const commonInDatabase = d.values.filter((v) => s.values.includes(v));
  const reordered = commonInSchema.some((v, i) => commonInDatabase[i] !== v);

  if (added.length > 0)
    findings.push(
      finding({
        ...base,
        kind: 'alter-enum',
        risk: enumChangeRisk('added'),
        message: `Enum ${name} lacks ${added.length === 1 ? 'value' : 'values'} ${values(added)} in the database.`,
        action: 'Nothing to decide: push adds them (ALTER TYPE ... ADD VALUE).',
      }),
    );
  if (removed.length > 0) {
    const users = enumUsers(database, d);
    findings.push(
      finding({
        ...base,
        kind: 'alter-enum',
        // Nothing can hold a removed value when no table with rows uses the enum.
        risk: users.populated ? enumChangeRisk('removed') : 'medium',
        evidence: [
          {
            kind: 'rows',
            detail:
              users.tables.length === 0
                ? 'no column uses the enum'
                : `used by ${users.tables.join(', ')}${users.populated ? ', with rows (or unknown)' : ', all empty'}`,
          },
        ],
        message: `Enum ${name} has ${removed.length === 1 ? 'value' : 'values'} ${values(removed)} in the database that the schema removes.`,
        action:
          'Keep the values in the schema, or first update the rows holding them: drizzle-kit recreates the type and casts every column back, which fails on a removed value.',
      }),
    );
  }
  if (reordered)
    findings.push(
      finding({
        ...base,
        kind: 'alter-enum',
        risk: enumChangeRisk('reordered'),
        message: `Enum ${name} orders its values ${values(commonInDatabase)} in the database and ${values(commonInSchema)} in the schema; the order decides comparisons and ORDER BY.`,
        action: "Declare the values in the database's order, unless the change is intended (the type is recreated).",
      }),
    );
  return findings;
};

const optionsLabel = (o: SequenceOptions): string =>
  `${o.type} start ${o.start} increment ${o.increment} min ${o.min} max ${o.max} cache ${o.cache}${o.cycle ? ' cycle' : ''}`;

export const compareSequence = (pair: Pair<Sequence, Sequence>): Finding[] => {
  const from = optionsLabel(pair.database.options);
  const to = optionsLabel(pair.schema.options);
  if (from === to) return [];
  return [
    finding({
      kind: 'alter-sequence',
      risk: 'low',
      schema: pair.schema.schema,
      object: pair.schema.name,
      from,
      to,
      message: `Sequence ${qualified(pair.schema.schema, pair.schema.name)} is "${from}" in the database and "${to}" in the schema.`,
      action: 'Declare the options the database has, unless the change is intended.',
    }),
  ];
};
