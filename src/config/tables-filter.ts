/**
 * drizzle-kit's `tablesFilter`: glob patterns on table names (without schema), `!` negates.
 *
 * NOTE: drizzle-kit 0.31 (`pgPushIntrospect`) applies the filter to the tables it reads from
 * the database only, never to the schema files, with this exact rule: with no pattern every
 * table passes; otherwise each negated pattern a name does NOT satisfy votes "out", each
 * pattern the name satisfies votes "in" (a negated pattern is satisfied by every other
 * name), and the table passes when there is at least one vote and every vote is "in". So
 * `['!tmp_*']` keeps `users` and drops `tmp_x`, and `['user*', '!user_tmp']` keeps `orders` too
 * (the negated pattern votes it in). With `extensionsFilters: ['postgis']` drizzle-kit adds
 * `!geography_columns`, `!geometry_columns` and `!spatial_ref_sys`.
 */
import picomatch from 'picomatch';

export type TableNameFilter = (tableName: string) => boolean;

const POSTGIS_TABLES = ['!geography_columns', '!geometry_columns', '!spatial_ref_sys'] as const;

export const createTablesFilter = (
  patterns: readonly string[],
  extensionsFilters: readonly 'postgis'[] = [],
): TableNameFilter => {
  const all = [...patterns, ...(extensionsFilters.includes('postgis') ? POSTGIS_TABLES : [])];
  if (all.length === 0) return () => true;
  const matchers = all.map((pattern) => ({
    negated: picomatch.scan(pattern).negated,
    matches: picomatch(pattern),
  }));
  return (tableName) => {
    const votes: boolean[] = [];
    for (const { negated, matches } of matchers) {
      const satisfied = matches(tableName);
      if (negated && !satisfied) votes.push(false);
      if (satisfied) votes.push(true);
    }
    return votes.length > 0 && votes.every(Boolean);
  };
};
