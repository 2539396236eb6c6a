/** Which drizzle-kit verify judges with: the rules of drizzle-kit-choice.ts, on made-up installs. */
import { describe, expect, it } from 'vitest';
import { chooseDrizzleKit, type DrizzleKitChoiceInput } from '../../src/schema/drizzle-kit-choice.js';
import type { InstalledPackage } from '../../src/schema/find-package.js';

const installed = (name: string, version: string): InstalledPackage => ({
  name,
  version,
  dir: `/store/${name}@${version}`,
  location: `/app/node_modules/${name}`,
});
const BUNDLED = { ...installed('drizzle-kit', '0.31.11'), location: '/tools/drizzle-catalog/node_modules/drizzle-kit' };

const choose = (kit: string | null, orm: string | null, needsDrizzleOrm = true, bundled: InstalledPackage | null = BUNDLED) => {
  const input: DrizzleKitChoiceInput = {
    project: { drizzleKit: kit === null ? null : installed('drizzle-kit', kit), drizzleOrm: orm === null ? null : installed('drizzle-orm', orm) },
    bundled,
    cwd: '/app',
    searched: '/app',
    needsDrizzleOrm,
  };
  return chooseDrizzleKit(input);
};

describe('chooseDrizzleKit', () => {
  it("uses the project's drizzle-kit, its major picking the adapter", () => {
    expect(choose('0.31.11', '0.45.4')).toMatchObject({ ok: true, choice: { major: 0, origin: 'project', drizzleKit: { version: '0.31.11' }, warnings: [] } });
    expect(choose('1.0.0-rc.5', '1.0.0-rc.5')).toMatchObject({ ok: true, choice: { major: 1, origin: 'project', warnings: [] } });
    expect(choose('1.0.0-beta.15', '1.0.0-beta.15')).toMatchObject({ ok: true, choice: { major: 1 } });
  });

  it("falls back to drizzle-catalog's own drizzle-kit, and says so with the install line", () => {
    const chosen = choose(null, '0.45.4');
    expect(chosen).toMatchObject({ ok: true, choice: { major: 0, origin: 'bundled', drizzleKit: { location: BUNDLED.location } } });
    expect(chosen.ok && chosen.choice.warnings).toEqual([
      "no drizzle-kit is installed in this project (searched from /app): verify uses drizzle-catalog's own drizzle-kit 0.31.11; install the one push runs (npm i -D drizzle-kit@^0.31) so that verify judges with it",
    ]);
  });

  it("says what to install when neither the project nor drizzle-catalog has a drizzle-kit", () => {
    expect(choose(null, '0.45.4', true, null)).toMatchObject({
      ok: false,
      error: { code: 'drizzle-kit-unsupported', hint: 'install drizzle-kit in the project (npm i -D drizzle-kit), or reinstall drizzle-catalog' },
    });
  });

  it('refuses a drizzle-orm 1.0 with a drizzle-kit 0.x, naming both and the drizzle-kit to install', () => {
    expect(choose('0.31.11', '1.0.0-rc.5')).toEqual({
      ok: false,
      error: {
        code: 'drizzle-versions-mismatch',
        path: 'node_modules/drizzle-kit',
        message:
          "drizzle-orm 1.0.0-rc.5 and drizzle-kit 0.31.11 (the project's) do not go together: drizzle-kit 0.31.11 cannot read drizzle-orm 1.0 tables (it silently loses array types and unique constraint names)",
        hint: 'install the matching drizzle-kit: npm i -D drizzle-kit@1.0.0-rc.5; drizzle-kit push would use the same pair',
      },
    });
    // The same with no drizzle-kit in the project: ours is 0.31.
    expect(choose(null, '1.0.0-rc.5')).toMatchObject({ ok: false, error: { code: 'drizzle-versions-mismatch', path: 'node_modules/drizzle-orm' } });
  });

  it('refuses a drizzle-kit 1.0 with a drizzle-orm 0.x, with both ways out', () => {
    const chosen = choose('1.0.0-rc.5', '0.45.4');
    expect(chosen).toMatchObject({ ok: false, error: { code: 'drizzle-versions-mismatch' } });
    expect(!chosen.ok && chosen.error.hint).toBe(
      'install the drizzle-kit that matches drizzle-orm 0.45.4 (npm i -D drizzle-kit@^0.31), or upgrade drizzle-orm (npm i drizzle-orm@1.0.0-rc.5); drizzle-kit push would use the same pair',
    );
  });

  it('needs drizzle-orm to load a schema, not to read a config', () => {
    expect(choose('0.31.11', null)).toMatchObject({ ok: false, error: { code: 'drizzle-orm-not-found', path: '/app' } });
    expect(choose('0.31.11', null, false)).toMatchObject({ ok: true, choice: { major: 0, drizzleOrm: null } });
  });

  it('refuses a drizzle-kit major it does not know, and warns about a 0.x older than 0.31', () => {
    expect(choose('2.0.0', '2.0.0')).toMatchObject({ ok: false, error: { code: 'drizzle-kit-unsupported' } });
    expect(choose('0.30.6', '0.40.0')).toMatchObject({
      ok: true,
      choice: { major: 0, warnings: [expect.stringContaining('drizzle-kit 0.30.6 is older than 0.31')] },
    });
  });
});
