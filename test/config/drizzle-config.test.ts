import { describe, expect, it } from 'vitest';
import { parseDrizzleConfig } from '../../src/config/drizzle-config.js';

describe('parseDrizzleConfig', () => {
  it("applies drizzle-kit's defaults and normalizes strings to lists", () => {
    expect(parseDrizzleConfig({ dialect: 'postgresql', schema: './src/db/schema.ts' }, 'drizzle.config.ts')).toEqual({
      ok: true,
      config: {
        dialect: 'postgresql',
        schema: ['./src/db/schema.ts'],
        casing: null,
        schemaFilter: ['public'],
        schemaFilterGiven: false,
        tablesFilter: [],
        extensionsFilters: [],
        out: null,
        url: null,
        migrations: { table: null, schema: null },
      },
    });
  });

  it('reads every field verify uses, ignoring the others (driver, verbose, strict...)', () => {
    const result = parseDrizzleConfig(
      {
        dialect: 'postgresql',
        schema: ['./a.ts', './b/*.ts'],
        casing: 'camelCase',
        schemaFilter: 'tenant',
        tablesFilter: ['users*', '!users_tmp'],
        extensionsFilters: ['postgis'],
        out: './drizzle',
        dbCredentials: { url: 'postgres://u:secret@db/app' },
        migrations: { table: 'journal', schema: 'drizzle' },
        verbose: true,
        strict: true,
      },
      'drizzle.config.ts',
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        schema: ['./a.ts', './b/*.ts'],
        casing: 'camelCase',
        schemaFilter: ['tenant'],
        schemaFilterGiven: true,
        tablesFilter: ['users*', '!users_tmp'],
        extensionsFilters: ['postgis'],
        out: './drizzle',
        url: 'postgres://u:secret@db/app',
        migrations: { table: 'journal', schema: 'drizzle' },
      },
    });
  });

  it('accepts credentials without a url', () => {
    const result = parseDrizzleConfig({ dialect: 'postgresql', dbCredentials: { host: 'db', port: 5432 } }, 'c.ts');
    expect(result).toMatchObject({ ok: true, config: { url: null, schema: [] } });
  });

  it.each([
    ['mysql', 'config-wrong-dialect', "point --config at the PostgreSQL project's config"],
    ['postgres', 'config-wrong-dialect', "for PostgreSQL it is 'postgresql'"],
  ])('rejects dialect %s', (dialect, code, hint) => {
    const result = parseDrizzleConfig({ dialect, schema: './s.ts' }, 'drizzle.config.ts');
    expect(result).toMatchObject({ ok: false, error: { code, path: 'drizzle.config.ts' } });
    if (!result.ok) expect(result.error.hint).toContain(hint);
  });

  it.each([
    [{ schema: './s.ts' }, "the config has no 'dialect'"],
    [null, "the config's default export is null, not an object"],
    [[], "the config's default export is an array, not an object"],
    ['x', "the config's default export is string, not an object"],
    [{ dialect: 'postgresql', casing: 'kebab-case' }, 'casing: '],
    [{ dialect: 'postgresql', schema: 42 }, 'schema: expected a string or an array of strings'],
    [{ dialect: 'postgresql', schemaFilter: [1] }, 'schemaFilter: expected a string or an array of strings'],
  ])('reports an invalid config %j', (raw, message) => {
    const result = parseDrizzleConfig(raw, 'drizzle.config.ts');
    expect(result).toMatchObject({ ok: false, error: { code: 'config-invalid', path: 'drizzle.config.ts' } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});
