/** The loading matrix on the drizzle-kit 1.0 projects of test/drizzle-1/projects (support/matrix.ts, support/fixtures.ts). */
import { matrixFor } from './support/matrix.js';

matrixFor(1);
