/**
 * Pairs named table objects (constraints, indexes) of one table: names where they matter,
 * content where names are generated.
 *
 * 1. identical name (then a content difference is an `alter-*`);
 * 2. the schema's name cut at 63 bytes is the database's name (PostgreSQL cut it);
 * 3. identical content under another name, one to one: a rename (typically a generated
 *    name following a table or column rename), never a drop + create.
 * What is left is created or dropped.
 */
import { truncateIdentifier } from '../naming/index.js';
import { compareStrings } from './findings.js';

export interface ObjectPair<T> {
  readonly schema: T;
  readonly database: T;
  readonly by: 'name' | 'truncation' | 'content';
}

export interface ObjectPairing<T> {
  readonly pairs: readonly ObjectPair<T>[];
  readonly created: readonly T[];
  readonly dropped: readonly T[];
}

export const pairObjects = <T extends { readonly name: string }>(
  schemaItems: readonly T[],
  databaseItems: readonly T[],
  sameContent: (schema: T, database: T) => boolean,
): ObjectPairing<T> => {
  const byName = (a: T, b: T): number => compareStrings(a.name, b.name);
  let schema = [...schemaItems].sort(byName);
  let database = [...databaseItems].sort(byName);
  const pairs: ObjectPair<T>[] = [];

  const take = (by: ObjectPair<T>['by'], fits: (s: T, d: T) => boolean): void => {
    const usedDatabase = new Set<T>();
    const remaining: T[] = [];
    for (const s of schema) {
      const d = database.find((candidate) => !usedDatabase.has(candidate) && fits(s, candidate));
      if (d === undefined) remaining.push(s);
      else {
        pairs.push({ schema: s, database: d, by });
        usedDatabase.add(d);
      }
    }
    schema = remaining;
    database = database.filter((d) => !usedDatabase.has(d));
  };

  take('name', (s, d) => s.name === d.name);
  take('truncation', (s, d) => truncateIdentifier(s.name) === d.name);
  take('content', (s, d) => sameContent(s, d));
  return { pairs: pairs.sort((a, b) => byName(a.schema, b.schema)), created: schema, dropped: database };
};
