import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./schema/a.mts', './schema/b.cts', './schema/c.mjs', './schema/d.cjs'],
});
