// Whether one statement applies to a request, with the details an explanation shows.
import type { ContextIndex } from './context.js';
import { evaluateConditions } from './conditions.js';
import { actionMatcher, resourceMatcher, type ResourceMatcher } from './match.js';
import { notPrincipalApplies, PrincipalMatch, principalMatches } from './principal-match.js';
import type {
  ConditionEntry,
  Effect,
  PolicyVersion,
  PrincipalElement,
  RequestPrincipal,
  Statement,
  StatementResult,
} from './types.js';

export interface StatementRequest {
  principal: RequestPrincipal;
  action: string;
  resource: string;
  context: ContextIndex;
  /** Whether the caller has a permissions boundary (it changes what NotPrincipal does). */
  hasBoundary: boolean;
}

/**
 * A statement made ready for evaluation, once per policy: its Action and Resource elements as
 * matchers, and the elements a request is checked against. Validated statements differ in which
 * optional elements they have, so reading them from one object shape also keeps property access
 * on the hot path monomorphic.
 */
export interface CompiledStatement {
  index: number;
  sid: string | undefined;
  effect: Effect;
  matchesAction: (action: string) => boolean;
  matchesResource: ResourceMatcher;
  principal: PrincipalElement | undefined;
  notPrincipal: PrincipalElement | undefined;
  conditions: readonly ConditionEntry[];
}

function compileAction(statement: Statement): (action: string) => boolean {
  if (statement.action) return actionMatcher(statement.action);
  if (statement.notAction) {
    const listed = actionMatcher(statement.notAction);
    return (action) => !listed(action);
  }
  return () => false;
}

function compileResource(statement: Statement, version: PolicyVersion): ResourceMatcher {
  if (statement.resource) return resourceMatcher(statement.resource, version);
  if (statement.notResource) {
    const listed = resourceMatcher(statement.notResource, version);
    return (resource, context) => !listed(resource, context);
  }
  // Trust policies have no Resource element: the role they are attached to is the resource.
  return () => true;
}

/**
 * The resource matcher, made when first asked for: most statements are about actions a request
 * does not ask for, and a policy that is evaluated once should not pay to compile them all.
 */
function lazyResourceMatcher(statement: Statement, version: PolicyVersion): ResourceMatcher {
  let matcher: ResourceMatcher | undefined;
  return (resource, context) => {
    matcher ??= compileResource(statement, version);
    return matcher(resource, context);
  };
}

/** A statement of a policy of the given Version (which decides what its variables mean). */
export function compileStatement(statement: Statement, version: PolicyVersion): CompiledStatement {
  return {
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    matchesAction: compileAction(statement),
    matchesResource: lazyResourceMatcher(statement, version),
    principal: statement.principal,
    notPrincipal: statement.notPrincipal,
    conditions: statement.conditions,
  };
}

/** How the Principal or NotPrincipal element names the caller; undefined when it has neither. */
function principalMatch(
  statement: CompiledStatement,
  request: StatementRequest,
): number | undefined {
  if (statement.principal) return principalMatches(statement.principal, request.principal);
  if (statement.notPrincipal) {
    // access_policies_boundaries: "The NotPrincipal element with a Deny effect will always deny
    // any IAM principal that has a permissions boundary policy attached, regardless of the values
    // specified in the NotPrincipal element."
    const alwaysDenied = statement.effect === 'Deny' && request.hasBoundary;
    return alwaysDenied || notPrincipalApplies(statement.notPrincipal, request.principal)
      ? PrincipalMatch.wildcard
      : PrincipalMatch.none;
  }
  return undefined;
}

/**
 * PrincipalMatch bits of how a statement names the caller, `wildcard` for statements without a
 * principal element: what an applying Allow of a resource policy tells the evaluator.
 */
export function callerNamedBy(statement: CompiledStatement, request: StatementRequest): number {
  return principalMatch(statement, request) ?? PrincipalMatch.wildcard;
}

/**
 * Checks a statement whose action matches the request against the rest of it. Statements whose
 * action does not match are not asked: they are about something else and explanations leave them
 * out. A statement whose resource or principal does not match is kept as a near miss, because
 * "your policy names another bucket" is what a learner needs to hear; its conditions are then not
 * evaluated.
 */
export function checkStatement(
  statement: CompiledStatement,
  policyName: string,
  version: PolicyVersion,
  request: StatementRequest,
): StatementResult {
  const resourceMatched = statement.matchesResource(request.resource, request.context);
  const matched = principalMatch(statement, request);
  const inScope = resourceMatched && matched !== PrincipalMatch.none;
  const conditions = inScope
    ? evaluateConditions(statement.conditions, request.context, version)
    : undefined;
  const result: StatementResult = {
    policyName,
    index: statement.index,
    effect: statement.effect,
    actionMatched: true,
    resourceMatched,
    conditions: conditions ? conditions.results : [],
    applies: conditions ? conditions.result : false,
  };
  if (statement.sid !== undefined) result.sid = statement.sid;
  if (matched !== undefined) result.principalMatched = matched !== PrincipalMatch.none;
  return result;
}
