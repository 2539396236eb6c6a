/**
 * Shared by the verify hardening tests: run `drizzle-catalog verify` in memory from a
 * project directory, write throwaway projects under .work/ (inside the repository, so
 * `drizzle-orm` resolves from its node_modules), and the checks every bad-input case
 * shares: exit 2, a message naming what is wrong, a hint, never a stack trace.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { memoryIo } from '../../support/memory-io.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const WORK = join(REPO, 'test/hardening-verify/.work');
export const EXAMPLE_PROJECT = join(REPO, 'examples/meetings');
export const EXAMPLE_SNAPSHOT = join(REPO, 'snapshots/example.json');
/** The schema team's fixture projects (test/fixtures/projects). */
export const FIXTURE = (name: string): string => join(REPO, 'test/fixtures/projects', name);
/** This suite's committed fixture projects. */
export const OWN_FIXTURE = (name: string): string => join(REPO, 'test/hardening-verify/fixtures', name);

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `drizzle-catalog verify ...args` with `cwd` as the working directory. */
export const verifyIn = async (cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> => {
  const io = memoryIo({ cwd, env });
  const code = await runCli(['verify', ...args], io);
  return { code, out: io.out(), err: io.err() };
};

/** A stack frame line as Node prints them. */
const STACK_FRAME = /^\s+at .+/m;

/**
 * The contract of every bad-input case: exit 2, nothing on stdout, one `drizzle-catalog
 * verify: ...` message naming `names` (the file, file:line, the flag...), a hint, no stack.
 */
export const expectUsageError = (run: Run, ...names: readonly (string | RegExp)[]): void => {
  expect(run.code, run.err).toBe(2);
  expect(run.out).toBe('');
  // What the user's modules printed while loading may come first.
  expect(run.err).toMatch(/^drizzle-catalog verify: \S/m);
  expect(run.err).toMatch(/\n {2}hint: \S/);
  expect(run.err).not.toMatch(STACK_FRAME);
  expect(run.err).not.toContain('internal error');
  for (const name of names) {
    if (typeof name === 'string') expect(run.err).toContain(name);
    else expect(run.err).toMatch(name);
  }
};

/** The first line of the message (after the command prefix) and the hint, for readable assertions. */
export const messageOf = (run: Run): { readonly message: string; readonly hint: string } => {
  const from = run.err.indexOf('drizzle-catalog verify: ');
  const [first = '', ...rest] = run.err.slice(from === -1 ? 0 : from).replace(/^drizzle-catalog verify: /, '').split('\n');
  const hint = rest.find((line) => line.startsWith('  hint: '))?.slice('  hint: '.length) ?? '';
  return { message: first, hint };
};

export const TSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true } }, null, 2)}\n`;

export const POSTGRES_CONFIG = `import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema.ts',
});
`;

export const USERS_SCHEMA = `import { pgTable, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', { id: text('id').primaryKey(), email: text('email') });
`;

/**
 * Writes a throwaway project under .work/<name> (emptied first) and returns its path.
 * Files default to a tsconfig.json; pass the config and schema files.
 */
export const writeProject = (name: string, files: Readonly<Record<string, string>>): string => {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries({ 'tsconfig.json': TSCONFIG, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};
