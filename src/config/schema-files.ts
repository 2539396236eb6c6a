/**
 * Expands the config's `schema` paths and globs into files, as drizzle-kit 0.31 does
 * (`prepareFilenames`): each pattern is globbed; a directory stands for the files directly
 * in it (not recursive).
 *
 * NOTE: drizzle-kit globs from the working directory (`glob.sync(pattern)`), NOT from the
 * config file's directory: `drizzle-kit push --config sub/drizzle.config.ts` run from the
 * parent reads `./src/schema.ts` as `<cwd>/src/schema.ts`. We do the same, so verify reads
 * the files push would read.
 *
 * Node 20 has no `fs.glob` (Node 22+), hence tinyglobby.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

/** Extensions drizzle-kit accepts for schema files. */
const SCHEMA_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

export interface SchemaFiles {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: readonly string[];
  /** Patterns that matched no schema file. */
  readonly unmatched: readonly string[];
}

const isSchemaFile = (file: string): boolean =>
  SCHEMA_EXTENSIONS.some((extension) => file.endsWith(extension)) && !/\.d\.[mc]?ts$/.test(file);

const filesOf = (path: string): readonly string[] => {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return [];
  if (!stats.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(path, entry.name));
};

export const expandSchemaPaths = (patterns: readonly string[], cwd: string): SchemaFiles => {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const matched = globSync(pattern, { cwd, absolute: true, onlyFiles: false, expandDirectories: false, dot: false })
      .map((path) => path.replace(/\/$/, ''))
      .flatMap(filesOf)
      .filter(isSchemaFile);
    if (matched.length === 0) unmatched.push(pattern);
    for (const file of matched) files.add(file);
  }
  return { files: [...files].sort(), unmatched };
};
