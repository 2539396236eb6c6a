/**
 * The dump's bytes as text, or why they are not a plain-SQL pg_dump file: an archive
 * (custom, directory or tar format), a compressed file, another encoding than UTF-8, a
 * pg_dumpall file, or not a dump at all. Pure.
 */
import { dumpError, type DumpError } from './errors.js';
import { dumpKind } from './header.js';

export type DumpText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: DumpError };

const ascii = (bytes: Uint8Array, from: number, length: number): string => String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((byte, i) => bytes[i] === byte);

const COMPRESSIONS: readonly { readonly name: string; readonly magic: readonly number[]; readonly tool: string }[] = [
  { name: 'gzip', magic: [0x1f, 0x8b], tool: 'gunzip -c' },
  { name: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd], tool: 'zstd -dc' },
  { name: 'lz4', magic: [0x04, 0x22, 0x4d, 0x18], tool: 'lz4 -dc' },
];

const CLIENT_ENCODING = /^SET client_encoding = '([^']*)';$/m;

/** `source` names the input in messages and hints: a file name, or `-` for standard input. */
export const dumpText = (bytes: Uint8Array, source: string): DumpText => {
  const file = source === '-' ? 'FILE' : quoteForShell(source);
  const converted = (command: string): string => `${command} | drizzle-catalog capture --dump - --out snapshots/production.json`;
  if (ascii(bytes, 0, 5) === 'PGDMP' || ascii(bytes, 257, 5) === 'ustar') {
    return {
      ok: false,
      error: dumpError(
        'archive-format',
        `${describe(source)} is a pg_dump archive (custom, directory or tar format), not a plain SQL dump`,
        `convert it to SQL with pg_restore, which reads every archive format: ${converted(`pg_restore --schema-only -f - ${file}`)}`,
      ),
    };
  }
  const compression = COMPRESSIONS.find((c) => startsWith(bytes, c.magic));
  if (compression !== undefined) {
    return {
      ok: false,
      error: dumpError('compressed', `${describe(source)} is ${compression.name}-compressed`, `decompress it first: ${converted(`${compression.tool} ${file}`)}`),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: notUtf8(source, bytes) };
  }
  const kind = dumpKind(text);
  if (kind === 'pg_dumpall') {
    return {
      ok: false,
      error: dumpError(
        'cluster-dump',
        `${describe(source)} is a pg_dumpall file (every database of a server), not the dump of one database`,
        'dump the one database to capture: pg_dump --schema-only "$DATABASE_URL" | drizzle-catalog capture --dump -',
      ),
    };
  }
  if (kind === 'unknown') {
    return {
      ok: false,
      error: dumpError(
        'not-a-dump',
        `${describe(source)} does not start like a pg_dump file (no "-- PostgreSQL database dump" header)`,
        'give the plain SQL output of pg_dump, e.g. pg_dump --schema-only "$DATABASE_URL" > schema.sql; for a live database use --url instead',
      ),
    };
  }
  const encoding = CLIENT_ENCODING.exec(text.slice(0, 8192))?.[1];
  if (encoding !== undefined && !/^(utf-?8|unicode)$/i.test(encoding) && /[^\x00-\x7f]/.test(text)) {
    return { ok: false, error: notUtf8(source, bytes, encoding) };
  }
  return { ok: true, text };
};

const describe = (source: string): string => (source === '-' ? 'standard input' : source);

const notUtf8 = (source: string, bytes: Uint8Array, encoding?: string): DumpError => {
  let line = 1;
  if (encoding === undefined) {
    // The line of the first byte that is not UTF-8.
    const valid = new TextDecoder('utf-8').decode(bytes).indexOf('\uFFFD');
    line = valid === -1 ? 1 : new TextDecoder('utf-8').decode(bytes).slice(0, valid).split('\n').length;
  }
  return dumpError(
    'encoding',
    encoding === undefined
      ? `${describe(source)} is not UTF-8 text (line ${line})`
      : `${describe(source)} was dumped in the ${encoding} encoding; only UTF-8 dumps can be read`,
    'dump it again with pg_dump --encoding=UTF8',
    encoding === undefined ? line : null,
  );
};

/** A file name as a shell word, for hints. */
const quoteForShell = (name: string): string => (/^[\w./@%+=:,-]+$/.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`);
