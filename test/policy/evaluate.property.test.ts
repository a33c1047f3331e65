// Invariants of the decision logic over generated requests and policies:
// - adding a Deny statement anywhere never turns a denial into an allow (explicit deny only adds denials);
// - adding an Allow to the identity policies never turns an allow into a denial (allows only add);
// - evaluation is deterministic and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import type {
  ConditionEntry,
  EvaluationInput,
  Policy,
  PrincipalElement,
  Statement,
} from '../../src/policy/types.js';
import { caller } from './helpers.js';

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'iam:CreateUser',
  'sts:AssumeRole',
  'ec2:RunInstances',
];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', 's3:Get*', 'iam:*User', '*', 'ec2:Run?nstances'];
const RESOURCES = [
  'arn:aws:s3:::reports/q3.csv',
  'arn:aws:s3:::reports',
  'arn:aws:iam::111122223333:user/bob',
  'arn:aws:iam::111122223333:role/app',
  'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc',
];
const RESOURCE_PATTERNS = [
  ...RESOURCES,
  '*',
  'arn:aws:s3:::reports/*',
  'arn:aws:iam::111122223333:*',
  'arn:aws:s3:::${aws:username}/*',
];
const CALLERS = [
  'arn:aws:iam::111122223333:user/alice',
  'arn:aws:sts::111122223333:assumed-role/app/s1',
  'arn:aws:iam::444455556666:user/bob',
  'arn:aws:iam::111122223333:root',
  'anonymous',
  'ec2.amazonaws.com',
];
const PRINCIPALS = [
  '111122223333',
  'arn:aws:iam::444455556666:root',
  'arn:aws:iam::111122223333:user/alice',
  'arn:aws:sts::111122223333:assumed-role/app/s1',
  'arn:aws:iam::111122223333:role/app',
];

const condition: fc.Arbitrary<ConditionEntry> = fc
  .oneof(
    fc.record({
      operator: fc.constantFrom('Bool', 'BoolIfExists'),
      key: fc.constant('aws:MultiFactorAuthPresent'),
      values: fc.constantFrom(['true'], ['false']),
    }),
    fc.record({
      operator: fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike'),
      key: fc.constant('aws:username'),
      values: fc.constantFrom(['alice'], ['b*'], ['alice', 'bob']),
    }),
    fc.record({
      operator: fc.constantFrom('IpAddress', 'NotIpAddress'),
      key: fc.constant('aws:SourceIp'),
      values: fc.constantFrom(['203.0.113.0/24'], ['10.0.0.0/8']),
    }),
    fc.record({
      operator: fc.constantFrom('ForAnyValue:StringEquals', 'ForAllValues:StringEquals'),
      key: fc.constant('aws:TagKeys'),
      values: fc.constantFrom(['team'], ['team', 'env']),
    }),
  )
  .map((entry) => ({ ...entry, values: [...entry.values] }));

function statement(withPrincipal: boolean, effect?: 'Allow' | 'Deny'): fc.Arbitrary<Statement> {
  return fc.record({
    index: fc.constant(0),
    effect: effect ? fc.constant(effect) : fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
    action: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
    resource: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
    conditions: fc.array(condition, { maxLength: 2 }),
    ...(withPrincipal
      ? {
          principal: fc.constantFrom<PrincipalElement>(
            '*',
            { AWS: ['*'] },
            ...PRINCIPALS.map((p) => ({ AWS: [p] })),
          ),
        }
      : {}),
  });
}

function policyOf(withPrincipal: boolean, name: string): fc.Arbitrary<Policy> {
  return fc.array(statement(withPrincipal), { minLength: 1, maxLength: 4 }).map((statements) => ({
    name,
    version: '2012-10-17' as const,
    statements: statements.map((s, index) => ({ ...s, index })),
  }));
}

const input: fc.Arbitrary<EvaluationInput> = fc.record(
  {
    request: fc.record({
      principal: fc.constantFrom(...CALLERS).map((c) => caller(c)),
      action: fc.constantFrom(...ACTIONS),
      resource: fc.constantFrom(...RESOURCES),
      resourceAccount: fc.constantFrom('111122223333', '444455556666'),
      context: fc.record(
        {
          'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
          'aws:SourceIp': fc.constantFrom('203.0.113.9', '10.1.2.3'),
          'aws:TagKeys': fc.subarray(['team', 'env']),
        },
        { requiredKeys: [] },
      ),
    }),
    identityPolicies: fc.array(policyOf(false, 'identity'), { maxLength: 3 }),
    permissionsBoundary: policyOf(false, 'boundary'),
    sessionPolicies: fc.array(policyOf(false, 'session'), { minLength: 1, maxLength: 1 }),
    resourcePolicy: policyOf(true, 'resource'),
    scps: fc.array(fc.array(policyOf(false, 'scp'), { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 2,
    }),
  },
  { requiredKeys: ['request', 'identityPolicies'] },
);

type Slot =
  'identityPolicies' | 'permissionsBoundary' | 'sessionPolicies' | 'resourcePolicy' | 'scps';

/** The input with one more statement in one of its policies. */
function withStatement(base: EvaluationInput, slot: Slot, added: Statement): EvaluationInput {
  const extra: Policy = { name: 'added', version: '2012-10-17', statements: [added] };
  switch (slot) {
    case 'identityPolicies':
      return { ...base, identityPolicies: [...base.identityPolicies, extra] };
    case 'sessionPolicies':
      return base.sessionPolicies
        ? { ...base, sessionPolicies: [...base.sessionPolicies, extra] }
        : base;
    case 'permissionsBoundary':
    case 'resourcePolicy': {
      const current = base[slot];
      return current
        ? { ...base, [slot]: { ...current, statements: [...current.statements, added] } }
        : base;
    }
    case 'scps':
      return base.scps ? { ...base, scps: base.scps.map((level) => [...level, extra]) } : base;
  }
}

const RUNS = { numRuns: 2000, seed: 20261130 };

describe('evaluation invariants (property-based)', () => {
  it('adding a Deny never turns a denial into an allow', () => {
    const slot = fc.constantFrom<Slot>(
      'identityPolicies',
      'permissionsBoundary',
      'sessionPolicies',
      'resourcePolicy',
      'scps',
    );
    fc.assert(
      fc.property(input, slot, statement(true, 'Deny'), (base, where, deny) => {
        const added = where === 'resourcePolicy' ? deny : { ...deny, principal: undefined };
        const before = evaluate(base).decision;
        const after = evaluate(withStatement(base, where, added)).decision;
        return before === 'allowed' || after !== 'allowed';
      }),
      RUNS,
    );
  });

  it('adding an Allow to the identity policies never turns an allow into a denial', () => {
    fc.assert(
      fc.property(input, statement(false, 'Allow'), (base, allow) => {
        const before = evaluate(base).decision;
        const after = evaluate(withStatement(base, 'identityPolicies', allow)).decision;
        return before !== 'allowed' || after === 'allowed';
      }),
      RUNS,
    );
  });

  it('an explicit deny is reported only with an applying Deny statement in the deciding policy type', () => {
    fc.assert(
      fc.property(input, (base) => {
        const { decision, explanation } = evaluate(base);
        expect(evaluate(base)).toEqual({ decision, explanation });
        if (decision !== 'explicitDeny') return;
        const decided = explanation.policyTypes.find((t) => t.type === explanation.decidedBy);
        expect(decided?.deciding.some((s) => s.effect === 'Deny' && s.applies)).toBe(true);
      }),
      RUNS,
    );
  });
});
