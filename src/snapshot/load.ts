/**
 * Reading a snapshot file: never throws for bad input. Every way a file can be wrong
 * (missing, empty, not JSON, wrong shape, another format version, duplicated objects)
 * comes back as a SnapshotError with the file path, a JSON path or position, and a hint.
 */
import { readFile } from 'node:fs/promises';
import { VERSION } from '../version.js';
import { SNAPSHOT_ERRORS, type SnapshotError } from './errors.js';
import { snapshotV1Schema, TOOL_NAME, type Snapshot } from './format.js';
import { describeJsonPath, formatJsonPath, type PathSegment } from './json-path.js';
import { findDuplicateKey, mayHaveDuplicateKey } from './json-duplicate-keys.js';
import { findJsonSyntaxError, positionOf } from './json-position.js';
import { DEFAULT_CHAIN, oldestReadableFormat, upgradeDocument, type JsonObject, type UpgradeChain } from './upgrade.js';

export type LoadResult =
  | {
      readonly ok: true;
      readonly snapshot: Snapshot;
      /** The format the file was written in when it was upgraded in memory, else null. */
      readonly upgradedFrom: number | null;
    }
  | { readonly ok: false; readonly error: SnapshotError };

export interface ParseOptions {
  /** The upgrade chain; tests swap in their own. */
  readonly chain?: UpgradeChain;
  /** How to name the file in messages (e.g. as the user typed it); defaults to the path read. */
  readonly displayPath?: string;
}

/** At most this many shape problems are listed; the first one leads the message. */
const MAX_PROBLEMS = 20;

const fail = (error: SnapshotError): LoadResult => ({ ok: false, error });

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOfJson = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/** Validates a snapshot's text. `path` only labels the errors. */
export const parseSnapshot = (text: string, path: string, options: ParseOptions = {}): LoadResult => {
  const chain = options.chain ?? DEFAULT_CHAIN;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    return fail({ code: 'empty', path, message: `${path}: the file is empty`, hint: SNAPSHOT_ERRORS.empty.hint });
  }

  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    // NOTE: NUL bytes mean UTF-16 nearly always: Windows PowerShell 5's `>` writes it,
    // so `capture --out - > snapshot.json` there gives a file no JSON parser reads.
    const nul = body.indexOf('\u0000');
    const found =
      nul === -1
        ? findJsonSyntaxError(body)
        : positionOf(body, nul, 'the file holds NUL bytes, so it is probably UTF-16 (PowerShell 5 `>` writes UTF-16): write it with --out <file>, or re-save it as UTF-8');
    const line = found?.line ?? 1;
    const column = found?.column ?? 1;
    const detail = found?.message ?? (error as Error).message;
    return fail({
      code: 'not-json',
      path,
      line,
      column,
      message: `${path}:${line}:${column}: not valid JSON: ${detail}`,
      hint: SNAPSHOT_ERRORS['not-json'].hint,
    });
  }

  if (!isObject(document) || !('formatVersion' in document)) {
    return fail({
      code: 'not-a-snapshot',
      path,
      message: `${path}: not a drizzle-catalog snapshot: ${isObject(document) ? 'an object without formatVersion' : `the file holds ${kindOfJson(document)}`}`,
      hint: SNAPSHOT_ERRORS['not-a-snapshot'].hint,
    });
  }

  const version = document['formatVersion'];
  const oldest = oldestReadableFormat(chain);
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return fail({
      code: 'unsupported-format',
      path,
      message: `${path}: formatVersion is ${JSON.stringify(version) ?? String(version)}, expected a whole number from ${oldest} to ${chain.current}`,
      hint: SNAPSHOT_ERRORS['unsupported-format'].hint,
    });
  }
  if (version > chain.current) {
    const writtenBy = writerVersion(document);
    return fail({
      code: 'newer-format',
      path,
      formatVersion: version,
      writtenBy,
      message: `${path}: written by ${TOOL_NAME} ${writtenBy ?? '(unknown version)'} in format ${version}; this ${TOOL_NAME} ${VERSION} reads formats up to ${chain.current}: upgrade`,
      hint: SNAPSHOT_ERRORS['newer-format'].hint,
    });
  }
  if (version < oldest) {
    return fail({
      code: 'unsupported-format',
      path,
      message: `${path}: format ${version} is older than this ${TOOL_NAME} ${VERSION} can read (formats ${oldest} to ${chain.current})`,
      hint: 're-capture the snapshot with this version of drizzle-catalog',
    });
  }

  const repeatedKey = mayHaveDuplicateKey(body, document) ? findDuplicateKey(body) : null;
  if (repeatedKey !== null) {
    const { line, column } = positionOf(body, repeatedKey.offset, '');
    const jsonPath = formatJsonPath(repeatedKey.path);
    const message = `key ${JSON.stringify(repeatedKey.key)} appears twice in one object (line ${line}, column ${column}); JSON would silently keep the last`;
    return fail({
      code: 'duplicate',
      path,
      jsonPath,
      problems: [{ jsonPath, message }],
      message: `${path}: ${jsonPath}: ${message}`,
      hint: SNAPSHOT_ERRORS.duplicate.hint,
    });
  }

  let current: JsonObject;
  try {
    current = upgradeDocument(document, version, chain);
  } catch (error) {
    return fail({
      code: 'wrong-shape',
      path,
      jsonPath: '$',
      problems: [{ jsonPath: '$', message: (error as Error).message }],
      message: `${path}: cannot upgrade from format ${version}: ${(error as Error).message}`,
      hint: SNAPSHOT_ERRORS['wrong-shape'].hint,
    });
  }

  const parsed = snapshotV1Schema.safeParse(current);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
      jsonPath: formatJsonPath(issue.path),
      message: issue.message,
      context: describeJsonPath(current, issue.path),
    }));
    const [first] = problems as [(typeof problems)[number], ...typeof problems];
    const more = parsed.error.issues.length - 1;
    return fail({
      code: 'wrong-shape',
      path,
      jsonPath: first.jsonPath,
      problems: problems.map(({ jsonPath, message }) => ({ jsonPath, message })),
      message:
        `${path}: ${first.jsonPath}${first.context ? ` (${first.context})` : ''}: ${first.message}` +
        (more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''),
      hint: SNAPSHOT_ERRORS['wrong-shape'].hint,
    });
  }

  const duplicate = findDuplicate(parsed.data);
  if (duplicate !== null) {
    return fail({
      code: 'duplicate',
      path,
      jsonPath: duplicate.jsonPath,
      problems: [duplicate],
      message: `${path}: ${duplicate.jsonPath}: ${duplicate.message}`,
      hint: SNAPSHOT_ERRORS.duplicate.hint,
    });
  }

  return { ok: true, snapshot: parsed.data, upgradedFrom: version === chain.current ? null : version };
};

