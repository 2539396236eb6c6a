/**
 * The module loader's scoping: the user's files load fresh on every load, installed
 * packages are the host's own instances.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createModuleLoader, findTsconfig } from '../../src/schema/ts-loader.js';
import { project } from './support/fixtures.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const importOnce = async (file: string, tsconfig: string | null): Promise<Readonly<Record<string, unknown>>> => {
  const loader = createModuleLoader({ tsconfig });
  try {
    return await loader.import(file);
  } finally {
    await loader.close();
  }
};

describe('createModuleLoader', () => {
  it("shares installed packages with the host: a schema's table is an instance of the host's drizzle-orm PgTable", async () => {
    const dir = project('aliases');
    const users = (await importOnce(join(dir, 'src/lib/server/db/schema/users.ts'), findTsconfig(dir)))['users'];
    expect(users).toBeInstanceOf(PgTable);
  });

  it("loads the user's files fresh on every load: an edited file is read again", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drizzle-catalog-loader-'));
    dirs.push(dir);
    const file = join(dir, 'value.ts');
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(dir, 'other.ts'), 'export const other: number = 1;\n');
    await writeFile(file, "import { other } from './other.ts';\nexport const value: number = other;\nexport const url: string = import.meta.url;\n");
    const first = await importOnce(file, null);
    await writeFile(join(dir, 'other.ts'), 'export const other: number = 2;\n');
    const second = await importOnce(file, null);
    expect([first['value'], second['value']]).toEqual([1, 2]);
    expect(first['url']).toMatch(/\?tsx-namespace=drizzle-catalog-/);
  });
});
