/**
 * The benchmark database, as plain data: one model, built deterministically from a seed,
 * read by both emitters (`emit-ddl.ts` writes the PostgreSQL DDL, `emit-drizzle.ts` the
 * matching Drizzle schema), so the database and the schema cannot drift apart.
 *
 * Every constraint and index carries the exact name drizzle-kit gives it (or the explicit
 * name the schema passes), so the DDL needs no knowledge of Drizzle's naming rules.
 */
import { createRandom, type Random } from './random.js';

export const DEFAULT_SEED = 20_251_125;

export interface BenchModel {
  readonly seed: number;
  readonly enums: readonly BenchEnum[];
  readonly tables: readonly BenchTable[];
  /** Number of schema files the tables are spread over (`part-01.ts`, ...). */
  readonly parts: number;
}

export interface BenchEnum {
  readonly name: string;
  readonly tsName: string;
  readonly values: readonly string[];
}

export type BenchType =
  | { readonly kind: 'serial' }
  | { readonly kind: 'bigserial' }
  | { readonly kind: 'text' }
  | { readonly kind: 'varchar'; readonly length: number }
  | { readonly kind: 'integer' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'numeric'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'timestamptz' }
  | { readonly kind: 'jsonb' }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'text[]' }
  | { readonly kind: 'integer[]' }
  | { readonly kind: 'enum'; readonly enumName: string };

export type BenchDefault =
  /** text, varchar and enum literals. */
  | { readonly kind: 'string'; readonly value: string }
  /** integer and bigint. */
  | { readonly kind: 'number'; readonly value: number }
  /** numeric, written as a string so scale is kept (`'0.00'`). */
  | { readonly kind: 'decimal'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'now' }
  | { readonly kind: 'random-uuid' }
  | { readonly kind: 'empty-object' }
  | { readonly kind: 'empty-array' };

export interface BenchColumn {
  readonly name: string;
  readonly tsName: string;
  readonly type: BenchType;
  readonly notNull: boolean;
  readonly primaryKey: boolean;
  /** `GENERATED ALWAYS AS IDENTITY` (integer primary keys only). */
  readonly identity: boolean;
  readonly default: BenchDefault | null;
  readonly comment: string | null;
}

export type ReferentialAction = 'cascade' | 'restrict' | 'set null' | 'no action';

export interface BenchForeignKey {
  readonly name: string;
  readonly column: string;
  readonly foreignTable: string;
  readonly foreignColumn: string;
  readonly onDelete: ReferentialAction;
}

export interface BenchUnique {
  readonly name: string;
  readonly columns: readonly string[];
  /** `'column'`: `.unique()` on the column (drizzle's default name); `'table'`: `unique(name).on(...)`. */
  readonly style: 'column' | 'table';
}

