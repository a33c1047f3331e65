// The global condition keys that follow from who the caller is and whose resource it asks for
// (reference_policies_condition-keys). The simulated AWS sets them on every request; they are
// derived here too so that a bare request (e.g. from `iam-tutor simulate`) has them. Keys the
// request already carries win over derived ones.
//
// This runs once per evaluation, so it writes straight into the lower-cased index the conditions
// read, without intermediate objects.
import type { ContextIndex } from './context.js';
import type { ContextValue, Request } from './types.js';

function addPrincipalKeys(index: Map<string, ContextValue>, request: Request): void {
  const { principal } = request;
  switch (principal.type) {
    case 'user':
      index.set('aws:principalarn', principal.arn);
      index.set('aws:principalaccount', principal.account);
      index.set('aws:principaltype', 'User');
      index.set('aws:username', principal.name);
      if (principal.id !== undefined) index.set('aws:userid', principal.id);
      return;
    case 'assumed-role':
      // For a role session aws:PrincipalArn is the role's ARN, not the session's.
      index.set('aws:principalarn', principal.roleArn);
      index.set('aws:principalaccount', principal.account);
      index.set('aws:principaltype', 'AssumedRole');
      if (principal.roleId !== undefined) {
        index.set('aws:userid', `${principal.roleId}:${principal.sessionName}`);
      }
      return;
    case 'federated-user':
      index.set('aws:principalarn', principal.arn);
      index.set('aws:principalaccount', principal.account);
      index.set('aws:principaltype', 'FederatedUser');
      return;
    case 'root':
      index.set('aws:principalarn', principal.arn);
      index.set('aws:principalaccount', principal.account);
      index.set('aws:principaltype', 'Account');
      index.set('aws:userid', principal.account);
      return;
    case 'service':
      index.set('aws:principalservicename', principal.service);
      return;
    case 'anonymous':
    case 'federated':
      return;
  }
}

/** The request's context, indexed by lower-cased key, plus the derived keys it does not set. */
export function requestContextIndex(
  request: Request,
  resourceAccount: string | undefined,
): ContextIndex {
  const index = new Map<string, ContextValue>();
  addPrincipalKeys(index, request);
  if (resourceAccount !== undefined) index.set('aws:resourceaccount', resourceAccount);
  for (const key in request.context) {
    const value = request.context[key];
    if (value !== undefined) index.set(key.toLowerCase(), value);
  }
  return index;
}
