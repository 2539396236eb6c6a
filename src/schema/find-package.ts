/**
 * Installed packages, found as Node finds them: `node_modules/<name>` in a directory or any
 * of its parents, through symlinks (pnpm, workspaces).
 *
 * NOTE: neither drizzle-kit nor drizzle-orm exports `./package.json`, so
 * `require.resolve('drizzle-kit/package.json')` fails with ERR_PACKAGE_PATH_NOT_EXPORTED;
 * the folder lookup below is the part of Node's algorithm that finds the package.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  /** Real path of the package folder. */
  readonly dir: string;
  /** Where it was found (`<dir>/node_modules/<name>`, before symlinks are followed), for messages. */
  readonly location: string;
}

const readManifest = (file: string): { readonly name?: unknown; readonly version?: unknown } | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
};

/** `name` as `require('name')` from a file in `dir` would find it, or null. */
export const findInstalledPackage = (name: string, dir: string): InstalledPackage | null => {
  for (let current = dir; ; current = dirname(current)) {
    const folder = join(current, 'node_modules', name);
    if (statSync(join(folder, 'package.json'), { throwIfNoEntry: false })?.isFile()) {
      const manifest = readManifest(join(folder, 'package.json'));
      if (manifest !== null && typeof manifest.version === 'string') {
        return { name, version: manifest.version, dir: realpathSync(folder), location: folder };
      }
    }
    if (dirname(current) === current) return null;
  }
};

/** The folder of the package `name` that contains `dir` (its nearest package.json naming it), or null. */
export const findPackageDir = (dir: string, name?: string): string | null => {
  for (let current = dir; ; current = dirname(current)) {
    const manifest = readManifest(join(current, 'package.json'));
    if (manifest !== null && (name === undefined || manifest.name === name)) return current;
    if (dirname(current) === current) return null;
  }
};
