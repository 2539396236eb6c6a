import { describe, expect, it } from 'vitest';
import { createCli, runCli } from '../../src/cli.js';
import { memoryIo } from '../support/memory-io.js';
describe('cli', () => {
  it('parses argv without running a command', () => {
    const cli = createCli(memoryIo());
    const parsed = cli.parse(['node', 'drizzle-catalog', 'verify', '--snapshot', 'a.json'], { run: false });
    expect(cli.matchedCommand?.name).toBe('verify');
    expect(parsed.options['snapshot']).toBe('a.json');
  });

  it('applies documented defaults', () => {
    const cli = createCli(memoryIo());
    const parsed = cli.parse(['node', 'drizzle-catalog', 'capture'], { run: false });
    expect(parsed.options['out']).toBe('snapshots/production.json');
  });

  it('prints help that names both commands and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toContain('capture');
    expect(io.out()).toContain('verify');
  });

  it('prints subcommand help with defaults and an example', async () => {
    const io = memoryIo();
    expect(await runCli(['verify', '--help'], io)).toBe(0);
    expect(io.out()).toContain('(default: snapshots/production.json)');
    expect(io.out()).toContain('Examples:');
  });

  it('prints the version', async () => {
    const io = memoryIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects an unknown command with exit 2 and a hint', async () => {
    const io = memoryIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('unknown command `frobnicate`');
  });

  it('rejects an unknown flag with exit 2 and a hint', async () => {
    const io = memoryIo();
    expect(await runCli(['verify', '--bogus'], io)).toBe(2);
    expect(io.err()).toContain('Unknown option `--bogus`');
    expect(io.err()).toContain('verify --help');
  });

  it('asks for a command when none is given', async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.err()).toContain('a command is required');
  });
});
