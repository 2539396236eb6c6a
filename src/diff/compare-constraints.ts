/**
 * Phase 2 for a table's constraints and indexes: primary key, uniques, foreign keys,
 * checks and indexes, compared on a database table already translated to the schema's
 * names. Indexes that back a constraint are left to the constraint.
 */
import type { CheckConstraint, ForeignKey, Index, IndexKey, Table, UniqueConstraint } from '../catalog/model.js';
import { truncateIdentifier } from '../naming/index.js';
import type { ExpressionIndex } from './expressions.js';
import type { FindingKind, Risk } from './finding-kinds.js';
import { finding, qualified, show, type Evidence, type Finding } from './findings.js';
import { pairObjects } from './pair-objects.js';
import { addConstraintRisk, primaryKeyRisk, rowsEvidence } from './risk.js';

export interface TableContext {
  readonly schemaTable: Table;
  /** The database table, translated to schema names. */
  readonly databaseTable: Table;
  readonly expressions: ExpressionIndex;
  /** Whether the table was renamed, or any of these (schema-side) columns. */
  readonly followsRename: (columns: readonly string[]) => boolean;
}

const list = (names: readonly string[]): string => `(${names.join(', ')})`;

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface ObjectKinds<T> {
  readonly noun: string;
  readonly create: FindingKind;
  readonly drop: FindingKind;
  readonly alter: FindingKind;
  readonly rename: FindingKind;
  /** Risk of creating it: low, or medium when existing rows may fail its validation. */
  readonly createRisk: (item: T) => Risk;
}

/** Findings for one kind of named table object, given how to compare and describe it. */
const compareObjects = <T extends { readonly name: string }>(
  ctx: TableContext,
  schemaItems: readonly T[],
  databaseItems: readonly T[],
  kinds: ObjectKinds<T>,
  sameContent: (s: T, d: T) => boolean,
  describe: (item: T) => string,
  columnsOf: (item: T) => readonly string[],
): Finding[] => {
  const { schemaTable: table } = ctx;
  const where = qualified(table.schema, table.name);
  const base = { schema: table.schema, table: table.name } as const;
  const pairing = pairObjects(schemaItems, databaseItems, sameContent);
  const findings: Finding[] = [];
  for (const s of pairing.created) {
    const risk = kinds.createRisk(s);
    findings.push(
      finding({
        ...base,
        kind: kinds.create,
        risk,
        object: s.name,
        to: describe(s),
        evidence: risk === 'low' ? [] : [rowsEvidence(ctx.databaseTable.rows)],
        message: `${kinds.noun} ${show(s.name)} ${describe(s)} on ${where} does not exist in the database.`,
        action: risk === 'low' ? 'Nothing to decide: push creates it.' : 'Check that existing rows satisfy it before pushing (push fails otherwise).',
      }),
    );
  }
  for (const d of pairing.dropped)
    findings.push(
      finding({
        ...base,
        kind: kinds.drop,
        risk: 'medium',
        object: d.name,
        from: describe(d),
        message: `${kinds.noun} ${show(d.name)} ${describe(d)} on ${where} is not in the schema: push drops it.`,
        action: `Declare it in the schema if it is still wanted.`,
      }),
    );
  for (const pair of pairing.pairs) {
    const { schema: s, database: d } = pair;
    if (pair.by !== 'content' && !sameContent(s, d)) {
      findings.push(
        finding({
          ...base,
          kind: kinds.alter,
          risk: kinds.createRisk(s) === 'high' ? 'high' : 'medium',
          object: s.name,
          from: describe(d),
          to: describe(s),
          message: `${kinds.noun} ${show(s.name)} on ${where} is ${describe(d)} in the database and ${describe(s)} in the schema.`,
          action: "Declare it as the database has it, unless the change is intended (push drops and re-creates it).",
        }),
      );
    }
    if (pair.by === 'content') {
      const evidence: Evidence[] = [{ kind: 'same-definition', detail: `both are ${describe(s)}` }];
      if (ctx.followsRename(columnsOf(s)))
        evidence.push({ kind: 'follows-rename', detail: `the table or its columns are renamed, and the name follows them` });
      findings.push(
        finding({
          ...base,
          kind: kinds.rename,
          risk: 'low',
          object: s.name,
          from: d.name,
          to: s.name,
          evidence,
          confidence: 'high',
          message: `${kinds.noun} ${show(d.name)} on ${where} is ${show(s.name)} in the schema, with the same definition.`,
          action: `Rename it (ALTER ${kinds.rename === 'rename-index' ? 'INDEX' : 'TABLE ... RENAME CONSTRAINT'}), or declare the database's name. drizzle-kit push drops and re-creates it instead.`,
        }),
      );
    }
  }
  return findings;
};

