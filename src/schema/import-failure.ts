/**
 * Turns whatever importing a user's module threw into a short, actionable description:
 * which file, what went wrong (one line), where, and what to do. Pure.
 *
 * Shapes seen through drizzle-kit's loaders on Node 20 (test/schema/ covers each):
 * - esbuild transform errors through tsx (`name: 'TransformError'`):
 *   `Transform failed with 1 error:\n/abs/file.ts:6:0: ERROR: Expected ")" but found "}"`;
 * - CommonJS `MODULE_NOT_FOUND`: `Cannot find module './users'\nRequire stack:\n- /abs/file.ts\n...`
 *   (a relative file, a package, or an unresolved tsconfig alias such as `$lib/db`);
 * - ES module `ERR_MODULE_NOT_FOUND`: `Cannot find package '$lib' imported from /abs/file.ts`;
 * - jiti (drizzle-kit 1.0): babel's syntax errors, Node's resolution errors;
 * - anything the module itself throws, with a source-mapped stack;
 * - what the loader process adds: a refused connection, a time bound reached, a
 *   tsconfig.json that cannot be read.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../config/display-path.js';
import type { ImportFailureReason, SourceLocation } from '../config/errors.js';
import type { NetworkAttempt } from './child/protocol.js';
import { PACKAGE_NAME, packageOf } from './package-name.js';
import { explainTsconfigError } from './tsconfig-error.js';

export interface ImportFailure {
  readonly reason: ImportFailureReason;
  /** The failing file, relative to `cwd` when inside it. */
  readonly path: string;
  readonly location: SourceLocation | null;
  readonly message: string;
  readonly hint: string;
}

/** What the description needs to know besides the error. */
export interface ImportContext {
  readonly cwd: string;
  /** The env file read before the config was imported (relative to cwd), or null. */
  readonly envFile: string | null;
  /** The drizzle-kit major whose loader imported it. */
  readonly kitMajor: 0 | 1;
}

const firstLine = (text: string): string => (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();

const property = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const stringProperty = (value: unknown, key: string): string | undefined => {
  const found = property(value, key);
  return typeof found === 'string' ? found : undefined;
};


const ESBUILD_LOCATION = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m;
const NOT_FOUND = /Cannot find (?:package|module) '([^']+)'(?: imported from (.+))?/;
/** CommonJS: the first entry of `Require stack:` is the importing file. */
const REQUIRE_STACK = /Require stack:\n- (.+)/;
/** A stack frame: `at fn (/abs/file.ts:4:17)`, `at /abs/file.ts:4:17` or `at file:///abs/file.ts:4:17`. */
const STACK_FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?$/;
/** First line of a Node SyntaxError stack: `file:///abs/file.mjs:3`. */
const SYNTAX_HEADER = /^((?:file:\/\/)?\/[^:]+|[A-Za-z]:\\[^:]+):(\d+)$/;
/** babel (through jiti): `/abs/file.ts: Unexpected token (6:0)`. */
const BABEL_LOCATION = /^(\/[^:]+|[A-Za-z]:\\[^:]+): (.+) \((\d+):(\d+)\)/;
const CJS_TOP_LEVEL_AWAIT = 'Top-level await is currently not supported with the "cjs" output format';

/** drizzle-catalog's own files (src/ or dist/): frames in them are not the user's. */
const OWN_ROOT = fileURLToPath(new URL('../', import.meta.url));

const isUserFile = (file: string): boolean => {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  return !path.includes('/node_modules/') && !path.includes('\\node_modules\\') && !path.startsWith('node:') && !path.startsWith(OWN_ROOT);
};

const userFrame = (stack: string): { file: string; location: SourceLocation } | null => {
  for (const line of stack.split('\n')) {
    const match = STACK_FRAME.exec(line);
    if (!match) continue;
    const [, file = '', row = '0', column = '0'] = match;
    if (!isUserFile(file)) continue;
    return { file, location: { line: Number(row), column: Number(column) } };
  }
  return null;
};

/** `file:line` (a frame the loader process saw) → the file and its line. */
const splitFrame = (frame: string): { file: string; location: SourceLocation | null } => {
  const match = /^(.+):(\d+)$/.exec(frame);
  return match ? { file: match[1] ?? frame, location: { line: Number(match[2]), column: 1 } } : { file: frame, location: null };
};

const envNote = (envFile: string | null): string =>
  envFile === null
    ? 'no .env was found in the working directory (drizzle-kit and verify read it from there)'
    : `verify read ${envFile}, as drizzle-kit does, and it did not help`;

