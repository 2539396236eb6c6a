import type { Catalog } from '../../src/catalog/model.js';
import { verify, type VerifyOptions, type VerifyResult } from '../../src/diff/verify.js';
import type { Finding } from '../../src/diff/findings.js';
import type { Normalize } from '../../src/diff/expressions.js';
import { normalizeExpressions } from '../../src/sql/index.js';

// TEMPORARY until src/sql lands: the real normalizer, or trimmed text while it is a stub.
const normalize: Normalize = (inputs) => {
  try {
    return normalizeExpressions(inputs);
  } catch {
    return inputs.map((i) => ({ ok: true, canonical: i.sql.trim() }));
  }
};

/** verify() with the real expression normalizer. */
export const run = (schema: Catalog, database: Catalog, options: VerifyOptions = {}): VerifyResult =>
  verify(schema, database, { normalizeExpressions: normalize, ...options });

/** The findings as short strings, for readable exact assertions: `risk kind table.column from→to`. */
export const brief = (findings: readonly Finding[]): string[] =>
  findings.map((f) =>
    [
      f.risk,
      f.kind,
      [f.table, f.column ?? f.object].filter((x) => x !== null).join('.') || f.schema,
      f.from !== null || f.to !== null ? `${f.from ?? '∅'} → ${f.to ?? '∅'}` : null,
    ]
      .filter((x) => x !== null)
      .join(' '),
  );

export const kinds = (result: VerifyResult): string[] => result.findings.map((f) => f.kind);
