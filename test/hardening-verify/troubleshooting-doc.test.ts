/**
 * docs/troubleshooting-verify.md quotes what verify prints: every quoted line must be
 * printed by one of the scenarios, and every error a scenario prints must be quoted.
 * (The internal-error block is checked by internal-error.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './support/run.js';
import { scenarios } from './support/scenarios.js';

const DOC = join(REPO, 'docs/troubleshooting-verify.md');

/** The lines of the doc's code blocks that show verify's own output. */
const quotedLines = (): readonly string[] => {
  const blocks = readFileSync(DOC, 'utf8').split(/^```\n/m).filter((_, i) => i % 2 === 1);
  return blocks
    .filter((block) => block.startsWith('drizzle-catalog verify: ') || block.startsWith('  ! '))
    .flatMap((block) => block.split('\n').filter((line) => line !== '' && line !== '```'));
};

const normalize = (text: string, root: string): string =>
  text
    .split(root)
    .join('/path/to/app')
    .replace(/captured \d+ days ago/g, 'captured N days ago');

describe('docs/troubleshooting-verify.md', () => {
  let printed: { name: string; code: number; lines: string[] }[] = [];
  // Every scenario imports its project in a loader process: a few at a time, and a bound
  // far above what they take on a busy machine.
  beforeAll(async () => {
    const pending = [...scenarios()];
    const results: { name: string; code: number; lines: string[] }[] = [];
    const worker = async (): Promise<void> => {
      for (let scenario = pending.shift(); scenario !== undefined; scenario = pending.shift()) {
        const { run, root } = await scenario.run();
        results.push({ name: scenario.name, code: run.code, lines: normalize(`${run.err}${run.out}`, root).split('\n') });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    printed = results;
  }, 600_000);

  it('quotes only lines verify prints', () => {
    const all = new Set(printed.flatMap((p) => p.lines));
    const quoted = quotedLines();
    expect(quoted.length).toBeGreaterThan(60);
    expect(quoted.filter((line) => !all.has(line))).toEqual([]);
  });

  it('quotes every error the scenarios print, message and hint', () => {
    const quoted = new Set(quotedLines());
    const errors = printed.filter((p) => p.code === 2);
    expect(errors.length).toBeGreaterThan(30);
    const missing = errors.flatMap((p) => p.lines.filter((line) => line.startsWith('drizzle-catalog verify: ') || line.startsWith('  hint: ')).filter((line) => !quoted.has(line)).map((line) => `${p.name}: ${line}`));
    expect(missing).toEqual([]);
  });
});
