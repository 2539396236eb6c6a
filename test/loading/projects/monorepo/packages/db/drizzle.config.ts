import { join } from 'node:path';
import { defineConfig } from 'drizzle-kit';

// Paths from this file's folder, so that drizzle-kit runs from the package or the root.
export default defineConfig({
  dialect: 'postgresql',
  schema: join(__dirname, 'src/schema'),
});
