import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pgConnectionString } from '../../src/capture/pg-queryable.js';
import { redactUrl, resolveConnectionUrl, scrubSecrets, urlHost, urlSecrets } from '../../src/capture/url.js';

describe('resolveConnectionUrl', () => {
  it('prefers --url, then DATABASE_URL, then the drizzle config', () => {
    const flag = 'postgres://a@h/flag';
    const env = 'postgres://a@h/env';
    const configUrl = 'postgres://a@h/config';
    expect(resolveConnectionUrl({ flag, env, configUrl })).toEqual({ ok: true, url: flag, source: 'flag' });
    expect(resolveConnectionUrl({ env, configUrl })).toEqual({ ok: true, url: env, source: 'env' });
    expect(resolveConnectionUrl({ env: '  ', configUrl })).toEqual({ ok: true, url: configUrl, source: 'config' });
  });

  it('says where to put a URL when there is none', () => {
    const result = resolveConnectionUrl({});
    expect(result).toMatchObject({ ok: false, error: { code: 'missing-url' } });
    if (!result.ok) expect(result.error.hint).toContain('--url postgres://');
  });

  it('rejects a non-postgres URL without echoing it', () => {
    for (const bad of ['mysql://u:hunter2@h/db', 'hunter2', 'postgres://u:hunter2@[bad/db']) {
      const result = resolveConnectionUrl({ flag: bad });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-url' } });
      if (!result.ok) expect(`${result.error.message} ${result.error.hint}`).not.toContain('hunter2');
    }
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://me:hunter2@db.example.com:5432/app', 'postgres://***:***@db.example.com:5432/app'],
    ['postgresql://me:p%40ss@h/app?sslmode=require', 'postgresql://***:***@h/app?sslmode=require'],
    ['postgres://me@h/app', 'postgres://***@h/app'],
    ['postgres://h/app', 'postgres://h/app'],
    ['postgres://h/app?user=me&password=hunter2&sslmode=require', 'postgres://h/app?user=***&password=***&sslmode=require'],
    ['postgres://me:a@b@h/app', 'postgres://***:***@h/app'],
    ['postgres://me:hunter2@h/app?sslpassword=x', 'postgres://***:***@h/app?sslpassword=***'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('scrubSecrets', () => {
  it('masks the password in every spelling, and the URL itself', () => {
    const url = 'postgres://me:p%40ss%2Fw0rd@h/app';
    expect(urlSecrets(url)).toEqual(['p%40ss%2Fw0rd', 'p@ss/w0rd']);
    const text = `failed for ${url}: bad password p@ss/w0rd (raw p%40ss%2Fw0rd)`;
    const scrubbed = scrubSecrets(text, url);
    expect(scrubbed).not.toContain('p@ss/w0rd');
    expect(scrubbed).not.toContain('p%40ss%2Fw0rd');
    expect(scrubbed).toContain('postgres://***:***@h/app');
  });

  it('masks a short password where it stands, never letters inside words (issue 14)', () => {
    const url = 'postgres://me:p@127.0.0.1:5432/app';
    expect(scrubSecrets('timeout expired', url)).toBe('timeout expired');
    expect(scrubSecrets('bad password p for postgres://me:p@127.0.0.1:5432/app?password=p', url)).toBe(
      'bad password *** for postgres://***:***@127.0.0.1:5432/app?password=***',
    );
    expect(scrubSecrets('p, "p" and (p)', url)).toBe('***, "***" and (***)');
  });

  it('never changes a word that does not hold the secret as a token', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(word, fc.array(word, { minLength: 1, maxLength: 8 }), (password, words) => {
        const text = words.filter((w) => w !== password).join(' ');
        expect(scrubSecrets(text, `postgres://me:${password}@h/app`)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('masks extra secrets such as PGPASSWORD', () => {
    expect(scrubSecrets('auth failed with Swordfish', 'postgres://me@h/app', ['Swordfish', ''])).toBe('auth failed with ***');
  });
});

describe('urlHost', () => {
  it('gives host and port, or null without a host', () => {
    expect(urlHost('postgres://me:pw@db.example.com:6543/app')).toBe('db.example.com:6543');
    expect(urlHost('postgres://me@db.example.com/app')).toBe('db.example.com');
    expect(urlHost('postgres:///app?host=/var/run/postgresql')).toBeNull();
  });
});

describe('pgConnectionString', () => {
  it('spells the sslmodes pg treats as verify-full as verify-full, and leaves the rest', () => {
    expect(pgConnectionString('postgres://h/db?sslmode=require')).toBe('postgres://h/db?sslmode=verify-full');
    expect(pgConnectionString('postgres://h/db?channel_binding=require&sslmode=prefer')).toBe(
      'postgres://h/db?channel_binding=require&sslmode=verify-full',
    );
    expect(pgConnectionString('postgres://h/db?sslmode=disable')).toBe('postgres://h/db?sslmode=disable');
    expect(pgConnectionString('postgres://h/db?sslmode=no-verify')).toBe('postgres://h/db?sslmode=no-verify');
    expect(pgConnectionString('postgres://h/db?uselibpqcompat=true&sslmode=require')).toBe(
      'postgres://h/db?uselibpqcompat=true&sslmode=require',
    );
  });
});
