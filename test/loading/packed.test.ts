/**
 * The way users get drizzle-catalog: `npm pack`, installed into a fresh project outside the
 * repository (next to the project's own drizzle-orm), and run from `node_modules/.bin` on
 * two fixture projects copied there. This runs dist/ (the loader process's entry included),
 * not src/. One pack and one install per run.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../hardening-verify/support/run.js';

const run = promisify(execFile);
const SNAPSHOT = join(REPO, 'snapshots/example.json');

/** drizzle-orm as the repository pins it: the project's own, installed beside the tarball. */
const DRIZZLE_ORM = (JSON.parse(readFileSync(join(REPO, 'node_modules/drizzle-orm/package.json'), 'utf8')) as { version: string }).version;

describe('the packed package, installed in a project outside the repository', () => {
  let app = '';
  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'drizzle-catalog-packed-'));
    // `npm pack` runs `prepare` (the build): the tarball holds a fresh dist/.
    await run('npm', ['pack', '--pack-destination', app, '--silent'], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
    const tarball = readdirSync(app).find((file) => file.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack wrote no tarball');
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'packed-app', private: true, version: '1.0.0' }, null, 2)}\n`);
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(app, tarball), `drizzle-orm@${DRIZZLE_ORM}`], {
      cwd: app,
      maxBuffer: 16 * 1024 * 1024,
    });
    for (const fixture of ['cjs-lib-alias', 'env-only']) {
      cpSync(join(REPO, 'test/loading/projects', fixture), join(app, fixture), { recursive: true, filter: (source) => !source.includes('node_modules') });
    }
  }, 600_000);
  afterAll(() => {
    if (app !== '') rmSync(app, { recursive: true, force: true });
  });

  it.each([
    ['cjs-lib-alias', 'schema: drizzle.config.ts', 'env: no .env'],
    ['env-only', 'schema: drizzle.config.ts', 'env: .env'],
  ])('verifies %s with the installed bin', async (fixture, schemaLabel, envLabel) => {
    const { stdout, stderr } = await run(join(app, 'node_modules/.bin/drizzle-catalog'), ['verify', '--snapshot', SNAPSHOT, '--fail-on', 'none'], {
      cwd: join(app, fixture),
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1' },
    });
    expect(stderr).toBe('');
    expect(stdout).toContain(`  ${schemaLabel} · snapshot: ${SNAPSHOT}\n`);
    // drizzle-kit is drizzle-catalog's dependency, installed (hoisted) into the project: npx drizzle-kit would run it.
    expect(stdout).toContain(`  loaded with drizzle-kit 0.31.11 · drizzle-orm ${DRIZZLE_ORM} · ${envLabel}\n`);
    expect(stdout).toMatch(/^(DANGEROUS|NEEDS DECISIONS|SAFE|IN SYNC)/);
  });
});
