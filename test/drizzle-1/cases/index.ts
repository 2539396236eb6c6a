import type { Kit1Case } from './case.js';
import { arrayColumns, columnTypes, defaultKinds, descendingIdentities, enumsInCustomSchema, generatedColumns, identityAndSequences } from './columns.js';
import { checks, foreignKeys, indexes, primaryKeys, uniqueNamingTheInlinePrimaryKey, uniques, uniquesRepeatingThePrimaryKey } from './constraints.js';
import { casing, longDerivedNames, longDerivedPartialIndex, longExplicitNames, schemaTables } from './names.js';
import { policyToCurrentUser, roles, rowLevelSecurity, views } from './objects.js';

export type { Kit1Case } from './case.js';

/** The 1.0 case library: every kind of object drizzle-kit 1.0 manages. */
export const KIT1_CASES: readonly Kit1Case[] = [
  columnTypes,
  arrayColumns,
  enumsInCustomSchema,
  identityAndSequences,
  descendingIdentities,
  generatedColumns,
  defaultKinds,
  primaryKeys,
  uniques,
  uniquesRepeatingThePrimaryKey,
  uniqueNamingTheInlinePrimaryKey,
  foreignKeys,
  checks,
  indexes,
  views,
  rowLevelSecurity,
  policyToCurrentUser,
  roles,
  casing,
  schemaTables,
  longDerivedNames,
  longDerivedPartialIndex,
  longExplicitNames,
];
