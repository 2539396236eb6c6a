/**
 * Where a JSON text goes wrong. `JSON.parse` reports positions inconsistently across
 * Node versions (Node 20 says "Unexpected token '}', ... is not valid JSON" with no
 * position at all), so after it fails we scan the text ourselves. The scanner is
 * iterative: a hostile file of a million `[` cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** 0-based offset in UTF-16 code units. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters (UTF-16 code units) from the start of the line. */
  readonly column: number;
  readonly message: string;
}

type Expect = 'value' | 'first-value-or-close' | 'key' | 'first-key-or-close' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

const describe = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}` : `'${char}'`;
};

export const positionOf = (text: string, offset: number, message: string): JsonSyntaxError => {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, message };
};

/** Scans a string starting at the quote at `start`; returns the offset after it or an error. */
const scanString = (text: string, start: number): number | JsonSyntaxError => {
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '"') return i + 1;
    if (char === '\\') {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return positionOf(text, i, 'invalid \\u escape: expected 4 hex digits');
        i += 5;
      } else if (escape !== undefined && ESCAPES.has(escape)) {
        i += 1;
      } else {
        return positionOf(text, i, `invalid escape ${escape === undefined ? 'at end of input' : `\\${escape}`} in string`);
      }
    } else if (char.charCodeAt(0) < 0x20) {
      return positionOf(text, i, `${describe(char)} inside a string (a line break in a string must be written \\n)`);
    }
  }
  return positionOf(text, start, 'string never ends (missing closing ")');
};

/** The first syntax error in `text`, or null when it is valid JSON. */
export const findJsonSyntaxError = (text: string): JsonSyntaxError | null => {
  const stack: ('object' | 'array')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
    if (i >= text.length) {
      if (stack.length === 0 && expect === 'after-value') return null;
      const open = stack.at(-1);
      return positionOf(
        text,
        i,
        open === undefined ? 'unexpected end of input: no JSON value' : `unexpected end of input: ${open === 'object' ? "'}'" : "']'"} missing (the file is truncated?)`,
      );
    }
    const char = text[i] as string;
    switch (expect) {
      case 'value':
      case 'first-value-or-close': {
        if (expect === 'first-value-or-close' && char === ']') {
          stack.pop();
          expect = 'after-value';
          i += 1;
        } else if (char === '{') {
          stack.push('object');
          expect = 'first-key-or-close';
          i += 1;
        } else if (char === '[') {
          stack.push('array');
          expect = 'first-value-or-close';
          i += 1;
        } else if (char === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'after-value';
        } else if (char === '-' || (char >= '0' && char <= '9')) {
          NUMBER.lastIndex = i;
          const match = NUMBER.exec(text);
          if (match === null) return positionOf(text, i, 'invalid number');
          i += match[0].length;
          expect = 'after-value';
        } else {
          const literal = LITERALS.find((word) => text.startsWith(word, i));
          if (literal === undefined) return positionOf(text, i, `unexpected ${describe(char)}, expected a value`);
          i += literal.length;
          expect = 'after-value';
        }
        break;
      }
      case 'key':
      case 'first-key-or-close': {
        if (expect === 'first-key-or-close' && char === '}') {
          stack.pop();
          expect = 'after-value';
          i += 1;
        } else if (char === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'colon';
        } else {
          const trailing = expect === 'key' && char === '}' ? ' (a trailing comma?)' : '';
          return positionOf(text, i, `unexpected ${describe(char)}, expected a property name in double quotes${trailing}`);
        }
        break;
      }
      case 'colon': {
        if (char !== ':') return positionOf(text, i, `unexpected ${describe(char)}, expected ':' after the property name`);
        expect = 'value';
        i += 1;
        break;
      }
      case 'after-value': {
        const open = stack.at(-1);
        if (open === undefined) return positionOf(text, i, `unexpected ${describe(char)} after the end of the JSON value`);
        const close = open === 'object' ? '}' : ']';
        if (char === ',') {
          expect = open === 'object' ? 'key' : 'value';
          i += 1;
        } else if (char === close) {
          stack.pop();
          i += 1;
        } else {
          return positionOf(text, i, `unexpected ${describe(char)}, expected ',' or '${close}'`);
        }
        break;
      }
    }
  }
};