// ---------------------------------------------------------------- primary key

const primaryKeyFindings = (ctx: TableContext): Finding[] => {
  const s = ctx.schemaTable.primaryKey;
  const d = ctx.databaseTable.primaryKey;
  const base = { schema: ctx.schemaTable.schema, table: ctx.schemaTable.name } as const;
  const where = qualified(ctx.schemaTable.schema, ctx.schemaTable.name);
  if (s === null && d === null) return [];
  if (s !== null && d !== null && sameList(s.columns, d.columns)) {
    // NOTE: a schema key named `<table>_pkey` is PostgreSQL's default name, i.e. unnamed in
    // the schema (drizzle-kit's JSON names only composite keys, `primaryKey: true` has no
    // name), so drizzle-kit leaves the database's name alone, however it reads.
    if (s.name === d.name || s.name === truncateIdentifier(`${ctx.schemaTable.name}_pkey`)) return [];
    const evidence: Evidence[] = [{ kind: 'same-definition', detail: `both are PRIMARY KEY ${list(s.columns)}` }];
    if (ctx.followsRename(s.columns)) evidence.push({ kind: 'follows-rename', detail: 'the table or its columns are renamed, and the name follows them' });
    return [
      finding({
        ...base,
        kind: 'rename-constraint',
        risk: 'low',
        object: s.name,
        from: d.name,
        to: s.name,
        evidence,
        confidence: 'high',
        message: `Primary key ${show(d.name)} on ${where} is ${show(s.name)} in the schema, with the same columns.`,
        action: 'Rename it (ALTER TABLE ... RENAME CONSTRAINT), or declare the database name.',
      }),
    ];
  }
  const label = (pk: typeof s): string => (pk === null ? 'none' : `${list(pk.columns)}`);
  return [
    finding({
      ...base,
      kind: 'alter-primary-key',
      risk: primaryKeyRisk(ctx.databaseTable.rows),
      object: s?.name ?? d?.name ?? null,
      from: label(d),
      to: label(s),
      evidence: [rowsEvidence(ctx.databaseTable.rows)],
      message: `The primary key of ${where} is ${label(d)} in the database and ${label(s)} in the schema.`,
      action: 'Declare the primary key the database has, unless the change is intended (it fails on duplicate or NULL keys, and drizzle-kit may leave the table without one).',
    }),
  ];
};

// ---------------------------------------------------------------- uniques, foreign keys, checks

const uniqueLabel = (u: UniqueConstraint): string => `UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} ${list(u.columns)}`;

const sameUnique = (a: UniqueConstraint, b: UniqueConstraint): boolean =>
  sameList(a.columns, b.columns) && a.nullsNotDistinct === b.nullsNotDistinct;

const foreignKeyLabel = (fk: ForeignKey): string =>
  `${list(fk.columns)} → ${qualified(fk.references.schema, fk.references.name)}${list(fk.references.columns)}` +
  `${fk.onUpdate !== 'no action' ? ` ON UPDATE ${fk.onUpdate.toUpperCase()}` : ''}` +
  `${fk.onDelete !== 'no action' ? ` ON DELETE ${fk.onDelete.toUpperCase()}` : ''}` +
  `${fk.deferrable ? ` DEFERRABLE${fk.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}` : ''}`;

const sameForeignKey = (a: ForeignKey, b: ForeignKey): boolean =>
  sameList(a.columns, b.columns) &&
  a.references.schema === b.references.schema &&
  a.references.name === b.references.name &&
  sameList(a.references.columns, b.references.columns) &&
  a.onUpdate === b.onUpdate &&
  a.onDelete === b.onDelete &&
  a.deferrable === b.deferrable &&
  a.initiallyDeferred === b.initiallyDeferred;

