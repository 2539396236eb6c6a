/**
 * The test workspace test/drizzle-1 resolves the 1.0 pair, while the repository keeps 0.45/0.31:
 * the 1.0 tests would prove nothing if vitest resolved drizzle-orm or drizzle-kit from the root.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvedPackages } from '../../drizzle-1/kit.js';
import { pgTable as pgTable1 } from '../../drizzle-1/orm.js';
import { pgTable as pgTable045 } from 'drizzle-orm/pg-core';

const workspace = fileURLToPath(new URL('../../drizzle-1/node_modules/', import.meta.url));

describe('test/drizzle-1 resolves drizzle-orm and drizzle-kit 1.0', () => {
  it('from its own node_modules', () => {
    const resolved = resolvedPackages();
    console.info(`drizzle-kit/api-postgres → ${resolved.drizzleKit}\ndrizzle-orm/pg-core → ${resolved.drizzleOrm}`);
    expect(fileURLToPath(resolved.drizzleKit).startsWith(`${workspace}drizzle-kit/`)).toBe(true);
    expect(fileURLToPath(resolved.drizzleOrm).startsWith(`${workspace}drizzle-orm/`)).toBe(true);
  });

  it('and builds tables with drizzle-orm 1.0, not the repository 0.45', async () => {
    const { version: version1 } = (await import('../../drizzle-1/node_modules/drizzle-orm/package.json', { with: { type: 'json' } })).default;
    const { version: version045 } = (await import('../../../node_modules/drizzle-orm/package.json', { with: { type: 'json' } })).default;
    expect(version1).toMatch(/^1\./);
    expect(version045).toMatch(/^0\./);
    expect(pgTable1).not.toBe(pgTable045);
    const loaded = (await import(resolvedPackages().drizzleOrm)) as { readonly pgTable: unknown };
    expect(loaded.pgTable).toBe(pgTable1);
  });
});
