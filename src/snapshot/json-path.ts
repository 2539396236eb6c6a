/** JSON paths for error messages: `$.catalog.tables[3].columns[0]`, with the names met on the way. */

export type PathSegment = string | number | symbol;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const formatJsonPath = (path: readonly PathSegment[]): string =>
  path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    return IDENTIFIER.test(key) ? `${text}.${key}` : `${text}[${JSON.stringify(key)}]`;
  }, '$');

const KIND_OF_LIST: Readonly<Record<string, string>> = {
  tables: 'table',
  columns: 'column',
  enums: 'enum',
  domains: 'domain',
  sequences: 'sequence',
  views: 'view',
  extensions: 'extension',
  indexes: 'index',
  uniques: 'unique constraint',
  foreignKeys: 'foreign key',
  checks: 'check',
  policies: 'policy',
  entries: 'migration',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The named objects the path goes through, for humans: `table public.users, column email`.
 * Empty when the path crosses nothing with a name.
 */
export const describeJsonPath = (document: unknown, path: readonly PathSegment[]): string => {
  const names: string[] = [];
  let node: unknown = document;
  let listKey: string | null = null;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      node = node[segment];
      const kind = listKey === null ? undefined : KIND_OF_LIST[listKey];
      if (kind !== undefined && isObject(node) && typeof node['name'] === 'string') {
        const schema = typeof node['schema'] === 'string' ? `${node['schema']}.` : '';
        names.push(`${kind} ${schema}${node['name']}`);
      }
      listKey = null;
    } else if (isObject(node) && typeof segment === 'string') {
      node = node[segment];
      listKey = segment;
    } else {
      break;
    }
  }
  return names.join(', ');
};