/** Reads and validates a snapshot file. */
export const loadSnapshot = async (file: string, options: ParseOptions = {}): Promise<LoadResult> => {
  const path = options.displayPath ?? file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return fail({ code: 'not-found', path, message: `${path}: no such file`, hint: SNAPSHOT_ERRORS['not-found'].hint });
    }
    return fail({
      code: 'unreadable',
      path,
      message: `${path}: cannot read the file (${code ?? (error as Error).message})`,
      hint: SNAPSHOT_ERRORS.unreadable.hint,
    });
  }
  return parseSnapshot(text, path, options);
};

const writerVersion = (document: JsonObject): string | null => {
  const metadata = document['metadata'];
  const tool = isObject(metadata) ? metadata['tool'] : undefined;
  const version = isObject(tool) ? tool['version'] : undefined;
  return typeof version === 'string' && version.length <= 64 ? version : null;
};

interface Problem {
  readonly jsonPath: string;
  readonly message: string;
}

/**
 * The first object named twice where PostgreSQL allows a name once. zod checks each
 * value; this checks the collection.
 */
export const findDuplicate = (snapshot: Snapshot): Problem | null => {
  const firstRepeat = <T>(items: readonly T[], key: (item: T) => string): number => {
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const k = key(item);
      if (seen.has(k)) return index;
      seen.add(k);
    }
    return -1;
  };
  const qualified = (item: { readonly schema: string; readonly name: string }): string =>
    JSON.stringify([item.schema, item.name]);
  const { catalog } = snapshot;
  const lists: readonly [PathSegment[], readonly { readonly schema: string; readonly name: string }[], string][] = [
    [['catalog', 'tables'], catalog.tables, 'table'],
    [['catalog', 'enums'], catalog.enums, 'enum'],
    [['catalog', 'domains'], catalog.domains, 'domain'],
    [['catalog', 'sequences'], catalog.sequences, 'sequence'],
    [['catalog', 'views'], catalog.views, 'view'],
  ];
  for (const [path, items, kind] of lists) {
    const index = firstRepeat(items, qualified);
    const item = items[index];
    if (item !== undefined) {
      return { jsonPath: formatJsonPath([...path, index]), message: `${kind} ${item.schema}.${item.name} appears twice` };
    }
  }
  const schemaIndex = firstRepeat(catalog.schemas, (schema) => schema);
  if (schemaIndex !== -1) {
    return {
      jsonPath: formatJsonPath(['catalog', 'schemas', schemaIndex]),
      message: `schema ${catalog.schemas[schemaIndex] ?? ''} appears twice`,
    };
  }
  for (const [tableIndex, table] of catalog.tables.entries()) {
    const where = `${table.schema}.${table.name}`;
    const parts: readonly [string, readonly { readonly name: string }[], string][] = [
      ['columns', table.columns, 'column'],
      ['indexes', table.indexes, 'index'],
      ['policies', table.policies, 'policy'],
    ];
    for (const [key, items, kind] of parts) {
      const index = firstRepeat(items, (item) => item.name);
      const item = items[index];
      if (item !== undefined) {
        return {
          jsonPath: formatJsonPath(['catalog', 'tables', tableIndex, key, index]),
          message: `${kind} ${item.name} of table ${where} appears twice`,
        };
      }
    }
  }
  return null;
};
