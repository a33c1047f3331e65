// The readable explanation: the flowchart path, and what a same-account resource policy's Allow
// was worth given how it named the caller (reference_policies_evaluation-logic_policy-eval-denyallow,
// "Resource-based policies").
import { describe, expect, it } from 'vitest';
import { explanationText } from '../../src/policy/explanation-text.js';
import type { Request } from '../../src/policy/types.js';
import {
  ACCOUNT_A,
  ALICE,
  ROLE,
  SESSION,
  allow,
  caller,
  decide,
  policy,
  type Scenario,
} from './helpers.js';

const get = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q3.csv' };

function bucketNaming(principal: string) {
  return policy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: principal },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::reports/*',
        },
      ],
    },
    'resource',
  );
}

function textFor(callerArn: string, named: string, extra: Partial<Scenario> = {}) {
  const { explanation } = decide({
    principal: callerArn,
    ...get,
    resourceAccount: ACCOUNT_A,
    resourcePolicy: bucketNaming(named),
    ...extra,
  });
  const request: Request = {
    principal: caller(callerArn),
    ...get,
    resourceAccount: ACCOUNT_A,
    context: {},
  };
  return explanationText(request, explanation);
}

describe('explanationText: how the resource policy named the caller', () => {
  it('naming the user makes up for the implicit deny of its own policies', () => {
    const text = textFor(ALICE, ALICE, { permissionsBoundary: policy(allow('ec2:*'), 'managed') });
    expect(text).toContain('Decision: allowed');
    expect(text).toContain("The resource-based policy's Allow names the caller itself.");
    expect(text).toContain(
      'Within one account that Allow makes up for the implicit deny of: identity-based policies, permissions boundary.',
    );
  });

  it('naming the role leaves the boundary in force', () => {
    const text = textFor(SESSION, ROLE, { permissionsBoundary: policy(allow('ec2:*'), 'managed') });
    expect(text).toContain('Decision: implicitDeny');
    expect(text).toContain('names the role, not the session.');
    expect(text).toContain('implicit deny of: identity-based policies.');
    expect(text).toContain('still leaves the session limited by its boundary and session policies');
    expect(text).toMatch(/^> Permissions boundary: +no statement allows/m);
  });

  it('naming the account delegates to the caller policies', () => {
    const text = textFor(ALICE, ACCOUNT_A);
    expect(text).toContain('Decision: implicitDeny');
    expect(text).toContain('names only the account.');
    expect(text).toContain("delegates to the caller's own policies");
    expect(text).not.toContain('makes up for');
  });

  it('a deciding step without any policy denies by absence, and says so', () => {
    const { explanation } = decide({
      principal: ALICE,
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::111122223333:role/missing',
      resourcePolicyKind: 'trust',
    });
    const request: Request = {
      principal: caller(ALICE),
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::111122223333:role/missing',
      context: {},
    };
    expect(explanationText(request, explanation)).toMatch(
      /^> Resource-based policy: +none given, so nothing allows \(implicit deny\)$/m,
    );
    expect(explanationText(request, explanation, 'the service words')).toContain(
      'AccessDenied: the service words',
    );
  });
});
