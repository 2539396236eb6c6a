/**
 * The small kinds of a catalog (tables without their parts, policies, enums, domains,
 * sequences, views, extensions, the migrations journal) in one statement: one column
 * per kind holding its rows as a JSON array, so that each kind costs no round trip of
 * its own. Each kind keeps its own SQL and its own pure mapping (KindQuery); a JSON row
 * has the same field names as the row the kind's select returns. The order of a kind's
 * rows is not relied upon (SQL promises none through a subquery): the catalog is sorted
 * afterwards, and the journal's rows carry their rank.
 */
import type { Queryable } from '../queryable.js';
import type { KindQuery, SchemaList } from './shared.js';

type Results<Kinds> = { readonly [K in keyof Kinds]: Kinds[K] extends KindQuery<object, infer Result> ? Result : never };

/** The SQL reading `kinds` together (parameter $1: the schema list). */
export const togetherSql = (kinds: Readonly<Record<string, KindQuery<object, unknown>>>): string =>
  `select ${Object.entries(kinds)
    .map(([name, kind]) => `(select coalesce(json_agg(r), '[]'::json) from (${kind.sql}) r) as "${name}"`)
    .join(',\n')}`;

/** Reads `kinds` (named by plain identifiers) in one statement and maps each kind's rows. */
export const readTogether = async <Kinds extends Readonly<Record<string, KindQuery<object, unknown>>>>(
  q: Queryable,
  schemas: SchemaList,
  kinds: Kinds,
): Promise<Results<Kinds>> => {
  const [row] = (await q.query<Record<string, readonly object[]>>(togetherSql(kinds), [schemas])).rows;
  if (row === undefined) throw new Error('the catalog query returned no row');
  return Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, kind.map(row[name] ?? [])])) as Results<Kinds>;
};
