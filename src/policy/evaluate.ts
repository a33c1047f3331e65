// The decision for one request, as AWS makes it, with its reasons as data.
// Source of the logic: reference_policies_evaluation-logic_policy-eval-denyallow (the flowchart),
// reference_policies_evaluation-logic_policy-eval-basics (within one account) and
// reference_policies_evaluation-logic-cross-account (across accounts).
import { arnAccount, principalAccount } from './arn.js';
import {
  evaluateLevels,
  evaluatePolicySet,
  notApplicable,
  type CallerNaming,
} from './policy-set.js';
import { PrincipalMatch } from './principal-match.js';
import { requestContextIndex } from './principal-keys.js';
import type { StatementRequest } from './statement.js';
import type {
  CallerNamedAs,
  EvaluationInput,
  EvaluationResult,
  Explanation,
  PolicyType,
  PolicyTypeResult,
  RequestPrincipal,
  Verdict,
} from './types.js';

/** Callers that have identity-based policies of their own (not root, services or IdPs). */
function hasIdentityPolicies(principal: RequestPrincipal): boolean {
  return (
    principal.type === 'user' ||
    principal.type === 'assumed-role' ||
    principal.type === 'federated-user'
  );
}

/**
 * RCPFullAWSAccess is attached to the root, every OU and every account and cannot be detached
 * (orgs_manage_policies_rcps_evaluation), so RCPs only ever deny explicitly: a level without an
 * Allow of its own still allows through it.
 */
