import { createRequire } from 'node:module';

// src/ and dist/ both sit one level below package.json.
const manifest = createRequire(import.meta.url)('../package.json') as { readonly version: string };

export const VERSION: string = manifest.version;
