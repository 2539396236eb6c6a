/**
 * Pairs schema-side objects with database-side objects by name, tier by tier:
 * identical → casing → folded → inflection → casing+inflection → truncated.
 *
 * At each tier only still-unpaired names take part. Names related at that tier form
 * connected groups; a group of exactly one schema name and one database name is a pair
 * (a rename unless identical). A larger group is an ambiguity: verify does not guess, and
 * its members take no part in weaker tiers. Unrelated names (no relation from
 * `relateNames`) are never paired.
 */
import {
  convertStyle,
  foldUnquoted,
  MATCH_TIERS,
  relateNames,
  singularize,
  singularWord,
  splitWords,
  TARGET_STYLES,
  truncateIdentifier,
  type MatchTier,
  type NameRelation,
} from '../naming/index.js';
import { compareStrings } from './findings.js';
import { groupBy } from './group-by.js';

export { MATCH_TIERS };

export const IDENTICAL: NameRelation = { tier: 'identical', reasons: [] };

export interface Pair<S, D> {
  readonly schema: S;
  readonly database: D;
  readonly relation: NameRelation;
}

export interface Edge<S, D> {
  readonly schema: S;
  readonly database: D;
  readonly relation: NameRelation;
}

export interface Ambiguity<S, D> {
  readonly tier: MatchTier;
  readonly schema: readonly S[];
  readonly database: readonly D[];
  /** Every related pair in the group. */
  readonly edges: readonly Edge<S, D>[];
}

export interface Matching<S, D> {
  /** Identical names and unambiguous renames, sorted by schema-side name. */
  readonly pairs: readonly Pair<S, D>[];
  /** Schema-side objects with no counterpart (not part of an ambiguity). */
  readonly created: readonly S[];
  /** Database-side objects with no counterpart (not part of an ambiguity). */
  readonly dropped: readonly D[];
  readonly ambiguities: readonly Ambiguity<S, D>[];
}

export interface MatchOptions {
  /** Tiers to try besides `identical`, strongest first. Default: all. */
  readonly tiers?: readonly MatchTier[];
}

/**
 * Keys under which a name can meet a related name, so that `relateNames` (about 100 µs a
 * call) runs only on likely pairs instead of n × m. Each tier of `relateNames`
 * (src/naming/equivalence.ts) is covered by a key both sides share when it holds:
 * - casing: the lower-cased words; the name and each of its style conversions;
 * - folded: the ASCII-lower-cased name;
 * - inflection: the name and its singular (one side's singular is the other's name);
 * - casing+inflection: the words with the last one singular, folded name singular;
 * - truncated: the 63-byte cut of the name, of its conversions and of its folded form.
 * A shared key proposes a pair; `relateNames` still decides.
 */
export const candidateKeys = (name: string): readonly string[] => {
  const words = splitWords(name).map((w) => w.toLowerCase());
  const last = words.at(-1);
  const head = words.slice(0, -1).join(' ');
  const folded = foldUnquoted(name);
  const variants = TARGET_STYLES.map((style) => convertStyle(name, style)).filter((v) => v !== '');
  const keys = [
    `n:${name}`,
    ...variants.map((v) => `n:${v}`),
    `n:${singularize(name)}`,
    `f:${folded}`,
    `f:${singularize(folded)}`,
    ...[name, ...variants, folded].map((v) => `t:${truncateIdentifier(v)}`),
  ];
  if (last !== undefined) keys.push(`w:${words.join(' ')}`, `w:${head} ${last}`, `w:${head} ${singularWord(last)}`);
  return [...new Set(keys)];
};

