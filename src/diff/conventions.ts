/**
 * Naming conventions of both sides, with counts, and the systematic mismatches between
 * them with a fix that is computed, not guessed: a fix "resolves" a renamed pair only if
 * applying it makes the schema's name identical to the database's.
 */
import type { Catalog } from '../catalog/model.js';
import {
  convertStyle,
  detectStyle,
  inferConvention,
  inflectionOf,
  pluralize,
  singularize,
  toCamelCase,
  toSnakeCase,
  type Convention,
  type NameRelation,
} from '../naming/index.js';
import { compareStrings, finding, type Finding } from './findings.js';
import { groupBy } from './group-by.js';
import type { CatalogMatch } from './match-catalog.js';
import { isTruncationOf } from './compare-names.js';

export interface SideConventions {
  readonly tables: Convention;
  readonly columns: Convention;
}

export type ConventionFix =
  | {
      /** drizzle's `casing` option (drizzle.config and `drizzle({ casing })`), with columns declared without explicit names. */
      readonly kind: 'casing-option';
      readonly casing: 'snake_case' | 'camelCase';
      /** Mismatched pairs the option makes identical. */
      readonly resolves: number;
      /** Columns matching today that the option would rename (they must keep an explicit name). */
      readonly keepExplicit: number;
      readonly description: string;
    }
  | {
      /** Rename the tables in the schema (`pgTable('...')`) as the database names them. */
      readonly kind: 'schema-names';
      readonly resolves: number;
      readonly keepExplicit: 0;
      readonly description: string;
    };

export interface ConventionMismatch {
  readonly schema: string;
  readonly subject: 'tables' | 'columns';
  /** The dominant pattern, database side first: `snake_case ↔ camelCase`, `plural ↔ singular`, `folded`. */
  readonly pattern: string;
  /** Renamed pairs following the pattern. */
  readonly count: number;
  /** All renamed pairs of the subject in the schema. */
  readonly total: number;
  /** Whether the pattern covers at least two pairs and most of them. */
  readonly systematic: boolean;
  readonly fix: ConventionFix | null;
  readonly message: string;
}

export interface NamingConventions {
  readonly database: SideConventions;
  readonly schema: SideConventions;
  readonly mismatches: readonly ConventionMismatch[];
}

interface NamePair {
  readonly schemaName: string;
  readonly databaseName: string;
  readonly relation: NameRelation;
}

const sideConventions = (catalog: Catalog): SideConventions => ({
  tables: inferConvention(catalog.tables.map((t) => t.name)),
  columns: inferConvention(catalog.tables.flatMap((t) => t.columns.map((c) => c.name))),
});

const patternOf = (pair: NamePair): string => {
  const styles = `${detectStyle(pair.databaseName)} ↔ ${detectStyle(pair.schemaName)}`;
  const inflections = `${inflectionOf(pair.databaseName)} ↔ ${inflectionOf(pair.schemaName)}`;
  switch (pair.relation.tier) {
    case 'casing':
      return styles;
    case 'folded':
      return 'folded to lower case';
    case 'inflection':
      return inflections;
    case 'casing+inflection':
      return `${styles}, ${inflections}`;
    default:
      return pair.relation.tier;
  }
};

const dominant = (pairs: readonly NamePair[]): { readonly pattern: string; readonly pairs: readonly NamePair[] } | null => {
  const groups = groupBy(pairs, patternOf);
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || compareStrings(a[0], b[0]));
  const [first] = sorted;
  return first === undefined ? null : { pattern: first[0], pairs: first[1] };
};

const columnFix = (pairs: readonly NamePair[], identicalNames: readonly string[]): ConventionFix | null => {
  const options = (['snake_case', 'camelCase'] as const).map((casing) => {
    const convert = casing === 'snake_case' ? toSnakeCase : toCamelCase;
    return {
      casing,
      resolves: pairs.filter((p) => convert(p.schemaName) === p.databaseName).length,
      keepExplicit: identicalNames.filter((name) => convert(name) !== name).length,
    };
  });
  const best = options.sort((a, b) => b.resolves - a.resolves || a.keepExplicit - b.keepExplicit)[0];
  if (best === undefined || best.resolves === 0) return null;
  return {
    kind: 'casing-option',
    ...best,
    description:
      `declaring the columns without explicit names and setting casing: '${best.casing}' (in drizzle.config and drizzle()) would resolve ${best.resolves}` +
      (best.keepExplicit > 0
        ? ` (${best.keepExplicit} ${best.keepExplicit === 1 ? 'column that matches' : 'columns that match'} today would need to keep an explicit name)`
        : ''),
  };
};

