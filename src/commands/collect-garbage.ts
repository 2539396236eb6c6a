/**
 * A full garbage collection between verify's phases, to keep the peak of resident memory
 * down (issue 7's target: under 300 MiB at 2,000 tables).
 *
 * NOTE: V8 sets the next full collection from the live size at the last one, up to about
 * four times it, and until then garbage piles up in the old generation: at 2,000 tables
 * the parsed snapshot document (the JSON before validation) and drizzle-kit's snapshot JSON
 * are both still there when the expressions are parsed. Measured (`node --trace-gc`): one
 * full collection from 0.46 s to 2.7 s while the heap grew from 44 to 175 MB, 84 MB of
 * it live. One collection once the snapshot is loaded (22 MB live then, about 20 ms) takes
 * the peak from ~345 to ~303 MiB. A second one after the schema is loaded would take it
 * to ~291 MiB but costs ~150 ms (90 MB live by then), so there is none.
 *
 * `gc` is only exposed with `--expose-gc`: the flag is turned on just long enough to make
 * one context that has it, then off again. When that is not possible this does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = () => void;

let collect: Collect | null | undefined;

const exposeCollect = (): Collect | null => {
  const own: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as Collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : null;
  } catch {
    return null;
  } finally {
    try {
      setFlagsFromString('--no-expose-gc');
    } catch {
      // Nothing was changed.
    }
  }
};

/** Runs a full garbage collection (when the engine lets us); never throws. */
export const collectGarbage = (): void => {
  if (collect === undefined) collect = exposeCollect();
  try {
    collect?.();
  } catch {
    // A collection that cannot run changes nothing but memory use.
  }
};
