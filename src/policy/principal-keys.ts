// The global condition keys that follow from who the caller is and whose resource it asks for
// (reference_policies_condition-keys). The simulated AWS sets them on every request; they are
// derived here too so that a bare request (e.g. from `iam-tutor simulate`) has them. Keys the
// request already carries are left as they are.
import type { ContextValue, Request } from './types.js';

function principalKeys(request: Request): Record<string, string> {
  const { principal } = request;
  switch (principal.type) {
    case 'user':
      return {
        'aws:PrincipalArn': principal.arn,
        'aws:PrincipalAccount': principal.account,
        'aws:PrincipalType': 'User',
        'aws:username': principal.name,
        ...(principal.id === undefined ? {} : { 'aws:userid': principal.id }),
      };
    case 'assumed-role':
      // For a role session aws:PrincipalArn is the role's ARN, not the session's.
      return {
        'aws:PrincipalArn': principal.roleArn,
        'aws:PrincipalAccount': principal.account,
        'aws:PrincipalType': 'AssumedRole',
        ...(principal.roleId === undefined
          ? {}
          : { 'aws:userid': `${principal.roleId}:${principal.sessionName}` }),
      };
    case 'federated-user':
      return {
        'aws:PrincipalArn': principal.arn,
        'aws:PrincipalAccount': principal.account,
        'aws:PrincipalType': 'FederatedUser',
      };
    case 'root':
      return {
        'aws:PrincipalArn': principal.arn,
        'aws:PrincipalAccount': principal.account,
        'aws:PrincipalType': 'Account',
        'aws:userid': principal.account,
      };
    case 'service':
      return { 'aws:PrincipalServiceName': principal.service };
    case 'anonymous':
    case 'federated':
      return {};
  }
}

/** The request's context plus the derived principal and resource keys it does not set itself. */
export function requestContextWithPrincipalKeys(
  request: Request,
  resourceAccount: string | undefined,
): Record<string, ContextValue> {
  const derived: Record<string, ContextValue> = principalKeys(request);
  if (resourceAccount !== undefined) derived['aws:ResourceAccount'] = resourceAccount;
  const given = new Set(Object.keys(request.context).map((key) => key.toLowerCase()));
  const missing = Object.entries(derived).filter(([key]) => !given.has(key.toLowerCase()));
  return { ...Object.fromEntries(missing), ...request.context };
}
