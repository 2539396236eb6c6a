/**
 * The PostgreSQL identifier rules of src/naming against real PostgreSQL: the server
 * (15) and PGlite (PostgreSQL 18 in process), with the same assertions. Generated
 * identifiers are batched, a few dozen per statement, so the test stays quick.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foldUnquoted,
  POSTGRES_15_QUOTED_KEYWORDS,
  POSTGRES_16_TO_18_QUOTED_KEYWORDS,
  quoteIdentifier,
  truncateIdentifier,
  type KeywordCategory,
} from '../../src/naming/index.js';
import {
  createPgliteDatabase,
  createServerDatabase,
  serverTestsEnabled,
  type TestDatabase,
} from '../support/databases.js';
import { graphemeText, identifierLike, longIdentifier } from './arbitraries.js';

const server = await serverTestsEnabled();

const targets = [
  { name: 'PostgreSQL server', enabled: server, open: (): Promise<TestDatabase> => createServerDatabase('naming') },
  { name: 'PGlite', enabled: true, open: (): Promise<TestDatabase> => createPgliteDatabase() },
];

const CATEGORY_OF_CATCODE: Readonly<Record<string, KeywordCategory>> = { R: 'reserved', C: 'col_name', T: 'type_func_name' };

const sortedKeywords = (lists: readonly Readonly<Record<KeywordCategory, readonly string[]>>[]) => {
  const merged: Record<KeywordCategory, string[]> = { reserved: [], col_name: [], type_func_name: [] };
  for (const list of lists) {
    for (const category of Object.keys(merged) as KeywordCategory[]) merged[category].push(...list[category]);
  }
  for (const words of Object.values(merged)) words.sort();
  return merged;
};

const LATER_KEYWORDS: ReadonlySet<string> = new Set(Object.values(POSTGRES_16_TO_18_QUOTED_KEYWORDS).flat());
const ALL_15_KEYWORDS = Object.values(POSTGRES_15_QUOTED_KEYWORDS).flat();

/** PostgreSQL text cannot hold NUL. */
const withoutNul = (text: string): boolean => !text.includes('\u0000');

/** Names quote_ident must decide on: keywords, upper case, spaces, leading digits, Unicode, quotes. */
const quotingCandidate = fc.oneof(
  fc.constantFrom(...ALL_15_KEYWORDS, 'name', 'json', 'system_user', 'users', 'user_id', '_x', 'a$b', '"', ''),
  fc.constantFrom(...ALL_15_KEYWORDS).map((word) => word.toUpperCase()),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/),
  fc.stringMatching(/^[0-9][a-z0-9_]{0,6}$/),
  identifierLike,
  graphemeText.filter(withoutNul),
);

/** One statement's worth of tables per run; a fresh schema each time. */
const TABLES_PER_RUN = 25;
let schemaCounter = 0;

/** Always-quoted form, built independently of quoteIdentifier. */
const quoted = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Creates one table per name in a new schema, each with a single column `c<index>`, and
 * returns the stored relname of each table by index.
 */
const storedTableNames = async (db: TestDatabase, tableNames: readonly string[]): Promise<readonly string[]> => {
  const schema = `naming_${schemaCounter++}`;
  const statements = tableNames.map((name, index) => `create table ${schema}.${name} (c${index} int);`);
  await db.exec(`set client_min_messages = warning; create schema ${schema}; ${statements.join('\n')}`);
  const rows = await db.query<{ relname: string; attname: string }>(
    `select c.relname, a.attname
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = 1
      where n.nspname = $1 and c.relkind = 'r'`,
    [schema],
  );
  await db.exec(`drop schema ${schema} cascade`);
  const byIndex = new Map(rows.map((row) => [Number(row.attname.slice(1)), row.relname]));
  return tableNames.map((_, index) => byIndex.get(index) ?? '<missing>');
};

