// AWS's AccessDenied message text (iam-facts.md "Error shapes"; troubleshoot_access-denied).
import { describe, expect, it } from 'vitest';
import { accessDeniedMessage } from '../../src/policy/access-denied.js';
import { ACCOUNT_A, ACCOUNT_B, ALICE, allow, caller, decide, deny, policy } from './helpers.js';

const get = {
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::reports/q3.csv',
  resourceAccount: ACCOUNT_A,
};

function message(scenario: Parameters<typeof decide>[0]): string | undefined {
  const { explanation } = decide(scenario);
  return accessDeniedMessage(
    {
      principal:
        typeof scenario.principal === 'string' ? caller(scenario.principal) : scenario.principal,
      action: scenario.action,
      resource: scenario.resource,
      context: {},
    },
    explanation,
  );
}

const prefix = `User: ${ALICE} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/q3.csv`;

describe('accessDeniedMessage', () => {
  it('is undefined for an allowed request', () => {
    expect(
      message({ principal: ALICE, ...get, identityPolicies: [policy(allow('*'))] }),
    ).toBeUndefined();
  });

  it('names the missing identity-based Allow', () => {
    expect(message({ principal: ALICE, ...get })).toBe(
      `${prefix} because no identity-based policy allows the s3:GetObject action`,
    );
  });

  it('names an explicit deny in an identity-based policy', () => {
    expect(message({ principal: ALICE, ...get, identityPolicies: [policy(deny('s3:*'))] })).toBe(
      `${prefix} with an explicit deny in an identity-based policy`,
    );
  });

  it('names the permissions boundary, session policy and SCP', () => {
    const identityPolicies = [policy(allow('*'))];
    const none = policy(allow('ec2:*'), 'managed');
    expect(message({ principal: ALICE, ...get, identityPolicies, permissionsBoundary: none })).toBe(
      `${prefix} because no permissions boundary allows the s3:GetObject action`,
    );
    expect(
      message({
        principal: ALICE,
        ...get,
        identityPolicies,
        scps: [[policy(deny('s3:*'), 'scp')]],
      }),
    ).toBe(`${prefix} with an explicit deny in a service control policy`);
  });

  it('says only that the caller is not authorized when the other account denies', () => {
    const bob = `arn:aws:iam::${ACCOUNT_B}:user/bob`;
    expect(message({ principal: bob, ...get, identityPolicies: [policy(allow('*'))] })).toBe(
      `User: ${bob} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/q3.csv`,
    );
  });

  it('uses the role trust policy wording for AssumeRole', () => {
    const role = `arn:aws:iam::${ACCOUNT_A}:role/admin`;
    const trust = policy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      'trust',
    );
    expect(
      message({
        principal: ALICE,
        action: 'sts:AssumeRole',
        resource: role,
        resourcePolicy: trust,
        resourcePolicyKind: 'trust',
        identityPolicies: [policy(allow('*'))],
      }),
    ).toBe(
      `User: ${ALICE} is not authorized to perform: sts:AssumeRole on resource: ${role} because no role trust policy allows the sts:AssumeRole action`,
    );
  });

  it('calls an unsigned caller anonymous', () => {
    expect(message({ principal: 'anonymous', ...get })).toBe(
      'User: anonymous is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/q3.csv because no resource-based policy allows the s3:GetObject action',
    );
  });
});
