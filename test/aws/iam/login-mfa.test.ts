// Console passwords and MFA through callApi (id_credentials_passwords_admin-change-user,
// id_credentials_mfa_enable_virtual; API_CreateLoginProfile, API_GetLoginProfile,
// API_UpdateLoginProfile, API_DeleteLoginProfile, API_CreateVirtualMFADevice,
// API_EnableMFADevice, API_DeactivateMFADevice, API_DeleteVirtualMFADevice, API_ListMFADevices,
// API_ListVirtualMFADevices).
import { describe, expect, it } from 'vitest';
import { mfaCode } from '../../../src/aws/iam/mfa-codes.js';
import {
  CreateLoginProfile,
  CreateVirtualMFADevice,
  DeactivateMFADevice,
  DeleteLoginProfile,
  DeleteVirtualMFADevice,
  EnableMFADevice,
  GetLoginProfile,
  ListMFADevices,
  ListVirtualMFADevices,
  UpdateLoginProfile,
} from '../../../src/aws/iam/login-mfa.js';
import { UpdateAccountPasswordPolicy } from '../../../src/aws/iam/password-policy.js';
import { CreateUser, DeleteUser } from '../../../src/aws/iam/users.js';
import {
  ACCOUNT,
  START,
  accountOf,
  call,
  deniedMessage,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;

function withDevice() {
  const world = lessonWorld();
  ok(call(world, CreateUser, { UserName: 'alice' }));
  const { VirtualMFADevice } = ok(
    call(world, CreateVirtualMFADevice, { VirtualMFADeviceName: 'alice-phone' }),
  );
  const seed = (VirtualMFADevice as { Base32StringSeed: string }).Base32StringSeed;
  return { world, seed };
}

describe('CreateLoginProfile', () => {
  it('gives the user a console password, shown without the password', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    expect(
      ok(
        call(world, CreateLoginProfile, {
          UserName: 'alice',
          Password: 'Correct-Horse-1',
          PasswordResetRequired: true,
        }),
      ),
    ).toEqual({
      LoginProfile: {
        UserName: 'alice',
        CreateDate: '2026-11-30T10:00:00Z',
        PasswordResetRequired: true,
      },
    });
    expect(
      failure(call(world, CreateLoginProfile, { UserName: 'alice', Password: 'Correct-Horse-1' })),
    ).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Login Profile for user alice already exists.',
    });
  });

  it("holds the password to IAM's default policy, then to the account's", () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    const weak = { UserName: 'alice', Password: 'alllowercase' };
    expect(failure(call(world, CreateLoginProfile, weak))).toEqual({
      code: 'PasswordPolicyViolation',
      message: 'Password does not conform to the account password policy.',
    });
    ok(call(world, UpdateAccountPasswordPolicy, { MinimumPasswordLength: 10 }));
    expect(call(world, CreateLoginProfile, weak).ok).toBe(true);
  });

  it('is denied without iam:CreateLoginProfile on the user', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(
        call(world, CreateLoginProfile, { UserName: 'bob', Password: 'Correct-Horse-1' }, BOB),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreateLoginProfile', `arn:aws:iam::${ACCOUNT}:user/bob`),
    });
  });
});

