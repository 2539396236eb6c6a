/**
 * A thrown value as plain data, read in the loader process: its stack is formatted there,
 * where the loader's source maps (tsx's) apply, so frames point at the user's TypeScript.
 */
import type { ErrorData } from './protocol.js';

const field = (value: unknown, key: string): unknown => {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Never throws, whatever was thrown (a string, a Proxy, an object with a throwing getter). */
export const toErrorData = (error: unknown, tsconfig: string | null = null): ErrorData => {
  const isObject = typeof error === 'object' && error !== null;
  let fallback = '';
  try {
    fallback = isObject ? '' : String(error);
  } catch {
    fallback = 'unknown error';
  }
  const code = field(error, 'code');
  return {
    name: text(field(error, 'name')) ?? '',
    message: text(field(error, 'message')) ?? fallback,
    code: typeof code === 'string' || typeof code === 'number' ? String(code) : null,
    stack: text(field(error, 'stack')) ?? '',
    tsconfig,
  };
};
