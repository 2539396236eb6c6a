/**
 * What pg_dump writes about itself in comments: the header (the dumped server's version
 * and its own) and the closing line, whose absence means the file was cut short.
 *
 *   --
 *   -- PostgreSQL database dump
 *   --
 *   -- Dumped from database version 15.8 (Debian 15.8-1.pgdg120+1)
 *   -- Dumped by pg_dump version 17.2
 *   ...
 *   --
 *   -- PostgreSQL database dump complete
 *   --
 */

export interface DumpHeader {
  /** `server_version` of the dumped server, as pg_dump printed it: `15.8 (Debian 15.8-1.pgdg120+1)`; null when absent. */
  readonly serverVersion: string | null;
  /** `server_version_num` computed from it (150008), or null. */
  readonly serverVersionNumber: number | null;
  /** pg_dump's own version, e.g. `17.2`; null when absent. */
  readonly pgDumpVersion: string | null;
}

export type DumpKind = 'pg_dump' | 'pg_dumpall' | 'unknown';

/** pg_dump prints its banner within the first lines; a few KiB is plenty. */
const HEAD_BYTES = 4096;
const TAIL_BYTES = 4096;

const DUMP_BANNER = /^-- PostgreSQL database dump\s*$/m;
const CLUSTER_BANNER = /^-- PostgreSQL database cluster dump\s*$/m;
const COMPLETE = /^-- PostgreSQL database (?:cluster )?dump complete\s*$/m;
const SERVER_VERSION = /^-- Dumped from database version (.+?)\s*$/m;
const PG_DUMP_VERSION = /^-- Dumped by pg_dump version (.+?)\s*$/m;

export const dumpKind = (text: string): DumpKind => {
  const head = text.slice(0, HEAD_BYTES);
  if (CLUSTER_BANNER.test(head)) return 'pg_dumpall';
  return DUMP_BANNER.test(head) ? 'pg_dump' : 'unknown';
};

/** Whether pg_dump's closing comment is there (it writes it last, after everything else). */
export const isComplete = (text: string): boolean => COMPLETE.test(text.slice(-TAIL_BYTES));

export const readHeader = (text: string): DumpHeader => {
  const head = text.slice(0, HEAD_BYTES);
  const serverVersion = SERVER_VERSION.exec(head)?.[1] ?? null;
  return {
    serverVersion,
    serverVersionNumber: serverVersion === null ? null : versionNumber(serverVersion),
    pgDumpVersion: PG_DUMP_VERSION.exec(head)?.[1] ?? null,
  };
};

/**
 * `server_version_num` from `server_version`, as PostgreSQL computes it: since 10,
 * major × 10000 + minor (`15.8` → 150008, `17beta2` → 170000); before, major × 10000 +
 * minor × 100 + patch (`9.6.24` → 90624). Null when the text does not start with a version.
 */
export const versionNumber = (version: string): number | null => {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (match === null) return null;
  const [major, minor, patch] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  return major >= 10 ? major * 10_000 + minor : major * 10_000 + minor * 100 + patch;
};
