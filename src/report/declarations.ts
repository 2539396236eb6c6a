/**
 * Where the Drizzle schema declares a table, a column, an enum...: a file and a line for
 * GitHub annotations. Pure: the caller reads the schema files and passes their text.
 *
 * A light scan of the TypeScript text, not a parse: it finds `pgTable('name', ...)`
 * (and `schema.table(...)`, `xxxTable(...)` from `pgTableCreator`), the matching closing
 * parenthesis (strings and comments skipped), and inside it the column by its explicit
 * name (`userId: text('user_id')`) or by its key (`userId: text()`, or the key `casing`
 * turns into the name). What it cannot find falls back to the table's line, then to the
 * file without a line.
 */
import type { Finding } from '../diff/findings.js';
import { toCamelCase, toSnakeCase } from '../naming/index.js';

export interface SourceFile {
  /** As annotations should name it (relative to the repository root). */
  readonly path: string;
  readonly text: string;
}

export interface SourceLocation {
  readonly file: string;
  /** 1-based; null when only the file is known. */
  readonly line: number | null;
}

interface Declaration {
  readonly file: SourceFile;
  readonly name: string;
  /** The schema for `pgTable` (`public`) and `x.table` with `x = pgSchema('s')`; null when unknown. */
  readonly schema: string | null;
  readonly offset: number;
  /** The argument list: from after `(` to its matching `)`. */
  readonly body: { readonly start: number; readonly end: number };
}

/** A one-line string literal whose quote is capture group `n` and content group `n + 1`. */
const string = (n: number): string => `(['"\x60])((?:\\\\.|(?!\\${n})[^\\\\\\n])*)\\${n}`;
const TABLE_CALL = new RegExp(String.raw`(?:\b(pgTable)|\b([A-Za-z_$][\w$]*)\s*\.\s*table|\b([A-Za-z_$][\w$]*Table))\s*(?:<[^>()]*>)?\s*\(\s*${string(4)}`, 'g');
const SCHEMA_VARIABLE = new RegExp(String.raw`\b([A-Za-z_$][\w$]*)\s*=\s*pgSchema\s*\(\s*${string(2)}`, 'g');

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
};

/** The offset of the `)` matching the `(` at `open`, skipping strings and comments; the text's end when unbalanced. */
const matchingParen = (text: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      for (i += 1; i < text.length && text[i] !== c; i += 1) if (text[i] === '\\') i += 1;
    } else if (c === '(' || c === '{' || c === '[') depth += 1;
    else if (c === ')' || c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return text.length;
};

/** Whether `offset` is inside a line or block comment (strings are not tracked: good enough for declarations). */
const inComment = (text: string, offset: number): boolean => {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.slice(lineStart, offset).includes('//')) return true;
  return text.lastIndexOf('/*', offset) > text.lastIndexOf('*/', offset);
};

const schemaVariables = (text: string): ReadonlyMap<string, string> =>
  new Map([...text.matchAll(SCHEMA_VARIABLE)].map((m) => [m[1] as string, unescape(m[3] as string)]));

const tableDeclarations = (file: SourceFile): Declaration[] => {
  const variables = schemaVariables(file.text);
  return [...file.text.matchAll(TABLE_CALL)].filter((m) => !inComment(file.text, m.index)).map((m) => {
    // The `(` just before the name's opening quote (the name itself may hold one).
    const open = m.index + m[0].lastIndexOf('(', m[0].length - (m[5] as string).length - 2);
    const schema = m[1] !== undefined ? 'public' : m[2] !== undefined ? (variables.get(m[2]) ?? null) : null;
    return {
      file,
      name: unescape(m[5] as string),
      schema,
      offset: m.index,
      body: { start: open + 1, end: matchingParen(file.text, open) },
    };
  });
};

const firstMatch = (text: string, pattern: RegExp, start: number, end: number): number | null => {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    if (!inComment(text, m.index)) return m.index;
    re.lastIndex = m.index + 1;
  }
  return null;
};

