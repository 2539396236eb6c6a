/**
 * What each statement of a dump is to the replay, read from its parse tree
 * (pg-query-emscripten, through src/sql/parser.ts): replayed because it defines part of
 * the catalog, skipped (and counted) because a snapshot records nothing of it, or
 * handled on its own (an extension, the migrations journal's rows, a setting).
 *
 * Statements are parsed many at a time (the parser's per-call cost and its heap make
 * one call per statement slow; see parser.ts). A batch that fails to parse is parsed
 * again statement by statement, so one statement the parser rejects (a syntax error, or
 * syntax newer than the parser's PostgreSQL 16 grammar) affects nobody else: it is
 * replayed as it is, and the replay's PostgreSQL decides.
 */
import type { QualifiedName } from '../catalog/model.js';
import { fieldsOf, isArray, isObject, nodeType, stringList, type Json, type JsonObject } from '../sql/ast.js';
import type { SqlParser } from '../sql/parser.js';

/** Why a statement is not replayed; each is counted in the capture's warnings. */
export type SkipReason =
  | 'owner'
  | 'privileges'
  | 'session-role'
  | 'publication'
  | 'subscription'
  | 'event-trigger'
  | 'trigger'
  | 'rule'
  | 'security-label'
  | 'foreign-data'
  | 'statistics'
  | 'database'
  | 'role'
  | 'tablespace'
  | 'transaction'
  | 'sequence-position'
  | 'large-object'
  | 'extension-membership'
  | 'storage'
  | 'meta-command';

export type StatementRole =
  /** Defines part of the catalog: replayed; a failure is reported. */
  | { readonly kind: 'replay' }
  /** Replayed, and a failure only counted: settings, DROP ... IF EXISTS of --clean, CREATE LANGUAGE. */
  | { readonly kind: 'tolerated'; readonly what: string }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'extension'; readonly name: string; readonly schema: string | null }
  /** COMMENT ON EXTENSION: replayed only when the extension could be created. */
  | { readonly kind: 'extension-comment'; readonly name: string }
  /** COPY ... FROM stdin or INSERT: rows of `table`. Only the journal's are ever loaded. */
  | { readonly kind: 'rows'; readonly table: QualifiedName; readonly columns: readonly string[] };

/** A qualified type reference (`public.mood`, `public.geometry(Point,4326)[]`), for placeholders of missing extension types. */
export interface TypeReference {
  readonly schema: string;
  readonly name: string;
  /** UTF-8 byte offset of the reference in the statement text. */
  readonly offset: number;
  readonly hasTypmods: boolean;
  /** The column or domain whose type this is, when it is one. */
  readonly owner: TypeOwner | null;
}

export type TypeOwner =
  | { readonly kind: 'column'; readonly schema: string; readonly table: string; readonly column: string }
  | { readonly kind: 'domain'; readonly schema: string; readonly name: string };

export interface ClassifiedStatement {
  readonly role: StatementRole;
  /** Words naming the statement in messages: `CREATE TABLE public.users`, `ALTER TABLE public.orders`. */
  readonly label: string;
  /** The table this statement creates or attaches as a partition: its failure fails the capture. */
  readonly definesTable: QualifiedName | null;
  /** A view or materialized view this statement defines (its definition text is taken from the dump). */
  readonly definesView: (QualifiedName & { readonly materialized: boolean }) | null;
  /** Types this statement defines (enums, domains, composite and range types, and every relation's row type). */
  readonly definesTypes: readonly QualifiedName[];
  readonly typeReferences: readonly TypeReference[];
  /** Qualified collations it names (`COLLATE pg_catalog."de-x-icu"`): the replay may lack some. */
  readonly collationReferences: readonly QualifiedName[];
  /** The collation this statement creates (CREATE COLLATION). */
  readonly definesCollation: QualifiedName | null;
  /** Role names a policy applies to (they must exist in the replay). */
  readonly policyRoles: readonly string[];
  /** The parser's error when it rejected the statement; the replay decides then. */
  readonly parseError: string | null;
}

