/**
 * verify's garbage collection between phases: it runs without --expose-gc and leaves
 * the process as it found it.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/commands/collect-garbage.js';

const unreferenced = (): WeakRef<object> => new WeakRef({ payload: new Array(1000).fill(0) });

describe('collectGarbage', () => {
  it('collects an object nothing references any more', async () => {
    const ref = unreferenced();
    // A WeakRef keeps its target alive until the job that created it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('collects without --expose-gc, and leaves gc unexposed in this context and in new ones', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    collectGarbage();
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
