// Signing in as a user: a console password (CreateLoginProfile and UpdateLoginProfile, held to
// the account's password policy; GetLoginProfile, DeleteLoginProfile) and MFA
// (id_credentials_mfa): CreateVirtualMFADevice makes a device and its seed, EnableMFADevice
// assigns it to a user once two consecutive codes prove the user has it, DeactivateMFADevice
// takes it back, DeleteVirtualMFADevice removes an unassigned one, ListMFADevices shows a user's
// devices and ListVirtualMFADevices the account's. Messages are AWS's as recorded in localstack's
// test_iam_users and test_iam_mfa snapshots; the invalid-code one as public reports quote it.
import { AwsError, mustDeleteFirst } from '../errors.js';
import { newMfaSeed } from '../ids.js';
import { flag, requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, IamUser, LoginProfile, VirtualMfaDevice } from '../world.js';
import { callerAccount, entityArn, iamArn, requireUser, subjectUserName } from './account.js';
import { consecutiveCodes } from './mfa-codes.js';
import { listed } from './pages.js';
import { userView } from './views.js';
import { passwordConforms } from './password-policy.js';
import { requestTags, tagContext } from './tags.js';
import { checkPath } from './path.js';

/** A login profile operation's resource: the user it names. */
const namedUser: Operation['resource'] = (env, params) =>
  entityArn(callerAccount(env), 'user', requiredText(params, 'UserName'));

/** The user's console password, or `Login Profile for User X cannot be found.` */
function requireLoginProfile(user: IamUser): LoginProfile {
  if (!user.loginProfile) {
    throw new AwsError('NoSuchEntity', `Login Profile for User ${user.userName} cannot be found.`);
  }
  return user.loginProfile;
}

/** A new password must meet the account's password policy (or IAM's default). */
function requireConformingPassword(account: Account, password: string): void {
  if (!passwordConforms(account.iam.passwordPolicy, password)) {
    throw new AwsError(
      'PasswordPolicyViolation',
      'Password does not conform to the account password policy.',
    );
  }
}

function loginProfileView(user: IamUser, profile: LoginProfile) {
  return {
    UserName: user.userName,
    CreateDate: profile.createDate,
    PasswordResetRequired: profile.passwordResetRequired,
  };
}

export const CreateLoginProfile: Operation = {
  service: 'iam',
  name: 'CreateLoginProfile',
  action: 'iam:CreateLoginProfile',
  resource: namedUser,
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
    requireConformingPassword(account, password);
    const profile = {
      password,
      createDate: isoSeconds(env.world.now),
      passwordResetRequired: flag(params, 'PasswordResetRequired') ?? false,
    };
    user.loginProfile = profile;
    return { LoginProfile: loginProfileView(user, profile) };
  },
};

/** GetLoginProfile (API_GetLoginProfile): whether the user has a password, never the password. */
export const GetLoginProfile: Operation = {
  service: 'iam',
  name: 'GetLoginProfile',
  action: 'iam:GetLoginProfile',
  resource: namedUser,
  run: (env, params) => {
    const user = requireUser(callerAccount(env), requiredText(params, 'UserName'));
    return { LoginProfile: loginProfileView(user, requireLoginProfile(user)) };
  },
};

/**
 * UpdateLoginProfile (API_UpdateLoginProfile): a new password (held to the password policy),
 * whether it must be changed at the next sign-in, or both; what is left out stays as it was.
 */
export const UpdateLoginProfile: Operation = {
  service: 'iam',
  name: 'UpdateLoginProfile',
  action: 'iam:UpdateLoginProfile',
  resource: namedUser,
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const profile = requireLoginProfile(user);
    const password = text(params, 'Password');
    if (password !== undefined) requireConformingPassword(account, password);
    const resetRequired = flag(params, 'PasswordResetRequired');
    if (password !== undefined) profile.password = password;
    if (resetRequired !== undefined) profile.passwordResetRequired = resetRequired;
    return {};
  },
};

/** DeleteLoginProfile (API_DeleteLoginProfile): the user can no longer sign in to the console. */
export const DeleteLoginProfile: Operation = {
  service: 'iam',
  name: 'DeleteLoginProfile',
  action: 'iam:DeleteLoginProfile',
  resource: namedUser,
  run: (env, params) => {
    const user = requireUser(callerAccount(env), requiredText(params, 'UserName'));
    requireLoginProfile(user);
    delete user.loginProfile;
    return {};
  },
};

