/**
 * A key written twice in one JSON object. JSON.parse keeps the last one without a word
 * (RFC 8259 leaves it to the parser), so a hand edit that pastes `"notNull": false`
 * below `"notNull": true` would load as a different schema than the one the file seems
 * to show. Run on text JSON.parse accepted, so it only follows the structure; iterative,
 * like json-position.ts, whatever the nesting.
 *
 * Every snapshot verify loads goes through this (20 MB at 2,000 tables), so a quick count
 * comes first (`mayHaveDuplicateKey`): the file has a repeated key iff it holds more keys
 * than the parsed document. Only then does `findDuplicateKey` look for where.
 */
import type { PathSegment } from './json-path.js';

export interface DuplicateKey {
  /** Path of the object holding the key twice. */
  readonly path: readonly PathSegment[];
  readonly key: string;
  /** 0-based offset of the second occurrence. */
  readonly offset: number;
}

interface Frame {
  readonly keys: Set<string> | null; // null for an array
  /** The key (object) or index (array) whose value is being read. */
  at: string | number;
  expectingKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Offset of the quote that closes the string whose opening quote is at `start`. */
const stringEnd = (text: string, start: number): number => {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
};

/** How many keys `text` (valid JSON) writes: the strings followed by a colon. */
const keysInText = (text: string): number => {
  let count = 0;
  for (let start = text.indexOf('"'); start !== -1; ) {
    let next = stringEnd(text, start) + 1;
    let code = text.charCodeAt(next);
    while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) code = text.charCodeAt((next += 1));
    if (code === 0x3a) count += 1;
    start = text.indexOf('"', next);
  }
  return count;
};

/** How many keys the objects of a parsed JSON document hold, nested ones included. */
const keysInDocument = (document: unknown): number => {
  let count = 0;
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    for (const item of Object.values(value)) {
      count += 1;
      if (typeof item === 'object' && item !== null) pending.push(item);
    }
  }
  return count;
};

/**
 * False when `text` (valid JSON) certainly writes no key twice in one object: JSON.parse
 * (`document`) keeps one property per distinct key, so a repeat shows as a missing key.
 */
export const mayHaveDuplicateKey = (text: string, document: unknown): boolean => keysInText(text) !== keysInDocument(document);

/** The first duplicated key in `text` (valid JSON), or null. */
export const findDuplicateKey = (text: string): DuplicateKey | null => {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    switch (text.charCodeAt(i)) {
      case QUOTE: {
        let end = i + 1;
        while (end < text.length && text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
        const top = stack.at(-1);
        if (top?.keys != null && top.expectingKey) {
          const key = JSON.parse(text.slice(i, end + 1)) as string;
          if (top.keys.has(key)) return { path: stack.slice(0, -1).map((frame) => frame.at), key, offset: i };
          top.keys.add(key);
          top.at = key;
          top.expectingKey = false;
        }
        i = end;
        break;
      }
      case 0x7b: // {
        stack.push({ keys: new Set(), at: '', expectingKey: true });
        break;
      case 0x5b: // [
        stack.push({ keys: null, at: 0, expectingKey: false });
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x2c: {
        // ,
        const top = stack.at(-1);
        if (top === undefined) break;
        if (top.keys === null) top.at = (top.at as number) + 1;
        else top.expectingKey = true;
        break;
      }
    }
  }
  return null;
};
