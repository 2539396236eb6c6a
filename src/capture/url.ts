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

/** The `user` query parameter (`postgres://host/db?user=me`). */
const USER_PARAM = /([?&]user=)([^&#]*)/gi;

/** The userinfo of the URL split into user and password (each raw, as written), or null. */
const userinfoOf = (url: string): { readonly user: string; readonly password: string | null } | null => {
  const authority = AUTHORITY.exec(url)?.[2] ?? '';
  const at = authority.lastIndexOf('@');
  if (at === -1) return null;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  return colon === -1 ? { user: userinfo, password: null } : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
};

/**
 * The URL with its user name and password (in the userinfo, and in `user=` and any
 * `...password=` query parameter) replaced by `***`: `postgres://***:***@db.example.com/app`.
 * Host, port and database stay, so the person can tell which server was meant.
 * The user name goes too: issue 6 asks for no user name in any output, and output is
 * often a CI log that others read.
 */
export const redactUrl = (url: string): string => {
  const match = AUTHORITY.exec(url);
  const maskParams = (text: string): string => text.replace(SECRET_PARAM, `$1${MASK}`).replace(USER_PARAM, `$1${MASK}`);
  if (match === null) return maskParams(url);
  const [, scheme = '', authority = '', rest = ''] = match;
  const userinfo = userinfoOf(url);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const safeAuthority = userinfo === null ? authority : `${userinfo.password === null ? MASK : `${MASK}:${MASK}`}@${host}`;
  return `${scheme}${safeAuthority}${maskParams(rest)}`;
};

/** The value raw and percent-decoded (both spellings can show up in a message). */
const spellings = (value: string): readonly string[] => {
  if (value === '') return [];
  try {
    return [value, decodeURIComponent(value)];
  } catch {
    return [value]; // not valid percent-encoding: the raw spelling is all there is
  }
};

/** Longest first, so that a secret containing another is masked whole. */
const longestFirst = (values: Iterable<string>): readonly string[] =>
  [...new Set(values)].filter((value) => value !== '').sort((a, b) => b.length - a.length);

/** Every spelling of the URL's secrets that could show up in a message (raw and decoded). */
export const urlSecrets = (url: string): readonly string[] =>
  longestFirst([
    ...spellings(userinfoOf(url)?.password ?? ''),
    ...[...url.matchAll(SECRET_PARAM)].flatMap((param) => spellings(param[2] ?? '')),
  ]);

/** Every spelling of the user names the URL carries (userinfo and `user=`), raw and decoded. */
export const urlUsers = (url: string): readonly string[] =>
  longestFirst([
    ...spellings(userinfoOf(url)?.user ?? ''),
    ...[...url.matchAll(USER_PARAM)].flatMap((param) => spellings(param[2] ?? '')),
  ]);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * `text` with every whole occurrence of `secret` replaced by `***`. Whole: where the secret
 * starts (or ends) with a letter, digit or `_`, the character before (after) it must not be
 * one, so the password `p` masks `:p@` and `password=p` but leaves `timeout expired` alone.
 * NOTE: a password is masked where it stands as a token (URLs, parameters, quotes), never
 * as letters inside our own or the driver's words.
 */
export const maskWholeSecret = (text: string, secret: string): string => {
  if (secret === '') return text;
  const first = secret.slice(0, 1);
  const last = secret.slice(-1);
  const before = WORD_CHARACTER.test(first) ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = WORD_CHARACTER.test(last) ? '(?![\\p{L}\\p{N}_])' : '';
  return text.replace(new RegExp(`${before}${escapeRegExp(secret)}${after}`, 'gu'), MASK);
};

/**
 * Masks what could identify the connection in `text` (meant for driver messages, which
 * can quote connection parameters): the URL itself, every spelling of its secrets and of
 * `extraSecrets` (PGPASSWORD) wherever they appear, and user names (the URL's and
 * `extraUsers`) where PostgreSQL quotes them, as in `role "me" does not exist`.
 * NOTE: user names are masked only when quoted or after `user=`: a user named
 * `postgres` must not turn every `postgres://` into `***://`.
 * Secrets are masked as whole tokens (`maskWholeSecret`), so a short password does not
 * garble words; still, apply it to the driver's part of a message only.
 */
export const scrubSecrets = (
  text: string,
  url: string,
  extraSecrets: readonly string[] = [],
  extraUsers: readonly string[] = [],
): string => {
  let scrubbed = text.split(url).join(redactUrl(url));
  for (const secret of longestFirst([...urlSecrets(url), ...extraSecrets])) {
    scrubbed = maskWholeSecret(scrubbed, secret);
  }
  for (const user of longestFirst([...urlUsers(url), ...extraUsers])) {
    const pattern = new RegExp(`(")${escapeRegExp(user)}(")|(\\buser=)${escapeRegExp(user)}(?=$|[\\s&,;)])`, 'g');
    scrubbed = scrubbed.replace(pattern, (_match, open?: string, close?: string, param?: string) =>
      param === undefined ? `${open ?? ''}${MASK}${close ?? ''}` : `${param}${MASK}`,
    );
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