export const matchByName = <S, D>(
  schemaItems: readonly S[],
  databaseItems: readonly D[],
  schemaName: (item: S) => string,
  databaseName: (item: D) => string,
  options: MatchOptions = {},
): Matching<S, D> => {
  const tiers = (options.tiers ?? MATCH_TIERS).filter((tier) => tier !== 'identical');
  const bySchemaName = (a: S, b: S): number => compareStrings(schemaName(a), schemaName(b));
  const byDatabaseName = (a: D, b: D): number => compareStrings(databaseName(a), databaseName(b));

  const pairs: Pair<S, D>[] = [];
  const databaseByName = new Map<string, D>();
  for (const item of databaseItems) if (!databaseByName.has(databaseName(item))) databaseByName.set(databaseName(item), item);

  let remainingSchema: S[] = [];
  const pairedDatabase = new Set<D>();
  for (const item of [...schemaItems].sort(bySchemaName)) {
    const same = databaseByName.get(schemaName(item));
    if (same !== undefined && !pairedDatabase.has(same)) {
      pairs.push({ schema: item, database: same, relation: IDENTICAL });
      pairedDatabase.add(same);
    } else {
      remainingSchema.push(item);
    }
  }
  let remainingDatabase = [...databaseItems].filter((item) => !pairedDatabase.has(item)).sort(byDatabaseName);

  // Relations between the remaining pairs that share a candidate key, computed once.
  const edges: Edge<S, D>[] = [];
  if (tiers.length > 0 && remainingSchema.length > 0 && remainingDatabase.length > 0) {
    const byKey = groupBy(
      remainingDatabase.flatMap((item) => candidateKeys(databaseName(item)).map((key) => ({ key, item }))),
      (entry) => entry.key,
    );
    for (const s of remainingSchema) {
      const candidates = [...new Set(candidateKeys(schemaName(s)).flatMap((key) => (byKey.get(key) ?? []).map((entry) => entry.item)))];
      // In database-name order, so that edges (and groups) come out in a fixed order.
      for (const d of candidates.sort(byDatabaseName)) {
        const relation = relateNames(schemaName(s), databaseName(d));
        if (relation !== null && relation.tier !== 'identical') edges.push({ schema: s, database: d, relation });
      }
    }
  }

  const ambiguities: Ambiguity<S, D>[] = [];
  for (const tier of tiers) {
    const liveSchema = new Set(remainingSchema);
    const liveDatabase = new Set(remainingDatabase);
    const tierEdges = edges.filter((e) => e.relation.tier === tier && liveSchema.has(e.schema) && liveDatabase.has(e.database));
    if (tierEdges.length === 0) continue;
    const taken = new Set<S | D>();
    for (const group of connectedGroups(tierEdges)) {
      const groupSchema = [...new Set(group.map((e) => e.schema))].sort(bySchemaName);
      const groupDatabase = [...new Set(group.map((e) => e.database))].sort(byDatabaseName);
      const [onlySchema] = groupSchema;
      const [onlyDatabase] = groupDatabase;
      const [onlyEdge] = group;
      if (groupSchema.length === 1 && groupDatabase.length === 1 && onlySchema !== undefined && onlyDatabase !== undefined && onlyEdge) {
        pairs.push({ schema: onlySchema, database: onlyDatabase, relation: onlyEdge.relation });
      } else {
        ambiguities.push({ tier, schema: groupSchema, database: groupDatabase, edges: group });
      }
      for (const item of groupSchema) taken.add(item);
      for (const item of groupDatabase) taken.add(item);
    }
    remainingSchema = remainingSchema.filter((item) => !taken.has(item));
    remainingDatabase = remainingDatabase.filter((item) => !taken.has(item));
  }

  return {
    pairs: pairs.sort((a, b) => bySchemaName(a.schema, b.schema)),
    created: remainingSchema,
    dropped: remainingDatabase,
    ambiguities,
  };
};

/** Groups edges that share a schema-side or a database-side endpoint (union-find). */
const connectedGroups = <S, D>(edges: readonly Edge<S, D>[]): readonly (readonly Edge<S, D>[])[] => {
  const parent = new Map<unknown, unknown>();
  const find = (x: unknown): unknown => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root);
    parent.set(x, root);
    return root;
  };
  const union = (a: unknown, b: unknown): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  };
  // Tag sides so a schema item and a database item that are the same value stay distinct.
  const schemaKey = new Map<S, object>();
  const databaseKey = new Map<D, object>();
  const keyOf = <T>(map: Map<T, object>, item: T): object => {
    let key = map.get(item);
    if (key === undefined) {
      key = {};
      map.set(item, key);
    }
    return key;
  };
  for (const e of edges) union(keyOf(schemaKey, e.schema), keyOf(databaseKey, e.database));
  const groups = groupBy(edges, (e) => find(keyOf(schemaKey, e.schema)));
  // Edges arrive in schema-name order, so groups come out in order of their first schema name.
  return [...groups.values()];
};
