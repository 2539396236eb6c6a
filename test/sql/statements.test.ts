import { describe, expect, it } from 'vitest';
import { validateStatements } from '../../src/sql/index.js';

describe('validateStatements', () => {
  it('accepts the statements a rename plan is made of', () => {
    expect(
      validateStatements([
        'BEGIN;',
        'ALTER TABLE "public"."user" RENAME TO "users";',
        'ALTER TABLE "users" RENAME COLUMN "userId" TO "user_id"',
        'ALTER TABLE "users" RENAME CONSTRAINT "user_pkey" TO "users_pkey";',
        'ALTER INDEX "public"."user_email_idx" RENAME TO "users_email_idx";',
        'ALTER TYPE "mood" RENAME VALUE \'sad\' TO \'unhappy\';',
        '-- a comment before\nALTER SEQUENCE "user_id_seq" RENAME TO "users_id_seq";',
        'COMMIT;',
      ]),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('reports why a statement is rejected, per statement', () => {
    expect(
      validateStatements([
        'ALTER TABLE users RENAM TO people',
        'ALTER TABLE "users RENAME TO people',
        'ALTER TABLE a RENAME TO b; ALTER TABLE c RENAME TO d',
        '',
        '-- only a comment',
        'ALTER TABLE ok RENAME TO fine',
      ]),
    ).toEqual([
      'syntax error at or near "RENAM" (at character 19)',
      expect.stringContaining('unterminated quoted identifier'),
      'expected one SQL statement, found 2',
      'no SQL statement',
      'no SQL statement',
      null,
    ]);
  });

  it('checks syntax only: unknown names are fine', () => {
    expect(validateStatements(['ALTER TABLE "does_not_exist" RENAME TO "x"'])).toEqual([null]);
  });
});
