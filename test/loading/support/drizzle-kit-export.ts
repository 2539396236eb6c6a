/**
 * The oracle of the loading matrix: the project's own drizzle-kit CLI, `drizzle-kit export`
 * run in the project's folder, and the set of objects its SQL creates; and the same set
 * read from the drizzle-kit JSON verify loaded, to compare the two.
 *
 * Objects are compared by kind and qualified name (tables, enums, schemas, sequences,
 * views, policies, roles): export's statements start with fixed templates
 * (`CREATE TABLE "schema"."name"`, `CREATE TYPE ... AS ENUM`...), so their heads are read
 * with patterns; columns and constraints are the mapping's business (test/schema/, the
 * oracle), not the loader's.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type ExportOutcome =
  | { readonly kind: 'exported'; readonly objects: readonly string[] }
  | { readonly kind: 'failed'; readonly exitCode: number | null; readonly output: string }
  /** Ended with nothing on stdout, exit code 0 (drizzle-kit 1.0 on an await that can never settle). */
  | { readonly kind: 'silent' }
  /** Still running when the test stopped waiting. */
  | { readonly kind: 'unfinished' };

const NAME = '"((?:[^"]|"")+)"';
const QUALIFIED = `(?:${NAME}\\.)?${NAME}`;
const STATEMENTS: readonly (readonly [RegExp, (match: RegExpMatchArray) => string])[] = [
  [new RegExp(`^CREATE SCHEMA (?:IF NOT EXISTS )?${NAME}`), (m) => `schema:${m[1]}`],
  [new RegExp(`^CREATE TYPE ${QUALIFIED} AS ENUM`), (m) => `enum:${m[1] ?? 'public'}.${m[2]}`],
  [new RegExp(`^CREATE SEQUENCE (?:IF NOT EXISTS )?${QUALIFIED}`), (m) => `sequence:${m[1] ?? 'public'}.${m[2]}`],
  [new RegExp(`^CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?${QUALIFIED}`), (m) => `table:${m[1] ?? 'public'}.${m[2]}`],
  [new RegExp(`^CREATE (?:MATERIALIZED )?VIEW ${QUALIFIED}`), (m) => `view:${m[1] ?? 'public'}.${m[2]}`],
  [new RegExp(`^CREATE POLICY ${NAME} ON ${QUALIFIED}`), (m) => `policy:${m[2] ?? 'public'}.${m[3]}.${m[1]}`],
  [new RegExp(`^CREATE ROLE ${NAME}`), (m) => `role:${m[1]}`],
];

/** The objects a list of SQL statements creates, sorted. */
export const objectsCreatedBy = (statements: readonly string[]): readonly string[] =>
  statements
    .flatMap((statement) => {
      const head = statement.trim();
      for (const [pattern, key] of STATEMENTS) {
        const match = head.match(pattern);
        if (match) return [key(match)];
      }
      return [];
    })
    .sort();

/** drizzle-kit 0.31 prints the statements (each CREATE starts a line); 1.0 `--output json` lists them. */
const statementsOf = (major: 0 | 1, stdout: string): readonly string[] | null => {
  if (major === 0) return stdout.split('\n').filter((line) => line.startsWith('CREATE '));
  const line = stdout.split('\n').find((text) => text.startsWith('{'));
  if (line === undefined) return null;
  const parsed = JSON.parse(line) as { status?: string; statements?: string[] };
  return parsed.status === 'ok' && parsed.statements ? parsed.statements : null;
};

/**
 * `drizzle-kit export` of the drizzle-kit in `drizzleKitDir`, run in `cwd` with `args`,
 * given up after `waitSeconds` (an import that never finishes keeps it running forever).
 */
export const drizzleKitExport = (
  major: 0 | 1,
  drizzleKitDir: string,
  cwd: string,
  args: readonly string[],
  waitSeconds: number,
): Promise<ExportOutcome> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [join(drizzleKitDir, 'bin.cjs'), 'export', ...args, ...(major === 1 ? ['--output', 'json'] : [])], {
      cwd,
      // No DATABASE_URL, no color: the project's own .env is what drizzle-kit reads.
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      child.kill('SIGKILL');
    }, waitSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (gaveUp) return resolve({ kind: 'unfinished' });
      const statements = statementsOf(major, stdout);
      // NOTE: drizzle-kit 0.31 exits 0 when an import fails (it prints the error on stderr).
      const failedOutput = /Error|error/.test(stderr) || code !== 0;
      if (statements !== null && statements.length > 0 && !failedOutput) return resolve({ kind: 'exported', objects: objectsCreatedBy(statements) });
      if (code === 0 && stdout.trim() === '' && stderr.trim() === '') return resolve({ kind: 'silent' });
      return resolve({ kind: 'failed', exitCode: code, output: `${stdout}${stderr}` });
    });
  });

interface V7Json {
  readonly tables: Readonly<Record<string, { readonly name: string; readonly schema: string; readonly policies: Readonly<Record<string, { readonly name: string }>> }>>;
  readonly enums: Readonly<Record<string, { readonly name: string; readonly schema: string }>>;
  readonly schemas: Readonly<Record<string, string>>;
  readonly sequences: Readonly<Record<string, { readonly name: string; readonly schema: string }>>;
  readonly views: Readonly<Record<string, { readonly name: string; readonly schema: string }>>;
  readonly policies: Readonly<Record<string, { readonly name: string; readonly on?: string; readonly schema?: string }>>;
  readonly roles: Readonly<Record<string, { readonly name: string }>>;
}

interface V9Entity {
  readonly entityType: string;
  readonly name: string;
  readonly schema?: string;
  readonly table?: string;
}

/** The objects in the drizzle-kit JSON verify loaded (0.x: version 7; 1.0: version 9), in export's terms. */
export const objectsInJson = (major: 0 | 1, json: unknown): readonly string[] => {
  if (major === 1) {
    const { ddl } = json as { ddl: readonly V9Entity[] };
    return ddl
      .flatMap((entity): string[] => {
        const schema = entity.schema ?? 'public';
        switch (entity.entityType) {
          case 'schemas':
            return entity.name === 'public' ? [] : [`schema:${entity.name}`];
          case 'tables':
            return [`table:${schema}.${entity.name}`];
          case 'enums':
            return [`enum:${schema}.${entity.name}`];
          case 'sequences':
            return [`sequence:${schema}.${entity.name}`];
          case 'views':
            return [`view:${schema}.${entity.name}`];
          case 'policies':
            return [`policy:${schema}.${entity.table ?? ''}.${entity.name}`];
          case 'roles':
            return [`role:${entity.name}`];
          default:
            return [];
        }
      })
      .sort();
  }
  const v7 = json as V7Json;
  return [
    ...Object.values(v7.tables).flatMap((t) => [
      `table:${t.schema || 'public'}.${t.name}`,
      ...Object.values(t.policies).map((p) => `policy:${t.schema || 'public'}.${t.name}.${p.name}`),
    ]),
    ...Object.values(v7.enums).map((e) => `enum:${e.schema}.${e.name}`),
    ...Object.values(v7.schemas).map((s) => `schema:${s}`),
    ...Object.values(v7.sequences).map((s) => `sequence:${s.schema}.${s.name}`),
    ...Object.values(v7.views).map((v) => `view:${v.schema}.${v.name}`),
    ...Object.values(v7.policies).map((p) => `policy:${p.schema ?? 'public'}.${p.on ?? ''}.${p.name}`),
    ...Object.values(v7.roles).map((r) => `role:${r.name}`),
  ].sort();
};
