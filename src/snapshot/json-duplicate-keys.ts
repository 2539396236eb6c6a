/**
 * A key written twice in one JSON object. JSON.parse keeps the last one without a word
 * (RFC 8259 leaves it to the parser), so a hand edit that pastes `"notNull": false`
 * below `"notNull": true` would load as a different schema than the one the file seems
 * to show. Run on text JSON.parse accepted, so it only follows the structure; iterative,
 * like json-position.ts, whatever the nesting.
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
