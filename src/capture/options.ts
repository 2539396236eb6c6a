/** Parsing capture's option values (pure): durations and `schema.table` names. */
import type { QualifiedName } from '../catalog/model.js';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/**
 * `500ms`, `30s`, `2m`; a bare number counts as seconds. cac hands numeric-looking
 * values over as numbers, hence the union.
 */
export const parseDuration = (flag: string, value: unknown): Parsed<number> => {
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text);
  const amount = match === null ? Number.NaN : Number(match[1]);
  const unit = (match?.[2] ?? 's') as keyof typeof UNIT_MS;
  const ms = Math.round(amount * UNIT_MS[unit]);
  if (!Number.isFinite(ms) || ms <= 0) {
    return { ok: false, message: `${flag} must be a positive duration such as 30s, 1500ms or 2m, not \`${text}\`` };
  }
  return { ok: true, value: ms };
};

/** `schema.table` (split at the first dot); a bare `table` lives in `drizzle`, as drizzle-kit's default. */
export const parseQualifiedTable = (flag: string, value: unknown): Parsed<QualifiedName> => {
  const text = String(value).trim();
  const dot = text.indexOf('.');
  const schema = dot === -1 ? 'drizzle' : text.slice(0, dot);
  const name = dot === -1 ? text : text.slice(dot + 1);
  if (schema === '' || name === '' || typeof value === 'boolean') {
    return { ok: false, message: `${flag} must name a table as schema.table, e.g. drizzle.__drizzle_migrations` };
  }
  return { ok: true, value: { schema, name } };
};

/** `--schema` values: cac gives an array (type: [String]); blank names are mistakes. */
export const parseSchemas = (flag: string, value: unknown): Parsed<readonly string[] | undefined> => {
  if (value === undefined) return { ok: true, value: undefined };
  const names = (Array.isArray(value) ? value : [value]).map((name) => String(name));
  if (names.some((name) => name.trim() === '')) return { ok: false, message: `${flag} needs a schema name` };
  return { ok: true, value: names };
};
