/**
 * Every kind of finding, documented. A kind is named for what it would take to make the
 * database match the schema (`create-column`: the schema has a column the database lacks).
 *
 * `FINDING_KINDS` is a `Record` over the union, so adding a kind without a title, a
 * description and a default risk does not compile (after arethetypeswrong's `problems.ts`).
 * The default risk is the risk when nothing about the data refines it; `risk.ts` refines
 * it with row estimates and type changes.
 */
export type Risk = 'low' | 'medium' | 'high';

export const RISKS: readonly Risk[] = ['low', 'medium', 'high'];

export const riskRank = (risk: Risk): number => RISKS.indexOf(risk);

export type FindingKind =
  | 'create-schema'
  | 'drop-schema'
  | 'rename-schema'
  | 'create-enum'
  | 'drop-enum'
  | 'rename-enum'
  | 'alter-enum'
  | 'create-sequence'
  | 'drop-sequence'
  | 'rename-sequence'
  | 'alter-sequence'
  | 'create-table'
  | 'drop-table'
  | 'rename-table'
  | 'create-column'
  | 'drop-column'
  | 'rename-column'
  | 'alter-column-type'
  | 'alter-column-nullability'
  | 'alter-column-default'
  | 'alter-column-identity'
  | 'alter-column-generated'
  | 'duplicate-column-variants'
  | 'alter-primary-key'
  | 'create-unique'
  | 'drop-unique'
  | 'alter-unique'
  | 'create-foreign-key'
  | 'drop-foreign-key'
  | 'alter-foreign-key'
  | 'create-check'
  | 'drop-check'
  | 'alter-check'
  | 'rename-constraint'
  | 'create-index'
  | 'drop-index'
  | 'rename-index'
  | 'alter-index'
  | 'alter-row-level-security'
  | 'create-policy'
  | 'drop-policy'
  | 'rename-policy'
  | 'alter-policy'
  | 'create-view'
  | 'drop-view'
  | 'rename-view'
  | 'ambiguous-rename'
  | 'identifier-too-long'
  | 'convention-mismatch';

export interface FindingKindInfo {
  readonly title: string;
  readonly description: string;
  readonly defaultRisk: Risk;
}