export interface BenchIndex {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

export interface BenchCheck {
  readonly name: string;
  /** `column >= minimum`. */
  readonly column: string;
  readonly minimum: number;
}

export interface BenchTable {
  readonly name: string;
  readonly tsName: string;
  /** 1-based schema file number. */
  readonly part: number;
  readonly comment: string | null;
  readonly columns: readonly BenchColumn[];
  readonly foreignKeys: readonly BenchForeignKey[];
  readonly uniques: readonly BenchUnique[];
  readonly indexes: readonly BenchIndex[];
  readonly checks: readonly BenchCheck[];
}

/** PostgreSQL truncates longer identifiers silently, which would make schema and database disagree. */
const MAX_IDENTIFIER_BYTES = 63;

const ENUMS: readonly (readonly [string, readonly string[]])[] = [
  ['order_status', ['pending', 'active', 'suspended', 'archived']],
  ['priority', ['low', 'normal', 'high', 'urgent']],
  ['currency', ['eur', 'usd', 'gbp', 'jpy', 'chf']],
  ['region', ['emea', 'amer', 'apac']],
  ['channel', ['web', 'mobile', 'email', 'api', 'partner']],
];

/** [plural, singular]; plurals of at most 12 characters keep every generated name under 63 bytes. */
const NOUNS: readonly (readonly [string, string])[] = [
  ['accounts', 'account'], ['invoices', 'invoice'], ['orders', 'order'], ['customers', 'customer'],
  ['products', 'product'], ['shipments', 'shipment'], ['payments', 'payment'], ['refunds', 'refund'],
  ['meetings', 'meeting'], ['projects', 'project'], ['tasks', 'task'], ['comments', 'comment'],
  ['documents', 'document'], ['teams', 'team'], ['members', 'member'], ['roles', 'role'],
  ['sessions', 'session'], ['devices', 'device'], ['events', 'event'], ['tickets', 'ticket'],
  ['vendors', 'vendor'], ['contracts', 'contract'], ['warehouses', 'warehouse'], ['carriers', 'carrier'],
  ['campaigns', 'campaign'], ['coupons', 'coupon'], ['reviews', 'review'], ['categories', 'category'],
  ['addresses', 'address'], ['webhooks', 'webhook'], ['audit_logs', 'audit_log'], ['api_keys', 'api_key'],
  ['budgets', 'budget'], ['ledgers', 'ledger'], ['batches', 'batch'], ['schedules', 'schedule'],
  ['licenses', 'license'], ['releases', 'release'], ['incidents', 'incident'], ['surveys', 'survey'],
];

type ValueKind = Exclude<BenchType['kind'], 'serial' | 'bigserial'>;

const COLUMN_NAMES: Readonly<Record<ValueKind, readonly string[]>> = {
  text: ['title', 'description', 'notes', 'summary', 'body', 'display_name', 'label', 'source'],
  varchar: ['code', 'email', 'phone', 'locale', 'sku', 'handle', 'reference', 'slug'],
  integer: ['quantity', 'position', 'attempts', 'rank', 'score', 'version', 'retries'],
  bigint: ['size_bytes', 'views', 'total_cents', 'balance_cents', 'sequence_no'],
  numeric: ['amount', 'price', 'rate', 'weight', 'tax_rate', 'discount'],
  boolean: ['is_active', 'is_archived', 'is_public', 'verified', 'enabled', 'pinned'],
  timestamptz: ['updated_at', 'published_at', 'deleted_at', 'expires_at', 'last_seen_at', 'starts_at'],
  jsonb: ['metadata', 'settings', 'payload', 'attributes', 'extra'],
  uuid: ['external_id', 'correlation_id', 'tenant_id', 'request_id'],
  'text[]': ['tags', 'aliases', 'keywords'],
  'integer[]': ['scores', 'slots', 'ratings'],
  enum: [],
};

/** Relative frequency of each value type among the generated columns. */
const TYPE_WEIGHTS: readonly (readonly [ValueKind, number])[] = [
  ['text', 14], ['varchar', 12], ['integer', 10], ['bigint', 5], ['numeric', 8], ['boolean', 10],
  ['timestamptz', 8], ['jsonb', 5], ['uuid', 4], ['text[]', 3], ['integer[]', 2], ['enum', 8],
];

const STRING_DEFAULTS = ['', 'n/a', 'draft', 'unknown'] as const;

/** `display_name` → `displayName`, `invoices_0042` → `invoices0042`. */
export const camelCase = (snake: string): string =>
  snake.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());

const pad = (index: number): string => String(index).padStart(4, '0');

/** How many schema files a database of `tables` tables is spread over: a few, growing with size. */
export const partsFor = (tables: number): number => Math.min(8, Math.max(2, Math.ceil(tables / 125)));

const pickWeighted = <T>(random: Random, weighted: readonly (readonly [T, number])[]): T => {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = weighted[weighted.length - 1];
  if (last === undefined) throw new Error('pickWeighted from an empty list');
  return last[0];
};

const valueType = (random: Random, kind: ValueKind, enums: readonly BenchEnum[]): BenchType => {
  switch (kind) {
    case 'varchar':
      return { kind, length: random.pick([16, 32, 64, 120, 255]) };
    case 'numeric': {
      const precision = random.pick([10, 12, 14, 18]);
      return { kind, precision, scale: random.pick([2, 4]) };
    }
    case 'enum':
      return { kind, enumName: random.pick(enums).name };
    default:
      return { kind };
  }
};

