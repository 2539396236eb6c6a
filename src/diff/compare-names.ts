/**
 * Findings that come from pairing names alone: creates, drops, renames, ambiguities, and
 * database columns split into casing variants.
 */
import type { Column, Enum, Sequence, Table, View } from '../catalog/model.js';
import { relateNames, truncateIdentifier } from '../naming/index.js';
import { finding, qualified, show, type Evidence, type Finding } from './findings.js';
import { groupBy } from './group-by.js';
import type { Ambiguity, Matching } from './match.js';
import type { CatalogMatch, TablePair } from './match-catalog.js';
import { columnRenameEvidence, nameEvidence, plainRenameEvidence, sharedRoles, tableRenameEvidence } from './rename-evidence.js';
import { createColumnRisk, dropRisk, isPopulated, needsValue, rowsEvidence } from './risk.js';

/** A pair whose names differ only because PostgreSQL cut the schema's name: not a rename. */
export const isTruncationOf = (schemaName: string, databaseName: string): boolean =>
  schemaName !== databaseName && truncateIdentifier(schemaName) === databaseName;

const typeLabel = (c: Column): string => `${c.type.name}${'[]'.repeat(c.type.dimensions)}`;

const columnSummary = (c: Column): string =>
  [typeLabel(c), c.notNull ? 'NOT NULL' : 'nullable', c.default !== null ? `default ${c.default}` : null, c.identity ? 'identity' : null]
    .filter((part) => part !== null)
    .join(', ');

const rowsPhrase = (table: Table): string =>
  table.rows === 'unknown' ? 'rows unknown' : table.rows === 0 ? 'empty' : `about ${table.rows.toLocaleString('en-US')}+ rows`;

const ambiguityEvidence = <S, D>(ambiguity: Ambiguity<S, D>, item: S, name: (d: D) => string, ownName: string): readonly Evidence[] =>
  ambiguity.edges
    .filter((e) => e.schema === item)
    .flatMap((e) => nameEvidence(e.relation, name(e.database), ownName))
    .concat([
      {
        kind: 'candidates',
        detail: `${ambiguity.database.length} database names and ${ambiguity.schema.length} schema names relate at the ${ambiguity.tier} tier`,
      },
    ]);

// ---------------------------------------------------------------- tables

const tableFindings = (match: CatalogMatch['tables']): Finding[] => {
  const findings: Finding[] = [];
  for (const t of match.created) {
    findings.push(
      finding({
        kind: 'create-table',
        risk: 'low',
        schema: t.schema,
        table: t.name,
        message: `Table ${qualified(t.schema, t.name)} does not exist in the database (${t.columns.length} ${t.columns.length === 1 ? 'column' : 'columns'}).`,
        action: 'Nothing to decide: push creates it.',
      }),
    );
  }
  for (const t of match.dropped) {
    const populated = isPopulated(t.rows);
    findings.push(
      finding({
        kind: 'drop-table',
        risk: dropRisk(t.rows),
        schema: t.schema,
        table: t.name,
        evidence: [rowsEvidence(t.rows)],
        message: `Table ${qualified(t.schema, t.name)} (${rowsPhrase(t)}) is not in the schema: push drops it${populated ? ' with its data' : ''}.`,
        action: populated
          ? 'Declare it in the schema (or exclude it with tablesFilter) if it is still used; back up its data before letting push drop it.'
          : 'Declare it in the schema (or exclude it with tablesFilter) if it is still used; otherwise dropping it loses nothing.',
      }),
    );
  }
  for (const pair of match.pairs) {
    const { schema: s, database: d } = pair;
    // A table keeping its name in a renamed schema moves with the schema: rename-schema says it.
    if (pair.relation.tier === 'identical') continue;
    if (isTruncationOf(s.name, d.name)) continue; // identifier-too-long says it.
    const shared = pair.columns.pairs.filter((c) => ['identical', 'casing', 'folded'].includes(c.relation.tier)).length;
    const { evidence, confidence } = tableRenameEvidence(pair.relation, d, s, shared);
    findings.push(
      finding({
        kind: 'rename-table',
        risk: 'medium',
        schema: s.schema,
        table: s.name,
        from: qualified(d.schema, d.name),
        to: qualified(s.schema, s.name),
        evidence,
        confidence,
        message: `Table ${qualified(d.schema, d.name)} in the database is ${qualified(s.schema, s.name)} in the schema.`,
        action: `Keep the database's name: declare pgTable('${d.name}', ...). Or, to rename it, answer "~ ${d.name} › ${s.name}  rename table" at drizzle-kit's prompt (running code that uses ${d.name} breaks).`,
      }),
    );
  }
  for (const ambiguity of match.ambiguities) {
    for (const s of ambiguity.schema) {
      const candidates = ambiguity.edges.filter((e) => e.schema === s).map((e) => qualified(e.database.schema, e.database.name));
      findings.push(
        finding({
          kind: 'ambiguous-rename',
          risk: 'medium',
          schema: s.schema,
          table: s.name,
          candidates,
          evidence: ambiguityEvidence(ambiguity, s, (d) => d.name, s.name),
          message: `Table ${qualified(s.schema, s.name)} could be a rename of ${candidates.join(' or ')}: verify will not guess.`,
          action: `Find which database table holds ${s.name}'s data and name it in pgTable(...). At drizzle-kit's prompt a wrong answer drops the other table with its data.`,
        }),
      );
    }
  }
  return findings;
};

