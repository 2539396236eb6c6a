import { toCamelCase as drizzleCamelCase, toSnakeCase as drizzleSnakeCase } from 'drizzle-orm/casing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertStyle,
  detectStyle,
  TARGET_STYLES,
  toCamelCase,
  toKebabCase,
  toPascalCase,
  toScreamingSnakeCase,
  toSnakeCase,
  type Style,
} from '../../src/naming/index.js';
import { anyIdentifier, canonicalCamel, canonicalSnake, RUNS, trickyText } from './arbitraries.js';

describe('detectStyle', () => {
  it.each<readonly [string, Style]>([
    ['user_id', 'snake_case'],
    ['meeting_transcripts', 'snake_case'],
    ['user_1', 'snake_case'],
    ['名前_id', 'snake_case'],
    ['userId', 'camelCase'],
    ['userID', 'camelCase'],
    ['oauth2Token', 'camelCase'],
    ['clientProfiles', 'camelCase'],
    ['UserId', 'PascalCase'],
    ['UserID', 'PascalCase'],
    ['APIKey', 'PascalCase'],
    ['HTTPServerURL', 'PascalCase'],
    ['A', 'PascalCase'],
    ['meeting-transcripts', 'kebab-case'],
    ['USER_ID', 'SCREAMING_SNAKE'],
    ['ID', 'SCREAMING_SNAKE'],
    ['ADDRESS2', 'SCREAMING_SNAKE'],
    ['users', 'single'],
    ['address2', 'single'],
    ['x', 'single'],
    ['straße', 'single'],
    ['', 'mixed'],
    ['__internal', 'mixed'],
    ['user__id', 'mixed'],
    ['user_id_', 'mixed'],
    ['User_id', 'mixed'],
    ['user_Id', 'mixed'],
    ['user-id_x', 'mixed'],
    ['2fa', 'mixed'],
    ['first name', 'mixed'],
  ])('%j is %s', (identifier, style) => {
    expect(detectStyle(identifier)).toBe(style);
  });

  it('recognises each style in the output of its conversion, for canonical names of two words or more', () => {
    // A first word of two letters keeps PascalCase apart from SCREAMING_SNAKE (`a_b → AB`).
    const twoWords = canonicalSnake.filter((name) => name.includes('_') && /^[a-z]{2}/.test(name));
    fc.assert(
      fc.property(twoWords, fc.constantFrom(...TARGET_STYLES), (name, style) => {
        expect(detectStyle(convertStyle(name, style))).toBe(style);
      }),
      RUNS,
    );
  });
});

describe('conversions', () => {
  it.each([
    ['credentialID', 'credential_id', 'credentialID', 'CredentialID', 'credential-id', 'CREDENTIAL_ID'],
    ['t1Id1', 't1_id1', 't1Id1', 'T1Id1', 't1-id1', 'T1_ID1'],
    ['userId', 'user_id', 'userId', 'UserId', 'user-id', 'USER_ID'],
    ['user_id', 'user_id', 'userId', 'UserId', 'user-id', 'USER_ID'],
    ['UserID', 'user_id', 'userID', 'UserID', 'user-id', 'USER_ID'],
    ['APIKey', 'api_key', 'apiKey', 'APIKey', 'api-key', 'API_KEY'],
    ['HTTPServerURL', 'http_server_url', 'httpServerURL', 'HTTPServerURL', 'http-server-url', 'HTTP_SERVER_URL'],
    ['oauth2Token', 'oauth2_token', 'oauth2Token', 'Oauth2Token', 'oauth2-token', 'OAUTH2_TOKEN'],
    ['address2', 'address2', 'address2', 'Address2', 'address2', 'ADDRESS2'],
    ['__internal', 'internal', 'internal', 'Internal', 'internal', 'INTERNAL'],
    ['meeting-transcripts', 'meeting_transcripts', 'meetingTranscripts', 'MeetingTranscripts', 'meeting-transcripts', 'MEETING_TRANSCRIPTS'],
    ['USER_ID', 'user_id', 'userID', 'USERID', 'user-id', 'USER_ID'],
    ['ADDRESS2', 'address_2', 'address2', 'ADDRESS2', 'address-2', 'ADDRESS2'],
    ["user's", 'users', 'users', 'Users', 'users', 'USERS'],
    ['Café', 'caf', 'caf', 'Caf', 'caf', 'CAF'],
    ['名前', '', '', '', '', ''],
    ['', '', '', '', '', ''],
  ])('%j → %j %j %j %j %j', (identifier, snake, camel, pascal, kebab, screaming) => {
    expect(toSnakeCase(identifier)).toBe(snake);
    expect(toCamelCase(identifier)).toBe(camel);
    expect(toPascalCase(identifier)).toBe(pascal);
    expect(toKebabCase(identifier)).toBe(kebab);
    expect(toScreamingSnakeCase(identifier)).toBe(screaming);
    expect(TARGET_STYLES.map((style) => convertStyle(identifier, style))).toEqual([snake, camel, pascal, kebab, screaming]);
  });

  it('toSnakeCase equals drizzle-orm’s snake_case casing on every input', () => {
    fc.assert(
      fc.property(anyIdentifier, (identifier) => {
        expect(toSnakeCase(identifier)).toBe(drizzleSnakeCase(identifier));
      }),
      { numRuns: 2000 },
    );
  });

  it('toCamelCase equals drizzle-orm’s camelCase casing on every input', () => {
    fc.assert(
      fc.property(anyIdentifier, (identifier) => {
        expect(toCamelCase(identifier)).toBe(drizzleCamelCase(identifier));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips canonical camelCase through snake_case', () => {
    fc.assert(
      fc.property(canonicalCamel, (name) => {
        expect(toCamelCase(name)).toBe(name);
        expect(toCamelCase(toSnakeCase(name))).toBe(name);
      }),
      RUNS,
    );
  });

  it('round-trips canonical snake_case through camelCase', () => {
    fc.assert(
      fc.property(canonicalSnake, (name) => {
        expect(toSnakeCase(name)).toBe(name);
        expect(toSnakeCase(toCamelCase(name))).toBe(name);
      }),
      RUNS,
    );
  });

  it('are idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyIdentifier, trickyText), fc.constantFrom(...TARGET_STYLES), (identifier, style) => {
        const once = convertStyle(identifier, style);
        expect(convertStyle(once, style)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
