// Builders for engine tests: policies from JSON documents (validated as IAM would), callers from ARNs.
import { principalFromText } from '../../src/policy/arn.js';
import { evaluate } from '../../src/policy/evaluate.js';
import type {
  ContextValue,
  EvaluationInput,
  EvaluationResult,
  Policy,
  PolicyKind,
  RequestPrincipal,
} from '../../src/policy/types.js';
import { validatePolicy } from '../../src/policy/validate.js';

export function policy(document: unknown, kind: PolicyKind = 'inline', name = 'policy'): Policy {
  const result = validatePolicy(document, kind, { name });
  if (!result.ok)
    throw new Error(`test policy is invalid: ${result.error.message} at ${result.error.path}`);
  return result.policy;
}

/** A one-statement identity policy document. */
export function allow(action: string | string[], resource: string | string[] = '*', extra = {}) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
  };
}

export function deny(action: string | string[], resource: string | string[] = '*', extra = {}) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: action, Resource: resource, ...extra }],
  };
}

export function caller(text: string, roleArn?: string): RequestPrincipal {
  const parsed = principalFromText(text, roleArn);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.principal;
}

export interface Scenario extends Omit<EvaluationInput, 'request' | 'identityPolicies'> {
  principal: string | RequestPrincipal;
  action: string;
  resource: string;
  resourceAccount?: string;
  context?: Record<string, ContextValue>;
  identityPolicies?: Policy[];
}

export function decide(scenario: Scenario): EvaluationResult {
  const { principal, action, resource, resourceAccount, context, identityPolicies, ...rest } =
    scenario;
  return evaluate({
    request: {
      principal: typeof principal === 'string' ? caller(principal) : principal,
      action,
      resource,
      context: context ?? {},
      ...(resourceAccount === undefined ? {} : { resourceAccount }),
    },
    identityPolicies: identityPolicies ?? [],
    ...rest,
  });
}

export const ALICE = 'arn:aws:iam::111122223333:user/alice';
export const ACCOUNT_A = '111122223333';
export const ACCOUNT_B = '444455556666';
export const SESSION = 'arn:aws:sts::111122223333:assumed-role/app/session-1';
export const ROLE = 'arn:aws:iam::111122223333:role/app';
