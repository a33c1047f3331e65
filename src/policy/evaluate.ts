// The decision for one request, as AWS makes it, with its reasons as data.
// Source of the logic: reference_policies_evaluation-logic_policy-eval-denyallow (the flowchart),
// reference_policies_evaluation-logic_policy-eval-basics (within one account) and
// reference_policies_evaluation-logic-cross-account (across accounts).
import { arnAccount, principalAccount } from './arn.js';
import {
  evaluateLevels,
  evaluatePolicySet,
  notApplicable,
  type PolicySetResult,
} from './policy-set.js';
import { PrincipalMatch } from './principal-match.js';
import { requestContextIndex } from './principal-keys.js';
import type { StatementRequest } from './statement.js';
import type {
  EvaluationInput,
  EvaluationResult,
  Explanation,
  PolicyType,
  RequestPrincipal,
} from './types.js';

/** Callers that have identity-based policies of their own (not root, services or IdPs). */
function hasIdentityPolicies(principal: RequestPrincipal): boolean {
  return (
    principal.type === 'user' ||
    principal.type === 'assumed-role' ||
    principal.type === 'federated-user'
  );
}

/** Callers evaluated against their own side's policies at all (SCPs, identity, ...). */
function hasPrincipalSide(principal: RequestPrincipal): boolean {
  return hasIdentityPolicies(principal) || principal.type === 'root';
}

/**
 * Session policies narrow role and federated-user sessions. A federated user (GetFederationToken)
 * without one has no permissions at all, while a role session without one keeps its role's
 * (policy-eval-denyallow, "Session policies").
 */
function sessionResult(input: EvaluationInput, request: StatementRequest): PolicySetResult {
  const { principal } = input.request;
  if (input.sessionPolicies && hasIdentityPolicies(principal)) {
    return evaluatePolicySet('session', input.sessionPolicies, request);
  }
  return principal.type === 'federated-user'
    ? { ...notApplicable('session'), verdict: 'implicitDeny' }
    : notApplicable('session');
}

interface Evaluated {
  byType: Record<PolicyType, PolicySetResult>;
  crossAccount: boolean;
}

function evaluateTypes(input: EvaluationInput): Evaluated {
  const { request } = input;
  const { principal } = request;
  const principalAcct = principalAccount(principal);
  const resourceAcct = request.resourceAccount ?? arnAccount(request.resource) ?? principalAcct;
  const statementRequest: StatementRequest = {
    principal,
    action: request.action,
    resource: request.resource,
    context: requestContextIndex(request, resourceAcct),
    hasBoundary: input.permissionsBoundary !== undefined && hasIdentityPolicies(principal),
  };
  const ownSide = hasPrincipalSide(principal);
  const withIdentity = hasIdentityPolicies(principal);
  const byType: Record<PolicyType, PolicySetResult> = {
    rcp: input.rcps ? evaluateLevels('rcp', input.rcps, statementRequest) : notApplicable('rcp'),
    scp:
      ownSide && input.scps
        ? evaluateLevels('scp', input.scps, statementRequest)
        : notApplicable('scp'),
    resource: input.resourcePolicy
      ? evaluatePolicySet('resource', [input.resourcePolicy], statementRequest)
      : notApplicable('resource'),
    identity: withIdentity
      ? evaluatePolicySet('identity', input.identityPolicies, statementRequest)
      : principal.type === 'root'
        ? // The root user has full access by default; no identity policy applies to it.
          { ...notApplicable('identity'), verdict: 'allow' }
        : notApplicable('identity'),
    boundary:
      withIdentity && input.permissionsBoundary
        ? evaluatePolicySet('boundary', [input.permissionsBoundary], statementRequest)
        : notApplicable('boundary'),
    session: sessionResult(input, statementRequest),
  };
  const crossAccount = principalAcct !== undefined && resourceAcct !== principalAcct;
  return { byType, crossAccount };
}

const FLOWCHART: readonly PolicyType[] = [
  'rcp',
  'scp',
  'resource',
  'identity',
  'boundary',
  'session',
];
const PRINCIPAL_SIDE: readonly PolicyType[] = ['identity', 'boundary', 'session'];
const SESSION_LIMITS: readonly PolicyType[] = ['boundary', 'session'];

/**
 * Which policy type denies the request, or undefined when it is allowed. Explicit denies win
 * anywhere; then every RCP and SCP level must allow; then the resource-based policy and the
 * caller's own policies combine by the same- and cross-account rules.
 */
function decidingType(input: EvaluationInput, evaluated: Evaluated): PolicyType | undefined {
  const { byType, crossAccount } = evaluated;
  const explicit = FLOWCHART.find((type) => byType[type].verdict === 'explicitDeny');
  if (explicit) return explicit;
  if (byType.rcp.verdict === 'implicitDeny') return 'rcp';
  if (byType.scp.verdict === 'implicitDeny') return 'scp';

  const resource = byType.resource;
  const resourceAllows = resource.verdict === 'allow';
  const principalSideDenial = PRINCIPAL_SIDE.find(
    (type) => byType[type].verdict === 'implicitDeny',
  );
  // Anonymous callers, services and identity providers have no policies of their own.
  if (!hasPrincipalSide(input.request.principal)) return resourceAllows ? undefined : 'resource';
  // Across accounts both sides must allow (reference_policies_evaluation-logic-cross-account).
  if (crossAccount) return resourceAllows ? principalSideDenial : 'resource';

  // Within one account (policy-eval-denyallow, "Resource-based policies"): a resource policy that
  // names the user or the exact session (or everyone) allows despite implicit denies on the
  // caller's side; one that names the role is still limited by the boundary and session policies;
  // one that names the account only delegates to the caller's policies. Role trust policies and
  // KMS key policies must allow explicitly whatever the caller's policies say.
  const explicitOnly = input.resourcePolicyKind === 'trust' || input.resourcePolicyKind === 'kms';
  if (explicitOnly && !resourceAllows) return 'resource';
  if (resourceAllows) {
    const match = resource.allowMatch;
    if ((match & (PrincipalMatch.wildcard | PrincipalMatch.direct)) !== 0) return undefined;
    if ((match & PrincipalMatch.role) !== 0) {
      return SESSION_LIMITS.find((type) => byType[type].verdict === 'implicitDeny');
    }
  }
  return principalSideDenial;
}

/** Evaluates one request against every policy that applies to it. Pure and deterministic. */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const evaluated = evaluateTypes(input);
  const decidedBy = decidingType(input, evaluated);
  const decision =
    decidedBy === undefined
      ? 'allowed'
      : evaluated.byType[decidedBy].verdict === 'explicitDeny'
        ? 'explicitDeny'
        : 'implicitDeny';
  const explanation: Explanation = {
    decision,
    policyTypes: FLOWCHART.map((type) => {
      const { verdict, deciding, relevant, level } = evaluated.byType[type];
      return level === undefined
        ? { type, verdict, deciding, relevant }
        : { type, verdict, deciding, relevant, level };
    }),
    crossAccount: evaluated.crossAccount,
  };
  if (decidedBy) explanation.decidedBy = decidedBy;
  const resourcePolicyKind =
    input.resourcePolicyKind ?? (input.resourcePolicy ? 'resource' : undefined);
  if (resourcePolicyKind) explanation.resourcePolicyKind = resourcePolicyKind;
  return { decision, explanation };
}
