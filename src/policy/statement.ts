// Whether one statement applies to a request, with the details an explanation shows.
import type { ContextIndex } from './context.js';
import { evaluateConditions } from './conditions.js';
import { anyActionMatches, anyResourceMatches } from './match.js';
import { notPrincipalApplies, PrincipalMatch, principalMatches } from './principal-match.js';
import type { Policy, RequestPrincipal, Statement, StatementResult } from './types.js';

export interface StatementRequest {
  principal: RequestPrincipal;
  action: string;
  resource: string;
  context: ContextIndex;
  /** Whether the caller has a permissions boundary (it changes what NotPrincipal does). */
  hasBoundary: boolean;
}

/** A statement's result plus, for Principal elements, how the caller was named. */
export interface StatementOutcome {
  result: StatementResult;
  /** PrincipalMatch bits; `wildcard` for statements without a principal element. */
  principalMatch: number;
}

function actionMatches(statement: Statement, action: string): boolean {
  if (statement.action) return anyActionMatches(statement.action, action);
  return statement.notAction !== undefined && !anyActionMatches(statement.notAction, action);
}

function resourceMatches(statement: Statement, request: StatementRequest, policy: Policy): boolean {
  const { resource, context } = request;
  if (statement.resource) {
    return anyResourceMatches(statement.resource, resource, context, policy.version);
  }
  if (statement.notResource) {
    return !anyResourceMatches(statement.notResource, resource, context, policy.version);
  }
  // Trust policies have no Resource element: the role they are attached to is the resource.
  return true;
}

function principalMatch(statement: Statement, request: StatementRequest): number | undefined {
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
 * Checks a statement against a request. Returns undefined when its action does not match: the
 * statement is about something else and explanations leave it out. A statement whose action
 * matches but whose resource or principal does not is kept as a near miss, because "your policy
 * names another bucket" is what a learner needs to hear; its conditions are then not evaluated.
 */
export function checkStatement(
  statement: Statement,
  policy: Policy,
  request: StatementRequest,
): StatementOutcome | undefined {
  if (!actionMatches(statement, request.action)) return undefined;
  const resourceMatched = resourceMatches(statement, request, policy);
  const matched = principalMatch(statement, request);
  const inScope = resourceMatched && matched !== PrincipalMatch.none;
  const conditions = inScope
    ? evaluateConditions(statement.conditions, request.context, policy.version)
    : { result: false, results: [] };
  const result: StatementResult = {
    policyName: policy.name,
    index: statement.index,
    effect: statement.effect,
    actionMatched: true,
    resourceMatched,
    conditions: conditions.results,
    applies: inScope && conditions.result,
  };
  if (statement.sid !== undefined) result.sid = statement.sid;
  if (matched !== undefined) result.principalMatched = matched !== PrincipalMatch.none;
  return { result, principalMatch: matched ?? PrincipalMatch.wildcard };
}
