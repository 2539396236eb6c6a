/**
 * The last line of defence: an error that is nobody's input (a bug) still ends in one
 * line, a hint and exit 2, never a stack trace (unless asked for) and never a credential.
 * The diff engine is replaced by one that throws, since no input is known to make it throw.
 */
import { describe, expect, it, vi } from 'vitest';
import { EXAMPLE_PROJECT, EXAMPLE_SNAPSHOT } from './support/run.js';
import { memoryIo } from '../support/memory-io.js';
import { runCli } from '../../src/cli.js';

vi.mock('../../src/diff/index.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/diff/index.js')>()),
  verify: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'name') near postgres://app:Sw0rdfish-internal@db.example/app\nsecond line");
  },
}));

describe('an unexpected error in verify', () => {
  it('one line, a hint, exit 2, the URL masked, no stack', async () => {
    const io = memoryIo({ cwd: EXAMPLE_PROJECT });
    expect(await runCli(['verify', '--snapshot', EXAMPLE_SNAPSHOT], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      "drizzle-catalog: internal error: Cannot read properties of undefined (reading 'name') near postgres://***:***@db.example/app\n" +
        '  hint: this is a bug in drizzle-catalog, not in your input: please report it with the command you ran (DRIZZLE_CATALOG_DEBUG=1 prints the stack)\n',
    );
  });

  it('DRIZZLE_CATALOG_DEBUG=1 prints the stack, still without the password', async () => {
    const io = memoryIo({ cwd: EXAMPLE_PROJECT, env: { DRIZZLE_CATALOG_DEBUG: '1' } });
    expect(await runCli(['verify', '--snapshot', EXAMPLE_SNAPSHOT], io)).toBe(2);
    expect(io.err()).toMatch(/^\s+at .*verify/m);
    expect(io.err()).not.toContain('Sw0rdfish-internal');
  });
});