export const CreateVirtualMFADevice: Operation = {
  service: 'iam',
  name: 'CreateVirtualMFADevice',
  ownChecks: { Path: checkPath },
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

/** IAM's NoSuchEntity for a device it does not know (or, to DeactivateMFADevice, not the user's). */
const noSuchDevice = (serialNumber: string) =>
  new AwsError('NoSuchEntity', `MFA Device with serial number ${serialNumber} does not exist.`);

function requireVirtualDevice(account: Account, serialNumber: string): VirtualMfaDevice {
  const device = account.iam.virtualMfaDevices[serialNumber];
  if (!device) throw noSuchDevice(serialNumber);
  return device;
}

export const EnableMFADevice: Operation = {
  service: 'iam',
  name: 'EnableMFADevice',
  action: 'iam:EnableMFADevice',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const serialNumber = requiredText(params, 'SerialNumber');
    const device = requireVirtualDevice(account, serialNumber);
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

/**
 * DeactivateMFADevice (API_DeactivateMFADevice): the device is no longer the user's; a virtual
 * one stays in the account, unassigned, until DeleteVirtualMFADevice. A device the user does not
 * have gets the same NoSuchEntity as an unknown one (test_iam_mfa's deactivate-nonexistent-mfa).
 */
export const DeactivateMFADevice: Operation = {
  service: 'iam',
  name: 'DeactivateMFADevice',
  action: 'iam:DeactivateMFADevice',
  resource: namedUser,
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const serialNumber = requiredText(params, 'SerialNumber');
    if (!user.mfaDevices.includes(serialNumber)) throw noSuchDevice(serialNumber);
    user.mfaDevices = user.mfaDevices.filter((serial) => serial !== serialNumber);
    const device = account.iam.virtualMfaDevices[serialNumber];
    if (device) delete device.enableDate;
    return {};
  },
};

/**
 * DeleteVirtualMFADevice (API_DeleteVirtualMFADevice): "You must deactivate a user's virtual MFA
 * device before you can delete it", else DeleteConflict. AWS's words for that conflict were not
 * found recorded; they follow IAM's DeleteConflict template (`Cannot delete entity, must ...`).
 * The resource is the device, whose ARN is its serial number.
 */
export const DeleteVirtualMFADevice: Operation = {
  service: 'iam',
  name: 'DeleteVirtualMFADevice',
  action: 'iam:DeleteVirtualMFADevice',
  resource: (_env, params) => requiredText(params, 'SerialNumber'),
  run: (env, params) => {
    const account = callerAccount(env);
    const device = requireVirtualDevice(account, requiredText(params, 'SerialNumber'));
    if (assigned(account, device.serialNumber)) throw mustDeleteFirst('deactivate MFA device');
    Reflect.deleteProperty(account.iam.virtualMfaDevices, device.serialNumber);
    return {};
  },
};

export const ListMFADevices: Operation = {
  service: 'iam',
  name: 'ListMFADevices',
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

/**
 * ListVirtualMFADevices (API_ListVirtualMFADevices): the account's virtual devices, `Assigned`,
 * `Unassigned` or `Any` (the default). An assigned one shows its user and when it was enabled; the
 * user as ListUsers shows it, with the Path and UserId the model's `User` requires (and AWS returns:
 * boto/boto3#4474 quotes a live response).
 */
export const ListVirtualMFADevices: Operation = {
  service: 'iam',
  name: 'ListVirtualMFADevices',
  action: 'iam:ListVirtualMFADevices',
  resource: () => '*',
  run: (env, params) => {
    const account = callerAccount(env);
    const status = text(params, 'AssignmentStatus') ?? 'Any';
    const users = Object.values(account.iam.users);
    const devices = Object.values(account.iam.virtualMfaDevices)
      .map((device) => ({
        device,
        user: users.find((u) => u.mfaDevices.includes(device.serialNumber)),
      }))
      .filter(({ user }) => status === 'Any' || (status === 'Assigned') === (user !== undefined));
    return listed('VirtualMFADevices', devices, params, ({ device, user }) => ({
      SerialNumber: device.serialNumber,
      ...(user === undefined
        ? {}
        : {
            User: userView(user, 'list'),
            EnableDate: device.enableDate,
          }),
    }));
  },
};
