/**
 * Secrets at verify: drizzle.config.ts holds a connection URL with a distinctive user and
 * password. Verify never needs it, and none of its outputs (stdout text and JSON, stderr)
 * may carry the password or the user, on success or on any error, even when the config
 * or a schema module prints or throws the URL or the bare password.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SNAPSHOT, expectUsageError, REPO, USERS_SCHEMA, verifyIn, writeProject, type Run } from './support/run.js';

const USER = 'verify_owner_5b';
const PASSWORD = 'Verify-Sw0rdfish-7c3e91';
/** A password that must be percent-encoded in a URL: the raw and the decoded spelling are both secrets. */
const SPECIAL_PASSWORD = 'Sw0rd#fish/verify:9@x';
const URL = `postgres://${USER}:${PASSWORD}@db.internal.example:5432/app`;
const SPECIAL_URL = `postgres://${USER}:${encodeURIComponent(SPECIAL_PASSWORD)}@db.internal.example:5432/app`;
const MASKED_URL = 'postgres://***:***@db.internal.example:5432/app';

const SECRETS = [USER, PASSWORD, SPECIAL_PASSWORD, encodeURIComponent(SPECIAL_PASSWORD)];

const expectNoSecret = (run: Run): void => {
  for (const secret of SECRETS) {
    expect(run.out, `stdout holds ${secret}`).not.toContain(secret);
    expect(run.err, `stderr holds ${secret}`).not.toContain(secret);
  }
};

const config = (fields: string, before = ''): string =>
  `import { defineConfig } from 'drizzle-kit';\n\nconst url = ${JSON.stringify(URL)};\n${before}\nexport default defineConfig({\n${fields}\n} as never);\n`;

const GOOD = "  dialect: 'postgresql',\n  schema: './schema.ts',\n  dbCredentials: { url },";

const verifyProject = (name: string, files: Record<string, string>, args: readonly string[] = [], env: Record<string, string> = {}) =>
  verifyIn(writeProject(`secrets-${name}`, { 'schema.ts': USERS_SCHEMA, ...files }), ['--snapshot', EXAMPLE_SNAPSHOT, ...args], env);

