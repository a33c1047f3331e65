// The account password policy (id_credentials_passwords_account-policy): without one, IAM's
// default applies (8 to 128 characters, at least three of uppercase, lowercase, numbers and
// symbols); UpdateAccountPasswordPolicy sets a custom one, every member left out taking its
// default (API_UpdateAccountPasswordPolicy), and GetAccountPasswordPolicy shows it or answers
// `The Password Policy with domain name ACCOUNT cannot be found.`
import { AwsError } from '../errors.js';
import { flag, integer } from '../input.js';
import type { Operation } from '../operation.js';
import type { PasswordPolicy } from '../world.js';
import { callerAccount } from './account.js';

/** The character types of IAM's password rules; its symbols are ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' */
const CHARACTER_TYPES = {
  uppercase: /[A-Z]/,
  lowercase: /[a-z]/,
  numbers: /[0-9]/,
  symbols: /[!@#$%^&*()_+\-=[\]{}|']/,
};

/** Whether a new password satisfies the account's policy, or IAM's default without one. */
export function passwordConforms(policy: PasswordPolicy | undefined, password: string): boolean {
  if (!policy) {
    const types = Object.values(CHARACTER_TYPES).filter((type) => type.test(password));
    return password.length >= 8 && types.length >= 3;
  }
  return (
    password.length >= policy.minimumPasswordLength &&
    (!policy.requireUppercaseCharacters || CHARACTER_TYPES.uppercase.test(password)) &&
    (!policy.requireLowercaseCharacters || CHARACTER_TYPES.lowercase.test(password)) &&
    (!policy.requireNumbers || CHARACTER_TYPES.numbers.test(password)) &&
    (!policy.requireSymbols || CHARACTER_TYPES.symbols.test(password))
  );
}

export const UpdateAccountPasswordPolicy: Operation = {
  service: 'iam',
  name: 'UpdateAccountPasswordPolicy',
  // The order IAM lists broken constraints in (localstack test_iam_account_password_policy).
  action: 'iam:UpdateAccountPasswordPolicy',
  resource: () => '*',
  run: (env, params) => {
    const maxPasswordAge = integer(params, 'MaxPasswordAge');
    const passwordReusePrevention = integer(params, 'PasswordReusePrevention');
    const hardExpiry = flag(params, 'HardExpiry');
    callerAccount(env).iam.passwordPolicy = {
      minimumPasswordLength: integer(params, 'MinimumPasswordLength') ?? 6,
      requireSymbols: flag(params, 'RequireSymbols') ?? false,
      requireNumbers: flag(params, 'RequireNumbers') ?? false,
      requireUppercaseCharacters: flag(params, 'RequireUppercaseCharacters') ?? false,
      requireLowercaseCharacters: flag(params, 'RequireLowercaseCharacters') ?? false,
      allowUsersToChangePassword: flag(params, 'AllowUsersToChangePassword') ?? false,
      ...(maxPasswordAge === undefined ? {} : { maxPasswordAge }),
      ...(passwordReusePrevention === undefined ? {} : { passwordReusePrevention }),
      ...(hardExpiry === undefined ? {} : { hardExpiry }),
    };
    return {};
  },
};

export const GetAccountPasswordPolicy: Operation = {
  service: 'iam',
  name: 'GetAccountPasswordPolicy',
  action: 'iam:GetAccountPasswordPolicy',
  resource: () => '*',
  run: (env) => {
    const account = callerAccount(env);
    const policy = account.iam.passwordPolicy;
    if (!policy) {
      throw new AwsError(
        'NoSuchEntity',
        `The Password Policy with domain name ${account.id} cannot be found.`,
      );
    }
    return {
      PasswordPolicy: {
        MinimumPasswordLength: policy.minimumPasswordLength,
        RequireSymbols: policy.requireSymbols,
        RequireNumbers: policy.requireNumbers,
        RequireUppercaseCharacters: policy.requireUppercaseCharacters,
        RequireLowercaseCharacters: policy.requireLowercaseCharacters,
        AllowUsersToChangePassword: policy.allowUsersToChangePassword,
        ExpirePasswords: policy.maxPasswordAge !== undefined,
        ...(policy.maxPasswordAge === undefined ? {} : { MaxPasswordAge: policy.maxPasswordAge }),
        ...(policy.passwordReusePrevention === undefined
          ? {}
          : { PasswordReusePrevention: policy.passwordReusePrevention }),
        ...(policy.hardExpiry === undefined ? {} : { HardExpiry: policy.hardExpiry }),
      },
    };
  },
};
