/**
 * Evidence and confidence for renames. The name relation (from `relateNames`) is what
 * makes a pair a candidate at all; corroborating facts (same type, same position, shared
 * columns) raise the confidence, contradicting ones lower it.
 */
import type { Column, Table } from '../catalog/model.js';
import { detectStyle, inflectionOf, type NameRelation, type NameReason } from '../naming/index.js';
import type { Confidence, Evidence } from './findings.js';
import { sameType } from './type-change.js';

const reasonDetail = (reason: NameReason, from: string, to: string): string => {
  switch (reason) {
    case 'casing':
      return `${from} (${detectStyle(from)}) and ${to} (${detectStyle(to)}) are casing variants`;
    case 'folded':
      return `${from} is ${to} lower-cased, as PostgreSQL folds an unquoted name`;
    case 'inflection':
      return `${from} (${inflectionOf(from)}) and ${to} (${inflectionOf(to)}) differ by the plural of their last word`;
    case 'truncated':
      return `${from} is ${to} cut at 63 bytes, as PostgreSQL cuts identifiers`;
  }
};

export const nameEvidence = (relation: NameRelation, from: string, to: string): readonly Evidence[] =>
  relation.reasons.map((reason) => ({ kind: reason, detail: reasonDetail(reason, from, to) }));

const TIER_SCORE: Readonly<Record<NameRelation['tier'], number>> = {
  identical: 3,
  casing: 2,
  folded: 2,
  truncated: 2,
  inflection: 1,
  'casing+inflection': 1,
};

const confidenceOf = (score: number): Confidence => (score >= 3 ? 'high' : score === 2 ? 'medium' : 'low');

const typeLabel = (c: Column): string => `${c.type.name}${'[]'.repeat(c.type.dimensions)}`;

/**
 * What a column takes part in: primary key, unique, the table a foreign key references,
 * indexes (by position in the key). Comparable across the two sides by role, not by name.
 */
const rolesOf = (table: Table, column: string): ReadonlySet<string> => {
  const roles = new Set<string>();
  if (table.primaryKey?.columns.includes(column)) roles.add('primary key');
  for (const u of table.uniques) if (u.columns.includes(column)) roles.add('unique');
  for (const fk of table.foreignKeys)
    if (fk.columns.includes(column)) roles.add(`foreign key to ${fk.references.schema}.${fk.references.name}`);
  for (const i of table.indexes)
    i.keys.forEach((k, position) => {
      if (k.kind === 'column' && k.column === column) roles.add(`${i.unique ? 'unique ' : ''}index key ${position + 1}`);
    });
  return roles;
};

/** Roles both columns have (foreign keys compared by the referenced table's name on each side). */
export const sharedRoles = (databaseTable: Table, database: Column, schemaTable: Table, schema: Column): readonly string[] => {
  const a = rolesOf(databaseTable, database.name);
  const b = rolesOf(schemaTable, schema.name);
  const loose = (role: string): string => (role.startsWith('foreign key') ? 'foreign key' : role);
  const looseB = new Set([...b].map(loose));
  return [...new Set([...a].map(loose).filter((role) => looseB.has(role)))].sort();
};

export const columnRenameEvidence = (
  relation: NameRelation,
  database: Column,
  schema: Column,
  roles: readonly string[] = [],
): { readonly evidence: readonly Evidence[]; readonly confidence: Confidence } => {
  const evidence: Evidence[] = [...nameEvidence(relation, database.name, schema.name)];
  let score = TIER_SCORE[relation.tier];
  if (sameType(database.type, schema.type)) {
    evidence.push({ kind: 'same-type', detail: `both are ${typeLabel(schema)}` });
    score += 1;
  } else {
    evidence.push({ kind: 'different-type', detail: `${typeLabel(database)} in the database, ${typeLabel(schema)} in the schema` });
    score -= 1;
  }
  if (database.position === schema.position) {
    evidence.push({ kind: 'same-position', detail: `both are column ${schema.position} of their table` });
    score += 1;
  }
  if (roles.length > 0) {
    evidence.push({ kind: 'same-constraints', detail: `both are in the same ${roles.join(', ')}` });
    score += 1;
  }
  if (database.notNull === schema.notNull)
    evidence.push({ kind: 'same-nullability', detail: schema.notNull ? 'both are NOT NULL' : 'both are nullable' });
  return { evidence, confidence: confidenceOf(Math.min(score, 3)) };
};

/** Columns the two tables share by name (identical, casing or folded), out of the larger table's count. */
export const sharedColumns = (database: Table, schema: Table, sharedCount: number): Evidence => ({
  kind: 'same-columns',
  detail: `${sharedCount} of ${Math.max(database.columns.length, schema.columns.length)} columns match by name`,
});

export const tableRenameEvidence = (
  relation: NameRelation,
  database: Table,
  schema: Table,
  sharedCount: number,
): { readonly evidence: readonly Evidence[]; readonly confidence: Confidence } => {
  const evidence: Evidence[] = [...nameEvidence(relation, database.name, schema.name)];
  // Plural/singular is THE table rename (meeting ~ meetings): as strong as casing here.
  let score = relation.tier === 'identical' ? 3 : 2;
  const total = Math.max(database.columns.length, schema.columns.length);
  if (total > 0) {
    evidence.push(sharedColumns(database, schema, sharedCount));
    if (sharedCount * 2 >= total) score += 1;
    else if (sharedCount === 0) score -= 1;
  }
  return { evidence, confidence: confidenceOf(score) };
};

/** Rename confidence for objects with nothing but a name to go on (enums, sequences, views, schemas). */
export const plainRenameEvidence = (
  relation: NameRelation,
  from: string,
  to: string,
): { readonly evidence: readonly Evidence[]; readonly confidence: Confidence } => ({
  evidence: nameEvidence(relation, from, to),
  confidence: confidenceOf(TIER_SCORE[relation.tier]),
});
