/** npm package names in import specifiers. Pure. */

/** npm package names: optional `@scope/`, then lower-case URL-safe characters. */
export const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** The package part of a bare specifier: `@acme/db/defaults` → `@acme/db`, `pg/lib` → `pg`. */
export const packageOf = (specifier: string): string => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
};