const defaultFor = (random: Random, type: BenchType, enums: readonly BenchEnum[]): BenchDefault | null => {
  switch (type.kind) {
    case 'text':
    case 'varchar':
      return { kind: 'string', value: random.pick(STRING_DEFAULTS) };
    case 'integer':
    case 'bigint':
      return { kind: 'number', value: random.pick([0, 1, 100]) };
    case 'numeric':
      return { kind: 'decimal', value: type.scale === 2 ? '0.00' : '0.0000' };
    case 'boolean':
      return { kind: 'boolean', value: random.chance(0.5) };
    case 'timestamptz':
      return { kind: 'now' };
    case 'jsonb':
      return { kind: 'empty-object' };
    case 'uuid':
      return { kind: 'random-uuid' };
    case 'text[]':
    case 'integer[]':
      return { kind: 'empty-array' };
    case 'enum': {
      const values = enums.find((e) => e.name === type.enumName)?.values ?? [];
      return { kind: 'string', value: random.pick(values) };
    }
    case 'serial':
    case 'bigserial':
      return null;
  }
};

const column = (
  name: string,
  type: BenchType,
  options: Partial<Omit<BenchColumn, 'name' | 'tsName' | 'type'>> = {},
): BenchColumn => ({
  name,
  tsName: camelCase(name),
  type,
  notNull: options.notNull ?? false,
  primaryKey: options.primaryKey ?? false,
  identity: options.identity ?? false,
  default: options.default ?? null,
  comment: options.comment ?? null,
});

const primaryKeyColumn = (random: Random): BenchColumn => {
  const kind = pickWeighted(random, [['serial', 4], ['identity', 3], ['uuid', 2], ['bigserial', 1]] as const);
  switch (kind) {
    case 'serial':
      return column('id', { kind: 'serial' }, { notNull: true, primaryKey: true });
    case 'bigserial':
      return column('id', { kind: 'bigserial' }, { notNull: true, primaryKey: true });
    case 'identity':
      return column('id', { kind: 'integer' }, { notNull: true, primaryKey: true, identity: true });
    case 'uuid':
      return column('id', { kind: 'uuid' }, { notNull: true, primaryKey: true, default: { kind: 'random-uuid' } });
  }
};

/** The column type that references a primary key of this type. */
const referencingType = (primaryKey: BenchColumn): BenchType => {
  switch (primaryKey.type.kind) {
    case 'serial':
      return { kind: 'integer' };
    case 'bigserial':
      return { kind: 'bigint' };
    default:
      return primaryKey.type;
  }
};

