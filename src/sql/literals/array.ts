/**
 * Array literals (`'{a,"b c",NULL}'`) read like PostgreSQL's `array_in` and printed
 * like its `array_out`. Why: drizzle-kit writes `'{"a","b"}'` and `'{true,false}'`,
 * the database prints `'{a,b}'::text[]` and `'{t,f}'::boolean[]`: the same value.
 * (drizzle-kit 0.31 compares these as strings and re-alters array defaults on every
 * push; issue 4.)
 */
export type ArrayItem =
  | { readonly kind: 'null' }
  | { readonly kind: 'value'; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly ArrayItem[] };

const isArraySpace = (char: string | undefined): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\v' || char === '\f';

/** The items of an array literal, or undefined when it is not one this reader handles. */
export const parseArrayLiteral = (text: string): readonly ArrayItem[] | undefined => {
  let at = 0;
  const skipSpace = (): void => {
    while (isArraySpace(text[at])) at += 1;
  };
  const parseArray = (): readonly ArrayItem[] | undefined => {
    if (text[at] !== '{') return undefined;
    at += 1;
    const items: ArrayItem[] = [];
    skipSpace();
    if (text[at] === '}') {
      at += 1;
      return items;
    }
    for (;;) {
      skipSpace();
      const item = parseItem();
      if (item === undefined) return undefined;
      items.push(item);
      skipSpace();
      if (text[at] === ',') {
        at += 1;
      } else if (text[at] === '}') {
        at += 1;
        return items;
      } else {
        return undefined;
      }
    }
  };
  const parseItem = (): ArrayItem | undefined => {
    if (text[at] === '{') {
      const items = parseArray();
      return items === undefined ? undefined : { kind: 'array', items };
    }
    if (text[at] === '"') {
      at += 1;
      let value = '';
      while (at < text.length && text[at] !== '"') {
        if (text[at] === '\\') at += 1;
        value += text[at] ?? '';
        at += 1;
      }
      if (text[at] !== '"') return undefined;
      at += 1;
      return { kind: 'value', text: value };
    }
    let value = '';
    let escaped = false;
    let trailingSpace = 0;
    while (at < text.length && text[at] !== ',' && text[at] !== '}') {
      const char = text[at] as string;
      if (char === '{' || char === '"') return undefined;
      if (char === '\\') {
        at += 1;
        value += text[at] ?? '';
        escaped = true;
        trailingSpace = 0;
      } else {
        value += char;
        trailingSpace = isArraySpace(char) ? trailingSpace + 1 : 0;
      }
      at += 1;
    }
    value = value.slice(0, value.length - trailingSpace);
    if (value === '' && !escaped) return undefined;
    if (!escaped && value.toLowerCase() === 'null') return { kind: 'null' };
    return { kind: 'value', text: value };
  };
  const items = parseArray();
  skipSpace();
  return items !== undefined && at === text.length ? items : undefined;
};

const needsQuotes = (text: string): boolean =>
  text === '' || text.toLowerCase() === 'null' || /[{}",\\ \t\n\r\v\f]/.test(text);

/** Prints items like `array_out`, each value first passed through `formatValue`. */
export const formatArrayLiteral = (items: readonly ArrayItem[], formatValue: (text: string) => string): string =>
  `{${items
    .map((item) => {
      if (item.kind === 'null') return 'NULL';
      if (item.kind === 'array') return formatArrayLiteral(item.items, formatValue);
      const text = formatValue(item.text);
      return needsQuotes(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : text;
    })
    .join(',')}}`;
