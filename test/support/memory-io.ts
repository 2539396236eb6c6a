import type { CliIo } from '../../src/cli-io.js';

export const memoryIo = (overrides: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } => {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    ...overrides,
    out: () => out,
    err: () => err,
  };
};