/** Statements are parsed together up to about this many bytes of text. */
const BATCH_BYTES = 96 * 1024;
const encoder = new TextEncoder();

export interface ClassifyOptions {
  /**
   * Whether to list each statement's qualified type references (walking every parse
   * tree, a good part of classifying): needed only for placeholders, when the dump uses
   * an extension the replay lacks.
   */
  readonly typeReferences: boolean;
}

/** What a tree is walked for, besides its node type: the statement's text and the options. */
interface Scan extends ClassifyOptions {
  readonly text: string;
  /** UTF-8 byte offset of the statement in the text that was parsed (locations are relative to it). */
  readonly start: number;
}

/** Classifies statements (each one complete statement, as split.ts cut them), in order. */
export const classifyStatements = (
  parser: SqlParser,
  statements: readonly string[],
  options: ClassifyOptions = { typeReferences: true },
): readonly ClassifiedStatement[] => {
  const out: ClassifiedStatement[] = [];
  let batch: { text: string; bytes: number }[] = [];
  let batchBytes = 0;
  const flush = (): void => {
    if (batch.length > 0) out.push(...classifyBatch(parser, batch, options));
    batch = [];
    batchBytes = 0;
  };
  for (const text of statements) {
    const bytes = encoder.encode(text).length;
    if (batchBytes + bytes > BATCH_BYTES && batch.length > 0) flush();
    batch.push({ text, bytes });
    batchBytes += bytes + 1;
  }
  flush();
  return out;
};

const classifyBatch = (parser: SqlParser, batch: readonly { text: string; bytes: number }[], options: ClassifyOptions): ClassifiedStatement[] => {
  const starts: number[] = [];
  let offset = 0;
  for (const statement of batch) {
    starts.push(offset);
    offset += statement.bytes + 1;
  }
  const parsed = batch.length > 1 ? parser.parse(batch.map((s) => s.text).join('\n')) : undefined;
  if (parsed === undefined || !parsed.ok) return batch.map((statement) => classifyAlone(parser, statement.text, options));
  // Each parsed statement belongs to the text whose byte range holds its location.
  const trees: (JsonObject | undefined)[] = batch.map(() => undefined);
  let index = 0;
  for (const raw of parsed.tree.stmts) {
    const location = typeof raw['stmt_location'] === 'number' ? raw['stmt_location'] : 0;
    while (index + 1 < starts.length && (starts[index + 1] ?? 0) <= location) index += 1;
    const stmt = raw['stmt'];
    // Two statements in one piece cannot come from split.ts; classify that piece alone.
    if (trees[index] !== undefined || !isObject(stmt)) return batch.map((statement) => classifyAlone(parser, statement.text, options));
    trees[index] = stmt;
  }
  return batch.map((statement, i) => {
    const tree = trees[i];
    return tree === undefined ? classifyEmpty(statement.text) : classifyTree(tree, { ...options, text: statement.text, start: starts[i] ?? 0 });
  });
};

const classifyAlone = (parser: SqlParser, text: string, options: ClassifyOptions): ClassifiedStatement => {
  const parsed = parser.parse(text);
  if (!parsed.ok) return unparsed(text, parsed.error);
  const [first, ...rest] = parsed.tree.stmts;
  const stmt = first?.['stmt'];
  if (first === undefined || !isObject(stmt)) return classifyEmpty(text);
  if (rest.length > 0) return unparsed(text, 'more than one statement');
  return classifyTree(stmt, { ...options, text, start: 0 });
};

/** Shared by every statement without any: a dump has hundreds of thousands of statements at scale. */
const NONE: readonly never[] = Object.freeze([]);

const base = (role: StatementRole, label: string): ClassifiedStatement => ({
  role,
  label,
  definesTable: null,
  definesView: null,
  definesTypes: NONE,
  typeReferences: NONE,
  collationReferences: NONE,
  definesCollation: null,
  policyRoles: NONE,
  parseError: null,
});

/** A lone `;`: nothing to do. */
const classifyEmpty = (text: string): ClassifiedStatement => base({ kind: 'tolerated', what: 'empty statement' }, firstWords(text));

