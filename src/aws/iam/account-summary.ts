// GetAccountSummary (API_GetAccountSummary): the account's IAM entities counted, beside IAM's
// default quotas (reference_iam-quotas), under the keys the API documents, in its order. What the
// world does not hold is reported as AWS reports an account without it: no server or signing
// certificates, no root MFA device; root signed up with a password.
import { sizeLimit } from '../../policy/validate/size.js';
import type { Operation } from '../operation.js';
import type { Account } from '../world.js';
import { MAX_KEYS } from './access-keys.js';
import { callerAccount } from './account.js';
import { MAX_ATTACHED } from './attached-policies.js';
import { MAX_GROUPS_PER_USER } from './groups.js';
import { GROUP_KIND, ROLE_KIND, USER_KIND } from './holders.js';
import { MAX_VERSIONS } from './managed-policies.js';

/** Account-wide default quotas that no operation here enforces (reference_iam-quotas). */
const ACCOUNT_QUOTAS = {
  users: 5000,
  groups: 300,
  roles: 1000,
  instanceProfiles: 1000,
  customerManagedPolicies: 1500,
  serverCertificates: 20,
  signingCertificatesPerUser: 2,
  policiesInUse: 10000,
};

/**
 * The managed policies in use: attached to a user, group or role, or a user's or role's
 * permissions boundary, each counted once (AWS's and the account's alike).
 */
function policiesInUse(account: Account): number {
  const { users, groups, roles } = account.iam;
  const holders = [...Object.values(users), ...Object.values(groups), ...Object.values(roles)];
  const boundaries = [...Object.values(users), ...Object.values(roles)].flatMap(
    (entity) => entity.permissionsBoundary ?? [],
  );
  return new Set([...holders.flatMap((holder) => holder.attachedPolicies), ...boundaries]).size;
}

function summaryMap(account: Account): Record<string, number> {
  const { iam } = account;
  const count = (table: object) => Object.keys(table).length;
  const users = Object.values(iam.users);
  return {
    Users: users.length,
    UsersQuota: ACCOUNT_QUOTAS.users,
    Groups: count(iam.groups),
    GroupsQuota: ACCOUNT_QUOTAS.groups,
    ServerCertificates: 0,
    ServerCertificatesQuota: ACCOUNT_QUOTAS.serverCertificates,
    UserPolicySizeQuota: USER_KIND.inlineLimit,
    GroupPolicySizeQuota: GROUP_KIND.inlineLimit,
    GroupsPerUserQuota: MAX_GROUPS_PER_USER,
    SigningCertificatesPerUserQuota: ACCOUNT_QUOTAS.signingCertificatesPerUser,
    AccessKeysPerUserQuota: MAX_KEYS,
    // Every virtual MFA device, and those assigned to a user.
    MFADevices: count(iam.virtualMfaDevices),
    MFADevicesInUse: users.reduce((total, user) => total + user.mfaDevices.length, 0),
    AccountMFAEnabled: 0,
    AccountAccessKeysPresent: (account.rootAccessKeys ?? []).length > 0 ? 1 : 0,
    AccountPasswordPresent: 1,
    AccountSigningCertificatesPresent: 0,
    AttachedPoliciesPerGroupQuota: MAX_ATTACHED,
    AttachedPoliciesPerRoleQuota: MAX_ATTACHED,
    AttachedPoliciesPerUserQuota: MAX_ATTACHED,
    Policies: count(iam.policies),
    PoliciesQuota: ACCOUNT_QUOTAS.customerManagedPolicies,
    PolicySizeQuota: sizeLimit('managed') ?? 0,
    PolicyVersionsInUse: policiesInUse(account),
    PolicyVersionsInUseQuota: ACCOUNT_QUOTAS.policiesInUse,
    VersionsPerPolicyQuota: MAX_VERSIONS,
    // STS global endpoint tokens are version 1, valid in default Regions only, until changed.
    GlobalEndpointTokenVersion: 1,
    AssumeRolePolicySizeQuota: sizeLimit('trust') ?? 0,
    InstanceProfiles: count(iam.instanceProfiles),
    InstanceProfilesQuota: ACCOUNT_QUOTAS.instanceProfiles,
    Providers: count(iam.samlProviders) + count(iam.oidcProviders),
    RolePolicySizeQuota: ROLE_KIND.inlineLimit,
    Roles: count(iam.roles),
    RolesQuota: ACCOUNT_QUOTAS.roles,
  };
}

export const GetAccountSummary: Operation = {
  service: 'iam',
  name: 'GetAccountSummary',
  action: 'iam:GetAccountSummary',
  resource: () => '*',
  run: (env) => ({ SummaryMap: summaryMap(callerAccount(env)) }),
};
