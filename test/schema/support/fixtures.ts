/** Fixture projects: real Drizzle schema files with their own drizzle.config.ts and tsconfig.json. */
import { fileURLToPath } from 'node:url';

export const PROJECTS = fileURLToPath(new URL('../../fixtures/projects/', import.meta.url));

export const project = (name: string): string => `${PROJECTS}${name}`;
