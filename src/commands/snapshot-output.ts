/**
 * The end of every capture, from a database or from a dump: the snapshot built and
 * written to `--out` (atomically, untouched when unchanged) or to stdout. The snapshot
 * modules load in the background while the catalog is read (`loadSnapshotModules`).
 */
import { resolve } from 'node:path';
import type { Capture } from '../capture/capture.js';
import type { CliIo } from '../cli-io.js';
import type { Snapshot } from '../snapshot/format.js';
import type { WriteOutcome } from '../snapshot/write.js';

export interface SnapshotModules {
  readonly buildSnapshot: typeof import('../snapshot/build.js').buildSnapshot;
  readonly serializeSnapshot: (snapshot: Snapshot) => Promise<string>;
  readonly writeSnapshotFile: typeof import('../snapshot/write.js').writeSnapshotFile;
}

/**
 * Building and writing the snapshot are only needed once the catalog is read: loaded
 * meanwhile, their start-up cost hides behind the reading. The schema pass (zod) loads
 * only for text about to be written (snapshot/write.ts).
 */
export const loadSnapshotModules = async (): Promise<SnapshotModules> => {
  const [build, write] = await Promise.all([import('../snapshot/build.js'), import('../snapshot/write.js')]);
  return {
    buildSnapshot: build.buildSnapshot,
    serializeSnapshot: async (snapshot: Snapshot): Promise<string> => (await import('../snapshot/serialize.js')).serializeSnapshot(snapshot),
    writeSnapshotFile: write.writeSnapshotFile,
  };
};

export type OutputOutcome =
  | { readonly ok: true; readonly written: WriteOutcome | 'stdout' }
  | { readonly ok: false; readonly message: string; readonly hint: string };

export interface OutputOptions {
  readonly out: string;
  readonly capturedAt: Date;
  readonly host: string | null;
  readonly progress: (line: string) => void;
}

export const writeSnapshotOutput = async (
  modules: SnapshotModules,
  captured: Capture,
  io: CliIo,
  options: OutputOptions,
): Promise<OutputOutcome> => {
  const snapshot = modules.buildSnapshot(captured, { capturedAt: options.capturedAt, host: options.host });
  if (options.out === '-') {
    io.stdout(await modules.serializeSnapshot(snapshot));
    return { ok: true, written: 'stdout' };
  }
  options.progress(`writing ${options.out}`);
  try {
    return { ok: true, written: await modules.writeSnapshotFile(resolve(io.cwd, options.out), snapshot) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `cannot write ${options.out}: ${(error as Error).message}`,
      hint:
        code === 'EACCES' || code === 'EPERM'
          ? 'you may not write there: choose another --out, or fix the directory permissions'
          : 'check that the directory of --out can be created and written; the previous snapshot, if any, is intact',
    };
  }
};

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `2 schemas, 14 tables, 120 columns, 30 indexes, 3 enums` */
export const catalogCounts = (captured: Capture): string => {
  const { catalog } = captured;
  const columns = catalog.tables.reduce((sum, table) => sum + table.columns.length, 0);
  const indexes = catalog.tables.reduce((sum, table) => sum + table.indexes.length, 0);
  return [
    plural(catalog.schemas.length, 'schema'),
    plural(catalog.tables.length, 'table'),
    plural(columns, 'column'),
    plural(indexes, 'index').replace(/indexs$/, 'indexes'),
    plural(catalog.enums.length, 'enum'),
  ].join(', ');
};

/** Where the snapshot went, for the summary line. */
export const targetOf = (out: string, written: WriteOutcome | 'stdout'): string =>
  written === 'stdout' ? 'stdout' : written === 'unchanged' ? `${out} (unchanged)` : out;

