// GetAccountSummary through callApi (API_GetAccountSummary; quotas from reference_iam-quotas):
// every key the API documents, the counts following the world, the quotas IAM's defaults.
import { describe, expect, it } from 'vitest';
import { GetAccountSummary } from '../../../src/aws/iam/account-summary.js';
import { AttachRolePolicy } from '../../../src/aws/iam/attached-policies.js';
import { CreateGroup } from '../../../src/aws/iam/groups.js';
import { CreateVirtualMFADevice } from '../../../src/aws/iam/login-mfa.js';
import { CreatePolicy } from '../../../src/aws/iam/managed-policies.js';
import { CreateRole } from '../../../src/aws/iam/roles.js';
import {
  ACCOUNT,
  accountOf,
  allowing,
  call,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** API_GetAccountSummary's "Valid Keys", in its order. */
const DOCUMENTED_KEYS = [
  'Users',
  'UsersQuota',
  'Groups',
  'GroupsQuota',
  'ServerCertificates',
  'ServerCertificatesQuota',
  'UserPolicySizeQuota',
  'GroupPolicySizeQuota',
  'GroupsPerUserQuota',
  'SigningCertificatesPerUserQuota',
  'AccessKeysPerUserQuota',
  'MFADevices',
  'MFADevicesInUse',
  'AccountMFAEnabled',
  'AccountAccessKeysPresent',
  'AccountPasswordPresent',
  'AccountSigningCertificatesPresent',
  'AttachedPoliciesPerGroupQuota',
  'AttachedPoliciesPerRoleQuota',
  'AttachedPoliciesPerUserQuota',
  'Policies',
  'PoliciesQuota',
  'PolicySizeQuota',
  'PolicyVersionsInUse',
  'PolicyVersionsInUseQuota',
  'VersionsPerPolicyQuota',
  'GlobalEndpointTokenVersion',
  'AssumeRolePolicySizeQuota',
  'InstanceProfiles',
  'InstanceProfilesQuota',
  'Providers',
  'RolePolicySizeQuota',
  'Roles',
  'RolesQuota',
];

const summary = (world: ReturnType<typeof lessonWorld>) =>
  ok(call(world, GetAccountSummary, {})).SummaryMap as Record<string, number>;

describe('GetAccountSummary', () => {
  it("answers every documented key, with IAM's default quotas", () => {
    const map = summary(lessonWorld());
    expect(Object.keys(map)).toEqual(DOCUMENTED_KEYS);
    expect(map).toMatchObject({
      UsersQuota: 5000,
      GroupsQuota: 300,
      RolesQuota: 1000,
      PoliciesQuota: 1500,
      InstanceProfilesQuota: 1000,
      AccessKeysPerUserQuota: 2,
      GroupsPerUserQuota: 10,
      AttachedPoliciesPerUserQuota: 10,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      UserPolicySizeQuota: 2048,
      GroupPolicySizeQuota: 5120,
      RolePolicySizeQuota: 10240,
      PolicySizeQuota: 6144,
      AssumeRolePolicySizeQuota: 2048,
      VersionsPerPolicyQuota: 5,
    });
  });

  it('counts what the account holds: users, groups, roles, policies in use, MFA devices, root keys', () => {
    const world = lessonWorld();
    // The lesson world: admin, with AdministratorAccess, and root access keys.
    expect(summary(world)).toMatchObject({
      Users: 1,
      Groups: 0,
      Roles: 0,
      Policies: 0,
      PolicyVersionsInUse: 1,
      MFADevices: 0,
      MFADevicesInUse: 0,
      AccountMFAEnabled: 0,
      AccountAccessKeysPresent: 1,
    });
    ok(call(world, CreateGroup, { GroupName: 'devs' }));
    ok(call(world, CreateRole, { RoleName: 'app', AssumeRolePolicyDocument: TRUST }));
    ok(
      call(world, CreatePolicy, {
        PolicyName: 'p',
        PolicyDocument: JSON.stringify(allowing('s3:*')),
      }),
    );
    // An unattached policy is not in use; AdministratorAccess attached twice counts once.
    expect(summary(world)).toMatchObject({
      Groups: 1,
      Roles: 1,
      Policies: 1,
      PolicyVersionsInUse: 1,
    });
    ok(
      call(world, AttachRolePolicy, {
        RoleName: 'app',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    );
    ok(
      call(world, AttachRolePolicy, {
        RoleName: 'app',
        PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p`,
      }),
    );
    ok(call(world, CreateVirtualMFADevice, { VirtualMFADeviceName: 'phone' }));
    accountOf(world).rootAccessKeys = [];
    expect(summary(world)).toMatchObject({
      PolicyVersionsInUse: 2,
      MFADevices: 1,
      MFADevicesInUse: 0,
      AccountAccessKeysPresent: 0,
    });
  });

  it('is denied without iam:GetAccountSummary', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, GetAccountSummary, {}, BOB))).toEqual({
      code: 'AccessDenied',
      // An action on no particular resource is denied without naming one.
      message:
        'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: iam:GetAccountSummary because no identity-based policy allows the iam:GetAccountSummary action',
    });
  });
});
