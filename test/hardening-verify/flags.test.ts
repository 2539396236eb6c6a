/**
 * Bad flags, through the whole CLI: exit 2, the flag named, a hint, no stack trace.
 *
 * Which flags conflict (decided here, see docs/troubleshooting-verify.md):
 * - a single-value flag given twice with different values (`--format json --format text`);
 *   the same value twice is no conflict;
 * - `--color` with `--no-color`;
 * - a flag given no value, or an empty one (`--schema ''`, `--snapshot=`);
 * - values out of range: `--max-age -1`, `--snapshot` or `--config` naming a directory.
 * Not conflicts: `--schema` with `--config` (`--schema` replaces the config's `schema`,
 * the rest of the config still applies); `--color` with `--format json` (colour applies
 * to the text report only).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/commands/verify.js';
import { EXAMPLE_PROJECT, EXAMPLE_SNAPSHOT, expectUsageError, messageOf, REPO, verifyIn } from './support/run.js';

const SNAPSHOT = ['--snapshot', EXAMPLE_SNAPSHOT];
const verifyExample = (...args: string[]) => verifyIn(EXAMPLE_PROJECT, args);

describe('verify flags that cannot be used', () => {
  it('an unknown flag, and a close one suggested', async () => {
    const unknown = await verifyExample(...SNAPSHOT, '--bogus');
    expectUsageError(unknown, 'Unknown option `--bogus`');
    expect(messageOf(unknown).hint).toBe('run `drizzle-catalog verify --help` for the options and examples');

    expectUsageError(await verifyExample(...SNAPSHOT, '--formt', 'json'), 'Unknown option `--formt`', 'hint: did you mean --format?');
    expectUsageError(await verifyExample(...SNAPSHOT, '--fail_on', 'high'), 'Unknown option `--fail_on`', 'hint: did you mean --fail-on?');
    expectUsageError(await verifyExample(...SNAPSHOT, '--snapshots', 'x.json'), 'hint: did you mean --snapshot?');
  });

  it('an unknown --format or --fail-on: the values there are', async () => {
    expectUsageError(await verifyExample(...SNAPSHOT, '--format', 'xml'), `--format must be one of ${REPORT_FORMATS.join(', ')}; got 'xml'`, 'verify --help');
    expectUsageError(await verifyExample(...SNAPSHOT, '--fail-on', 'critical'), "--fail-on must be one of none, low, medium, high; got 'critical'");
    // Case matters, as in every other value.
    expectUsageError(await verifyExample(...SNAPSHOT, '--format', 'JSON'), `--format must be one of ${REPORT_FORMATS.join(', ')}; got 'JSON'`);
  });

  it('a flag without its value, at the end or before another flag', async () => {
    expectUsageError(await verifyExample(...SNAPSHOT, '--format'), 'option `--format <format>` value is missing');
    expectUsageError(await verifyExample('--snapshot', '--format', 'json'), 'option `--snapshot <file>` value is missing');
    // cac would turn a repeatable flag without a value into the path 'true'.
    expectUsageError(await verifyExample(...SNAPSHOT, '--schema'), 'option `--schema <path>` value is missing');
    expectUsageError(await verifyExample(...SNAPSHOT, '--fail-on', '--format', 'json'), 'option `--fail-on <risk>` value is missing');
  });

  it('a flag given an empty value', async () => {
    // cac would turn '' into the number 0, and --schema '' into the path '0'.
    expectUsageError(await verifyExample(...SNAPSHOT, '--schema', ''), '--schema is empty: it needs a value (--schema <path>)');
    expectUsageError(await verifyExample('--snapshot='), '--snapshot is empty');
    expectUsageError(await verifyExample(...SNAPSHOT, '--max-age', ''), '--max-age is empty');
    expectUsageError(await verifyExample(...SNAPSHOT, '--config', ''), '--config is empty');
  });

  it('a single-value flag given twice with different values', async () => {
    expectUsageError(
      await verifyExample(...SNAPSHOT, '--format', 'json', '--format', 'text'),
      "--format is given 2 times with different values ('json', 'text'): give it once",
    );
    expectUsageError(await verifyExample('--snapshot', 'a.json', '--snapshot=b.json'), "--snapshot is given 2 times with different values ('a.json', 'b.json')");
    // The same value twice is one value.
    const twice = await verifyExample(...SNAPSHOT, '--format', 'json', '--format', 'json', '--fail-on', 'none');
    expect(twice.code, twice.err).toBe(0);
    expect(() => JSON.parse(twice.out) as unknown).not.toThrow();
  });

  it('--color with --no-color', async () => {
    expectUsageError(await verifyExample(...SNAPSHOT, '--color', '--no-color'), '--color and --no-color contradict each other: give one of them');
    expectUsageError(await verifyExample(...SNAPSHOT, '--no-color', '--color'), '--color and --no-color contradict each other');
  });

  it('--max-age out of range or not a number', async () => {
    // mri would read -1 as the short flags -1; the value reaches the check instead.
    expectUsageError(await verifyExample(...SNAPSHOT, '--max-age', '-1'), "--max-age takes a number of days, e.g. --max-age 90; got '-1'");
    expectUsageError(await verifyExample(...SNAPSHOT, '--max-age=-0.5'), "got '-0.5'");
    expectUsageError(await verifyExample(...SNAPSHOT, '--max-age', 'ninety'), "got 'ninety'");
    expectUsageError(await verifyExample(...SNAPSHOT, '--max-age', '1e999'), '--max-age takes a number of days');
  });

  it('--plan or --hints where no file can be written: the file and the reason, not an internal error', async () => {
    // schema.ts is a file, so schema.ts/plan.sql cannot be created.
    const run = await verifyExample(...SNAPSHOT, '--fail-on', 'none', '--plan', 'schema.ts/plan.sql');
    expectUsageError(run, 'schema.ts/plan.sql not written (EEXIST)');
    expect(messageOf(run).hint).toBe('check that its folder exists and is writable');
    expect(existsSync(join(EXAMPLE_PROJECT, 'schema.ts'))).toBe(true);
  });

  it('--snapshot naming a directory', async () => {
    const run = await verifyExample('--snapshot', '../../snapshots');
    expectUsageError(run, '--snapshot ../../snapshots is a directory, not a snapshot file');
    expect(messageOf(run).hint).toBe('name the file capture wrote, e.g. --snapshot ../../snapshots/production.json');
  });

  it('--config naming a directory that holds a config: the file to name', async () => {
    const run = await verifyIn(join(REPO, 'examples'), [...SNAPSHOT, '--config', 'meetings']);
    expectUsageError(run, '--config meetings is a directory, not a config file');
    expect(messageOf(run).hint).toBe('name the file: --config meetings/drizzle.config.ts');
  });

  it('file names that look like numbers stay as typed', async () => {
    // mri reads 2024 as a number and 0x10 as 16: the file named is the one typed.
    expectUsageError(await verifyExample('--snapshot', '2024'), '2024: no such file');
    expectUsageError(await verifyExample('--snapshot', '0x10'), '0x10: no such file');
    expectUsageError(await verifyExample(...SNAPSHOT, '--schema', '007'), "no schema file matches '007'");
  });

  it('an argument verify does not take', async () => {
    expectUsageError(await verifyExample(...SNAPSHOT, 'schema.ts'), 'Unused args: `schema.ts`');
  });
});

describe('verify flags that look like conflicts and are not', () => {
  it('--schema with --config: --schema replaces the schema, the rest of the config applies', async () => {
    const run = await verifyExample(...SNAPSHOT, '--config', 'drizzle.config.ts', '--schema', 'schema.ts', '--format', 'json', '--fail-on', 'none');
    expect(run.code, run.err).toBe(0);
    const all = await verifyExample(...SNAPSHOT, '--format', 'json', '--fail-on', 'none');
    expect(run.out).toBe(all.out);
  });

  it('--color with --format json: the JSON has no colour codes', async () => {
    const run = await verifyExample(...SNAPSHOT, '--color', '--format', 'json', '--fail-on', 'none');
    expect(run.code, run.err).toBe(0);
    expect(run.out).not.toContain('\u001b[');
    expect(() => JSON.parse(run.out) as unknown).not.toThrow();
  });
});
