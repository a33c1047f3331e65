// Matching a statement's Principal / NotPrincipal element against the caller
// (reference_policies_elements_principal, reference_policies_elements_notprincipal).
import type { PrincipalElement, RequestPrincipal } from './types.js';

/**
 * How a principal value named the caller, as a bit set. The kind matters beyond yes/no: a
 * same-account resource policy that names the user or session itself allows on its own, while one
 * that names the role or the account only delegates to the caller's identity policies
 * (reference_policies_evaluation-logic_policy-eval-denyallow).
 */
export const PrincipalMatch = {
  none: 0,
  /** `"*"` or `{"AWS": "*"}`: everyone, anonymous callers included. */
  wildcard: 1,
  /** The user, the exact role session, the federated user, the service or the identity provider. */
  direct: 2,
  /** The role whose session is calling. */
  role: 4,
  /** The caller's account (`"123456789012"` or `arn:aws:iam::123456789012:root`). */
  account: 8,
} as const;

const ACCOUNT_ID = /^\d{12}$/;

function matchAwsValue(value: string, principal: RequestPrincipal): number {
  if (value === '*') return PrincipalMatch.wildcard;
  if (!('account' in principal)) return PrincipalMatch.none;
  if (ACCOUNT_ID.test(value)) {
    return value === principal.account ? PrincipalMatch.account : PrincipalMatch.none;
  }
  if (value.endsWith(':root')) {
    return value.split(':')[4] === principal.account && value.startsWith('arn:')
      ? PrincipalMatch.account
      : PrincipalMatch.none;
  }
  if (value === principal.arn) return PrincipalMatch.direct;
  if (principal.type === 'assumed-role' && value === principal.roleArn) return PrincipalMatch.role;
  return PrincipalMatch.none;
}

/** The bit set of ways in which the element names the caller (PrincipalMatch.none if it does not). */
export function principalMatches(element: PrincipalElement, principal: RequestPrincipal): number {
  if (element === '*') return PrincipalMatch.wildcard;
  let matched: number = PrincipalMatch.none;
  for (const value of element.AWS ?? []) matched |= matchAwsValue(value, principal);
  if (principal.type === 'service' && element.Service?.includes(principal.service)) {
    matched |= PrincipalMatch.direct;
  }
  if (principal.type === 'federated' && element.Federated?.includes(principal.provider)) {
    matched |= PrincipalMatch.direct;
  }
  // CanonicalUser values name S3 canonical user ids, which no simulated caller carries.
  return matched;
}

/**
 * The identities AWS checks a caller as, for NotPrincipal: a user is also its account; a role
 * session is also its role and its account. A caller escapes a NotPrincipal statement only when
 * every one of its identities is listed (the NotPrincipal page's advice to list all of them).
 */
function identityLevels(principal: RequestPrincipal): number {
  switch (principal.type) {
    case 'anonymous':
      return PrincipalMatch.direct;
    case 'root':
      return PrincipalMatch.account;
    case 'assumed-role':
      return PrincipalMatch.direct | PrincipalMatch.role | PrincipalMatch.account;
    case 'user':
    case 'federated-user':
      return PrincipalMatch.direct | PrincipalMatch.account;
    case 'service':
    case 'federated':
      return PrincipalMatch.direct;
  }
}

/** Whether a NotPrincipal element leaves the caller in scope of its statement. */
export function notPrincipalApplies(
  element: PrincipalElement,
  principal: RequestPrincipal,
): boolean {
  const matched = principalMatches(element, principal);
  if (matched & PrincipalMatch.wildcard) return false;
  const levels = identityLevels(principal);
  return (matched & levels) !== levels;
}
