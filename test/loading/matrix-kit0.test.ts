/** The loading matrix on the drizzle-kit 0.31 projects (support/matrix.ts, support/fixtures.ts). */
import { expect, it } from 'vitest';
import { FIXTURES } from './support/fixtures.js';
import { matrixFor } from './support/matrix.js';

it('has at least the 15 shapes issue 12 asks for', () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
});

matrixFor(0);