describe.each(targets)('$name', ({ enabled, open }) => {
  let db: TestDatabase;
  let major = 0;

  beforeAll(async () => {
    if (!enabled) return;
    db = await open();
    const [settings] = await db.query<{ version: string; encoding: string }>(
      `select current_setting('server_version_num') as version, current_setting('server_encoding') as encoding`,
    );
    major = Math.floor(Number(settings?.version) / 10000);
    // foldUnquoted and truncateIdentifier describe a UTF8 database.
    expect(settings?.encoding).toBe('UTF8');
  });

  afterAll(async () => {
    if (enabled) await db.close();
  });

  it.skipIf(!enabled)('quotes the keywords the shipped list names (15), plus the known later ones', async () => {
    const rows = await db.query<{ word: string; catcode: string }>(
      `select word, catcode::text as catcode from pg_get_keywords() where catcode <> 'U' order by word`,
    );
    const actual: Record<KeywordCategory, string[]> = { reserved: [], col_name: [], type_func_name: [] };
    for (const row of rows) actual[CATEGORY_OF_CATCODE[row.catcode] as KeywordCategory].push(row.word);
    for (const words of Object.values(actual)) words.sort();
    if (major === 15) expect(actual).toEqual(sortedKeywords([POSTGRES_15_QUOTED_KEYWORDS]));
    else if (major === 18) {
      expect(actual).toEqual(sortedKeywords([POSTGRES_15_QUOTED_KEYWORDS, POSTGRES_16_TO_18_QUOTED_KEYWORDS]));
    } else {
      for (const word of ALL_15_KEYWORDS) expect(rows.map((row) => row.word)).toContain(word);
    }
  });

  it.skipIf(!enabled)('quote_ident($1) equals quoteIdentifier on generated identifiers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(quotingCandidate, { minLength: 50, maxLength: 50 }), async (identifiers) => {
        const rows = await db.query<{ quoted: string }>(
          `select quote_ident(value) as quoted
             from json_array_elements_text($1::json) with ordinality as t(value, n)
            order by n`,
          [JSON.stringify(identifiers)],
        );
        const expected = identifiers.map((identifier) =>
          // Words PostgreSQL 16+ reserves are quoted there; quoteIdentifier follows 15.
          major > 15 && LATER_KEYWORDS.has(identifier) ? quoted(identifier) : quoteIdentifier(identifier),
        );
        expect(rows.map((row) => row.quoted)).toEqual(expected);
      }),
      { numRuns: 4 },
    );
  });

  it.skipIf(!enabled)('quote_ident quotes the keywords later versions added exactly when the server has them', async () => {
    const rows = await db.query<{ word: string; quoted: string }>(
      `select value as word, quote_ident(value) as quoted from json_array_elements_text($1::json)`,
      [JSON.stringify([...LATER_KEYWORDS])],
    );
    for (const row of rows) {
      expect(row.quoted).toBe(major > 15 ? quoted(row.word) : quoteIdentifier(row.word));
      expect(quoteIdentifier(row.word)).toBe(row.word);
    }
  });

  it.skipIf(!enabled)('stores long quoted names cut as truncateIdentifier cuts them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(longIdentifier, {
          minLength: TABLES_PER_RUN,
          maxLength: TABLES_PER_RUN,
          selector: (identifier) => truncateIdentifier(identifier),
        }),
        async (identifiers) => {
          const stored = await storedTableNames(db, identifiers.map(quoted));
          expect(stored).toEqual(identifiers.map((identifier) => truncateIdentifier(identifier)));
        },
      ),
      { numRuns: 4 },
    );
  });

  it.skipIf(!enabled)('folds unquoted names as foldUnquoted does, before cutting them', async () => {
    const [clientProfiles] = await storedTableNames(db, ['clientProfiles']);
    expect(clientProfiles).toBe('clientprofiles');
    expect(clientProfiles).toBe(foldUnquoted('clientProfiles'));

    // Unquoted identifiers may hold any non-ASCII character; the index and its digit
    // keep the names unique and away from keywords.
    const tailChar = fc.constantFrom('a', 'Z', 'q', 'Q', '_', '0', '$', 'É', 'ß', 'Ω', 'ж', '名', '😀');
    const unquoted = fc.array(fc.string({ unit: tailChar, minLength: 0, maxLength: 90 }), {
      minLength: TABLES_PER_RUN,
      maxLength: TABLES_PER_RUN,
    });
    await fc.assert(
      fc.asyncProperty(unquoted, async (tails) => {
        const identifiers = tails.map((tail, index) => `T${index}_${tail}`);
        const stored = await storedTableNames(db, identifiers);
        expect(stored).toEqual(identifiers.map((identifier) => truncateIdentifier(foldUnquoted(identifier))));
      }),
      { numRuns: 2 },
    );
  });
});
