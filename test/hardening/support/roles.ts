/**
 * Roles for the hardening tests. Roles are cluster-wide (unlike the per-test databases),
 * so each gets a random suffix and is dropped afterwards; drop the databases that
 * granted it privileges first.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SERVER_ADMIN_URL } from '../../support/databases.js';

export interface TestRole {
  readonly name: string;
  /** `url` with this role as the user (and `password`, when given). */
  urlFor(url: string, password?: string): string;
  drop(): Promise<void>;
}

const admin = async <T>(body: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: SERVER_ADMIN_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
};

/** `create role <prefix>_<random> <options>`; options such as `login password '...'` or `nologin`. */
export const createRole = async (prefix: string, options: string): Promise<TestRole> => {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create role "${name}" ${options}`));
  return {
    name,
    urlFor: (url, password) => {
      const withRole = new URL(url);
      withRole.username = name;
      withRole.password = password ?? '';
      return withRole.toString();
    },
    drop: () => admin(async (client) => void (await client.query(`drop role if exists "${name}"`))),
  };
};

/**
 * Whether the server checks passwords for TCP connections from 127.0.0.1: the first
 * pg_hba.conf line that can match decides. The test server trusts 127.0.0.1, so a
 * wrong password cannot be told from a right one there.
 */
export const passwordAuthOnLoopback = (): Promise<boolean> =>
  admin(async (client) => {
    const { rows } = await client.query<{ auth_method: string }>(
      `select auth_method from pg_hba_file_rules
       where type in ('host', 'hostnossl') and error is null
         and (
           address in ('all', 'samehost', 'samenet')
           or (address ~ '^[0-9.]+$' and netmask ~ '^[0-9.]+$'
               and ('127.0.0.1'::inet & netmask::inet) = (address::inet & netmask::inet))
         )
       order by line_number limit 1`,
    );
    return ['md5', 'scram-sha-256', 'password'].includes(rows[0]?.auth_method ?? 'trust');
  });
