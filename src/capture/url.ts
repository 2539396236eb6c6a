/**
 * Connection URLs: where the URL comes from, and how to show it without its secrets.
 * Pure functions; the CLI reads flags, env and config and hands the values in.
 */

export type UrlSource = 'flag' | 'env' | 'config';

export interface UrlError {
  readonly code: 'missing-url' | 'invalid-url';
  readonly message: string;
  readonly hint: string;
}

export type ResolvedUrl =
  | { readonly ok: true; readonly url: string; readonly source: UrlSource }
  | { readonly ok: false; readonly error: UrlError };

const SOURCE_LABEL: Record<UrlSource, string> = {
  flag: '--url',
  env: 'DATABASE_URL',
  config: 'dbCredentials.url in drizzle.config',
};

const EXAMPLE_URL = 'postgres://user:password@host:5432/database';

/**
 * The connection URL: `--url`, else `DATABASE_URL`, else `dbCredentials.url` of
 * drizzle.config.* (the caller loads the config; pass its URL as `configUrl`).
 * Never echoes an invalid URL: it could hold a password we cannot locate.
 */
export const resolveConnectionUrl = (sources: {
  readonly flag?: string | undefined;
  readonly env?: string | undefined;
  readonly configUrl?: string | undefined;
}): ResolvedUrl => {
  const candidates: readonly [UrlSource, string | undefined][] = [
    ['flag', sources.flag],
    ['env', sources.env],
    ['config', sources.configUrl],
  ];
  const found = candidates.find(([, value]) => value !== undefined && value.trim() !== '');
  if (found === undefined) {
    return {
      ok: false,
      error: {
        code: 'missing-url',
        message: 'no connection URL: none of --url, DATABASE_URL or dbCredentials.url in drizzle.config.* is set',
        hint: `pass --url ${EXAMPLE_URL}, or set DATABASE_URL`,
      },
    };
  }
  const [source, raw] = found as [UrlSource, string];
  const url = raw.trim();
  if (!isPostgresUrl(url)) {
    return {
      ok: false,
      error: {
        code: 'invalid-url',
        message: `the connection URL from ${SOURCE_LABEL[source]} is not a postgres:// or postgresql:// URL (not shown: it may contain a password)`,
        hint: `expected the form ${EXAMPLE_URL}; percent-encode special characters in the password (@ is %40, / is %2F)`,
      },
    };
  }
  return { ok: true, url, source };
};

const isPostgresUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:';
  } catch {
    return false;
  }
};

const MASK = '***';

/** Splits `scheme://userinfo@rest`; userinfo ends at the last `@` before the path. */
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is;

/** Query parameters that carry secrets (`password`, `sslpassword`). */
const SECRET_PARAM = /([?&][^=&#]*password=)([^&#]*)/gi;

/**
 * The URL with its password (in the userinfo and in any `...password=` query
 * parameter) replaced by `***`. The user name stays: it helps to diagnose
 * authentication errors and is no secret on the terminal of the person who typed it.
 */
export const redactUrl = (url: string): string => {
  const match = AUTHORITY.exec(url);
  if (match === null) return url.replace(SECRET_PARAM, `$1${MASK}`);
  const [, scheme = '', authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  let safeAuthority = authority;
  if (at !== -1) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon !== -1) safeAuthority = `${userinfo.slice(0, colon)}:${MASK}${authority.slice(at)}`;
  }
  return `${scheme}${safeAuthority}${rest.replace(SECRET_PARAM, `$1${MASK}`)}`;
};

/** Every spelling of the URL's secrets that could show up in a message (raw and decoded). */
export const urlSecrets = (url: string): readonly string[] => {
  const secrets = new Set<string>();
  const add = (value: string): void => {
    if (value === '') return;
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // not valid percent-encoding: the raw spelling is all there is
    }
  };
  const match = AUTHORITY.exec(url);
  if (match !== null) {
    const authority = match[2] ?? '';
    const at = authority.lastIndexOf('@');
    const userinfo = at === -1 ? '' : authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon !== -1) add(userinfo.slice(colon + 1));
  }
  for (const param of url.matchAll(SECRET_PARAM)) add(param[2] ?? '');
  // Longest first, so that a secret containing another is masked whole.
  return [...secrets].sort((a, b) => b.length - a.length);
};

/** Masks every occurrence of the URL's secrets in `text` (driver errors can quote them). */
export const scrubSecrets = (text: string, url: string, extraSecrets: readonly string[] = []): string => {
  let scrubbed = text.split(url).join(redactUrl(url));
  for (const secret of [...urlSecrets(url), ...extraSecrets.filter((s) => s !== '')]) {
    scrubbed = scrubbed.split(secret).join(MASK);
  }
  return scrubbed;
};

/** `host[:port]` of the URL for `--include-host`, or null when it names none (a socket). */
export const urlHost = (url: string): string | null => {
  try {
    const host = new URL(url).host;
    return host === '' ? null : host;
  } catch {
    return null;
  }
};
