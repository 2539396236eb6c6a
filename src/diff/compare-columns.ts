/**
 * Phase 2 for columns: a schema column and its database counterpart (already translated
 * to the schema's names) compared for type, nullability, default, identity and
 * generated expression.
 */
import type { Column, Identity, Table } from '../catalog/model.js';
import type { ExpressionIndex } from './expressions.js';
import { finding, qualified, show, type Evidence, type Finding } from './findings.js';
import { nullabilityRisk, rowsEvidence, typeChangeRisk } from './risk.js';
import { classifyTypeChange } from './type-change.js';

/** NOTE: serial columns are `integer` + `nextval('<table>_<column>_seq'::regclass)`; the
 * sequence keeps its old name after a table rename, so any two nextval defaults are equal. */
export const isNextval = (sql: string | null): boolean => sql !== null && /^\s*nextval\s*\(/i.test(sql);

const typeLabel = (c: Column): string =>
  `${c.type.schema !== null && c.type.schema !== 'public' ? `${c.type.schema}.` : ''}${c.type.name}${'[]'.repeat(c.type.dimensions)}`;

const identityLabel = (identity: Identity | null): string => {
  if (identity === null) return 'none';
  const o = identity.sequence;
  return `generated ${identity.generation} as identity (start ${o.start}, increment ${o.increment}, min ${o.min}, max ${o.max}, cache ${o.cache}${o.cycle ? ', cycle' : ''})`;
};

const sameIdentity = (a: Identity | null, b: Identity | null): boolean => {
  if (a === null || b === null) return a === b;
  const x = a.sequence;
  const y = b.sequence;
  return (
    a.generation === b.generation &&
    x.start === y.start &&
    x.increment === y.increment &&
    x.min === y.min &&
    x.max === y.max &&
    x.cache === y.cache &&
    x.cycle === y.cycle
  );
};

const TYPE_ACTION = {
  same: '',
  widening: 'Nothing to decide: push alters the type in place and every value fits.',
  reinterpreting: 'Check that the values read as intended after the change (see the evidence), or keep the database type in the schema.',
  narrowing: "Keep the database's type in the schema, or clean the data first (values that do not fit make the ALTER fail).",
  incompatible: "Keep the database's type in the schema, or migrate by hand with ALTER COLUMN ... TYPE ... USING (drizzle-kit writes no USING clause).",
} as const;

export const compareColumn = (
  table: Table,
  databaseTable: Table,
  schemaColumn: Column,
  databaseColumn: Column,
  expressions: ExpressionIndex,
): Finding[] => {
  const findings: Finding[] = [];
  const where = `${show(schemaColumn.name)} of ${qualified(table.schema, table.name)}`;
  const base = { schema: table.schema, table: table.name, column: schemaColumn.name } as const;
  const rows = databaseTable.rows;

  const typeChange = classifyTypeChange(databaseColumn.type, schemaColumn.type);
  if (typeChange.class !== 'same') {
    const evidence: Evidence[] = [{ kind: 'type-change', detail: typeChange.detail }];
    if (typeChange.class !== 'widening') evidence.push(rowsEvidence(rows));
    findings.push(
      finding({
        ...base,
        kind: 'alter-column-type',
        risk: typeChangeRisk(typeChange.class, rows),
        from: typeLabel(databaseColumn),
        to: typeLabel(schemaColumn),
        evidence,
        message: `Column ${where} is ${typeLabel(databaseColumn)} in the database and ${typeLabel(schemaColumn)} in the schema (${typeChange.class}).`,
        action: TYPE_ACTION[typeChange.class],
      }),
    );
  }

  if (databaseColumn.notNull !== schemaColumn.notNull) {
    const setNotNull = schemaColumn.notNull;
    findings.push(
      finding({
        ...base,
        kind: 'alter-column-nullability',
        risk: nullabilityRisk(setNotNull, rows),
        from: databaseColumn.notNull ? 'NOT NULL' : 'NULL',
        to: schemaColumn.notNull ? 'NOT NULL' : 'NULL',
        evidence: setNotNull ? [rowsEvidence(rows)] : [],
        message: setNotNull
          ? `Column ${where} is nullable in the database and NOT NULL in the schema: SET NOT NULL fails if a row holds NULL.`
          : `Column ${where} is NOT NULL in the database and nullable in the schema.`,
        action: setNotNull
          ? 'Backfill NULLs first (UPDATE ... WHERE ... IS NULL), or declare the column nullable.'
          : 'Nothing to decide: push drops the NOT NULL constraint.',
      }),
    );
  }

  const identityDiffers = !sameIdentity(databaseColumn.identity, schemaColumn.identity);
  if (identityDiffers) {
    findings.push(
      finding({
        ...base,
        kind: 'alter-column-identity',
        risk: 'medium',
        from: identityLabel(databaseColumn.identity),
        to: identityLabel(schemaColumn.identity),
        message: `Column ${where}: identity is "${identityLabel(databaseColumn.identity)}" in the database and "${identityLabel(schemaColumn.identity)}" in the schema.`,
        action: "Declare the identity as the database has it, unless the change is intended (the sequence's position is kept only when altering, not when re-creating).",
      }),
    );
  }

  // Identity columns have no default of their own; an identity change says it all.
  const bothPlain = databaseColumn.identity === null && schemaColumn.identity === null && !identityDiffers;
  if (bothPlain && databaseColumn.generated === null && schemaColumn.generated === null) {
    const a = databaseColumn.default;
    const b = schemaColumn.default;
    let differs = false;
    let unparsed = false;
    if ((a === null) !== (b === null)) differs = true;
    else if (a !== null && b !== null && !(isNextval(a) && isNextval(b))) {
      const result = expressions.compare(a, databaseColumn.type, b, schemaColumn.type);
      differs = !result.equal;
      unparsed = !result.equal && result.unparsed;
    }
    if (differs) {
      findings.push(
        finding({
          ...base,
          kind: 'alter-column-default',
          risk: 'medium',
          from: a,
          to: b,
          evidence: unparsed ? [{ kind: 'unparsed', detail: 'one of the defaults could not be parsed; compared as text' }] : [],
          message: `Column ${where} defaults to ${a ?? 'nothing'} in the database and to ${b ?? 'nothing'} in the schema.`,
          action: 'Declare the default the database has, unless the change is intended (it affects future inserts only).',
        }),
      );
    }
  }

  const g = databaseColumn.generated;
  const h = schemaColumn.generated;
  if (g !== null || h !== null) {
    const result = g !== null && h !== null ? expressions.compare(g, null, h, null) : { equal: false as const, unparsed: false };
    if (!result.equal) {
      findings.push(
        finding({
          ...base,
          kind: 'alter-column-generated',
          risk: 'medium',
          from: g,
          to: h,
          evidence: result.unparsed ? [{ kind: 'unparsed', detail: 'one of the expressions could not be parsed; compared as text' }] : [],
          message: `Column ${where} is generated as ${g ?? '(not generated)'} in the database and as ${h ?? '(not generated)'} in the schema.`,
          action: 'Declare the expression the database has, unless the change is intended (push drops and re-adds the column).',
        }),
      );
    }
  }
  return findings;
};

/** Compares the columns both tables have (the database table is translated to schema names). */
export const compareColumns = (schemaTable: Table, databaseTable: Table, expressions: ExpressionIndex): Finding[] => {
  const byName = new Map(databaseTable.columns.map((c) => [c.name, c]));
  return schemaTable.columns.flatMap((c) => {
    const other = byName.get(c.name);
    return other === undefined ? [] : compareColumn(schemaTable, databaseTable, c, other, expressions);
  });
};