export const FINDING_KINDS: { readonly [K in FindingKind]: FindingKindInfo } = {
  'create-schema': {
    title: 'Create schema',
    description: 'The schema declares a pgSchema the database lacks.',
    defaultRisk: 'low',
  },
  'drop-schema': {
    title: 'Drop schema',
    description: 'The database has a schema the Drizzle schema does not declare; drizzle-kit push would drop it.',
    defaultRisk: 'medium',
  },
  'rename-schema': {
    title: 'Rename schema',
    description: 'A database schema whose name is a variant of a declared one; renaming it breaks code that qualifies names with it.',
    defaultRisk: 'medium',
  },
  'create-enum': {
    title: 'Create enum',
    description: 'The schema declares an enum type the database lacks.',
    defaultRisk: 'low',
  },
  'drop-enum': {
    title: 'Drop enum',
    description: 'The database has an enum type the schema does not declare.',
    defaultRisk: 'medium',
  },
  'rename-enum': {
    title: 'Rename enum',
    description: 'An enum type whose name is a variant of a declared one; a rename keeps its values and columns.',
    defaultRisk: 'low',
  },
  'alter-enum': {
    title: 'Change enum values',
    description:
      'Values added (low), reordered (medium) or removed (high: rows holding a removed value make the change fail, and drizzle-kit recreates the type to do it).',
    defaultRisk: 'medium',
  },
  'create-sequence': {
    title: 'Create sequence',
    description: 'The schema declares a standalone sequence the database lacks.',
    defaultRisk: 'low',
  },
  'drop-sequence': {
    title: 'Drop sequence',
    description: 'The database has a standalone sequence the schema does not declare; its current value is lost.',
    defaultRisk: 'medium',
  },
  'rename-sequence': {
    title: 'Rename sequence',
    description: 'A standalone sequence whose name is a variant of a declared one.',
    defaultRisk: 'medium',
  },
  'alter-sequence': {
    title: 'Change sequence options',
    description: 'A sequence whose options (start, increment, bounds, cache, cycle, type) differ.',
    defaultRisk: 'low',
  },
  'create-table': {
    title: 'Create table',
    description: 'The schema declares a table the database lacks.',
    defaultRisk: 'low',
  },
  'drop-table': {
    title: 'Drop table',
    description: 'The database has a table the schema does not declare: high when it holds rows (or may), medium when empty.',
    defaultRisk: 'high',
  },
  'rename-table': {
    title: 'Rename table',
    description: 'A database table whose name is a variant of a declared one (casing, folding, plural); no data is lost, running code breaks.',
    defaultRisk: 'medium',
  },
  'create-column': {
    title: 'Create column',
    description: 'A column the database lacks: low when nullable, defaulted or empty; high when NOT NULL without a default on a table with rows (it fails).',
    defaultRisk: 'low',
  },
  'drop-column': {
    title: 'Drop column',
    description: 'A column the schema does not declare: high when the table holds rows (or may), medium when empty.',
    defaultRisk: 'high',
  },
  'rename-column': {
    title: 'Rename column',
    description: 'A database column whose name is a variant of a declared one; no data is lost, running code breaks.',
    defaultRisk: 'medium',
  },
  'alter-column-type': {
    title: 'Change column type',
    description:
      'Low when the change widens (varchar(50) → text, integer → bigint), medium when values are reinterpreted (timestamp ↔ timestamptz), high when it narrows or the cast can fail.',
    defaultRisk: 'high',
  },
  'alter-column-nullability': {
    title: 'Change nullability',
    description: 'SET NOT NULL fails when a row holds NULL: high on a table with rows, medium when empty; DROP NOT NULL is low.',
    defaultRisk: 'medium',
  },
  'alter-column-default': {
    title: 'Change default',
    description: 'The default differs as parsed SQL (not as text); affects future inserts only.',
    defaultRisk: 'medium',
  },
  'alter-column-identity': {
    title: 'Change identity',
    description: 'The column is an identity column on one side only, or with another generation or sequence options.',
    defaultRisk: 'medium',
  },
  'alter-column-generated': {
    title: 'Change generated expression',
    description: 'A generated column whose expression differs, or that is generated on one side only; the column is dropped and re-added.',
    defaultRisk: 'medium',
  },
  'duplicate-column-variants': {
    title: 'Data split across column variants',
    description:
      'Two columns of one database table are casing variants of each other (user_id and userId): the aftermath of a wrong "create column" answer; rows are split across them.',
    defaultRisk: 'high',
  },
  'alter-primary-key': {
    title: 'Change primary key',
    description: 'The primary key is added, dropped or covers other columns: high on a table with rows, medium when empty.',
    defaultRisk: 'high',
  },
  'create-unique': {
    title: 'Add unique constraint',
    description: 'Fails on duplicate rows: medium on a table with rows, low when empty.',
    defaultRisk: 'low',
  },
  'drop-unique': {
    title: 'Drop unique constraint',
    description: 'Removes a guarantee code may rely on.',
    defaultRisk: 'medium',
  },
  'alter-unique': {
    title: 'Change unique constraint',
    description: 'Same name, other columns or NULLS NOT DISTINCT: dropped and re-created.',
    defaultRisk: 'medium',
  },
  'create-foreign-key': {
    title: 'Add foreign key',
    description: 'Validation fails on orphan rows: medium on a table with rows, low when empty.',
    defaultRisk: 'low',
  },
  'drop-foreign-key': {
    title: 'Drop foreign key',
    description: 'Removes referential integrity code may rely on.',
    defaultRisk: 'medium',
  },
  'alter-foreign-key': {
    title: 'Change foreign key',
    description: 'Same name, other columns, referenced table or ON UPDATE / ON DELETE actions: dropped and re-created.',
    defaultRisk: 'medium',
  },
  'create-check': {
    title: 'Add check constraint',
    description: 'Fails when a row violates it: medium on a table with rows, low when empty.',
    defaultRisk: 'low',
  },
  'drop-check': {
    title: 'Drop check constraint',
    description: 'Removes a guarantee code may rely on.',
    defaultRisk: 'medium',
  },
  'alter-check': {
    title: 'Change check constraint',
    description: 'Same name, an expression that differs as parsed SQL: dropped and re-created (and validated).',
    defaultRisk: 'medium',
  },
  'rename-constraint': {
    title: 'Rename constraint',
    description: 'A constraint with the same definition under another name, typically a generated name following a table or column rename.',
    defaultRisk: 'low',
  },
  'create-index': {
    title: 'Create index',
    description: 'An index the database lacks; a unique index on a table with rows can fail on duplicates (medium).',
    defaultRisk: 'low',
  },
  'drop-index': {
    title: 'Drop index',
    description: 'An index the schema does not declare; queries relying on it slow down, a unique one stops guaranteeing uniqueness.',
    defaultRisk: 'medium',
  },
  'rename-index': {
    title: 'Rename index',
    description: 'An index with the same definition under another name, typically a generated name following a table or column rename.',
    defaultRisk: 'low',
  },
  'alter-index': {
    title: 'Change index',
    description: 'Same name, other keys, order, nulls, method, predicate or uniqueness: dropped and rebuilt.',
    defaultRisk: 'medium',
  },
  'alter-row-level-security': {
    title: 'Change row-level security',
    description:
      'Row-level security is enabled on one side only. Disabling it (high) makes every row visible to roles with table privileges; enabling it (medium) hides every row no policy grants.',
    defaultRisk: 'high',
  },
  'create-policy': {
    title: 'Create policy',
    description: 'A row-level security policy the database lacks.',
    defaultRisk: 'low',
  },
  'drop-policy': {
    title: 'Drop policy',
    description: 'A policy the schema does not declare: the rows it granted (or the check it made) go with it.',
    defaultRisk: 'medium',
  },
  'rename-policy': {
    title: 'Rename policy',
    description: 'A policy with the same definition under another name.',
    defaultRisk: 'low',
  },
  'alter-policy': {
    title: 'Change policy',
    description: 'Same name, another command, roles, USING or WITH CHECK expression (compared as parsed SQL).',
    defaultRisk: 'medium',
  },
  'create-view': {
    title: 'Create view',
    description: 'The schema declares a view the database lacks.',
    defaultRisk: 'low',
  },
  'drop-view': {
    title: 'Drop view',
    description: 'The database has a view the schema does not declare (a materialized view loses its data).',
    defaultRisk: 'medium',
  },
  'rename-view': {
    title: 'Rename view',
    description: 'A view whose name is a variant of a declared one.',
    defaultRisk: 'medium',
  },
  'ambiguous-rename': {
    title: 'Ambiguous rename',
    description:
      'Several names on one side are equally good variants of a name on the other: verify will not guess; decide which (if any) is the rename.',
    defaultRisk: 'medium',
  },
  'identifier-too-long': {
    title: 'Identifier longer than 63 bytes',
    description:
      'PostgreSQL stores the first 63 bytes only; drizzle-kit compares the full name, so it never sees the object as existing and re-creates it on every push.',
    defaultRisk: 'medium',
  },
  'convention-mismatch': {
    title: 'Naming convention mismatch',
    description: 'Many renames follow one pattern (snake_case ↔ camelCase, singular ↔ plural): one configuration change fixes them at once.',
    defaultRisk: 'medium',
  },
};

/** Kinds in documentation order: the order findings of one table are listed in. */
export const FINDING_KIND_ORDER: readonly FindingKind[] = Object.keys(FINDING_KINDS) as FindingKind[];
