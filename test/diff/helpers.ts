import type { Catalog } from '../../src/catalog/model.js';
import { verify, type VerifyOptions, type VerifyResult } from '../../src/diff/verify.js';
import type { Finding } from '../../src/diff/findings.js';

/** verify() with the real expression normalizer (src/sql, pg-query-emscripten). */
export const run = (schema: Catalog, database: Catalog, options: VerifyOptions = {}): VerifyResult => verify(schema, database, options);

/** The findings as short strings, for readable exact assertions: `risk kind table.column from → to`. */
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
