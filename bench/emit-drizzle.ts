/**
 * Writes the Drizzle schema of a benchmark model as a small project: `schema/enums.ts`,
 * `schema/part-NN.ts` (tables spread over a few files, importing earlier parts for their
 * foreign keys), `drizzle.config.ts`, `tsconfig.json` and `package.json`. Pure: returns
 * the files as text; `generate.ts` writes them.
 */
import type { BenchColumn, BenchDefault, BenchModel, BenchTable, BenchType } from './model.js';

/** Relative path → file text, in a stable order. */
export type ProjectFiles = ReadonlyMap<string, string>;

export const partFile = (part: number): string => `part-${String(part).padStart(2, '0')}`;

const tsString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The drizzle-orm/pg-core builder call for a column type, and the helpers it needs. */
const typeBuilder = (column: BenchColumn, model: BenchModel, uses: Set<string>): string => {
  const name = tsString(column.name);
  const type: BenchType = column.type;
  switch (type.kind) {
    case 'serial':
      uses.add('serial');
      return `serial(${name})`;
    case 'bigserial':
      uses.add('bigserial');
      return `bigserial(${name}, { mode: 'number' })`;
    case 'text':
    case 'text[]':
      uses.add('text');
      return `text(${name})${type.kind === 'text[]' ? '.array()' : ''}`;
    case 'varchar':
      uses.add('varchar');
      return `varchar(${name}, { length: ${type.length} })`;
    case 'integer':
    case 'integer[]':
      uses.add('integer');
      return `integer(${name})${type.kind === 'integer[]' ? '.array()' : ''}`;
    case 'bigint':
      uses.add('bigint');
      return `bigint(${name}, { mode: 'number' })`;
    case 'numeric':
      uses.add('numeric');
      return `numeric(${name}, { precision: ${type.precision}, scale: ${type.scale} })`;
    case 'boolean':
      uses.add('boolean');
      return `boolean(${name})`;
    case 'timestamptz':
      uses.add('timestamp');
      return `timestamp(${name}, { withTimezone: true })`;
    case 'jsonb':
      uses.add('jsonb');
      return `jsonb(${name}).$type<Record<string, unknown>>()`;
    case 'uuid':
      uses.add('uuid');
      return `uuid(${name})`;
    case 'enum': {
      const tsName = model.enums.find((e) => e.name === type.enumName)?.tsName;
      if (tsName === undefined) throw new Error(`unknown enum ${type.enumName}`);
      uses.add(`enum:${tsName}`);
      return `${tsName}(${name})`;
    }
  }
};

const defaultCall = (value: BenchDefault): string => {
  switch (value.kind) {
    case 'string':
    case 'decimal':
      return `.default(${tsString(value.value)})`;
    case 'number':
      return `.default(${value.value})`;
    case 'boolean':
      return `.default(${String(value.value)})`;
    case 'now':
      return '.defaultNow()';
    case 'random-uuid':
      return '.defaultRandom()';
    case 'empty-object':
      return '.default({})';
    case 'empty-array':
      return '.default([])';
  }
};

const columnLine = (table: BenchTable, column: BenchColumn, model: BenchModel, uses: Set<string>): string => {
  let code = typeBuilder(column, model, uses);
  if (column.primaryKey) code += '.primaryKey()';
  if (column.identity) code += '.generatedAlwaysAsIdentity()';
  if (column.notNull && !column.primaryKey) code += '.notNull()';
  if (column.default !== null) code += defaultCall(column.default);
  if (table.uniques.some((u) => u.style === 'column' && u.columns[0] === column.name)) code += '.unique()';
  const fk = table.foreignKeys.find((f) => f.column === column.name);
  if (fk !== undefined) {
    const target = model.tables.find((t) => t.name === fk.foreignTable);
    if (target === undefined) throw new Error(`unknown table ${fk.foreignTable}`);
    const targetColumn = target.columns.find((c) => c.name === fk.foreignColumn);
    if (targetColumn === undefined) throw new Error(`unknown column ${fk.foreignTable}.${fk.foreignColumn}`);
    if (target.part !== table.part) uses.add(`table:${target.part}:${target.tsName}`);
    code += `.references(() => ${target.tsName}.${targetColumn.tsName}, { onDelete: '${fk.onDelete}' })`;
  }
  return `    ${column.tsName}: ${code},`;
};