// ---------------------------------------------------------------- columns

const columnFindings = (pair: TablePair): Finding[] => {
  const findings: Finding[] = [];
  const { schema: s, database: d, columns } = pair;
  const where = qualified(s.schema, s.name);
  for (const c of columns.created) {
    const risk = createColumnRisk(c, d.rows);
    const failing = risk === 'high';
    findings.push(
      finding({
        kind: 'create-column',
        risk,
        schema: s.schema,
        table: s.name,
        column: c.name,
        to: columnSummary(c),
        evidence: needsValue(c) ? [rowsEvidence(d.rows)] : [],
        message: failing
          ? `Column ${show(c.name)} (${columnSummary(c)}) does not exist in ${where}, and adding a NOT NULL column without a default fails on a table with rows.`
          : `Column ${show(c.name)} (${columnSummary(c)}) does not exist in ${where}.`,
        action: failing
          ? 'Give it a default, or add it nullable, backfill it, then make it NOT NULL. (drizzle-kit push offers to TRUNCATE the table instead: refuse.)'
          : 'Nothing to decide: push adds it.',
      }),
    );
  }
  for (const c of columns.dropped) {
    const populated = isPopulated(d.rows);
    findings.push(
      finding({
        kind: 'drop-column',
        risk: dropRisk(d.rows),
        schema: s.schema,
        table: s.name,
        column: c.name,
        from: columnSummary(c),
        evidence: [rowsEvidence(d.rows)],
        message: `Column ${show(c.name)} of ${where} (${rowsPhrase(d)}) is not in the schema: push drops it${populated ? ' with its data' : ''}.`,
        action: populated
          ? `Declare it in the schema if it is still used; back up its data before letting push drop it.`
          : 'Declare it in the schema if it is still used; otherwise dropping it loses nothing.',
      }),
    );
  }
  for (const p of columns.pairs) {
    if (p.relation.tier === 'identical' || isTruncationOf(p.schema.name, p.database.name)) continue;
    const { evidence, confidence } = columnRenameEvidence(p.relation, p.database, p.schema, sharedRoles(d, p.database, s, p.schema));
    findings.push(
      finding({
        kind: 'rename-column',
        risk: 'medium',
        schema: s.schema,
        table: s.name,
        column: p.schema.name,
        from: p.database.name,
        to: p.schema.name,
        evidence,
        confidence,
        message: `Column ${show(p.database.name)} of ${where} is ${show(p.schema.name)} in the schema.`,
        action: `Keep the database's name: declare the column with the name '${p.database.name}'. Or, to rename it, answer "~ ${p.database.name} › ${p.schema.name}  rename column" at drizzle-kit's prompt (running code that uses ${p.database.name} breaks).`,
      }),
    );
  }
  for (const ambiguity of columns.ambiguities) {
    for (const c of ambiguity.schema) {
      const candidates = ambiguity.edges.filter((e) => e.schema === c).map((e) => e.database.name);
      findings.push(
        finding({
          kind: 'ambiguous-rename',
          risk: 'medium',
          schema: s.schema,
          table: s.name,
          column: c.name,
          candidates,
          evidence: [...ambiguityEvidence(ambiguity, c, (x) => x.name, c.name), rowsEvidence(d.rows)],
          message: `Column ${show(c.name)} of ${where} could be a rename of ${candidates.map(show).join(' or ')}: verify will not guess.`,
          action: `Find which database column holds ${c.name}'s data and name it explicitly in the schema. At drizzle-kit's prompt a wrong answer drops the other column with its data.`,
        }),
      );
    }
  }
  return findings;
};

