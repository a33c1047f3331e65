// Signing in as a user: a console password (CreateLoginProfile, held to the account's password
// policy) and MFA (id_credentials_mfa): CreateVirtualMFADevice makes a device and its seed,
// EnableMFADevice assigns it to a user once two consecutive codes prove the user has it, and
// ListMFADevices shows a user's devices. Messages are AWS's as recorded in localstack's
// test_iam_users and test_iam_mfa snapshots; the invalid-code one as public reports quote it.
import { AwsError } from '../errors.js';
import { newMfaSeed } from '../ids.js';
import { flag, optional, required, requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, VirtualMfaDevice } from '../world.js';
import { callerAccount, entityArn, iamArn, requireUser, subjectUserName } from './account.js';
import {
  AUTHENTICATION_CODE,
  BOOLEAN,
  EXISTING_USER_NAME,
  MFA_DEVICE_NAME,
  PAGING,
  PASSWORD,
  PATH,
  SERIAL_NUMBER,
  TAGS,
  USER_NAME,
} from './members.js';
import { consecutiveCodes } from './mfa-codes.js';
import { listed } from './pages.js';
import { passwordConforms } from './password-policy.js';
import { requestTags, tagContext } from './tags.js';

export const CreateLoginProfile: Operation = {
  service: 'iam',
  name: 'CreateLoginProfile',
  input: {
    UserName: required(USER_NAME),
    Password: required(PASSWORD),
    PasswordResetRequired: optional(BOOLEAN),
  },
  action: 'iam:CreateLoginProfile',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    if (user.loginProfile) {
      throw new AwsError(
        'EntityAlreadyExists',
        `Login Profile for user ${user.userName} already exists.`,
      );
    }
    const password = requiredText(params, 'Password');
    if (!passwordConforms(account.iam.passwordPolicy, password)) {
      throw new AwsError(
        'PasswordPolicyViolation',
        'Password does not conform to the account password policy.',
      );
    }
    const profile = {
      password,
      createDate: isoSeconds(env.world.now),
      passwordResetRequired: flag(params, 'PasswordResetRequired') ?? false,
    };
    user.loginProfile = profile;
    return {
      LoginProfile: {
        UserName: user.userName,
        CreateDate: profile.createDate,
        PasswordResetRequired: profile.passwordResetRequired,
      },
    };
  },
};

export const CreateVirtualMFADevice: Operation = {
  service: 'iam',
  name: 'CreateVirtualMFADevice',
  input: {
    Path: optional(PATH),
    VirtualMFADeviceName: required(MFA_DEVICE_NAME),
    Tags: optional(TAGS),
  },
  action: 'iam:CreateVirtualMFADevice',
  resource: (env, params) =>
    iamArn(
      callerAccount(env).id,
      'mfa',
      text(params, 'Path') ?? '/',
      requiredText(params, 'VirtualMFADeviceName'),
    ),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const serialNumber = iamArn(
      account.id,
      'mfa',
      text(params, 'Path') ?? '/',
      requiredText(params, 'VirtualMFADeviceName'),
    );
    if (account.iam.virtualMfaDevices[serialNumber]) {
      throw new AwsError('EntityAlreadyExists', 'MFA device already exists.');
    }
    const device: VirtualMfaDevice = {
      serialNumber,
      base32StringSeed: newMfaSeed(env.world),
      tags: requestTags(params),
    };
    account.iam.virtualMfaDevices[serialNumber] = device;
    // The QR code (QRCodePNG) is left out: the console shows the seed and the codes instead.
    return {
      VirtualMFADevice: { SerialNumber: serialNumber, Base32StringSeed: device.base32StringSeed },
    };
  },
};

/** Whether a user of the account has the device. */
function assigned(account: Account, serialNumber: string): boolean {
  return Object.values(account.iam.users).some((user) => user.mfaDevices.includes(serialNumber));
}

export const EnableMFADevice: Operation = {
  service: 'iam',
  name: 'EnableMFADevice',
  input: {
    UserName: required(EXISTING_USER_NAME),
    SerialNumber: required(SERIAL_NUMBER),
    AuthenticationCode1: required(AUTHENTICATION_CODE),
    AuthenticationCode2: required(AUTHENTICATION_CODE),
  },
  action: 'iam:EnableMFADevice',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const serialNumber = requiredText(params, 'SerialNumber');
    const device = account.iam.virtualMfaDevices[serialNumber];
    if (!device) {
      throw new AwsError(
        'NoSuchEntity',
        `MFA Device with serial number ${serialNumber} does not exist.`,
      );
    }
    if (assigned(account, serialNumber)) {
      throw new AwsError('EntityAlreadyExists', 'MFA Device is already in use.');
    }
    const codes = [
      requiredText(params, 'AuthenticationCode1'),
      requiredText(params, 'AuthenticationCode2'),
    ] as const;
    if (!consecutiveCodes(device.base32StringSeed, env.world.now, ...codes)) {
      throw new AwsError(
        'InvalidAuthenticationCode',
        'Authentication code for device is not valid.',
      );
    }
    device.enableDate = isoSeconds(env.world.now);
    user.mfaDevices.push(serialNumber);
    return {};
  },
};

export const ListMFADevices: Operation = {
  service: 'iam',
  name: 'ListMFADevices',
  input: { UserName: optional(EXISTING_USER_NAME), ...PAGING },
  action: 'iam:ListMFADevices',
  resource: (env, params) => entityArn(callerAccount(env), 'user', subjectUserName(env, params)),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, subjectUserName(env, params));
    return listed('MFADevices', user.mfaDevices, params, (serialNumber) => ({
      UserName: user.userName,
      SerialNumber: serialNumber,
      EnableDate: account.iam.virtualMfaDevices[serialNumber]?.enableDate,
    }));
  },
};
