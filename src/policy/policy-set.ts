// The verdict of one policy type: a set of policies (identity policies, a boundary, ...) or a
// stack of Organization levels (SCPs, RCPs), each level of which must allow.
import { checkStatement, type StatementRequest } from './statement.js';
import type { Policy, PolicyType, PolicyTypeResult, StatementResult } from './types.js';

export interface PolicySetResult extends PolicyTypeResult {
  /** PrincipalMatch bits of the applying Allow statements (how a resource policy named the caller). */
  allowMatch: number;
}

/** Explicit deny if any statement denies, allow if any allows, implicit deny otherwise. */
export function evaluatePolicySet(
  type: PolicyType,
  policies: readonly Policy[],
  request: StatementRequest,
): PolicySetResult {
  const denies: StatementResult[] = [];
  const allows: StatementResult[] = [];
  const relevant: StatementResult[] = [];
  let allowMatch = 0;
  for (const policy of policies) {
    for (const statement of policy.statements) {
      const outcome = checkStatement(statement, policy, request);
      if (!outcome) continue;
      relevant.push(outcome.result);
      if (!outcome.result.applies) continue;
      if (outcome.result.effect === 'Deny') {
        denies.push(outcome.result);
      } else {
        allows.push(outcome.result);
        allowMatch |= outcome.principalMatch;
      }
    }
  }
  const verdict = denies.length > 0 ? 'explicitDeny' : allows.length > 0 ? 'allow' : 'implicitDeny';
  return { type, verdict, deciding: denies.length > 0 ? denies : allows, relevant, allowMatch };
}

/**
 * Organization policies by level, root first (orgs_manage_policies_scps_evaluation): a deny at any
 * level denies, and every level must have an applying Allow.
 */
export function evaluateLevels(
  type: PolicyType,
  levels: readonly (readonly Policy[])[],
  request: StatementRequest,
): PolicySetResult {
  const results = levels.map((level) => evaluatePolicySet(type, level, request));
  const relevant = results.flatMap((r) => r.relevant);
  const denied = results.findIndex((r) => r.verdict === 'explicitDeny');
  const missing = results.findIndex((r) => r.verdict === 'implicitDeny');
  const level = denied >= 0 ? denied : missing;
  if (level >= 0) {
    const at = results[level];
    return {
      type,
      verdict: denied >= 0 ? 'explicitDeny' : 'implicitDeny',
      deciding: at?.deciding ?? [],
      relevant,
      level,
      allowMatch: 0,
    };
  }
  return {
    type,
    verdict: 'allow',
    deciding: results.flatMap((r) => r.deciding),
    relevant,
    allowMatch: 0,
  };
}

/** The result for a policy type that does not take part in this request. */
export function notApplicable(type: PolicyType): PolicySetResult {
  return { type, verdict: 'notApplicable', deciding: [], relevant: [], allowMatch: 0 };
}