/** The parser rejected it: replay it as it is (its PostgreSQL may know newer syntax) and let that decide. */
const unparsed = (text: string, error: string): ClassifiedStatement => ({ ...base({ kind: 'replay' }, firstWords(text)), parseError: error });

/** Up to three leading words, upper-cased: `CREATE TABLE`, `ALTER TABLE ONLY`. */
export const firstWords = (text: string): string =>
  (text.match(/^[A-Za-z]+(?:\s+[A-Za-z]+){0,2}/)?.[0] ?? text.slice(0, 20)).replace(/\s+/g, ' ').toUpperCase();

const str = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

const rangeVar = (value: Json | undefined): QualifiedName | null => {
  if (!isObject(value)) return null;
  const name = str(value['relname']);
  if (name === undefined) return null;
  return { schema: str(value['schemaname']) ?? 'public', name };
};

const qualifiedFrom = (names: readonly string[] | undefined): QualifiedName | null => {
  if (names === undefined || names.length === 0) return null;
  const name = names[names.length - 1] ?? '';
  return { schema: names.length > 1 ? (names[names.length - 2] ?? 'public') : 'public', name };
};

const show = (name: QualifiedName | null): string => (name === null ? '' : ` ${name.schema}.${name.name}`);

/** Skip reasons by node type, for statements skipped whatever they say. */
const SKIPPED_NODES: { readonly [node: string]: SkipReason } = {
  AlterOwnerStmt: 'owner',
  GrantStmt: 'privileges',
  GrantRoleStmt: 'privileges',
  AlterDefaultPrivilegesStmt: 'privileges',
  CreatePublicationStmt: 'publication',
  AlterPublicationStmt: 'publication',
  CreateSubscriptionStmt: 'subscription',
  AlterSubscriptionStmt: 'subscription',
  CreateEventTrigStmt: 'event-trigger',
  AlterEventTrigStmt: 'event-trigger',
  CreateTrigStmt: 'trigger',
  RuleStmt: 'rule',
  SecLabelStmt: 'security-label',
  CreateForeignServerStmt: 'foreign-data',
  AlterForeignServerStmt: 'foreign-data',
  CreateFdwStmt: 'foreign-data',
  AlterFdwStmt: 'foreign-data',
  CreateUserMappingStmt: 'foreign-data',
  AlterUserMappingStmt: 'foreign-data',
  CreateForeignTableStmt: 'foreign-data',
  ImportForeignSchemaStmt: 'foreign-data',
  CreateStatsStmt: 'statistics',
  AlterStatsStmt: 'statistics',
  CreatedbStmt: 'database',
  AlterDatabaseStmt: 'database',
  AlterDatabaseSetStmt: 'database',
  AlterDatabaseRefreshCollStmt: 'database',
  CreateRoleStmt: 'role',
  AlterRoleStmt: 'role',
  AlterRoleSetStmt: 'role',
  CreateTableSpaceStmt: 'tablespace',
  AlterTableSpaceOptionsStmt: 'tablespace',
  AlterTableMoveAllStmt: 'tablespace',
  TransactionStmt: 'transaction',
  AlterExtensionStmt: 'extension-membership',
  AlterExtensionContentsStmt: 'extension-membership',
};

/** COMMENT ON objects the replay never creates. */
const SKIPPED_COMMENT_OBJECTS: { readonly [objtype: string]: SkipReason } = {
  OBJECT_TRIGGER: 'trigger',
  OBJECT_RULE: 'rule',
  OBJECT_PUBLICATION: 'publication',
  OBJECT_SUBSCRIPTION: 'subscription',
  OBJECT_EVENT_TRIGGER: 'event-trigger',
  OBJECT_FOREIGN_SERVER: 'foreign-data',
  OBJECT_FDW: 'foreign-data',
  OBJECT_FOREIGN_TABLE: 'foreign-data',
  OBJECT_STATISTIC_EXT: 'statistics',
  OBJECT_DATABASE: 'database',
  OBJECT_ROLE: 'role',
  OBJECT_TABLESPACE: 'tablespace',
  OBJECT_LARGEOBJECT: 'large-object',
};

