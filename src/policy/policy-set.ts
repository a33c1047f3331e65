// The verdict of one policy type: a set of policies (identity policies, a boundary, ...) or a
// stack of Organization levels (SCPs, RCPs), each level of which must allow.
import { memoize } from './memo.js';
import {
  callerNamedBy,
  checkStatement,
  compileStatement,
  type CompiledStatement,
  type StatementRequest,
} from './statement.js';
import type {
  Policy,
  PolicyType,
  PolicyTypeResult,
  PolicyVersion,
  Statement,
  StatementResult,
} from './types.js';

/**
 * Where evaluatePolicySet reports how the applying Allow statements named the caller
 * (PrincipalMatch bits): what a resource policy's allow means depends on it.
 */
export interface CallerNaming {
  allowMatch: number;
}

/**
 * A policy made ready for evaluation: its statements compiled, and for each action the ones whose
 * Action element matches it. Most statements are about other actions, and a world has few
 * actions, so the answer is remembered per action instead of asking every statement every time.
 */
interface CompiledPolicy {
  /** What it was compiled from, to notice a policy object given other statements or a Version. */
  statements: readonly Statement[];
  version: PolicyVersion;
  statementsFor: (action: string) => readonly CompiledStatement[];
}

function compilePolicy(policy: Policy): CompiledPolicy {
  const { statements, version } = policy;
  const compiled = statements.map((statement) => compileStatement(statement, version));
  return {
    statements,
    version,
    statementsFor: memoize((action) => compiled.filter((s) => s.matchesAction(action))),
  };
}

// Keyed by the policy object: a policy that is no longer used takes its compiled form with it.
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

function compiled(policy: Policy): CompiledPolicy {
  let known = compiledPolicies.get(policy);
  if (known?.statements !== policy.statements || known.version !== policy.version) {
    known = compilePolicy(policy);
    compiledPolicies.set(policy, known);
  }
  return known;
}

/** Explicit deny if any statement denies, allow if any allows, implicit deny otherwise. */
export function evaluatePolicySet(
  type: PolicyType,
  policies: readonly Policy[],
  request: StatementRequest,
  naming?: CallerNaming,
): PolicyTypeResult {
  // Most requests meet no applying Deny, so the lists of applying statements start out absent.
  let denies: StatementResult[] | undefined;
  let allows: StatementResult[] | undefined;
  const relevant: StatementResult[] = [];
  for (const policy of policies) {
    for (const statement of compiled(policy).statementsFor(request.action)) {
      const result = checkStatement(statement, policy.name, policy.version, request);
      relevant.push(result);
      if (!result.applies) continue;
      if (result.effect === 'Deny') {
        (denies ??= []).push(result);
      } else {
        (allows ??= []).push(result);
        if (naming) naming.allowMatch |= callerNamedBy(statement, request);
      }
    }
  }
  const verdict = denies ? 'explicitDeny' : allows ? 'allow' : 'implicitDeny';
  return { type, verdict, deciding: denies ?? allows ?? [], relevant };
}

/**
 * Organization policies by level, root first (orgs_manage_policies_scps_evaluation): a deny at any
 * level denies, and every level must have an applying Allow.
 */
export function evaluateLevels(
  type: PolicyType,
  levels: readonly (readonly Policy[])[],
  request: StatementRequest,
): PolicyTypeResult {
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
    };
  }
  return {
    type,
    verdict: 'allow',
    deciding: results.flatMap((r) => r.deciding),
    relevant,
  };
}

/** The result for a policy type that does not take part in this request. */
export function notApplicable(type: PolicyType): PolicyTypeResult {
  return { type, verdict: 'notApplicable', deciding: [], relevant: [] };
}
