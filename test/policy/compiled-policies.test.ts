// The evaluator reads each policy once and remembers, per action, which statements concern it
// (policy-set.ts, statement.ts), and derives the caller's global keys only when a policy asks
// (principal-keys.ts). These tests hold that what is remembered never changes an answer: a policy
// object asked many times answers as a fresh copy of it would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/policy/evaluate.js';
import type { EvaluationInput, Policy } from '../../src/policy/types.js';
import { ACCOUNT_A, ALICE, allow, caller, decide, deny, policy } from './helpers.js';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'iam:CreateUser', 'ec2:Run'];
const RESOURCES = [
  'arn:aws:s3:::reports/q3.csv',
  'arn:aws:s3:::home/alice/notes.txt',
  'arn:aws:s3:::home/bob/notes.txt',
  'arn:aws:iam::111122223333:user/bob',
];

const shared: Policy[] = [
  policy({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' },
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
      { Effect: 'Deny', NotAction: ['s3:*', 'iam:*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:CreateUser',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ],
  }),
  policy(deny('s3:PutObject', 'arn:aws:s3:::reports/*')),
];

function input(
  policies: Policy[],
  action: string,
  resource: string,
  mfa: boolean,
): EvaluationInput {
  const context: Record<string, string> = mfa ? { 'aws:MultiFactorAuthPresent': 'true' } : {};
  return {
    request: {
      principal: caller(ALICE),
      action,
      resource,
      resourceAccount: ACCOUNT_A,
      context,
    },
    identityPolicies: policies,
  };
}

describe('policies read once and remembered', () => {
  it('a policy object asked again and again answers as a fresh copy of it does', () => {
    const request = fc.tuple(
      fc.constantFrom(...ACTIONS),
      fc.constantFrom(...RESOURCES),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 20 }), (requests) => {
        for (const [action, resource, mfa] of requests) {
          const remembered = evaluate(input(shared, action, resource, mfa));
          const fresh = evaluate(input(structuredClone(shared), action, resource, mfa));
          expect(remembered).toEqual(fresh);
        }
      }),
    );
  });

  it('a policy object given other statements is read again', () => {
    const changing = policy(allow('s3:GetObject'));
    const get = { principal: ALICE, action: 's3:GetObject', resource: '*' };
    expect(decide({ ...get, identityPolicies: [changing] }).decision).toBe('allowed');
    changing.statements = policy(deny('s3:GetObject')).statements;
    expect(decide({ ...get, identityPolicies: [changing] }).decision).toBe('explicitDeny');
  });

  it('statements shared by policies of both Versions keep each Version’s meaning of variables', () => {
    // reference_policies_variables: with 2008-10-17, "${aws:username}" is literal text.
    const home = policy(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'));
    const legacy: Policy = { ...home, version: '2008-10-17' };
    const ask = (p: Policy, resource: string) =>
      decide({ principal: ALICE, action: 's3:GetObject', resource, identityPolicies: [p] })
        .decision;
    expect(ask(home, 'arn:aws:s3:::home/alice/a')).toBe('allowed');
    expect(ask(legacy, 'arn:aws:s3:::home/alice/a')).toBe('implicitDeny');
    expect(ask(legacy, 'arn:aws:s3:::home/${aws:username}/a')).toBe('allowed');
    // And the 2012-10-17 policy still substitutes after its statements were read as 2008-10-17.
    expect(ask(home, 'arn:aws:s3:::home/alice/a')).toBe('allowed');
  });
});

describe('global keys derived from the caller (reference_policies_condition-keys)', () => {
  // Each caller's derived keys, as a policy condition reads them; absent keys match Null true.
  // Only keys whose values are settled for these callers are listed.
  const cases: [string, Record<string, string | null>][] = [
    [
      ALICE,
      {
        'aws:PrincipalArn': ALICE,
        'aws:PrincipalAccount': ACCOUNT_A,
        'aws:PrincipalType': 'User',
        'aws:username': 'alice',
        'aws:ResourceAccount': ACCOUNT_A,
      },
    ],
    [
      'arn:aws:sts::111122223333:assumed-role/app/s1',
      {
        'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app',
        'aws:PrincipalType': 'AssumedRole',
        'aws:username': null,
      },
    ],
    [
      'arn:aws:iam::111122223333:root',
      { 'aws:PrincipalType': 'Account', 'aws:userid': ACCOUNT_A, 'aws:username': null },
    ],
    [
      'arn:aws:sts::111122223333:federated-user/carol',
      { 'aws:PrincipalType': 'FederatedUser', 'aws:username': null },
    ],
    [
      'ec2.amazonaws.com',
      { 'aws:PrincipalServiceName': 'ec2.amazonaws.com', 'aws:PrincipalArn': null },
    ],
    ['anonymous', { 'aws:PrincipalArn': null, 'aws:username': null }],
  ];

  it.each(cases)('%s', (principal, keys) => {
    for (const [key, value] of Object.entries(keys)) {
      const condition =
        value === null ? { Null: { [key]: 'true' } } : { StringEquals: { [key]: value } };
      const bucket = policy(
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: condition,
            },
          ],
        },
        'resource',
      );
      const result = decide({
        principal,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::reports/q3.csv',
        resourceAccount: ACCOUNT_A,
        resourcePolicy: bucket,
      });
      const applied = result.explanation.policyTypes.find((t) => t.type === 'resource')?.verdict;
      expect({ key, applied }).toEqual({ key, applied: 'allow' });
    }
  });
});