/** ALTER TABLE subcommands that only concern what the replay skips (owners, triggers, rules). */
const SKIPPED_TABLE_COMMANDS: { readonly [subtype: string]: SkipReason } = {
  AT_ChangeOwner: 'owner',
  AT_EnableTrig: 'trigger',
  AT_EnableAlwaysTrig: 'trigger',
  AT_EnableReplicaTrig: 'trigger',
  AT_EnableTrigAll: 'trigger',
  AT_EnableTrigUser: 'trigger',
  AT_DisableTrig: 'trigger',
  AT_DisableTrigAll: 'trigger',
  AT_DisableTrigUser: 'trigger',
  AT_EnableRule: 'rule',
  AT_EnableAlwaysRule: 'rule',
  AT_EnableReplicaRule: 'rule',
  AT_DisableRule: 'rule',
  // Physical and planner settings: nothing a snapshot records, and the replay may lack them (lz4).
  AT_SetStatistics: 'storage',
  AT_SetStorage: 'storage',
  AT_SetCompression: 'storage',
  AT_ClusterOn: 'storage',
  AT_DropCluster: 'storage',
  AT_ReplicaIdentity: 'storage',
  AT_SetOptions: 'storage',
  AT_ResetOptions: 'storage',
  AT_SetRelOptions: 'storage',
  AT_ResetRelOptions: 'storage',
  AT_ReplaceRelOptions: 'storage',
};

const classifyTree = (stmt: JsonObject, scan: Scan): ClassifiedStatement => {
  const type = nodeType(stmt) ?? '';
  const fields = (isObject(stmt[type]) ? stmt[type] : {}) as JsonObject;
  const skipped = SKIPPED_NODES[type];
  const words = LABELS[type] ?? type.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
  if (skipped !== undefined) return base({ kind: 'skip', reason: skipped }, words);

  switch (type) {
    case 'VariableSetStmt': {
      const name = str(fields['name']) ?? '';
      // SET ROLE would make the replay run as a role that may not create anything.
      if (name === 'role' || name === 'session_authorization') return base({ kind: 'skip', reason: 'session-role' }, `SET ${name}`);
      return base({ kind: 'tolerated', what: `SET ${name}` }, `SET ${name}`);
    }
    case 'SelectStmt':
      return classifySelect(fields);
    case 'CopyStmt': {
      const table = rangeVar(fields['relation']);
      if (table === null || fields['is_from'] !== true || fields['filename'] !== undefined) return base({ kind: 'skip', reason: 'large-object' }, 'COPY');
      return base({ kind: 'rows', table, columns: stringList(fields['attlist']) ?? [] }, `COPY${show(table)}`);
    }
    case 'InsertStmt': {
      const table = rangeVar(fields['relation']);
      if (table === null) return base({ kind: 'replay' }, 'INSERT');
      return base({ kind: 'rows', table, columns: [] }, `INSERT INTO${show(table)}`);
    }
    case 'CreateExtensionStmt': {
      const name = str(fields['extname']) ?? '';
      const schemaOption = isArray(fields['options'])
        ? fields['options'].map((o) => fieldsOf(o, 'DefElem')).find((o) => o?.['defname'] === 'schema')
        : undefined;
      const schema = str(fieldsOf(schemaOption?.['arg'], 'String')?.['sval']) ?? null;
      return base({ kind: 'extension', name, schema }, `CREATE EXTENSION ${name}`);
    }
    case 'CommentStmt': {
      const objtype = str(fields['objtype']) ?? '';
      const reason = SKIPPED_COMMENT_OBJECTS[objtype];
      if (reason !== undefined) return base({ kind: 'skip', reason }, 'COMMENT');
      if (objtype === 'OBJECT_EXTENSION') {
        const name = str(fieldsOf(fields['object'], 'String')?.['sval']) ?? '';
        return base({ kind: 'extension-comment', name }, `COMMENT ON EXTENSION ${name}`);
      }
      return withTypes(base({ kind: 'replay' }, 'COMMENT'), stmt, scan, null);
    }
    case 'AlterTableStmt':
      return classifyAlterTable(fields, stmt, scan);
    case 'DropStmt':
      return base({ kind: 'tolerated', what: 'DROP' }, 'DROP');
    case 'CreatePLangStmt':
      return base({ kind: 'tolerated', what: 'CREATE LANGUAGE' }, 'CREATE LANGUAGE');
    case 'CreateStmt': {
      const table = rangeVar(fields['relation']);
      const classified = base({ kind: 'replay' }, `CREATE TABLE${show(table)}`);
      return withTypes({ ...classified, definesTable: table, definesTypes: table === null ? [] : [table] }, stmt, scan, table);
    }
    case 'ViewStmt': {
      const view = rangeVar(fields['view']);
      const classified = base({ kind: 'replay' }, `CREATE VIEW${show(view)}`);
      return withTypes(
        { ...classified, definesView: view === null ? null : { ...view, materialized: false }, definesTypes: view === null ? [] : [view] },
        stmt,
        scan,
        null,
      );
    }
    case 'CreateTableAsStmt': {
      const into = isObject(fields['into']) ? rangeVar(fields['into']['rel']) : null;
      const materialized = fields['objtype'] === 'OBJECT_MATVIEW';
      const classified = base({ kind: 'replay' }, `${materialized ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS'}${show(into)}`);
      return withTypes(
        {
          ...classified,
          definesView: materialized && into !== null ? { ...into, materialized } : null,
          definesTable: materialized ? null : into,
          definesTypes: into === null ? [] : [into],
        },
        stmt,
        scan,
        null,
      );
    }
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt': {
      const roles = (isArray(fields['roles']) ? fields['roles'] : [])
        .map((role) => fieldsOf(role, 'RoleSpec'))
        .filter((role) => role?.['roletype'] === 'ROLESPEC_CSTRING')
        .map((role) => str(role?.['rolename']) ?? '')
        .filter((name) => name !== '');
      return withTypes({ ...base({ kind: 'replay' }, words), policyRoles: roles }, stmt, scan, null);
    }
    default:
      return withTypes(base({ kind: 'replay' }, `${words}${show(definedObject(type, fields))}`), stmt, scan, null);
  }
};

