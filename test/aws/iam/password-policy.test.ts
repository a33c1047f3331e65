// The account password policy through callApi (id_credentials_passwords_account-policy;
// API_UpdateAccountPasswordPolicy, API_GetAccountPasswordPolicy).
import { describe, expect, it } from 'vitest';
import { passwordConforms } from '../../../src/aws/iam/password-policy.js';
import {
  GetAccountPasswordPolicy,
  UpdateAccountPasswordPolicy,
} from '../../../src/aws/iam/password-policy.js';
import { ACCOUNT, call, failure, lessonWorld, ok, putUser } from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };

describe('account password policy', () => {
  it('there is none until one is set', () => {
    const world = lessonWorld();
    expect(failure(call(world, GetAccountPasswordPolicy, {}))).toEqual({
      code: 'NoSuchEntity',
      message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
    });
  });

  it('members left out take their defaults; expiry shows when set', () => {
    const world = lessonWorld();
    ok(call(world, UpdateAccountPasswordPolicy, {}));
    expect(ok(call(world, GetAccountPasswordPolicy, {}))).toEqual({
      PasswordPolicy: {
        MinimumPasswordLength: 6,
        RequireSymbols: false,
        RequireNumbers: false,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: false,
        ExpirePasswords: false,
      },
    });
    ok(
      call(world, UpdateAccountPasswordPolicy, {
        MinimumPasswordLength: 10,
        MaxPasswordAge: 60,
        RequireSymbols: true,
      }),
    );
    expect(ok(call(world, GetAccountPasswordPolicy, {})).PasswordPolicy).toMatchObject({
      MinimumPasswordLength: 10,
      RequireSymbols: true,
      ExpirePasswords: true,
      MaxPasswordAge: 60,
    });
  });

  it("reports every value out of range in one ValidationError, in the model's member order", () => {
    const world = lessonWorld();
    expect(
      failure(
        call(world, UpdateAccountPasswordPolicy, {
          MinimumPasswordLength: 129,
          MaxPasswordAge: 1096,
          PasswordReusePrevention: 25,
        }),
      ),
    ).toEqual({
      code: 'ValidationError',
      message:
        "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095; Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24",
    });
  });

  it('judges passwords by the default and by custom rules', () => {
    expect(passwordConforms(undefined, 'Abcdefg1')).toBe(true);
    expect(passwordConforms(undefined, 'abcdefg1')).toBe(false);
    expect(passwordConforms(undefined, 'Abc-1')).toBe(false);
    const policy = {
      minimumPasswordLength: 6,
      requireSymbols: true,
      requireNumbers: false,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: false,
      allowUsersToChangePassword: true,
    };
    expect(passwordConforms(policy, 'abcdef')).toBe(false);
    expect(passwordConforms(policy, "abcde'")).toBe(true);
  });

  it('is denied without iam:UpdateAccountPasswordPolicy', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, UpdateAccountPasswordPolicy, {}, BOB))).toEqual({
      code: 'AccessDenied',
      // AWS names no resource for actions that have none.
      message: `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:UpdateAccountPasswordPolicy because no identity-based policy allows the iam:UpdateAccountPasswordPolicy action`,
    });
  });
});
