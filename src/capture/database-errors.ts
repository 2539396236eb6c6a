/**
 * Turns what the driver throws into a message and a hint a person can act on. Pure:
 * takes the error's fields, returns text. Callers scrub secrets from the result
 * (url.ts): driver messages can quote connection parameters.
 */
import { CATALOG_CHANGED } from './catalog-changed.js';

export type DatabasePhase = 'connect' | 'read';

export interface DescribedError {
  readonly message: string;
  readonly hint: string;
}

interface ErrorFields {
  readonly message: string;
  /** Node errno code (ECONNREFUSED) or PostgreSQL SQLSTATE (28P01). */
  readonly code: string | undefined;
}

const fieldsOf = (error: unknown): ErrorFields => {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // AggregateError (Node's happy-eyeballs connect to several addresses) carries the causes.
    const inner = error instanceof AggregateError ? error.errors.find((e) => e instanceof Error) : undefined;
    if (error.message === '' && inner instanceof Error) return fieldsOf(inner);
    return { message: error.message, code: typeof code === 'string' ? code : undefined };
  }
  return { message: String(error), code: undefined };
};

/** Hints by errno / SQLSTATE; the first matching rule wins. */
const RULES: readonly { readonly test: (fields: ErrorFields) => boolean; readonly hint: string }[] = [
  {
    test: (f) => f.code === 'ECONNREFUSED',
    hint: 'nothing listens at that host and port: is the server running, and are host and port right?',
  },
  {
    test: (f) => f.code === 'ENOTFOUND' || f.code === 'EAI_AGAIN',
    hint: 'the host name does not resolve: check it for typos, and your network or VPN',
  },
  {
    test: (f) => f.code === 'ETIMEDOUT' || /timeout expired|connection timeout/i.test(f.message),
    hint: 'the server did not answer in time: check host, port and firewall, or raise --connect-timeout',
  },
  {
    test: (f) => /is not permitted to log in/.test(f.message),
    hint: 'that role exists but has NOLOGIN: use a role that may log in (or ALTER ROLE ... LOGIN)',
  },
  {
    test: (f) => /no pg_hba\.conf entry/.test(f.message),
    hint: "the server's pg_hba.conf admits no connection for this user, database and address: ask its administrator, or try sslmode=require if only TLS connections are admitted",
  },
  {
    // NOTE: pg's words when the server asks for SCRAM and the URL carries no password.
    test: (f) => /client password must be a string/.test(f.message),
    hint: 'the server asks for a password and none was given: put it in the URL (postgres://user:password@host/db, percent-encoded) or set PGPASSWORD',
  },
  {
    test: (f) => f.code === '28P01' || f.code === '28000',
    hint: 'the server refused these credentials: check the user name and password in the URL (percent-encode special characters)',
  },
  {
    test: (f) => f.code === '3D000',
    hint: 'the database named in the URL does not exist: check its name (the path after the host)',
  },
  {
    test: (f) => /does not support SSL/i.test(f.message),
    hint: 'the URL asks for TLS (sslmode=require or similar) but the server offers none: use sslmode=disable for a local server',
  },
  {
    test: (f) => /self[- ]signed certificate|unable to verify|certificate/i.test(f.message),
    hint: 'the server certificate could not be verified: pg treats sslmode=require as verify-full; for a server with a private CA add sslrootcert=<file>, or sslmode=no-verify if you accept the risk',
  },
  {
    test: (f) => f.code === '57014',
    hint: 'a catalog query ran longer than --statement-timeout, often waiting for a lock a migration holds: retry when it is done, or raise the limit (e.g. --statement-timeout 2m)',
  },
  {
    test: (f) => f.message === 'Query read timeout',
    hint: 'the server stopped answering mid-capture: check the connection, or raise --statement-timeout',
  },
  {
    test: (f) => f.code === CATALOG_CHANGED || /could not open relation with OID|cache lookup failed/.test(f.message),
    hint: 'another session changed the schema while capture read it (a migration?): nothing was written; run capture again',
  },
  {
    test: (f) => f.code === '42501' && /permission denied for database/.test(f.message),
    hint: 'this role may not connect to that database: GRANT CONNECT ON DATABASE to it, or use another role',
  },
  {
    test: (f) => f.code === '42501',
    hint: 'this role lacks a privilege capture needs (reading the system catalogs); use a role that can connect and read pg_catalog',
  },
  {
    test: (f) => f.code === '53300',
    hint: 'the server has no free connection slots: retry later, or use a pooled connection URL',
  },
  {
    test: (f) => /terminated|ECONNRESET|EPIPE/i.test(`${f.code ?? ''} ${f.message}`),
    hint: 'the connection dropped: retry; if it keeps happening, check the server logs',
  },
];

const DEFAULT_HINT: Readonly<Record<DatabasePhase, string>> = {
  connect: 'check the URL (postgres://user:password@host:5432/database) and that the server accepts connections from here',
  read: 'the catalog read failed; nothing was written. Retry, and report a bug if it persists',
};

export const describeDatabaseError = (error: unknown, phase: DatabasePhase): DescribedError => {
  const fields = fieldsOf(error);
  const rule = RULES.find((candidate) => candidate.test(fields));
  const code =
    fields.code === undefined || fields.code === CATALOG_CHANGED || fields.message.includes(fields.code) ? '' : ` (${fields.code})`;
  const message = fields.message === '' ? 'unknown error' : fields.message;
  return { message: `${message}${code}`, hint: rule?.hint ?? DEFAULT_HINT[phase] };
};
