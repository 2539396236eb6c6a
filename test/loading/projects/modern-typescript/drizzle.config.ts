import type { Config } from 'drizzle-kit';

export default {
  dialect: 'postgresql',
  schema: './src/schema.ts',
  casing: 'snake_case',
} satisfies Config;