const LABELS: { readonly [node: string]: string } = {
  CreateEnumStmt: 'CREATE TYPE',
  CompositeTypeStmt: 'CREATE TYPE',
  CreateRangeStmt: 'CREATE TYPE',
  DefineStmt: 'CREATE',
  CreateDomainStmt: 'CREATE DOMAIN',
  CreateSeqStmt: 'CREATE SEQUENCE',
  AlterSeqStmt: 'ALTER SEQUENCE',
  IndexStmt: 'CREATE INDEX',
  CreateFunctionStmt: 'CREATE FUNCTION',
  CreateSchemaStmt: 'CREATE SCHEMA',
  CreatePolicyStmt: 'CREATE POLICY',
  AlterPolicyStmt: 'ALTER POLICY',
  AlterDomainStmt: 'ALTER DOMAIN',
  AlterEnumStmt: 'ALTER TYPE',
  CreateCastStmt: 'CREATE CAST',
  CreateOpClassStmt: 'CREATE OPERATOR CLASS',
  CreateOpFamilyStmt: 'CREATE OPERATOR FAMILY',
  AlterOpFamilyStmt: 'ALTER OPERATOR FAMILY',
  CreateConversionStmt: 'CREATE CONVERSION',
  CreateAmStmt: 'CREATE ACCESS METHOD',
  CreateTransformStmt: 'CREATE TRANSFORM',
  AlterFunctionStmt: 'ALTER FUNCTION',
  AlterObjectSchemaStmt: 'ALTER ... SET SCHEMA',
  RenameStmt: 'ALTER ... RENAME',
  AlterTSConfigurationStmt: 'ALTER TEXT SEARCH CONFIGURATION',
  AlterTSDictionaryStmt: 'ALTER TEXT SEARCH DICTIONARY',
};

