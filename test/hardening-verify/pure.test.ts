/** The pure pieces behind the CLI checks: flag checking and output redaction. */
import { describe, expect, it } from 'vitest';
import { checkOptions, closestFlag, optionSpecs, type OptionSpec } from '../../src/cli-options.js';
import { redactSecrets, redactUrlsIn, secretsOfCredentials } from '../../src/commands/redact-output.js';
import { createCli } from '../../src/cli.js';
import { memoryIo } from '../support/memory-io.js';

const verifySpecs = (): readonly OptionSpec[] => {
  const cli = createCli(memoryIo());
  const verify = cli.commands.find((command) => command.name === 'verify');
  if (!verify) throw new Error('no verify command');
  return optionSpecs([...cli.globalCommand.options, ...verify.options]);
};

describe('optionSpecs', () => {
  it('reads flags, keys, value-taking, repeatable and text flags from the declarations', () => {
    const specs = new Map(verifySpecs().map((spec) => [spec.flag, spec]));
    expect(specs.get('--snapshot')).toMatchObject({ key: 'snapshot', takesValue: true, repeatable: false, text: true });
    expect(specs.get('--schema')).toMatchObject({ key: 'schema', takesValue: true, repeatable: true, text: true });
    expect(specs.get('--fail-on')).toMatchObject({ key: 'failOn', takesValue: true, text: false });
    expect(specs.get('--max-age')).toMatchObject({ key: 'maxAge', text: false });
    expect(specs.get('--color')).toMatchObject({ key: 'color', takesValue: false });
  });
});

describe('checkOptions', () => {
  const check = (argv: string[], parsed: Record<string, unknown> = {}) => checkOptions(argv, verifySpecs(), parsed);

  it('keeps text values as typed, whatever mri made of them', () => {
    expect(check(['verify', '--snapshot', '0x10', '--schema=007', '--schema', 'b.ts'], { snapshot: 16, schema: ['7', 'b.ts'] })).toEqual({
      ok: true,
      options: { snapshot: '0x10', schema: ['007', 'b.ts'] },
    });
  });

  it('makes a repeated identical value one value, and refuses different ones', () => {
    expect(check(['--max-age', '5', '--max-age', '5'], { maxAge: [5, 5] })).toEqual({ ok: true, options: { maxAge: 5 } });
    expect(check(['--fail-on', 'low', '--fail-on=high'])).toEqual({
      ok: false,
      message: "--fail-on is given 2 times with different values ('low', 'high'): give it once",
    });
  });

  it('refuses a missing or empty value, and --x with --no-x', () => {
    expect(check(['--snapshot'])).toMatchObject({ ok: false, message: 'option `--snapshot <file>` value is missing' });
    expect(check(['--snapshot', '--color'])).toMatchObject({ ok: false, message: 'option `--snapshot <file>` value is missing' });
    expect(check(['--schema='])).toMatchObject({ ok: false, message: '--schema is empty: it needs a value (--schema <path>)' });
    expect(check(['--no-color', '--color'])).toMatchObject({ ok: false, message: '--color and --no-color contradict each other: give one of them' });
    expect(check(['--color', '--color=false'])).toMatchObject({ ok: false });
  });

  it('stops at --, and leaves unknown flags to cac', () => {
    expect(check(['--bogus', '--', '--snapshot'])).toEqual({ ok: true, options: {} });
  });
});

describe('closestFlag', () => {
  const flags = () => verifySpecs().map((spec) => spec.flag);
  it('suggests a flag one or two edits away, snake_case or wrong case included, and nothing for a stranger', () => {
    expect(closestFlag('--formt', flags())).toBe('--format');
    expect(closestFlag('--fail_on', flags())).toBe('--fail-on');
    expect(closestFlag('--Snapshot', flags())).toBe('--snapshot');
    expect(closestFlag('-config', flags())).toBe('--config');
    expect(closestFlag('--url', flags())).toBeUndefined();
    expect(closestFlag('--output', flags())).toBeUndefined();
  });
});

describe('redaction', () => {
  it('masks the user and password of any URL, and password= parameters, keeping the host', () => {
    expect(redactUrlsIn('reach postgres://me:s3cret@db.example:5432/app?sslmode=require now')).toBe(
      'reach postgres://***:***@db.example:5432/app?sslmode=require now',
    );
    expect(redactUrlsIn('postgresql://me@db/app')).toBe('postgresql://***@db/app');
    expect(redactUrlsIn('postgres://me:p@ss@db/app, then mail me@example.com')).toBe('postgres://***:***@db/app, then mail me@example.com');
    expect(redactUrlsIn('host=db user=me password=s3cret dbname=app')).toBe('host=db user=me password=*** dbname=app');
    expect(redactUrlsIn('postgres://db.example/app?user=me&password=s3cret')).toBe('postgres://db.example/app?user=me&password=***');
    expect(redactUrlsIn('https://github.com/drizzle-team/drizzle-orm')).toBe('https://github.com/drizzle-team/drizzle-orm');
  });

  it('masks known secrets, raw and percent-decoded, but not short ones on their own', () => {
    const secrets = secretsOfCredentials({ url: `postgres://me:${encodeURIComponent('pa#ss/word')}@db/app`, password: 'abc' });
    expect(redactSecrets('a pa#ss/word and pa%23ss%2Fword, abc', secrets)).toBe('a *** and ***, abc');
  });
});