describe('GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile', () => {
  const withPassword = () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    ok(call(world, CreateLoginProfile, { UserName: 'alice', Password: 'Correct-Horse-1' }));
    return world;
  };
  const noProfile = {
    code: 'NoSuchEntity',
    message: 'Login Profile for User alice cannot be found.',
  };

  it('shows the profile without the password, and says so when there is none', () => {
    const world = withPassword();
    expect(ok(call(world, GetLoginProfile, { UserName: 'alice' }))).toEqual({
      LoginProfile: {
        UserName: 'alice',
        CreateDate: '2026-11-30T10:00:00Z',
        PasswordResetRequired: false,
      },
    });
    expect(failure(call(world, GetLoginProfile, { UserName: 'admin' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'Login Profile for User admin cannot be found.',
    });
    expect(failure(call(world, GetLoginProfile, { UserName: 'ghost' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name ghost cannot be found.',
    });
  });

  it('changes the password under the password policy, and whether it must be reset', () => {
    const world = withPassword();
    expect(
      failure(call(world, UpdateLoginProfile, { UserName: 'alice', Password: 'weak' })),
    ).toEqual({
      code: 'PasswordPolicyViolation',
      message: 'Password does not conform to the account password policy.',
    });
    ok(call(world, UpdateLoginProfile, { UserName: 'alice', PasswordResetRequired: true }));
    ok(call(world, UpdateLoginProfile, { UserName: 'alice', Password: 'Battery-Staple-2' }));
    expect(accountOf(world).iam.users.alice?.loginProfile).toMatchObject({
      password: 'Battery-Staple-2',
      passwordResetRequired: true,
    });
    expect(
      failure(call(world, UpdateLoginProfile, { UserName: 'admin', Password: 'Battery-Staple-2' })),
    ).toMatchObject({ code: 'NoSuchEntity' });
  });

  // API_DeleteUser: "you must delete the items attached to the user manually ... Password
  // (DeleteLoginProfile)"; IAM refuses with DeleteConflict until then.
  it('DeleteUser refuses while the user has a password; DeleteLoginProfile lets it go', () => {
    const world = withPassword();
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must delete login profile first.',
    });
    expect(ok(call(world, DeleteLoginProfile, { UserName: 'alice' }))).toEqual({});
    expect(failure(call(world, DeleteLoginProfile, { UserName: 'alice' }))).toEqual(noProfile);
    expect(failure(call(world, GetLoginProfile, { UserName: 'alice' }))).toEqual(noProfile);
    expect(ok(call(world, DeleteUser, { UserName: 'alice' }))).toEqual({});
  });

  it('each is authorized as its own action on the user', () => {
    const world = withPassword();
    putUser(world, 'bob', BOB);
    const alice = `arn:aws:iam::${ACCOUNT}:user/alice`;
    expect(failure(call(world, GetLoginProfile, { UserName: 'alice' }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:GetLoginProfile', alice),
    });
    expect(failure(call(world, DeleteLoginProfile, { UserName: 'alice' }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:DeleteLoginProfile', alice),
    });
  });
});

describe('virtual MFA devices', () => {
  it('creates a device with a 64-character Base32 seed', () => {
    const { world, seed } = withDevice();
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    expect(
      failure(call(world, CreateVirtualMFADevice, { VirtualMFADeviceName: 'alice-phone' })),
    ).toEqual({
      code: 'EntityAlreadyExists',
      message: 'MFA device already exists.',
    });
  });

  it('enables the device for a user given two consecutive codes, and lists it', () => {
    const { world, seed } = withDevice();
    const codes = {
      AuthenticationCode1: mfaCode(seed, START - 30_000),
      AuthenticationCode2: mfaCode(seed, START),
    };
    ok(call(world, EnableMFADevice, { UserName: 'alice', SerialNumber: SERIAL, ...codes }));
    expect(ok(call(world, ListMFADevices, { UserName: 'alice' }))).toEqual({
      MFADevices: [{ UserName: 'alice', SerialNumber: SERIAL, EnableDate: '2026-11-30T10:00:00Z' }],
      IsTruncated: false,
    });
    expect(
      failure(call(world, EnableMFADevice, { UserName: 'admin', SerialNumber: SERIAL, ...codes })),
    ).toEqual({
      code: 'EntityAlreadyExists',
      message: 'MFA Device is already in use.',
    });
  });

  it('refuses codes that are not the last two the device showed', () => {
    const { world, seed } = withDevice();
    const stale = {
      UserName: 'alice',
      SerialNumber: SERIAL,
      AuthenticationCode1: mfaCode(seed, START - 600_000),
      AuthenticationCode2: mfaCode(seed, START - 570_000),
    };
    expect(failure(call(world, EnableMFADevice, stale))).toEqual({
      code: 'InvalidAuthenticationCode',
      message: 'Authentication code for device is not valid.',
    });
    expect(
      failure(call(world, EnableMFADevice, { ...stale, AuthenticationCode1: '12345' })),
    ).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'authenticationCode1' failed to satisfy constraint: Member must have length greater than or equal to 6",
    });
    expect(
      failure(call(world, EnableMFADevice, { ...stale, SerialNumber: `${SERIAL}-x` })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: `MFA Device with serial number ${SERIAL}-x does not exist.`,
    });
  });

  it('CreateVirtualMFADevice is denied without the permission', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(call(world, CreateVirtualMFADevice, { VirtualMFADeviceName: 'bob' }, BOB)),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage(
        'bob',
        'iam:CreateVirtualMFADevice',
        `arn:aws:iam::${ACCOUNT}:mfa/bob`,
      ),
    });
  });
});

