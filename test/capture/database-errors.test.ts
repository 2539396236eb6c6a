import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from '../../src/capture/database-errors.js';

const error = (message: string, code?: string): Error => Object.assign(new Error(message), code ? { code } : {});

describe('describeDatabaseError', () => {
  it.each([
    [error('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'), 'is the server running'],
    [error('getaddrinfo ENOTFOUND nowhere.invalid', 'ENOTFOUND'), 'does not resolve'],
    [error('timeout expired'), '--connect-timeout'],
    [error('password authentication failed for user "me"', '28P01'), 'user name and password'],
    [error('database "x" does not exist', '3D000'), 'does not exist'],
    [error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'PGPASSWORD'],
    [error('The server does not support SSL connections'), 'sslmode=disable'],
    [error('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), 'sslrootcert'],
    [error('canceling statement due to statement timeout', '57014'), '--statement-timeout'],
    [error('Connection terminated unexpectedly'), 'connection dropped'],
  ])('%s', (err, hint) => {
    expect(describeDatabaseError(err, 'connect').hint).toContain(hint);
  });

  it('keeps the message and adds the code when the message lacks it', () => {
    expect(describeDatabaseError(error('database "x" does not exist', '3D000'), 'connect').message).toBe(
      'database "x" does not exist (3D000)',
    );
    expect(describeDatabaseError(error('connect ECONNREFUSED ::1:1', 'ECONNREFUSED'), 'connect').message).toBe(
      'connect ECONNREFUSED ::1:1',
    );
  });

  it('looks inside an AggregateError without a message (several addresses refused)', () => {
    const aggregate = new AggregateError([error('connect ECONNREFUSED ::1:1', 'ECONNREFUSED')], '');
    expect(describeDatabaseError(aggregate, 'connect')).toMatchObject({ message: 'connect ECONNREFUSED ::1:1' });
  });

  it('falls back to a phase hint, and copes with non-errors', () => {
    expect(describeDatabaseError('boom', 'read')).toEqual({ message: 'boom', hint: expect.stringContaining('nothing was written') });
  });
});
