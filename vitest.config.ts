import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Real PostgreSQL and PGlite tests do real work; a generous per-test timeout
    // avoids flakes on a loaded 2-core CI machine. Speed is measured in bench/.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