describe('verify never prints the credentials the config holds', () => {
  it('on success, in the text and the JSON report', async () => {
    for (const format of ['text', 'json']) {
      const run = await verifyProject('ok', { 'drizzle.config.ts': config(GOOD) }, ['--format', format, '--fail-on', 'none']);
      expect(run.code, run.err).toBe(0);
      expect(run.out.length).toBeGreaterThan(100);
      expectNoSecret(run);
    }
  });

  it('when the config is invalid: a bad field, another dialect, no dialect', async () => {
    for (const [name, fields] of [
      ['casing', `${GOOD}\n  casing: 'kebab-case',`],
      ['dialect', "  dialect: 'mysql',\n  schema: './schema.ts',\n  dbCredentials: { url },"],
      ['no-dialect', "  schema: './schema.ts',\n  dbCredentials: { url },"],
      ['credentials-string', "  dialect: 'postgresql',\n  schema: './schema.ts',\n  dbCredentials: url,"],
    ] as const) {
      const run = await verifyProject(`invalid-${name}`, { 'drizzle.config.ts': config(fields) });
      expectUsageError(run, 'drizzle.config.ts: ');
      expectNoSecret(run);
    }
  });

  it('when the config echoes the URL in an error: the URL is shown with its credentials masked', async () => {
    // The URL pasted into the wrong field is quoted back by the error.
    const asSchema = await verifyProject('url-as-schema', { 'drizzle.config.ts': config("  dialect: 'postgresql',\n  schema: url,\n  dbCredentials: { url },") });
    expectUsageError(asSchema, `no schema file matches '${MASKED_URL}'`);
    expectNoSecret(asSchema);

    const asDialect = await verifyProject('url-as-dialect', { 'drizzle.config.ts': config("  dialect: url,\n  schema: './schema.ts',") });
    expectUsageError(asDialect, `the config's dialect is "${MASKED_URL}"`);
    expectNoSecret(asDialect);
  });

  it('when the config throws with the URL in its message, or prints it', async () => {
    const throws = await verifyProject('config-throws', {
      'drizzle.config.ts': config(GOOD, 'throw new Error(`cannot reach ${url}: set DATABASE_URL`);'),
    });
    expectUsageError(throws, `threw while being imported: cannot reach ${MASKED_URL}: set DATABASE_URL`);
    expectNoSecret(throws);

    const prints = await verifyProject('config-prints', {
      // The bare password is printed while the config is imported, before verify has read it.
      'drizzle.config.ts': config(GOOD, `console.log('using', url, 'with', new URL(url).password);`),
    }, ['--fail-on', 'none']);
    expect(prints.code, prints.err).toBe(0);
    expect(prints.err).toContain(`using ${MASKED_URL} with ***\n`);
    expectNoSecret(prints);
  });

  it('when a schema module throws or prints the URL or the password the config holds', async () => {
    const throws = await verifyProject('schema-throws', {
      'drizzle.config.ts': config(GOOD),
      'schema.ts': `throw new Error('no connection to ${URL}');\n`,
    });
    expectUsageError(throws, `schema.ts:1:7: threw while being imported: no connection to ${MASKED_URL}`);
    expectNoSecret(throws);

    const prints = await verifyProject('schema-prints', {
      'drizzle.config.ts': config("  dialect: 'postgresql',\n  schema: './schema.ts',\n  dbCredentials: { url: special },", `const special = ${JSON.stringify(SPECIAL_URL)};`),
      'schema.ts': `${USERS_SCHEMA}console.log(${JSON.stringify(PASSWORD)}.slice(0, 0) + 'password:', ${JSON.stringify(SPECIAL_PASSWORD)}, ${JSON.stringify(encodeURIComponent(SPECIAL_PASSWORD))});\n`,
    }, ['--format', 'json', '--fail-on', 'none']);
    expect(prints.code, prints.err).toBe(0);
    expect(prints.err).toContain('password: *** ***');
    expectNoSecret(prints);
  });

  it('a password given as dbCredentials.password, and DATABASE_URL in the environment', async () => {
    const fields = "  dialect: 'postgresql',\n  schema: './schema.ts',\n  dbCredentials: { host: 'db.internal.example', user: 'app', password: " + JSON.stringify(PASSWORD) + ' },';
    // The schema module reads this process's environment; verify reads it through its io.
    const saved = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = SPECIAL_URL;
    const run = await verifyProject(
      'password-field',
      {
        'drizzle.config.ts': config(fields),
        'schema.ts': `${USERS_SCHEMA}const env = process.env['DATABASE_URL'] ?? '';\nconsole.log('env', env, 'password', decodeURIComponent(new URL(env).password));\nthrow new Error('login failed with password ${PASSWORD}');\n`,
      },
      [],
      { DATABASE_URL: SPECIAL_URL },
    ).finally(() => {
      if (saved === undefined) delete process.env['DATABASE_URL'];
      else process.env['DATABASE_URL'] = saved;
    });
    expectUsageError(run, 'threw while being imported: login failed with password ***');
    expect(run.err).toContain(`env ${MASKED_URL} password ***`);
    expectNoSecret(run);
  });

  it('in a real process: stdout and stderr of a failing verify hold no credential', async () => {
    const cwd = writeProject('secrets-child', {
      'drizzle.config.ts': config(GOOD, 'console.error(`connecting to ${url}`);\nthrow new Error(`bad url ${url}`);'),
      'schema.ts': USERS_SCHEMA,
    });
    const { DATABASE_URL: _unused, ...env } = process.env;
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(REPO, 'src/bin.ts'), 'verify', '--snapshot', EXAMPLE_SNAPSHOT], {
      cwd,
      env,
      timeout: 120_000,
    }).then(
      () => {
        throw new Error('expected verify to fail');
      },
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`connecting to ${MASKED_URL}`);
    expect(failed.stderr).toContain(`threw while being imported: bad url ${MASKED_URL}`);
    expectNoSecret({ code: failed.code, out: failed.stdout, err: failed.stderr });
  });
});