/** The object a CREATE names, for messages. */
const definedObject = (type: string, fields: JsonObject): QualifiedName | null => {
  switch (type) {
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return qualifiedFrom(stringList(fields['typeName']));
    case 'CompositeTypeStmt':
      return rangeVar(fields['typevar']);
    case 'CreateDomainStmt':
      return qualifiedFrom(stringList(fields['domainname']));
    case 'DefineStmt':
      return qualifiedFrom(stringList(fields['defnames']));
    case 'CreateSeqStmt':
    case 'AlterSeqStmt':
      return rangeVar(fields['sequence']);
    case 'IndexStmt': {
      const table = rangeVar(fields['relation']);
      const name = str(fields['idxname']);
      return name === undefined || table === null ? table : { schema: table.schema, name };
    }
    case 'CreateFunctionStmt':
      return qualifiedFrom(stringList(fields['funcname']));
    case 'CreateSchemaStmt': {
      const name = str(fields['schemaname']);
      return name === undefined ? null : { schema: name, name: '' };
    }
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      return rangeVar(fields['table']);
    default:
      return null;
  }
};

const classifySelect = (fields: JsonObject): ClassifiedStatement => {
  const targets = isArray(fields['targetList']) ? fields['targetList'] : [];
  const functions = targets.map((target) => {
    const call = fieldsOf(fieldsOf(target, 'ResTarget')?.['val'], 'FuncCall');
    const names = stringList(call?.['funcname']) ?? [];
    return names[names.length - 1] ?? '';
  });
  if (fields['fromClause'] === undefined && functions.length > 0) {
    if (functions.every((f) => f === 'set_config')) return base({ kind: 'tolerated', what: 'set_config' }, 'SELECT set_config');
    if (functions.every((f) => f === 'setval')) return base({ kind: 'skip', reason: 'sequence-position' }, 'SELECT setval');
    if (functions.every((f) => f.startsWith('lo_'))) return base({ kind: 'skip', reason: 'large-object' }, 'SELECT lo_create');
    if (functions.every((f) => f.startsWith('binary_upgrade_'))) return base({ kind: 'skip', reason: 'extension-membership' }, 'SELECT binary_upgrade');
  }
  return base({ kind: 'replay' }, 'SELECT');
};

const classifyAlterTable = (fields: JsonObject, stmt: JsonObject, scan: Scan): ClassifiedStatement => {
  const table = rangeVar(fields['relation']);
  const objtype = str(fields['objtype']) ?? 'OBJECT_TABLE';
  const commands = (isArray(fields['cmds']) ? fields['cmds'] : []).map((cmd) => fieldsOf(cmd, 'AlterTableCmd') ?? {});
  const subtypes = commands.map((cmd) => str(cmd['subtype']) ?? '');
  const what = objtype === 'OBJECT_TABLE' ? 'ALTER TABLE' : `ALTER ${objtype.replace(/^OBJECT_/, '').replace(/_/g, ' ')}`;
  if (objtype === 'OBJECT_FOREIGN_TABLE') return base({ kind: 'skip', reason: 'foreign-data' }, `${what}${show(table)}`);
  const reasons = subtypes.map((subtype) => SKIPPED_TABLE_COMMANDS[subtype]);
  const [first] = reasons;
  if (first !== undefined && reasons.every((reason) => reason === first)) return base({ kind: 'skip', reason: first }, `${what}${show(table)}`);
  // ALTER TABLE parent ATTACH PARTITION child: without it the partition would read as a table of its own.
  const attached = commands
    .filter((cmd) => cmd['subtype'] === 'AT_AttachPartition')
    .map((cmd) => rangeVar(fieldsOf(cmd['def'], 'PartitionCmd')?.['name']))
    .find((name) => name !== null);
  return withTypes({ ...base({ kind: 'replay' }, `${what}${show(table)}`), definesTable: attached ?? null }, stmt, scan, null);
};

/**
 * Adds the qualified type references of a tree, and the types it defines. `table` is the
 * table whose column definitions these are (CREATE TABLE), to tie a reference to its column.
 */