/** Two columns of one database table that are casing (or folding) variants of each other. */
export const duplicateVariantFindings = (table: Table, schemaTableName: string): Finding[] => {
  const findings: Finding[] = [];
  // Casing and folding variants share their lower-cased letters and digits: compare within those groups only.
  const groups = groupBy(table.columns.map((c) => c.name).sort(), (name) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  const candidatePairs = [...groups.values()].flatMap((names) =>
    names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const)),
  );
  for (const [a, b] of candidatePairs) {
    const relation = relateNames(a, b);
    if (relation === null || (relation.tier !== 'casing' && relation.tier !== 'folded')) continue;
    findings.push(
      finding({
        kind: 'duplicate-column-variants',
        // An empty table has nothing split yet, but the next insert picks one of the two.
        risk: isPopulated(table.rows) ? 'high' : 'medium',
        schema: table.schema,
        table: schemaTableName,
        column: a,
        candidates: [a, b],
        evidence: [...nameEvidence(relation, a, b), rowsEvidence(table.rows)],
        message: `Columns ${show(a)} and ${show(b)} of ${qualified(table.schema, table.name)} are ${relation.tier === 'casing' ? 'casing' : 'folding'} variants of each other: rows are likely split across them (the aftermath of answering "create column" where it was a rename).`,
        action: `Merge the data into one column (UPDATE ... SET ${JSON.stringify(a)} = coalesce(${JSON.stringify(a)}, ${JSON.stringify(b)})), then drop the other; do not let push drop either before that.`,
      }),
    );
  }
  return findings;
};

// ---------------------------------------------------------------- enums, sequences, views, schemas

interface Named {
  readonly schema: string;
  readonly name: string;
}

