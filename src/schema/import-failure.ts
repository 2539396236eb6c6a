/**
 * Turns whatever importing a user's module threw into a short, actionable description:
 * which file, what went wrong (one line), where, and what to do. Pure.
 *
 * Shapes seen through tsx 4 on Node 20 (test/schema/load-modules.test.ts covers each):
 * - esbuild transform errors (`name: 'TransformError'`), serialized from tsx's loader thread:
 *   `Transform failed with 1 error:\n/abs/file.ts:6:0: ERROR: Expected ")" but found "}"`;
 * - `ERR_MODULE_NOT_FOUND`: `Cannot find package '$lib' imported from /abs/file.ts` (a bare
 *   specifier: a missing package or an unresolved tsconfig alias) or `Cannot find module
 *   '/abs/x' imported from /abs/file.ts` (a missing file); CommonJS: `MODULE_NOT_FOUND`;
 * - anything the module itself throws, with a source-mapped stack.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportFailureReason, SourceLocation } from '../config/errors.js';

export interface ImportFailure {
  readonly reason: ImportFailureReason;
  /** The failing file, relative to `cwd` when inside it. */
  readonly path: string;
  readonly location: SourceLocation | null;
  readonly message: string;
  readonly hint: string;
}

/** A path for messages: relative to `cwd` when inside it, else absolute. */
export const displayPath = (file: string, cwd: string): string => {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
};

const firstLine = (text: string): string => (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();

const property = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const stringProperty = (value: unknown, key: string): string | undefined => {
  const found = property(value, key);
  return typeof found === 'string' ? found : undefined;
};

/** npm package names: optional `@scope/`, then lower-case URL-safe characters. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

const packageOf = (specifier: string): string => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
};

const ESBUILD_LOCATION = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m;
const NOT_FOUND_PACKAGE = /Cannot find (?:package|module) '([^']+)'(?: imported from (.+))?/;
/** A stack frame: `at fn (/abs/file.ts:4:17)`, `at /abs/file.ts:4:17` or `at file:///abs/file.ts:4:17`. */
const STACK_FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?$/;
/** First line of a Node SyntaxError stack: `file:///abs/file.mjs:3`. */
const SYNTAX_HEADER = /^((?:file:\/\/)?\/[^:]+|[A-Za-z]:\\[^:]+):(\d+)$/;

const userFrame = (stack: string): { file: string; location: SourceLocation } | null => {
  for (const line of stack.split('\n')) {
    const match = STACK_FRAME.exec(line);
    if (!match) continue;
    const [, file = '', row = '0', column = '0'] = match;
    if (file.includes(`${sep}node_modules${sep}`) || file.includes('/node_modules/')) continue;
    return { file, location: { line: Number(row), column: Number(column) } };
  }
  return null;
};

/** Describes why importing `file` (relative paths in the result are from `cwd`) failed. */
export const describeImportFailure = (error: unknown, file: string, cwd: string): ImportFailure => {
  const message = error instanceof Error ? error.message : (stringProperty(error, 'message') ?? String(error));
  const name = stringProperty(error, 'name') ?? '';
  const code = stringProperty(error, 'code') ?? '';
  const stack = stringProperty(error, 'stack') ?? '';

  const esbuild = ESBUILD_LOCATION.exec(message);
  if (name === 'TransformError' || message.startsWith('Transform failed') || esbuild) {
    const [, where = file, row, column, text = firstLine(message)] = esbuild ?? [];
    return {
      reason: 'syntax-error',
      path: displayPath(where, cwd),
      // NOTE: esbuild columns are 0-based; editors and the rest of our messages count from 1.
      location: row && column ? { line: Number(row), column: Number(column) + 1 } : null,
      message: `syntax error: ${text}`,
      hint: 'fix the TypeScript syntax at that position (the file does not compile)',
    };
  }

  if (name === 'SyntaxError') {
    const header = SYNTAX_HEADER.exec(firstLine(stack));
    return {
      reason: 'syntax-error',
      path: displayPath(header?.[1] ?? file, cwd),
      location: header?.[2] ? { line: Number(header[2]), column: 1 } : null,
      message: `syntax error: ${firstLine(message)}`,
      hint: 'fix the syntax at that position (the file does not parse)',
    };
  }

  const notFound = NOT_FOUND_PACKAGE.exec(message);
  if (notFound && (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')) {
    const [, specifier = '', importer] = notFound;
    const path = displayPath(importer?.trim() ?? file, cwd);
    if (specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:')) {
      return {
        reason: 'missing-file',
        path,
        location: null,
        message: `cannot find module '${displayPath(specifier, cwd)}'`,
        hint: 'check the import path: the file it names does not exist',
      };
    }
    const pkg = packageOf(specifier);
    if (!PACKAGE_NAME.test(pkg)) {
      return {
        reason: 'unresolved-alias',
        path,
        location: null,
        message: `cannot resolve '${specifier}': not a package and no tsconfig path alias matched`,
        hint: `check tsconfig "paths" for '${specifier}' (the tsconfig.json found from the working directory is used; for SvelteKit run \`svelte-kit sync\` so .svelte-kit/tsconfig.json exists)`,
      };
    }
    return {
      reason: 'missing-package',
      path,
      location: null,
      message: `cannot find package '${pkg}'`,
      hint: `install it in the project (\`npm install ${pkg}\`); if '${pkg}' is meant to be a tsconfig "paths" alias, check tsconfig paths`,
    };
  }

  const frame = userFrame(stack);
  if (name === 'ModuleExitError') {
    return {
      reason: 'threw',
      path: displayPath(frame?.file ?? file, cwd),
      location: frame?.location ?? null,
      message: `${message} while being imported`,
      hint: 'an environment check at import time usually does this (a variable such as DATABASE_URL is unset): drizzle-catalog imports the module offline and loads no .env: set the variable, or keep such checks out of the modules the config and schema import',
    };
  }
  return {
    reason: 'threw',
    path: displayPath(frame?.file ?? file, cwd),
    location: frame?.location ?? null,
    message: `threw while being imported: ${firstLine(message) || name || 'unknown error'}`,
    hint: 'does it read environment variables (DATABASE_URL...) or connect to a database at import time? drizzle-catalog imports it offline and loads no .env: set the variable, or keep such code out of the modules the config and schema import',
  };
};