const quoted = (name: string): string => String.raw`(['"\x60])${escapeRegExp(name)}\1`;
const key = (name: string): string => String.raw`(?:['"]${escapeRegExp(name)}['"]|\b${escapeRegExp(name)}\b)\s*:`;

export interface DeclarationIndex {
  readonly locate: (finding: Finding) => SourceLocation | null;
}

/** Indexes the declarations of `files` once; `locate` answers per finding. */
export const createDeclarationIndex = (files: readonly SourceFile[]): DeclarationIndex => {
  const tables = files.flatMap(tableDeclarations);
  const at = (file: SourceFile, offset: number): SourceLocation => ({ file: file.path, line: lineAt(file.text, offset) });
  const fallback: SourceLocation | null = files[0] === undefined ? null : { file: files[0].path, line: null };

  const findTable = (schema: string, name: string): Declaration | null =>
    tables.find((t) => t.name === name && t.schema === schema) ?? tables.find((t) => t.name === name && t.schema === null) ?? null;

  const inTable = (table: Declaration, pattern: string): SourceLocation | null => {
    const offset = firstMatch(table.file.text, new RegExp(pattern), table.body.start, table.body.end);
    return offset === null ? null : at(table.file, offset);
  };

  const column = (table: Declaration, name: string): SourceLocation | null => {
    // `key: builder('name'`: an explicit name wins over a key that happens to match.
    const explicit = inTable(table, String.raw`(?:['"]?[\w$]+['"]?)\s*:\s*(?:[\w$]+\.)?[\w$]+\s*\(\s*${quoted(name)}`);
    if (explicit !== null) return explicit;
    for (const candidate of [...new Set([name, toCamelCase(name), toSnakeCase(name)])]) {
      const byKey = inTable(table, String.raw`(?<![\w$.])${key(candidate)}`);
      if (byKey !== null) return byKey;
    }
    return null;
  };

  /** A top-level declaration by its builder call: `pgEnum('name'`, `x.enum('name'`... */
  const declared = (builders: readonly string[], name: string): SourceLocation | null => {
    const pattern = new RegExp(String.raw`(?:\b(?:${builders.join('|')})|\.\s*(?:${builders.map((b) => b.replace(/^pg/, '').replace(/^./, (c) => c.toLowerCase())).join('|')}))\s*\(\s*${quoted(name)}`);
    for (const file of files) {
      const offset = firstMatch(file.text, pattern, 0, file.text.length);
      if (offset !== null) return at(file, offset);
    }
    return null;
  };

  const locate = (f: Finding): SourceLocation | null => {
    if (f.table !== null) {
      const table = findTable(f.schema, f.table);
      if (table === null) return fallback;
      const tableLine = at(table.file, table.offset);
      // What only the database has (a dropped column, index...) is not declared: point at its table.
      if (f.kind.startsWith('drop-')) return tableLine;
      if (f.column !== null) return column(table, f.column) ?? tableLine;
      if (f.object !== null) return inTable(table, quoted(f.object)) ?? tableLine;
      return tableLine;
    }
    if (f.object !== null) {
      if (f.kind.endsWith('-enum')) return declared(['pgEnum'], f.object) ?? fallback;
      if (f.kind.endsWith('-sequence')) return declared(['pgSequence'], f.object) ?? fallback;
      if (f.kind.endsWith('-view')) return declared(['pgView', 'pgMaterializedView'], f.object) ?? fallback;
      return declared(['pgEnum', 'pgSequence', 'pgView', 'pgMaterializedView'], f.object) ?? fallback;
    }
    if (f.kind === 'create-schema' || f.kind === 'rename-schema') return declared(['pgSchema'], f.schema) ?? fallback;
    return fallback;
  };

  return { locate };
};

/** The line of a journal entry (`"tag": "0002_x"`) in meta/_journal.json text, or null. */
export const journalEntryLine = (journal: string, tag: string): number | null => {
  const offset = journal.search(new RegExp(String.raw`"tag"\s*:\s*"${escapeRegExp(tag)}"`));
  return offset === -1 ? null : lineAt(journal, offset);
};