const tableFix = (pairs: readonly NamePair[]): ConventionFix | null => {
  const resolves = pairs.filter((p) => {
    const style = detectStyle(p.databaseName);
    const candidates = [p.schemaName, pluralize(p.schemaName), singularize(p.schemaName)].flatMap((n) =>
      style === 'single' || style === 'mixed' ? [n, n.toLowerCase()] : [n, convertStyle(n, style)],
    );
    return candidates.includes(p.databaseName);
  }).length;
  if (resolves === 0) return null;
  return {
    kind: 'schema-names',
    resolves,
    keepExplicit: 0,
    description: `naming the tables in pgTable(...) as the database does would resolve ${resolves} (drizzle's casing option does not apply to table names)`,
  };
};

const mismatch = (
  schema: string,
  subject: 'tables' | 'columns',
  pairs: readonly NamePair[],
  identicalNames: readonly string[],
): ConventionMismatch | null => {
  const top = dominant(pairs);
  if (top === null) return null;
  const systematic = top.pairs.length >= 2 && top.pairs.length * 2 > pairs.length;
  const fix = systematic ? (subject === 'columns' ? columnFix(pairs, identicalNames) : tableFix(pairs)) : null;
  const noun = subject === 'columns' ? 'column' : 'table';
  const where = schema === 'public' ? '' : ` in schema ${schema}`;
  return {
    schema,
    subject,
    pattern: top.pattern,
    count: top.pairs.length,
    total: pairs.length,
    systematic,
    fix,
    message:
      `${top.pairs.length} of ${pairs.length} ${noun} mismatches${where} are ${top.pattern}` + (fix !== null ? `; ${fix.description}.` : '.'),
  };
};

const isRename = (schemaName: string, databaseName: string, relation: NameRelation): boolean =>
  relation.tier !== 'identical' && !isTruncationOf(schemaName, databaseName);

export const analyzeConventions = (schema: Catalog, database: Catalog, match: CatalogMatch): NamingConventions => {
  const schemas = [...new Set(match.tables.pairs.map((p) => p.schema.schema))].sort(compareStrings);
  const mismatches: ConventionMismatch[] = [];
  for (const name of schemas) {
    const tablePairs = match.tables.pairs.filter((p) => p.schema.schema === name);
    const renamedTables = tablePairs
      .filter((p) => isRename(p.schema.name, p.database.name, p.relation))
      .map((p) => ({ schemaName: p.schema.name, databaseName: p.database.name, relation: p.relation }));
    const columnPairs = tablePairs.flatMap((p) => p.columns.pairs);
    const renamedColumns = columnPairs
      .filter((c) => isRename(c.schema.name, c.database.name, c.relation))
      .map((c) => ({ schemaName: c.schema.name, databaseName: c.database.name, relation: c.relation }));
    const identicalColumns = columnPairs.filter((c) => c.relation.tier === 'identical').map((c) => c.schema.name);
    const tables = mismatch(name, 'tables', renamedTables, []);
    const columns = mismatch(name, 'columns', renamedColumns, identicalColumns);
    if (tables !== null) mismatches.push(tables);
    if (columns !== null) mismatches.push(columns);
  }
  return { database: sideConventions(database), schema: sideConventions(schema), mismatches };
};

export const conventionFindings = (conventions: NamingConventions): Finding[] =>
  conventions.mismatches
    .filter((m) => m.systematic)
    .map((m) =>
      finding({
        kind: 'convention-mismatch',
        risk: 'medium',
        schema: m.schema,
        evidence: [
          {
            kind: m.pattern.startsWith('folded') ? 'folded' : /plural|singular/.test(m.pattern) ? 'inflection' : 'casing',
            detail: `${m.count} of ${m.total} ${m.subject === 'columns' ? 'column' : 'table'} renames follow ${m.pattern}`,
          },
        ],
        message: m.message,
        action:
          m.fix === null
            ? `Name the ${m.subject} in the schema as the database does.`
            : `${m.fix.description.charAt(0).toUpperCase()}${m.fix.description.slice(1)}.`,
      }),
    );
