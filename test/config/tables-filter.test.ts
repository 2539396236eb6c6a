import { describe, expect, it } from 'vitest';
import { createTablesFilter } from '../../src/config/tables-filter.js';

const NAMES = ['users', 'users_tmp', 'orders', 'tmp_import', 'spatial_ref_sys', 'geometry_columns'];
const kept = (patterns: string[], extensions: 'postgis'[] = []): string[] =>
  NAMES.filter(createTablesFilter(patterns, extensions));

describe("tablesFilter, with drizzle-kit 0.31's voting rule", () => {
  it('keeps every table without patterns', () => {
    expect(kept([])).toEqual(NAMES);
  });

  it('keeps only matches of positive patterns', () => {
    expect(kept(['users*'])).toEqual(['users', 'users_tmp']);
    expect(kept(['users', 'orders'])).toEqual(['users', 'orders']);
    expect(kept(['{users,orders}'])).toEqual(['users', 'orders']);
  });

  it('drops matches of negated patterns and keeps the rest', () => {
    expect(kept(['!tmp_*'])).toEqual(['users', 'users_tmp', 'orders', 'spatial_ref_sys', 'geometry_columns']);
  });

  it('lets a negated pattern vote unrelated names in, as drizzle-kit does', () => {
    // `orders` matches no positive pattern but satisfies `!users_tmp`: drizzle-kit keeps it.
    expect(kept(['users*', '!users_tmp'])).toEqual(['users', 'orders', 'tmp_import', 'spatial_ref_sys', 'geometry_columns']);
  });

  it("adds PostGIS's tables as negations with extensionsFilters: ['postgis']", () => {
    expect(kept([], ['postgis'])).toEqual(['users', 'users_tmp', 'orders', 'tmp_import']);
  });
});