const withTypes = (classified: ClassifiedStatement, stmt: JsonObject, scan: Scan, table: QualifiedName | null): ClassifiedStatement => {
  const references: TypeReference[] = [];
  const collations = new Map<string, QualifiedName>();
  const type = nodeType(stmt) ?? '';
  const fields = (isObject(stmt[type]) ? stmt[type] : {}) as JsonObject;
  const domain = type === 'CreateDomainStmt' ? qualifiedFrom(stringList(fields['domainname'])) : null;
  // Most statements name no collation: the text says so without a walk.
  if (COLLATE.test(scan.text)) {
    collectCollations(stmt, (names) => {
      if (names.length === 2) collations.set(JSON.stringify(names), { schema: names[0] ?? '', name: names[1] ?? '' });
    });
  }
  if (scan.typeReferences) collectTypeNames(stmt, null, (typeName, owner) => {
    const names = stringList(typeName['names']);
    if (names === undefined || names.length !== 2 || names[0] === 'pg_catalog') return;
    const location = typeName['location'];
    references.push({
      schema: names[0] ?? '',
      name: names[1] ?? '',
      offset: typeof location === 'number' ? location - scan.start : -1,
      hasTypmods: isArray(typeName['typmods']) && typeName['typmods'].length > 0,
      owner:
        owner !== null && table !== null
          ? { kind: 'column', schema: table.schema, table: table.name, column: owner }
          : domain !== null && typeName === fields['typeName']
            ? { kind: 'domain', schema: domain.schema, name: domain.name }
            : null,
    });
  });
  const defined = definedTypes(type, fields);
  return {
    ...classified,
    typeReferences: references.length === 0 ? NONE : references,
    collationReferences: collations.size === 0 ? NONE : [...collations.values()],
    definesCollation: type === 'DefineStmt' && fields['kind'] === 'OBJECT_COLLATION' ? definedObject(type, fields) : null,
    definesTypes: defined.length === 0 ? classified.definesTypes : [...classified.definesTypes, ...defined],
  };
};

const definedTypes = (type: string, fields: JsonObject): readonly QualifiedName[] => {
  switch (type) {
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
    case 'CreateDomainStmt':
    case 'CompositeTypeStmt':
    case 'CreateSeqStmt':
      return [definedObject(type, fields)].filter((name): name is QualifiedName => name !== null);
    case 'DefineStmt':
      return fields['kind'] === 'OBJECT_TYPE' ? [definedObject(type, fields)].filter((name): name is QualifiedName => name !== null) : [];
    default:
      return [];
  }
};

const COLLATE = /collate/i;

/** A TypeName node's fields: libpg_query always prints `typemod` with them. */
const isTypeName = (value: JsonObject): boolean => isArray(value['names']) && typeof value['typemod'] === 'number';

/** Calls `visit` with every TypeName under `value`, and the column it types (a ColumnDef's), if any. */
const collectTypeNames = (value: Json | undefined, column: string | null, visit: (typeName: JsonObject, column: string | null) => void): void => {
  if (isArray(value)) {
    for (const item of value) collectTypeNames(item, null, visit);
    return;
  }
  if (!isObject(value)) return;
  if (isTypeName(value)) {
    visit(value, column);
    return;
  }
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (key === 'ColumnDef' && isObject(child)) {
      const name = str(child['colname']) ?? null;
      for (const inner of Object.keys(child)) collectTypeNames(child[inner], inner === 'typeName' ? name : null, visit);
    } else {
      collectTypeNames(child, null, visit);
    }
  }
};

/** Calls `visit` with the name of every collation under `value` (COLLATE clauses, a column's collation). */
const collectCollations = (value: Json | undefined, visit: (names: readonly string[]) => void): void => {
  if (isArray(value)) {
    for (const item of value) collectCollations(item, visit);
    return;
  }
  if (!isObject(value)) return;
  const names = isArray(value['collname']) ? stringList(value['collname']) : undefined;
  if (names !== undefined) visit(names);
  for (const key of Object.keys(value)) collectCollations(value[key], visit);
};