/** Describes why importing `file` (relative paths in the result are from `context.cwd`) failed. */
export const describeImportFailure = (error: unknown, file: string, context: ImportContext): ImportFailure => {
  const { cwd } = context;
  const message = error instanceof Error ? error.message : (stringProperty(error, 'message') ?? String(error));
  const name = stringProperty(error, 'name') ?? '';
  const code = stringProperty(error, 'code') ?? '';
  const stack = stringProperty(error, 'stack') ?? '';

  const esbuild = ESBUILD_LOCATION.exec(message);
  if (name === 'TransformError' || message.startsWith('Transform failed') || esbuild) {
    const [, reported = file, row, column, text = firstLine(message)] = esbuild ?? [];
    // NOTE: tsx reports a `.mjs` file compiled to CommonJS under a `.js` name.
    const where = existsSync(reported) ? reported : file;
    // NOTE: esbuild columns are 0-based; editors and the rest of our messages count from 1.
    const location = row && column ? { line: Number(row), column: Number(column) + 1 } : null;
    if (text.includes(CJS_TOP_LEVEL_AWAIT)) {
      return {
        reason: 'module-system',
        path: displayPath(where, cwd),
        location,
        message: 'top-level await in a module drizzle-kit 0.x loads as CommonJS',
        hint: 'drizzle-kit 0.x compiles every config and schema file to CommonJS (through tsx), where top-level await does not exist: drizzle-kit push fails here too; move the await into a function, or upgrade to drizzle-kit 1.0, which supports it',
      };
    }
    return {
      reason: 'syntax-error',
      path: displayPath(where, cwd),
      location,
      message: `syntax error: ${text}`,
      hint: 'fix the TypeScript syntax at that position (the file does not compile)',
    };
  }

  const babel = BABEL_LOCATION.exec(message);
  if (babel && (name === 'SyntaxError' || code === 'BABEL_PARSE_ERROR' || message.includes('SyntaxError'))) {
    const [, where = file, text = firstLine(message), row = '0', column = '0'] = babel;
    return {
      reason: 'syntax-error',
      path: displayPath(where, cwd),
      location: { line: Number(row), column: Number(column) + 1 },
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

  const notFound = NOT_FOUND.exec(message);
  if (notFound && (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')) {
    const [, specifier = '', importedFrom] = notFound;
    const importer = importedFrom?.trim() ?? REQUIRE_STACK.exec(message)?.[1]?.trim() ?? file;
    const path = displayPath(importer, cwd);
    if (specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:')) {
      const importerFile = importer.startsWith('file://') ? importer : resolve(importer);
      const missing = specifier.startsWith('.') && isAbsolute(importerFile) ? resolve(dirname(importerFile), specifier) : specifier;
      return {
        reason: 'missing-file',
        path,
        location: null,
        message: `cannot find module '${displayPath(missing, cwd)}'`,
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
        hint:
          context.kitMajor === 0
            ? `check tsconfig "paths" for '${specifier}' (drizzle-kit 0.x uses the tsconfig.json found from the working directory; for SvelteKit run \`svelte-kit sync\` so .svelte-kit/tsconfig.json exists)`
            : `check tsconfig "paths" for '${specifier}' (drizzle-kit 1.0 uses the tsconfig.json found from the importing file's folder, exact names and trailing "/*" patterns only)`,
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
      hint: `an environment check at import time usually does this (a variable such as DATABASE_URL is unset); ${envNote(context.envFile)}: set the variable, or keep such checks out of the modules the config and schema import`,
    };
  }
  return {
    reason: 'threw',
    path: displayPath(frame?.file ?? file, cwd),
    location: frame?.location ?? null,
    message: `threw while being imported: ${firstLine(message) || name || 'unknown error'}`,
    hint: `does it read environment variables (DATABASE_URL...) or connect to a database at import time? ${envNote(context.envFile)}: set the variable, or keep such code out of the modules the config and schema import`,
  };
};

/** A connection the loader process refused while `file` was imported. */
export const describeNetworkAttempt = (attempt: NetworkAttempt, file: string, cwd: string): ImportFailure => {
  const frame = attempt.module === null ? null : splitFrame(attempt.module);
  return {
    reason: 'network',
    path: displayPath(frame?.file ?? file, cwd),
    location: frame?.location ?? null,
    message: `connects to ${attempt.target} while being imported: verify works offline and refused the connection`,
    hint: 'keep database connections out of the modules the config and schema import (a query, connect() or a migration at the top level); create the client in a module the schema files do not import. A client that only connects on its first query is fine',
  };
};

/**
 * `file` was still importing when the time bound ran out, or can never finish; `innermost`
 * is the module (that `file` imports) still running its top-level code, when known.
 */
export const describePending = (
  file: string,
  cwd: string,
  bound: { readonly seconds: number; readonly neverSettles: boolean; readonly innermost: string | null },
): ImportFailure =>
  bound.neverSettles
    ? {
        reason: 'pending',
        path: displayPath(file, cwd),
        location: null,
        message: 'its top-level await never settles: nothing is left that could settle it',
        hint: 'drizzle-kit ends silently here, without output; remove that await from the module (or from the modules it imports), or make it settle',
      }
    : {
        reason: 'pending',
        path: displayPath(bound.innermost ?? file, cwd),
        location: null,
        message: `was still being imported after ${bound.seconds} s${bound.innermost !== null && bound.innermost !== file ? ` (imported by ${displayPath(file, cwd)})` : ''}`,
        hint: `its top-level code, or that of a module it imports, is still running or waiting: an await that never settles, an endless loop, a connection that never answers. If it is only slow, raise the bound: --import-timeout ${Math.max(bound.seconds * 2, 120)}`,
      };

/** The loader process ended while `file` was imported (a native crash, `process.abort()`, an out-of-memory kill). */
export const describeEnded = (file: string, cwd: string, ending: { readonly code: number | null; readonly signal: string | null }): ImportFailure => ({
  reason: 'threw',
  path: displayPath(file, cwd),
  location: null,
  message: `ended the process that imported it (${ending.signal === null ? `exit code ${String(ending.code)}` : `signal ${ending.signal}`}) while being imported`,
  hint: 'drizzle-kit would end the same way: run `npx drizzle-kit export` to see its output, and keep such code out of the modules the config and schema import',
});

/** drizzle-kit 1.0 could not read the tsconfig.json of a module's folder. */
export const describeTsconfigFailure = (tsconfig: string, message: string, cwd: string): ImportFailure => {
  const { problem, fix } = explainTsconfigError(message);
  return {
    reason: 'tsconfig',
    path: displayPath(tsconfig, cwd),
    location: null,
    message: problem,
    hint: `${fix}; drizzle-kit 1.0 reads this tsconfig.json for every TypeScript file in its folder and stops here too`,
  };
};
