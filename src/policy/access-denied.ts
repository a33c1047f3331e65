// AWS's AccessDenied message, generated from an explanation (iam-facts.md, "Error shapes";
// troubleshoot_access-denied, "Access denied error messages").
import { principalLabel } from './arn.js';
import type { Explanation, PolicyType, Request } from './types.js';

/** How the messages name each policy type, with the article the explicit-deny form uses. */
const POLICY_TYPE_WORDS: Record<PolicyType, { name: string; article: string }> = {
  rcp: { name: 'resource control policy', article: 'a' },
  scp: { name: 'service control policy', article: 'a' },
  resource: { name: 'resource-based policy', article: 'a' },
  identity: { name: 'identity-based policy', article: 'an' },
  boundary: { name: 'permissions boundary', article: 'a' },
  session: { name: 'session policy', article: 'a' },
};

function words(type: PolicyType, explanation: Explanation): { name: string; article: string } {
  return type === 'resource' && explanation.resourcePolicyKind === 'trust'
    ? { name: 'role trust policy', article: 'the' }
    : POLICY_TYPE_WORDS[type];
}

/**
 * The message of a denied request, or undefined when it was allowed. AWS names the policy type
 * only when the caller may see it: within one account, or when the denial comes from the caller's
 * own side (its identity policies, boundary, session policies or SCPs).
 */
export function accessDeniedMessage(
  request: Request,
  explanation: Explanation,
): string | undefined {
  const { decision, decidedBy } = explanation;
  if (decision === 'allowed' || decidedBy === undefined) return undefined;
  // Actions without a resource are reported without one (troubleshoot_access-denied examples).
  const on = request.resource === '*' ? '' : ` on resource: ${request.resource}`;
  const base = `User: ${principalLabel(request.principal)} is not authorized to perform: ${request.action}${on}`;
  const callerSide = decidedBy !== 'resource' && decidedBy !== 'rcp';
  if (explanation.crossAccount && !callerSide) return base;
  const { name, article } = words(decidedBy, explanation);
  return decision === 'explicitDeny'
    ? `${base} with an explicit deny in ${article} ${name}`
    : `${base} because no ${name} allows the ${request.action} action`;
}
