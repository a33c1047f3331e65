// Users, groups and roles hold policies alike: managed policies attached (at most 10 each,
// reference_iam-quotas) and inline policies by name, whose sizes together may not exceed the
// entity's allowance (user 2,048, group 5,120, role 10,240 characters, whitespace not counted).
// What differs between the three is said once here, so that the policy operations are written
// once for all of them.
import { requiredText } from '../input.js';
import type { Operation } from '../operation.js';
import type { Account, IamGroup, IamRole, IamUser } from '../world.js';
import { callerAccount, entityArn, requireGroup, requireRole, requireUser } from './account.js';

export type Holder = IamUser | IamGroup | IamRole;

export interface HolderKind {
  /** IAM's word for it in ARNs and messages: `user`, `group`, `role`. */
  type: 'user' | 'group' | 'role';
  /** As in operation names: AttachUserPolicy, PutGroupPolicy, ListRolePolicies. */
  title: 'User' | 'Group' | 'Role';
  nameParam: 'UserName' | 'GroupName' | 'RoleName';
  /** Characters of all its inline policies together. */
  inlineLimit: number;
  /** The LimitExceeded quota for attached managed policies. */
  attachQuota: string;
  require: (account: Account, name: string) => Holder;
  nameOf: (holder: Holder) => string;
}

export const USER_KIND: HolderKind = {
  type: 'user',
  title: 'User',
  nameParam: 'UserName',
  inlineLimit: 2048,
  attachQuota: 'PoliciesPerUser',
  require: requireUser,
  nameOf: (holder) => (holder as IamUser).userName,
};

export const GROUP_KIND: HolderKind = {
  type: 'group',
  title: 'Group',
  nameParam: 'GroupName',
  inlineLimit: 5120,
  attachQuota: 'PoliciesPerGroup',
  require: requireGroup,
  nameOf: (holder) => (holder as IamGroup).groupName,
};

export const ROLE_KIND: HolderKind = {
  type: 'role',
  title: 'Role',
  nameParam: 'RoleName',
  inlineLimit: 10240,
  attachQuota: 'PoliciesPerRole',
  require: requireRole,
  nameOf: (holder) => (holder as IamRole).roleName,
};

/** The resource of a policy operation on the named holder: its ARN. */
export function holderResource(kind: HolderKind): Operation['resource'] {
  return (env, params) =>
    entityArn(callerAccount(env), kind.type, requiredText(params, kind.nameParam));
}
