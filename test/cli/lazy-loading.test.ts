/**
 * The CLI loads a command's modules only when that command runs: `--help` loads neither
 * command's machinery, and capture never loads verify's (the diff, the SQL parser, the
 * TypeScript loader, drizzle-kit's API). A static import added in the wrong place would
 * silently cost every capture the start-up time of all of them (bench/profiles.md).
 */
import { describe, expect, it } from 'vitest';
import { runChild } from '../hardening/support/child.js';

const TRACE = new URL('./support/trace-modules.mjs', import.meta.url).href;

/** Project modules (under src/) and packages the CLI loaded for `args`. */
const modulesLoadedBy = async (args: readonly string[]): Promise<readonly string[]> => {
  const run = runChild(args, { preload: [TRACE] });
  await run.exited;
  return [...run.stderr().matchAll(/^\[module\] (.*)$/gm)]
    .map((match) => match[1] ?? '')
    .filter((url) => url.includes('/src/') || url.includes('/node_modules/'))
    .map((url) => url.replace(/^.*?\/(src|node_modules)\//, '$1/'));
};

/** What only verify needs (the diff's verdict values name --fail-on's choices in the help). */
const VERIFY_ONLY = /^src\/(diff\/(?!verdict|finding-kinds)|sql\/|schema\/|naming\/|report\/|config\/|history\/|plan\/)|^node_modules\/(drizzle-kit|pg-query-emscripten|pluralize|picomatch)\//;
/**
 * What only capture needs, except the interrupt handlers' atomic writes, the journal's
 * default name (capture's help) and the URL parsing the CLI's output redaction uses.
 */
const CAPTURE_ONLY = /^src\/(capture\/(?!queries\/migrations|url)|snapshot\/(?!atomic-write)|dump\/)|^node_modules\/(pg|zod|@electric-sql)\//;
/** What only `capture --dump` needs: the replay and its in-process PostgreSQL (PGlite). */
const DUMP_ONLY = /^src\/(dump\/|commands\/capture-dump-run)|^node_modules\/@electric-sql\//;

describe('lazy command loading', () => {
  it('--help loads neither the capture nor the verify machinery', async () => {
    const loaded = await modulesLoadedBy(['--help']);
    expect(loaded).toContain('src/commands/capture.ts');
    expect(loaded).toContain('src/commands/verify.ts');
    expect(loaded.filter((module) => VERIFY_ONLY.test(module) || CAPTURE_ONLY.test(module))).toEqual([]);
  });

  it('capture loads none of what verify needs', async () => {
    // Port 1: nothing listens, so the run ends at the connection, after loading capture's code.
    const loaded = await modulesLoadedBy(['capture', '--url', 'postgres://someone@127.0.0.1:1/app', '--connect-timeout', '2s', '--out', '-']);
    expect(loaded).toContain('src/commands/capture-run.ts');
    expect(loaded.filter((module) => VERIFY_ONLY.test(module))).toEqual([]);
    expect(loaded.filter((module) => DUMP_ONLY.test(module))).toEqual([]);
  });

  it('capture --dump loads the replay, and PGlite only once there is a dump to replay', async () => {
    // A file that does not exist: the run ends after loading the dump machinery, before any replay.
    const loaded = await modulesLoadedBy(['capture', '--dump', 'no-such-dump.sql', '--out', '-']);
    expect(loaded).toContain('src/commands/capture-dump-run.ts');
    expect(loaded).toContain('src/dump/capture-dump.ts');
    expect(loaded.filter((module) => module.startsWith('node_modules/@electric-sql/'))).toEqual([]);
  });
});