const checkLabel = (c: CheckConstraint): string => `CHECK (${c.expression})`;

// ---------------------------------------------------------------- indexes

const keyLabel = (k: IndexKey): string =>
  `${k.kind === 'column' ? k.column : `(${k.expression})`}${k.opclass ? ` ${k.opclass}` : ''}${k.order === 'desc' ? ' DESC' : ''}` +
  `${k.nulls !== (k.order === 'asc' ? 'last' : 'first') ? ` NULLS ${k.nulls.toUpperCase()}` : ''}`;

const indexLabel = (i: Index): string =>
  `${i.unique ? 'UNIQUE ' : ''}USING ${i.method} (${i.keys.map(keyLabel).join(', ')})` +
  `${i.include.length > 0 ? ` INCLUDE ${list(i.include)}` : ''}` +
  `${i.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}${i.predicate !== null ? ` WHERE ${i.predicate}` : ''}`;

const indexColumns = (i: Index): readonly string[] => i.keys.flatMap((k) => (k.kind === 'column' ? [k.column] : []));

const sameIndex =
  (expressions: ExpressionIndex) =>
  (a: Index, b: Index): boolean =>
    a.method === b.method &&
    a.unique === b.unique &&
    a.nullsNotDistinct === b.nullsNotDistinct &&
    sameList(a.include, b.include) &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => {
      const l = b.keys[i];
      if (l === undefined || k.order !== l.order || k.nulls !== l.nulls || k.opclass !== l.opclass) return false;
      if (k.kind === 'column' && l.kind === 'column') return k.column === l.column;
      if (k.kind === 'expression' && l.kind === 'expression') return expressions.compare(k.expression, null, l.expression, null).equal;
      return false;
    }) &&
    (a.predicate === null || b.predicate === null
      ? a.predicate === b.predicate
      : expressions.compare(a.predicate, null, b.predicate, null).equal);

/** NOTE: indexes backing a primary key or unique constraint are compared as the constraint. */
const standaloneIndexes = (t: Table): readonly Index[] => t.indexes.filter((i) => i.constraint === null);

export const compareConstraints = (ctx: TableContext): Finding[] => {
  const { schemaTable: s, databaseTable: d, expressions } = ctx;
  const rows = d.rows;
  return [
    ...primaryKeyFindings(ctx),
    ...compareObjects(
      ctx,
      s.uniques,
      d.uniques,
      { noun: 'Unique constraint', create: 'create-unique', drop: 'drop-unique', alter: 'alter-unique', rename: 'rename-constraint', createRisk: () => addConstraintRisk(rows) },
      sameUnique,
      uniqueLabel,
      (u) => u.columns,
    ),
    ...compareObjects(
      ctx,
      s.foreignKeys,
      d.foreignKeys,
      { noun: 'Foreign key', create: 'create-foreign-key', drop: 'drop-foreign-key', alter: 'alter-foreign-key', rename: 'rename-constraint', createRisk: () => addConstraintRisk(rows) },
      sameForeignKey,
      foreignKeyLabel,
      (fk) => fk.columns,
    ),
    ...compareObjects(
      ctx,
      s.checks,
      d.checks,
      { noun: 'Check constraint', create: 'create-check', drop: 'drop-check', alter: 'alter-check', rename: 'rename-constraint', createRisk: () => addConstraintRisk(rows) },
      (a, b) => expressions.compare(a.expression, null, b.expression, null).equal,
      checkLabel,
      () => [],
    ),
    ...compareIndexes(ctx),
  ];
};

const compareIndexes = (ctx: TableContext): Finding[] =>
  compareObjects(
    ctx,
    standaloneIndexes(ctx.schemaTable),
    standaloneIndexes(ctx.databaseTable),
    {
      noun: 'Index',
      create: 'create-index',
      drop: 'drop-index',
      alter: 'alter-index',
      rename: 'rename-index',
      // A unique index can fail on existing rows; a plain one cannot.
      createRisk: (i) => (i.unique ? addConstraintRisk(ctx.databaseTable.rows) : 'low'),
    },
    sameIndex(ctx.expressions),
    indexLabel,
    indexColumns,
  );
