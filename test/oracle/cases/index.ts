import { arrays } from './arrays.js';
import type { OracleCase } from './case.js';
import { checkConstraints } from './check-constraints.js';
import { columnDrift } from './column-drift.js';
import { columnTypes } from './column-types.js';
import { compositePrimaryKeys } from './composite-primary-keys.js';
import { enumsInCustomSchema } from './enums-in-custom-schema.js';
import { generatedColumns } from './generated-columns.js';
import { identityAndSequences } from './identity-and-sequences.js';
import { indexExpressions } from './index-expressions.js';
import { meetingsWorkedExample } from './meetings-worked-example.js';
import { checkDrift, generatedExpressionDrift, indexPredicateDrift, viewDefinitionDrift } from './silent-drift.js';
import { views } from './views.js';

export type { DrizzleKitSays, OracleCase } from './case.js';

export const CASES: readonly OracleCase[] = [
  columnTypes,
  arrays,
  enumsInCustomSchema,
  identityAndSequences,
  generatedColumns,
  checkConstraints,
  compositePrimaryKeys,
  indexExpressions,
  views,
  columnDrift,
  checkDrift,
  indexPredicateDrift,
  generatedExpressionDrift,
  viewDefinitionDrift,
  meetingsWorkedExample,
];
