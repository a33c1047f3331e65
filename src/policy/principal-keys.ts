// The global condition keys that follow from who the caller is and whose resource it asks for
// (reference_policies_condition-keys). The simulated AWS sets them on every request; they are
// derived here too so that a bare request (e.g. from `iam-tutor simulate`) has them. Keys the
// request already carries win over derived ones.
//
// This runs on every evaluation, and a policy reads few keys of a request: so the request's own
// keys are indexed once, and a derived key is worked out only when a policy asks for it.
import { indexContext, type ContextIndex } from './context.js';
import type { ContextValue, Request, RequestPrincipal } from './types.js';

/**
 * The value of a key derived from the caller (`key` lower-cased), undefined if it has none
 * (reference_policies_variables, "Principal key values"; aws:PrincipalIsAWSService is on every
 * signed request: reference_policies_condition-keys).
 */
function principalKey(key: string, principal: RequestPrincipal): string | undefined {
  if (key === 'aws:principalisawsservice' && principal.type !== 'anonymous') {
    return principal.type === 'service' ? 'true' : 'false';
  }
  switch (principal.type) {
    case 'user':
      if (key === 'aws:principalarn') return principal.arn;
      if (key === 'aws:principalaccount') return principal.account;
      if (key === 'aws:principaltype') return 'User';
      if (key === 'aws:username') return principal.name;
      return key === 'aws:userid' ? principal.id : undefined;
    case 'assumed-role':
      // For a role session aws:PrincipalArn is the role's ARN, not the session's.
      if (key === 'aws:principalarn') return principal.roleArn;
      if (key === 'aws:principalaccount') return principal.account;
      if (key === 'aws:principaltype') return 'AssumedRole';
      return key === 'aws:userid' && principal.roleId !== undefined
        ? `${principal.roleId}:${principal.sessionName}`
        : undefined;
    case 'federated-user':
      if (key === 'aws:principalarn') return principal.arn;
      if (key === 'aws:principalaccount') return principal.account;
      if (key === 'aws:userid') return `${principal.account}:${principal.name}`;
      return key === 'aws:principaltype' ? 'FederatedUser' : undefined;
    case 'root':
      if (key === 'aws:principalarn') return principal.arn;
      if (key === 'aws:principalaccount' || key === 'aws:userid') return principal.account;
      return key === 'aws:principaltype' ? 'Account' : undefined;
    case 'service':
      return key === 'aws:principalservicename' ? principal.service : undefined;
    case 'anonymous':
      if (key === 'aws:principaltype') return 'Anonymous';
      return key === 'aws:userid' ? 'anonymous' : undefined;
    case 'federated':
      return undefined;
  }
}

/** A request's keys by lower-cased name, falling back on the keys derived from the request. */
class RequestContextIndex implements ContextIndex {
  constructor(
    private readonly own: ReadonlyMap<string, ContextValue>,
    private readonly principal: RequestPrincipal,
    private readonly resourceAccount: string | undefined,
  ) {}

  get(key: string): ContextValue | undefined {
    const value = this.own.get(key);
    if (value !== undefined) return value;
    if (key === 'aws:resourceaccount') return this.resourceAccount;
    return principalKey(key, this.principal);
  }
}

/** The request's context, indexed by lower-cased key, plus the derived keys it does not set. */
export function requestContextIndex(
  request: Request,
  resourceAccount: string | undefined,
): ContextIndex {
  return new RequestContextIndex(indexContext(request.context), request.principal, resourceAccount);
}
