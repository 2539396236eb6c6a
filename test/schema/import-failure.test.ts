/** describeImportFailure on errors Node itself raises, not hand-made ones. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/config/display-path.js';
import { describeImportFailure, type ImportContext } from '../../src/schema/import-failure.js';
import { PROJECTS } from './support/fixtures.js';

const at = (cwd: string): ImportContext => ({ cwd, envFile: null, kitMajor: 0 });
const requireFrom = createRequire(join(PROJECTS, 'relations', 'schema.ts'));
const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('describeImportFailure', () => {
  it('CommonJS: a missing relative file', () => {
    const failure = describeImportFailure(caught(() => requireFrom('./db/missing')), join(PROJECTS, 'relations/schema.ts'), at(join(PROJECTS, 'relations')));
    expect(failure).toMatchObject({ reason: 'missing-file', path: 'schema.ts', message: "cannot find module 'db/missing'" });
  });

  it('CommonJS: a missing package and an alias-looking specifier', () => {
    const cwd = join(PROJECTS, 'relations');
    expect(describeImportFailure(caught(() => requireFrom('left-pad-not-here/sub')), 'schema.ts', at(cwd))).toMatchObject({
      reason: 'missing-package',
      message: "cannot find package 'left-pad-not-here'",
    });
    expect(describeImportFailure(caught(() => requireFrom('~/db/schema')), 'schema.ts', at(cwd))).toMatchObject({
      reason: 'unresolved-alias',
    });
    expect(describeImportFailure(caught(() => requireFrom('@/db/schema')), 'schema.ts', at(cwd))).toMatchObject({
      reason: 'unresolved-alias',
    });
  });

  it('a value thrown that is not an Error', () => {
    expect(describeImportFailure('boom', '/abs/schema.ts', at('/abs'))).toMatchObject({
      reason: 'threw',
      path: 'schema.ts',
      location: null,
      message: 'threw while being imported: boom',
    });
  });

  it('a JavaScript syntax error Node reports itself', () => {
    const error = caught(() => new Function('return (1'));
    expect(describeImportFailure(error, '/abs/schema.js', at('/abs'))).toMatchObject({ reason: 'syntax-error', path: 'schema.js' });
  });

  it('shows paths inside the working directory relative to it', () => {
    expect(displayPath('/work/app/src/db/schema.ts', '/work/app')).toBe('src/db/schema.ts');
    expect(displayPath('file:///work/app/schema.ts', '/work/app')).toBe('schema.ts');
    expect(displayPath('/elsewhere/schema.ts', '/work/app')).toBe('/elsewhere/schema.ts');
  });
});