function rcpResult(result: PolicyTypeResult): PolicyTypeResult {
  if (result.verdict !== 'implicitDeny') return result;
  return { type: 'rcp', verdict: 'allow', deciding: [], relevant: result.relevant };
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
function sessionResult(input: EvaluationInput, request: StatementRequest): PolicyTypeResult {
  const { principal } = input.request;
  // Only sessions have session policies: "If the principal is not a session principal, the
  // enforcement code returns a final decision of Allow" at this step (policy-eval-denyallow).
  const isSession = principal.type === 'assumed-role' || principal.type === 'federated-user';
  if (input.sessionPolicies && isSession) {
    return evaluatePolicySet('session', input.sessionPolicies, request);
  }
  return principal.type === 'federated-user'
    ? { ...notApplicable('session'), verdict: 'implicitDeny' }
    : notApplicable('session');
}

/** Each policy type's result, in the order of the flowchart: these go into the explanation. */
interface Evaluated {
  rcp: PolicyTypeResult;
  scp: PolicyTypeResult;
  resource: PolicyTypeResult;
  identity: PolicyTypeResult;
  boundary: PolicyTypeResult;
  session: PolicyTypeResult;
  /** How the resource policy's applying Allow statements named the caller (PrincipalMatch bits). */
  resourceAllowMatch: number;
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
  // Evaluated first, so that how its Allows named the caller is known below.
  const naming: CallerNaming = { allowMatch: 0 };
  const resource = input.resourcePolicy
    ? evaluatePolicySet('resource', [input.resourcePolicy], statementRequest, naming)
    : notApplicable('resource');
  return {
    rcp: input.rcps
      ? rcpResult(evaluateLevels('rcp', input.rcps, statementRequest))
      : notApplicable('rcp'),
    scp:
      ownSide && input.scps
        ? evaluateLevels('scp', input.scps, statementRequest)
        : notApplicable('scp'),
    resource,
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
    resourceAllowMatch: naming.allowMatch,
    crossAccount: principalAcct !== undefined && resourceAcct !== principalAcct,
  };
}

/** The type of the first result whose verdict is `verdict`. */
function firstWith(results: readonly PolicyTypeResult[], verdict: Verdict): PolicyType | undefined {
  for (const result of results) if (result.verdict === verdict) return result.type;
  return undefined;
}

/** The strongest way the resource policy's Allow named the caller (PrincipalMatch bits). */
function namedAs(match: number): CallerNamedAs | undefined {
  if ((match & PrincipalMatch.direct) !== 0) return 'caller';
  if ((match & PrincipalMatch.wildcard) !== 0) return 'everyone';
  if ((match & PrincipalMatch.role) !== 0) return 'role';
  if ((match & PrincipalMatch.account) !== 0) return 'account';
  return undefined;
}

/** Who denied, if anyone, and which of the caller's implicit denies a resource policy outweighed. */
interface Outcome {
  decidedBy?: PolicyType;
  overridden: readonly PolicyTypeResult[];
}

const NONE_OVERRIDDEN: readonly PolicyTypeResult[] = [];
const decided = (decidedBy: PolicyType | undefined): Outcome =>
  decidedBy ? { decidedBy, overridden: NONE_OVERRIDDEN } : { overridden: NONE_OVERRIDDEN };

const denying = (results: readonly PolicyTypeResult[]) =>
  results.filter((r) => r.verdict === 'implicitDeny');

/**
 * Which policy type denies the request, if one does. Explicit denies win anywhere; then every RCP
 * and SCP level must allow; then the resource-based policy and the caller's own policies combine
 * by the same- and cross-account rules.
 */
function outcome(
  input: EvaluationInput,
  evaluated: Evaluated,
  flowchart: readonly PolicyTypeResult[],
): Outcome {
  const { identity, boundary, session, crossAccount } = evaluated;
  const explicit = firstWith(flowchart, 'explicitDeny');
  if (explicit) return decided(explicit);
  if (evaluated.scp.verdict === 'implicitDeny') return decided('scp');

  const resourceAllows = evaluated.resource.verdict === 'allow';
  const principalSideDenial = firstWith([identity, boundary, session], 'implicitDeny');
  // Anonymous callers, services and identity providers have no policies of their own.
  if (!hasPrincipalSide(input.request.principal)) {
    return decided(resourceAllows ? undefined : 'resource');
  }
  // Across accounts both sides must allow (reference_policies_evaluation-logic-cross-account).
  if (crossAccount) return decided(resourceAllows ? principalSideDenial : 'resource');

  // Within one account (policy-eval-denyallow, "Resource-based policies"): a resource policy that
  // names the user or the exact session (or everyone) allows despite implicit denies on the
  // caller's side; one that names the role is still limited by the boundary and session policies;
  // one that names the account only delegates to the caller's policies. Role trust policies and
  // KMS key policies must allow explicitly whatever the caller's policies say.
  const explicitOnly = input.resourcePolicyKind === 'trust' || input.resourcePolicyKind === 'kms';
  if (explicitOnly && !resourceAllows) return decided('resource');
  if (resourceAllows) {
    const match = evaluated.resourceAllowMatch;
    if ((match & (PrincipalMatch.wildcard | PrincipalMatch.direct)) !== 0) {
      return { overridden: denying([identity, boundary, session]) };
    }
    if ((match & PrincipalMatch.role) !== 0) {
      const decidedBy = firstWith([boundary, session], 'implicitDeny');
      const overridden = denying([identity]);
      return decidedBy ? { decidedBy, overridden } : { overridden };
    }
  }
  return decided(principalSideDenial);
}

/** Evaluates one request against every policy that applies to it. Pure and deterministic. */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const evaluated = evaluateTypes(input);
  const { rcp, scp, resource, identity, boundary, session } = evaluated;
  const policyTypes = [rcp, scp, resource, identity, boundary, session];
  const { decidedBy, overridden } = outcome(input, evaluated, policyTypes);
  const decision =
    decidedBy === undefined
      ? 'allowed'
      : evaluated[decidedBy].verdict === 'explicitDeny'
        ? 'explicitDeny'
        : 'implicitDeny';
  const explanation: Explanation = {
    decision,
    policyTypes,
    crossAccount: evaluated.crossAccount,
  };
  if (decidedBy) explanation.decidedBy = decidedBy;
  const resourcePolicyKind =
    input.resourcePolicyKind ?? (input.resourcePolicy ? 'resource' : undefined);
  if (resourcePolicyKind) explanation.resourcePolicyKind = resourcePolicyKind;
  const named = resource.verdict === 'allow' ? namedAs(evaluated.resourceAllowMatch) : undefined;
  if (named) explanation.resourcePolicyNamed = named;
  if (overridden.length > 0) explanation.overriddenDenials = overridden.map((r) => r.type);
  return { decision, explanation };
}
