/**
 * The last guard between a command and the terminal or CI log: credentials are masked in
 * everything written. Verify never needs a connection URL, but the modules it imports can
 * hold one (drizzle.config.ts's `dbCredentials.url`) and can print or throw it:
 * `throw new Error(\`cannot reach ${url}\`)`, `console.log(env)`.
 *
 * Two layers: any URL's userinfo (`scheme://user:password@`) is masked wherever it appears,
 * and so is every spelling of a known secret (a password found in the config, in
 * DATABASE_URL), wherever it appears.
 */
import { maskWholeSecret, urlSecrets } from '../capture/url.js';
import type { CliIo } from '../cli-io.js';
import type { ConfigCredentials } from '../config/drizzle-config.js';

const MASK = '***';
const MIN_SECRET_LENGTH = 6;

/**
 * `scheme://userinfo@`: the userinfo runs to the last `@` before the path, so that a
 * password with a raw `@` (not percent-encoded, as people do write them) goes whole.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#'"`<>]*)@/gi;

/** `password=...` in a URL query or a libpq connection string. */
const PASSWORD_PARAM = /(\b[a-z]*password=)([^\s&#'"`]+)/gi;

/** `text` with the user name and password of every URL in it, and `password=` values, masked. */
export const redactUrlsIn = (text: string): string =>
  text
    .replace(URL_USERINFO, (_match, scheme: string, userinfo: string) => `${scheme}${userinfo.includes(':') ? `${MASK}:${MASK}` : MASK}@`)
    .replace(PASSWORD_PARAM, `$1${MASK}`);

/**
 * Every spelling of the password `url` carries (raw and percent-decoded), long enough to
 * mask on its own: a password of a few characters would mask letters of every word.
 * NOTE: a short password still goes wherever its URL appears, by `redactUrlsIn`.
 */
export const secretsOfUrl = (url: string): readonly string[] => urlSecrets(url).filter((secret) => secret.length >= MIN_SECRET_LENGTH);

/**
 * What to mask for a config's credentials: the URL's password and a separate password.
 * The URL's user goes with the URL pattern, so the host stays readable.
 */
export const secretsOfCredentials = (credentials: ConfigCredentials): readonly string[] => [
  ...(credentials.url === null ? [] : secretsOfUrl(credentials.url)),
  ...(credentials.password !== null && credentials.password.length >= MIN_SECRET_LENGTH ? [credentials.password] : []),
];

/** `text` with every whole occurrence of `secrets` masked (never letters inside a word), then every URL's credentials. */
export const redactSecrets = (text: string, secrets: readonly string[]): string => {
  let redacted = text;
  for (const secret of [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length)) {
    redacted = maskWholeSecret(redacted, secret);
  }
  return redactUrlsIn(redacted);
};

export interface RedactingIo extends CliIo {
  /** Adds secrets to mask from now on (e.g. once the config's URL is known). */
  readonly learn: (secrets: readonly string[]) => void;
}

/** `io` whose stdout and stderr mask `initial` secrets, learned ones, and URL credentials. */
export const redactingIo = (io: CliIo, initial: readonly string[] = []): RedactingIo => {
  const secrets = new Set(initial.filter((s) => s !== ''));
  return {
    ...io,
    stdout: (text) => io.stdout(redactSecrets(text, [...secrets])),
    stderr: (text) => io.stderr(redactSecrets(text, [...secrets])),
    learn: (more) => {
      for (const secret of more) if (secret !== '') secrets.add(secret);
    },
  };
};
