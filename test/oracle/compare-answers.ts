/**
 * drizzle-kit's answer against ours, object by object.
 *
 * - a statement corresponds to a finding on the same table (and column, when the statement
 *   names one) whose kind is one of the kinds that statement can come from;
 * - a drizzle-kit prompt corresponds to our predicted create-or-rename prompt with the same
 *   entity, name and table and the same options (as a set: drizzle-kit lists rename
 *   candidates in the database's order, we by name).
 */
import type { Finding, FindingKind, PushPrompt, RenamePrompt } from '../../src/diff/index.js';
import type { DrizzleKitPrompt, PromptAnswer } from './push.js';
import type { ParsedStatement, StatementTarget } from './statements.js';

/** Finding kinds a drizzle-kit statement can stand for. */
export const kindsForStatement = (t: StatementTarget): readonly FindingKind[] => {
  switch (t.kind) {
    case 'create-schema':
      return ['create-schema'];
    case 'create-enum':
    case 'drop-enum':
    case 'alter-enum':
      return ['create-enum', 'drop-enum', 'alter-enum', 'rename-enum'];
    case 'create-table':
      return ['create-table'];
    case 'drop-table':
      return ['drop-table'];
    case 'rename-table':
      return ['rename-table'];
    case 'add-column':
      return ['create-column', 'duplicate-column-variants'];
    case 'drop-column':
      return ['drop-column', 'duplicate-column-variants'];
    case 'rename-column':
      return ['rename-column'];
    case 'alter-column':
      switch (t.change) {
        case 'set data type':
          return ['alter-column-type', 'alter-enum'];
        case 'set not null':
        case 'drop not null':
          return ['alter-column-nullability'];
        case 'set default':
        case 'drop default':
          return ['alter-column-default', 'alter-enum'];
        case 'drop expression':
          return ['alter-column-generated'];
        default:
          return ['alter-column-identity'];
      }
    case 'add-constraint':
    case 'drop-constraint': {
      const type = t.kind === 'add-constraint' ? t.constraintType : null;
      const all: FindingKind[] = ['alter-primary-key', 'create-unique', 'drop-unique', 'alter-unique', 'create-foreign-key', 'drop-foreign-key', 'alter-foreign-key', 'create-check', 'drop-check', 'alter-check', 'rename-constraint', 'identifier-too-long'];
      if (type === 'primary key') return ['alter-primary-key', 'rename-constraint', 'identifier-too-long'];
      if (type === 'unique') return ['create-unique', 'alter-unique', 'rename-constraint', 'identifier-too-long'];
      if (type === 'foreign key') return ['create-foreign-key', 'alter-foreign-key', 'rename-constraint', 'identifier-too-long'];
      if (type === 'check') return ['create-check', 'alter-check', 'rename-constraint'];
      return all;
    }
    case 'create-index':
    case 'drop-index':
      return ['create-index', 'drop-index', 'alter-index', 'rename-index', 'identifier-too-long'];
    case 'create-sequence':
    case 'drop-sequence':
    case 'alter-sequence':
      return ['create-sequence', 'drop-sequence', 'alter-sequence', 'rename-sequence'];
    case 'other':
      return [];
  }
};

const tableOfTarget = (t: StatementTarget): { schema: string; table: string | null; column: string | null } => ({
  schema: 'schema' in t ? t.schema : 'public',
  table: 'table' in t ? t.table : null,
  column: 'column' in t ? t.column : null,
});

/** Whether `finding` is one of ours that accounts for drizzle-kit's `statement`. */
export const accountsFor = (finding: Finding, statement: ParsedStatement): boolean => {
  const t = statement.target;
  if (!kindsForStatement(t).includes(finding.kind)) return false;
  const where = tableOfTarget(t);
  if (finding.schema !== where.schema) return false;
  if (t.kind === 'create-enum' || t.kind === 'drop-enum' || t.kind === 'alter-enum') return finding.object === t.name || finding.to === t.name;
  if (t.kind === 'drop-index') return true;
  // Renames name the database's old name; our finding is about the schema's new one (schema-qualified outside public).
  if (t.kind === 'rename-table') return finding.table === t.to && (finding.from === t.table || finding.from === `${where.schema}.${t.table}`);
  if (t.kind === 'rename-column') return finding.column === t.to && finding.from === t.column;
  if (where.table !== null && finding.table !== where.table && finding.from !== where.table) return false;
  // A column statement needs a finding about that column (or about the enum its type is, for enum moves).
  return where.column === null || finding.column === where.column || finding.kind === 'alter-enum';
};

const optionKey = (o: { kind: 'create'; name: string } | { kind: 'rename'; from: string; to: string }): string =>
  o.kind === 'create' ? `+ ${o.name}` : `~ ${o.from} › ${o.to}`;

/** Our create-or-rename prompts in drizzle-kit's shape (options as a sorted set). */
export const ourPromptsAsDrizzleKit = (prompts: readonly PushPrompt[]): { readonly entity: string; readonly name: string; readonly table: string | null; readonly options: readonly string[] }[] =>
  prompts
    .filter((p): p is RenamePrompt => p.kind === 'create-or-rename')
    .map((p) => ({
      entity: p.entity,
      name: p.name,
      table: p.table,
      options: p.options.map((o) => (o.action === 'create' ? `+ ${o.to}` : `~ ${o.from ?? ''} › ${o.to}`)).sort(),
    }));

export const drizzleKitPromptsAsSet = (prompts: readonly DrizzleKitPrompt[]): { readonly entity: string; readonly name: string; readonly table: string | null; readonly options: readonly string[] }[] =>
  prompts.map((p) => ({ entity: p.entity, name: p.name, table: p.table, options: p.options.map(optionKey).sort() }));

/**
 * Answers drizzle-kit's prompts with our predictions: the option renaming from the name we
 * predicted, or "create" when we predicted create, could not tell, or did not predict the prompt.
 */
export const answerAsWePredicted =
  (prompts: readonly PushPrompt[]): PromptAnswer =>
  (asked) => {
    const ours = prompts.find(
      (p): p is RenamePrompt => p.kind === 'create-or-rename' && p.entity === asked.entity && p.name === asked.name && p.table === asked.table,
    );
    const answer = ours?.answer === null || ours === undefined ? undefined : ours.options.find((o) => o.index === ours.answer);
    if (!answer || answer.action === 'create') return 0;
    const index = asked.options.findIndex((o) => o.kind === 'rename' && o.from === answer.from);
    return index < 0 ? 0 : index;
  };

/** A finding in one line, for recording expectations: `kind table.column (object) risk`. */
export const findingSignature = (f: Finding): string =>
  `${f.kind} ${f.schema === 'public' ? '' : `${f.schema}.`}${f.table ?? f.object ?? ''}${f.column ? `.${f.column}` : ''}${f.table && f.object ? ` (${f.object})` : ''} ${f.risk}`;