const buildTable = (
  random: Random,
  index: number,
  earlier: readonly BenchTable[],
  enums: readonly BenchEnum[],
  parts: number,
  total: number,
): BenchTable => {
  const [plural] = random.pick(NOUNS);
  const name = `${plural}_${pad(index)}`;
  const taken = new Set<string>();
  const unique = (base: string): string => {
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}_${n}`;
    taken.add(candidate);
    return candidate;
  };

  const id = primaryKeyColumn(random);
  taken.add(id.name);
  const columns: BenchColumn[] = [id];

  // Foreign keys to earlier tables, mostly recent ones, as real schemas grow.
  const foreignKeys: BenchForeignKey[] = [];
  const fkCount = earlier.length === 0 ? 0 : pickWeighted(random, [[0, 3], [1, 4], [2, 3]] as const);
  const targets = new Set<BenchTable>();
  for (let k = 0; k < fkCount; k += 1) {
    const target = earlier[random.int(Math.max(0, earlier.length - 200), earlier.length - 1)];
    if (target === undefined || targets.has(target)) continue;
    targets.add(target);
    const targetKey = target.columns[0];
    if (targetKey === undefined) throw new Error(`table ${target.name} has no columns`);
    const targetSingular = NOUNS.find(([p]) => target.name.startsWith(`${p}_`))?.[1] ?? 'parent';
    const fkName = unique(`${targetSingular}_${target.name.slice(-4)}_id`);
    const notNull = random.chance(0.5);
    columns.push(column(fkName, referencingType(targetKey), { notNull }));
    foreignKeys.push({
      name: `${name}_${fkName}_${target.name}_${targetKey.name}_fk`,
      column: fkName,
      foreignTable: target.name,
      foreignColumn: targetKey.name,
      onDelete: notNull ? random.pick(['cascade', 'restrict', 'no action'] as const) : random.pick(['set null', 'cascade'] as const),
    });
  }

  const createdAt = column('created_at', { kind: 'timestamptz' }, { notNull: true, default: { kind: 'now' } });
  taken.add(createdAt.name);
  const width = random.int(13, 17);
  while (columns.length < width - 1) {
    const kind = pickWeighted(random, TYPE_WEIGHTS);
    const type = valueType(random, kind, enums);
    // Prefer a name not used yet in this table; suffix (`email_2`) only once all are taken.
    const fresh = COLUMN_NAMES[kind].filter((n) => !taken.has(n));
    const base = type.kind === 'enum' ? type.enumName : random.pick(fresh.length > 0 ? fresh : COLUMN_NAMES[kind]);
    const hasDefault = random.chance(0.5);
    columns.push(
      column(unique(base), type, {
        notNull: hasDefault ? random.chance(0.7) : random.chance(0.2),
        default: hasDefault ? defaultFor(random, type, enums) : null,
        comment: random.chance(0.08) ? `The ${base.replace(/_/g, ' ')} of this ${plural.replace(/_/g, ' ')} row.` : null,
      }),
    );
  }
  columns.push(createdAt);

  const ofKind = (...kinds: BenchType['kind'][]): BenchColumn[] =>
    columns.filter((c) => !c.primaryKey && kinds.includes(c.type.kind));

  const uniques: BenchUnique[] = [];
  const varchars = ofKind('varchar');
  const firstVarchar = varchars[0];
  if (firstVarchar !== undefined && random.chance(0.3)) {
    uniques.push({ name: `${name}_${firstVarchar.name}_unique`, columns: [firstVarchar.name], style: 'column' });
  }
  const firstFk = foreignKeys[0];
  const secondVarchar = varchars[1];
  if (firstFk !== undefined && secondVarchar !== undefined && random.chance(0.3)) {
    uniques.push({
      name: `${name}_${secondVarchar.name}_per_parent_unique`,
      columns: [firstFk.column, secondVarchar.name],
      style: 'table',
    });
  }

  const indexes: BenchIndex[] = [];
  const firstKey = firstFk?.column ?? createdAt.name;
  indexes.push({ name: `${name}_${firstKey}_idx`, columns: [firstKey], unique: false });
  if (random.chance(0.5)) {
    const lead = ofKind('enum', 'boolean')[0];
    const alreadyUnique = new Set(uniques.flatMap((u) => u.columns));
    const uniqueCandidate = ofKind('varchar', 'uuid').find((c) => !alreadyUnique.has(c.name));
    if (lead !== undefined && (uniqueCandidate === undefined || random.chance(0.6))) {
      indexes.push({ name: `${name}_${lead.name}_created_at_idx`, columns: [lead.name, createdAt.name], unique: false });
    } else if (uniqueCandidate !== undefined) {
      indexes.push({ name: `${name}_${uniqueCandidate.name}_uidx`, columns: [uniqueCandidate.name], unique: true });
    }
  }

  const checks: BenchCheck[] = [];
  const checked = ofKind('integer', 'numeric', 'bigint').filter((c) => !foreignKeys.some((fk) => fk.column === c.name))[0];
  if (checked !== undefined && random.chance(0.35)) {
    checks.push({ name: `${name}_${checked.name}_non_negative`, column: checked.name, minimum: 0 });
  }

  const table: BenchTable = {
    name,
    tsName: camelCase(name),
    part: Math.min(parts, 1 + Math.floor((index * parts) / total)),
    comment: random.chance(0.5) ? `${plural.replace(/_/g, ' ')} (generated table ${index}).` : null,
    columns,
    foreignKeys,
    uniques,
    indexes,
    checks,
  };
  assertIdentifiers(table);
  return table;
};

const assertIdentifiers = (table: BenchTable): void => {
  const names = [
    table.name,
    ...table.columns.map((c) => c.name),
    ...table.foreignKeys.map((fk) => fk.name),
    ...table.uniques.map((u) => u.name),
    ...table.indexes.map((i) => i.name),
    ...table.checks.map((c) => c.name),
  ];
  for (const name of names) {
    if (Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES) throw new Error(`generated identifier too long: ${name}`);
  }
};

/** The same `tables` and `seed` always give the same model. */
export const buildBenchModel = (tables: number, seed: number = DEFAULT_SEED): BenchModel => {
  const random = createRandom(seed ^ Math.imul(tables, 0x9e3779b1));
  const enums: BenchEnum[] = ENUMS.map(([name, values]) => ({ name, tsName: `${camelCase(name)}Enum`, values }));
  const parts = partsFor(tables);
  const built: BenchTable[] = [];
  for (let index = 0; index < tables; index += 1) built.push(buildTable(random, index, built, enums, parts, tables));
  return { seed, enums, tables: built, parts };
};