const simpleFindings = <T extends Named>(
  match: Matching<T, T>,
  noun: 'enum' | 'sequence' | 'view',
  kinds: { readonly create: 'create-enum' | 'create-sequence' | 'create-view'; readonly drop: 'drop-enum' | 'drop-sequence' | 'drop-view'; readonly rename: 'rename-enum' | 'rename-sequence' | 'rename-view' },
  describe: (item: T) => string,
): Finding[] => {
  const findings: Finding[] = [];
  for (const item of match.created)
    findings.push(
      finding({
        kind: kinds.create,
        risk: 'low',
        schema: item.schema,
        object: item.name,
        to: describe(item),
        message: `${capitalize(noun)} ${qualified(item.schema, item.name)} does not exist in the database.`,
        action: 'Nothing to decide: push creates it.',
      }),
    );
  for (const item of match.dropped)
    findings.push(
      finding({
        kind: kinds.drop,
        risk: 'medium',
        schema: item.schema,
        object: item.name,
        from: describe(item),
        message: `${capitalize(noun)} ${qualified(item.schema, item.name)} is not in the schema: push drops it.`,
        action: `Declare it in the schema if it is still used.`,
      }),
    );
  for (const pair of match.pairs) {
    if (pair.relation.tier === 'identical' || isTruncationOf(pair.schema.name, pair.database.name)) continue;
    const { evidence, confidence } = plainRenameEvidence(pair.relation, pair.database.name, pair.schema.name);
    findings.push(
      finding({
        kind: kinds.rename,
        risk: kinds.rename === 'rename-enum' ? 'low' : 'medium',
        schema: pair.schema.schema,
        object: pair.schema.name,
        from: qualified(pair.database.schema, pair.database.name),
        to: qualified(pair.schema.schema, pair.schema.name),
        evidence,
        confidence,
        message: `${capitalize(noun)} ${qualified(pair.database.schema, pair.database.name)} in the database is ${qualified(pair.schema.schema, pair.schema.name)} in the schema.`,
        action: `Keep the database's name in the schema, or answer "~ ${pair.database.name} › ${pair.schema.name}  rename ${noun}" at drizzle-kit's prompt.`,
      }),
    );
  }
  for (const ambiguity of match.ambiguities)
    for (const item of ambiguity.schema) {
      const candidates = ambiguity.edges.filter((e) => e.schema === item).map((e) => qualified(e.database.schema, e.database.name));
      findings.push(
        finding({
          kind: 'ambiguous-rename',
          risk: 'medium',
          schema: item.schema,
          object: item.name,
          candidates,
          evidence: ambiguityEvidence(ambiguity, item, (d) => d.name, item.name),
          message: `${capitalize(noun)} ${qualified(item.schema, item.name)} could be a rename of ${candidates.join(' or ')}: verify will not guess.`,
          action: `Name it as the database does, or decide which one it replaces.`,
        }),
      );
    }
  return findings;
};

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const schemaFindings = (match: Matching<string, string>): Finding[] => [
  ...match.created.map((name) =>
    finding({
      kind: 'create-schema',
      risk: 'low',
      schema: name,
      message: `Schema ${name} does not exist in the database.`,
      action: 'Nothing to decide: push creates it.',
    }),
  ),
  ...match.dropped.map((name) =>
    finding({
      kind: 'drop-schema',
      risk: 'medium',
      schema: name,
      message: `Schema ${name} is not in the schema (no pgSchema declares it): push drops it.`,
      action: 'Declare it with pgSchema, or leave it out of schemaFilter.',
    }),
  ),
  ...match.pairs
    .filter((p) => p.relation.tier !== 'identical')
    .map((p) => {
      const { evidence, confidence } = plainRenameEvidence(p.relation, p.database, p.schema);
      return finding({
        kind: 'rename-schema',
        risk: 'medium',
        schema: p.schema,
        from: p.database,
        to: p.schema,
        evidence,
        confidence,
        message: `Schema ${p.database} in the database is ${p.schema} in the schema.`,
        action: `Keep the database's name: pgSchema('${p.database}'). Or answer "~ ${p.database} › ${p.schema}  rename schema" at drizzle-kit's prompt.`,
      });
    }),
  ...match.ambiguities.flatMap((a) =>
    a.schema.map((name) =>
      finding({
        kind: 'ambiguous-rename',
        risk: 'medium',
        schema: name,
        candidates: a.edges.filter((e) => e.schema === name).map((e) => e.database),
        evidence: ambiguityEvidence(a, name, (d) => d, name),
        message: `Schema ${name} could be a rename of ${a.edges.filter((e) => e.schema === name).map((e) => e.database).join(' or ')}: verify will not guess.`,
        action: 'Name it as the database does, or decide which one it replaces.',
      }),
    ),
  ),
];

const enumLabel = (e: Enum): string => e.values.map((v) => `'${v}'`).join(', ');
const sequenceLabel = (s: Sequence): string => `${s.options.type}, start ${s.options.start}, increment ${s.options.increment}`;
const viewLabel = (v: View): string => (v.materialized ? 'materialized view' : 'view');

export const nameFindings = (match: CatalogMatch): Finding[] => [
  ...schemaFindings(match.schemas),
  ...tableFindings(match.tables),
  ...match.tables.pairs.flatMap(columnFindings),
  ...match.tables.pairs.flatMap((p) => duplicateVariantFindings(p.database, p.schema.name)),
  ...match.tables.dropped.flatMap((t) => duplicateVariantFindings(t, t.name)),
  ...simpleFindings(match.enums, 'enum', { create: 'create-enum', drop: 'drop-enum', rename: 'rename-enum' }, enumLabel),
  ...simpleFindings(match.sequences, 'sequence', { create: 'create-sequence', drop: 'drop-sequence', rename: 'rename-sequence' }, sequenceLabel),
  ...simpleFindings(match.views, 'view', { create: 'create-view', drop: 'drop-view', rename: 'rename-view' }, viewLabel),
];
