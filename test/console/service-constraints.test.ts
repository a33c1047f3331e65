// The service's validation message for constraints the CLI does not check (maximum lengths,
// patterns, enums, ranges), in AWS's wording, e.g. "1 validation error detected: Value '...' at
// 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64".
import { describe, expect, it } from 'vitest';
import { serviceValidationMessage } from '../../src/console/service-constraints.js';

describe('serviceValidationMessage', () => {
  it('reports a user name over 64 characters (CreateUser, userNameType max 64)', () => {
    const name = 'a'.repeat(65);
    expect(serviceValidationMessage('iam', 'CreateUser', { UserName: name })).toBe(
      `1 validation error detected: Value '${name}' at 'userName' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 64',
    );
  });

  it('accepts what fits the model', () => {
    expect(
      serviceValidationMessage('iam', 'CreateUser', { UserName: 'alice', Path: '/dev/' }),
    ).toBeUndefined();
  });

  it('counts several violations and joins them with "; "', () => {
    expect(
      serviceValidationMessage('iam', 'UpdateAccessKey', {
        AccessKeyId: 'AKIA',
        Status: 'Enabled',
        UserName: 'a b',
      }),
    ).toBe(
      "3 validation errors detected: Value 'a b' at 'userName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]+; ' +
        "Value 'AKIA' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16; " +
        "Value 'Enabled' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
    );
  });

  it('checks numeric ranges and names members inside lists the way the service does', () => {
    expect(
      serviceValidationMessage('sts', 'AssumeRole', {
        RoleArn: 'arn:aws:iam::111122223333:role/app',
        RoleSessionName: 'me',
        DurationSeconds: 600,
      }),
    ).toBe(
      "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(
      serviceValidationMessage('iam', 'TagUser', {
        UserName: 'u',
        Tags: [{ Key: 'k'.repeat(129), Value: 'v' }],
      }),
    ).toMatch(
      /at 'tags\.1\.member\.key' failed to satisfy constraint: Member must have length less than or equal to 128$/,
    );
  });

  it('says a missing required member must not be null', () => {
    expect(serviceValidationMessage('iam', 'CreateUser', {})).toBe(
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('does not repeat sensitive values (a password)', () => {
    expect(
      serviceValidationMessage('iam', 'CreateLoginProfile', {
        UserName: 'u',
        Password: 'p'.repeat(200),
      }),
    ).toMatch(/^1 validation error detected: Value at 'password' failed to satisfy constraint/);
  });
});
