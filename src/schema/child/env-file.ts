/**
 * `.env`, read the way drizzle-kit reads it, before the config is imported.
 *
 * NOTE: drizzle-kit 0.31 and 1.0 both run `dotenv/config` when their CLI starts (dotenv
 * 16.5 and 16.6, bundled in bin.cjs): `.env` in the working directory, or the file
 * DOTENV_CONFIG_PATH names; variables already set are never overridden (unless
 * DOTENV_CONFIG_OVERRIDE says so); DOTENV_CONFIG_ENCODING, DOTENV_KEY (.env.vault) as dotenv
 * documents them. We run the same dotenv with the same options, in the loader process only:
 * verify's own environment is never changed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

interface Dotenv {
  config(options: Record<string, unknown>): { readonly parsed?: Readonly<Record<string, string>>; readonly error?: unknown };
}

export interface EnvFileOutcome {
  /** Absolute path of the file read, or null when there was none. */
  readonly file: string | null;
  /** Values it set that are credentials: URLs, and values of variables named like a password, secret or token. */
  readonly credentials: readonly string[];
}

const CREDENTIAL_NAME = /pass|secret|token|credential/i;

const expandHome = (path: string): string => (path.startsWith('~') ? join(homedir(), path.slice(1)) : path);

export const loadEnvFile = (): EnvFileOutcome => {
  const require = createRequire(import.meta.url);
  const dotenv = require('dotenv') as Dotenv;
  // dotenv/config's own options from the environment (DOTENV_CONFIG_*), read now.
  const options = { ...(require('dotenv/lib/env-options') as Record<string, unknown>) };
  const before = { ...process.env };
  const result = dotenv.config(options);
  const vault = (process.env['DOTENV_KEY'] ?? options['DOTENV_KEY'] ?? '') !== '' ? resolve(process.cwd(), '.env.vault') : null;
  const path = typeof options['path'] === 'string' ? resolve(expandHome(options['path'])) : resolve(process.cwd(), '.env');
  const file = vault !== null && existsSync(vault) ? vault : result.error === undefined ? path : null;
  const credentials = Object.entries(result.parsed ?? {})
    .filter(([key, value]) => before[key] !== value && process.env[key] === value && value !== '')
    .filter(([key, value]) => value.includes('://') || CREDENTIAL_NAME.test(key))
    .map(([, value]) => value);
  return { file, credentials };
};