describe('ListVirtualMFADevices', () => {
  it("lists the account's devices, an assigned one with its user, filtered by assignment", () => {
    const { world, seed } = withDevice();
    ok(call(world, CreateVirtualMFADevice, { VirtualMFADeviceName: 'spare' }));
    ok(
      call(world, EnableMFADevice, {
        UserName: 'alice',
        SerialNumber: SERIAL,
        AuthenticationCode1: mfaCode(seed, START - 30_000),
        AuthenticationCode2: mfaCode(seed, START),
      }),
    );
    const assigned = {
      SerialNumber: SERIAL,
      // The model's User requires Path and UserId; boto/boto3#4474 quotes AWS returning them.
      User: {
        Path: '/',
        UserName: 'alice',
        UserId: expect.stringMatching(/^AIDA[A-Z0-9]{17}$/) as unknown,
        Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        CreateDate: '2026-11-30T10:00:00Z',
      },
      EnableDate: '2026-11-30T10:00:00Z',
    };
    const spare = { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/spare` };
    const list = (params: Record<string, unknown>) =>
      ok(call(world, ListVirtualMFADevices, params)).VirtualMFADevices;
    expect(list({})).toEqual([assigned, spare]);
    expect(list({ AssignmentStatus: 'Any' })).toEqual([assigned, spare]);
    expect(list({ AssignmentStatus: 'Assigned' })).toEqual([assigned]);
    expect(list({ AssignmentStatus: 'Unassigned' })).toEqual([spare]);
    expect(failure(call(world, ListVirtualMFADevices, { AssignmentStatus: 'Mine' }))).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Assigned, Unassigned, Any]",
    });
  });
});

describe('DeactivateMFADevice and DeleteVirtualMFADevice', () => {
  const enabled = () => {
    const { world, seed } = withDevice();
    ok(
      call(world, EnableMFADevice, {
        UserName: 'alice',
        SerialNumber: SERIAL,
        AuthenticationCode1: mfaCode(seed, START - 30_000),
        AuthenticationCode2: mfaCode(seed, START),
      }),
    );
    return world;
  };
  const noDevice = (serial: string) => ({
    code: 'NoSuchEntity',
    message: `MFA Device with serial number ${serial} does not exist.`,
  });

  // API_DeleteVirtualMFADevice: "You must deactivate a user's virtual MFA device before you can
  // delete it"; API_DeleteUser likewise waits for the user's MFA devices to go.
  it('an enabled device must be deactivated before it or its user can be deleted', () => {
    const world = enabled();
    expect(failure(call(world, DeleteVirtualMFADevice, { SerialNumber: SERIAL }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must deactivate MFA device first.',
    });
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must delete MFA device first.',
    });
    expect(
      ok(call(world, DeactivateMFADevice, { UserName: 'alice', SerialNumber: SERIAL })),
    ).toEqual({});
    expect(ok(call(world, ListMFADevices, { UserName: 'alice' })).MFADevices).toEqual([]);
    // Deactivated, the device stays in the account, unassigned, until it is deleted.
    expect(
      ok(call(world, ListVirtualMFADevices, { AssignmentStatus: 'Unassigned' })).VirtualMFADevices,
    ).toEqual([{ SerialNumber: SERIAL }]);
    expect(ok(call(world, DeleteVirtualMFADevice, { SerialNumber: SERIAL }))).toEqual({});
    expect(ok(call(world, ListVirtualMFADevices, {})).VirtualMFADevices).toEqual([]);
    expect(ok(call(world, DeleteUser, { UserName: 'alice' }))).toEqual({});
  });

  // AWS's answers recorded in localstack's test_iam_mfa snapshot (test_enable_mfa_device_errors,
  // test_virtual_mfa_device_errors).
  it("says NoSuchEntity for an unknown user, a device that is not the user's, or none at all", () => {
    const world = enabled();
    const ghost = `arn:aws:iam::${ACCOUNT}:mfa/nonexistent-mfa`;
    expect(
      failure(call(world, DeactivateMFADevice, { UserName: 'nobody', SerialNumber: SERIAL })),
    ).toEqual({ code: 'NoSuchEntity', message: 'The user with name nobody cannot be found.' });
    expect(
      failure(call(world, DeactivateMFADevice, { UserName: 'alice', SerialNumber: ghost })),
    ).toEqual(noDevice(ghost));
    expect(
      failure(call(world, DeactivateMFADevice, { UserName: 'admin', SerialNumber: SERIAL })),
    ).toEqual(noDevice(SERIAL));
    expect(failure(call(world, DeleteVirtualMFADevice, { SerialNumber: ghost }))).toEqual(
      noDevice(ghost),
    );
  });

  it('DeactivateMFADevice is authorized on the user, DeleteVirtualMFADevice on the device', () => {
    const world = enabled();
    putUser(world, 'bob', BOB);
    expect(
      failure(call(world, DeactivateMFADevice, { UserName: 'alice', SerialNumber: SERIAL }, BOB)),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage(
        'bob',
        'iam:DeactivateMFADevice',
        `arn:aws:iam::${ACCOUNT}:user/alice`,
      ),
    });
    expect(failure(call(world, DeleteVirtualMFADevice, { SerialNumber: SERIAL }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:DeleteVirtualMFADevice', SERIAL),
    });
  });
});
