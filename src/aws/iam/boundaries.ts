// Permissions boundaries (access_policies_boundaries): a managed policy that caps what a user's or
// role's identity policies can grant. Set by CreateUser / CreateRole or by
// PutUserPermissionsBoundary / PutRolePermissionsBoundary; the request carries the policy ARN as
// `iam:PermissionsBoundary` so that a policy can require one. A malformed ARN is InvalidInput, a
// missing policy `Scope ARN: ARN does not exist or is not attachable.` (localstack
// test_iam_roles snapshot, recorded against AWS).
import { AwsError } from '../errors.js';
import { requiredText, text } from '../input.js';
import type { Operation, Params } from '../operation.js';
import type { Account } from '../world.js';
import { callerAccount, entityArn, requireRole, requireUser } from './account.js';
import { findPolicy } from './managed-policies.js';

const POLICY_ARN = /^arn:aws:iam::(?:aws|\d{12}):policy\//;

/** The boundary policy's ARN, once it is known to name a policy the account can use. */
export function requireBoundary(account: Account, arn: string): string {
  if (!POLICY_ARN.test(arn)) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
  if (!findPolicy(account, arn)) {
    throw new AwsError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);
  }
  return arn;
}

/** `iam:PermissionsBoundary` when the request sets one. */
export function boundaryContext(params: Params): Record<string, string> {
  const arn = text(params, 'PermissionsBoundary');
  return arn === undefined ? {} : { 'iam:PermissionsBoundary': arn };
}

export const PutUserPermissionsBoundary: Operation = {
  service: 'iam',
  name: 'PutUserPermissionsBoundary',
  action: 'iam:PutUserPermissionsBoundary',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  context: (_env, params) => boundaryContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    user.permissionsBoundary = requireBoundary(
      account,
      requiredText(params, 'PermissionsBoundary'),
    );
    return {};
  },
};

export const PutRolePermissionsBoundary: Operation = {
  service: 'iam',
  name: 'PutRolePermissionsBoundary',
  action: 'iam:PutRolePermissionsBoundary',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'role', requiredText(params, 'RoleName')),
  context: (_env, params) => boundaryContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const role = requireRole(account, requiredText(params, 'RoleName'));
    role.permissionsBoundary = requireBoundary(
      account,
      requiredText(params, 'PermissionsBoundary'),
    );
    return {};
  },
};