const extraConfig = (table: BenchTable, uses: Set<string>): readonly string[] => {
  const tsColumn = (name: string): string => {
    const column = table.columns.find((c) => c.name === name);
    if (column === undefined) throw new Error(`unknown column ${table.name}.${name}`);
    return `t.${column.tsName}`;
  };
  const entries: string[] = [];
  for (const index of table.indexes) {
    const builder = index.unique ? 'uniqueIndex' : 'index';
    uses.add(builder);
    entries.push(`${builder}(${tsString(index.name)}).on(${index.columns.map(tsColumn).join(', ')})`);
  }
  for (const constraint of table.uniques.filter((u) => u.style === 'table')) {
    uses.add('unique');
    entries.push(`unique(${tsString(constraint.name)}).on(${constraint.columns.map(tsColumn).join(', ')})`);
  }
  for (const constraint of table.checks) {
    uses.add('check');
    uses.add('sql');
    entries.push(`check(${tsString(constraint.name)}, sql\`\${${tsColumn(constraint.column)}} >= ${constraint.minimum}\`)`);
  }
  return entries;
};

const tableCode = (table: BenchTable, model: BenchModel, uses: Set<string>): string => {
  uses.add('pgTable');
  const columns = table.columns.map((c) => columnLine(table, c, model, uses));
  const extra = extraConfig(table, uses);
  const doc = table.comment === null ? '' : `/** ${table.comment} */\n`;
  const tail = extra.length === 0 ? '' : `,\n  (t) => [\n${extra.map((e) => `    ${e},`).join('\n')}\n  ]`;
  return `${doc}export const ${table.tsName} = pgTable(\n  ${tsString(table.name)},\n  {\n${columns.join('\n')}\n  }${tail},\n);\n`;
};

const partCode = (model: BenchModel, part: number): string => {
  const uses = new Set<string>();
  const body = model.tables
    .filter((t) => t.part === part)
    .map((t) => tableCode(t, model, uses))
    .join('\n');
  const sorted = [...uses].sort();
  const core = sorted.filter((u) => !u.includes(':') && u !== 'sql');
  const enums = sorted.filter((u) => u.startsWith('enum:')).map((u) => u.slice('enum:'.length));
  const tablesByPart = new Map<number, string[]>();
  for (const use of sorted.filter((u) => u.startsWith('table:'))) {
    const [, partText, tsName] = use.split(':');
    const list = tablesByPart.get(Number(partText)) ?? [];
    list.push(tsName ?? '');
    tablesByPart.set(Number(partText), list);
  }
  const imports = [
    ...(uses.has('sql') ? ["import { sql } from 'drizzle-orm';"] : []),
    `import { ${core.join(', ')} } from 'drizzle-orm/pg-core';`,
    ...(enums.length === 0 ? [] : [`import { ${enums.join(', ')} } from './enums.js';`]),
    ...[...tablesByPart.entries()]
      .sort(([a], [b]) => a - b)
      .map(([p, names]) => `import { ${names.join(', ')} } from './${partFile(p)}.js';`),
  ];
  return `// Generated by bench/generate.ts (seed ${model.seed}); do not edit.\n${imports.join('\n')}\n\n${body}`;
};

const enumsCode = (model: BenchModel): string => {
  const lines = model.enums.map(
    (e) => `export const ${e.tsName} = pgEnum(${tsString(e.name)}, [${e.values.map(tsString).join(', ')}]);`,
  );
  return `// Generated by bench/generate.ts (seed ${model.seed}); do not edit.\nimport { pgEnum } from 'drizzle-orm/pg-core';\n\n${lines.join('\n')}\n`;
};

/** Paths of the schema files, relative to the project folder, in import order. */
export const schemaFiles = (model: BenchModel): readonly string[] => [
  'schema/enums.ts',
  ...Array.from({ length: model.parts }, (_, i) => `schema/${partFile(i + 1)}.ts`),
];

export const emitDrizzleProject = (model: BenchModel, databaseUrl: string): ProjectFiles => {
  const files = new Map<string, string>();
  files.set('package.json', `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`);
  files.set(
    'tsconfig.json',
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['schema', 'drizzle.config.ts'],
      },
      null,
      2,
    )}\n`,
  );
  files.set(
    'drizzle.config.ts',
    [
      "import { defineConfig } from 'drizzle-kit';",
      '',
      'export default defineConfig({',
      "  dialect: 'postgresql',",
      "  schema: './schema/*.ts',",
      `  dbCredentials: { url: ${tsString(databaseUrl)} },`,
      '});',
      '',
    ].join('\n'),
  );
  files.set('schema/enums.ts', enumsCode(model));
  for (let part = 1; part <= model.parts; part += 1) files.set(`schema/${partFile(part)}.ts`, partCode(model, part));
  return files;
};
