// The decision logic, case by case from the AWS "Policy evaluation logic" pages:
// - denyallow: reference_policies_evaluation-logic_policy-eval-denyallow
// - basics:    reference_policies_evaluation-logic_policy-eval-basics
// - cross:     reference_policies_evaluation-logic-cross-account
// - boundaries: access_policies_boundaries; SCPs: orgs_manage_policies_scps_evaluation
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  ALICE,
  ROLE,
  SESSION,
  allow,
  decide,
  deny,
  policy,
} from './helpers.js';

const BUCKET_OBJECT = 'arn:aws:s3:::reports/q3.csv';
const get = { action: 's3:GetObject', resource: BUCKET_OBJECT, resourceAccount: ACCOUNT_A };

function bucketPolicy(principal: unknown, effect = 'Allow', extra = {}) {
  return policy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: effect,
          Principal: principal,
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::reports/*',
          ...extra,
        },
      ],
    },
    'resource',
    'bucket-policy',
  );
}

describe('denyallow: default deny, allow, explicit deny', () => {
  it('denies implicitly when no policy allows', () => {
    const { decision, explanation } = decide({ principal: ALICE, ...get });
    expect(decision).toBe('implicitDeny');
    expect(explanation.decidedBy).toBe('identity');
  });

  it('allows with an identity-based Allow', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))],
    });
    expect(result.decision).toBe('allowed');
    expect(result.explanation.decidedBy).toBeUndefined();
  });

  it('an explicit Deny overrides any Allow', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [
        policy(allow('s3:*')),
        policy(deny('s3:Get*', 'arn:aws:s3:::reports/*'), 'inline', 'no-reports'),
      ],
    });
    expect(result.decision).toBe('explicitDeny');
    const identity = result.explanation.policyTypes.find((t) => t.type === 'identity');
    expect(identity?.deciding.map((s) => [s.policyName, s.effect])).toEqual([
      ['no-reports', 'Deny'],
    ]);
  });

  it('an explicit Deny in a resource policy wins over an identity Allow', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:GetObject'))],
      resourcePolicy: bucketPolicy({ AWS: ALICE }, 'Deny'),
    });
    expect(result.decision).toBe('explicitDeny');
    expect(result.explanation.decidedBy).toBe('resource');
  });

  it('the root user is allowed by default in its own account, but an SCP can deny it', () => {
    const root = `arn:aws:iam::${ACCOUNT_A}:root`;
    expect(decide({ principal: root, ...get }).decision).toBe('allowed');
    const scps = [[policy(allow('*'), 'scp')], [policy(deny('s3:*'), 'scp')]];
    expect(decide({ principal: root, ...get, scps }).decision).toBe('explicitDeny');
  });
});

describe('basics: identity and resource policies within one account', () => {
  it('either one allowing is enough (the carlossalazar example)', () => {
    const carlos = `arn:aws:iam::${ACCOUNT_A}:user/carlossalazar`;
    const put = {
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::carlossalazar-logs/today.log',
      resourceAccount: ACCOUNT_A,
    };
    const identity = policy(allow(['s3:GetBucketLocation', 's3:ListAllMyBuckets'], '*'));
    const bucket = policy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: carlos },
            Action: 's3:*',
            Resource: 'arn:aws:s3:::carlossalazar-logs/*',
          },
        ],
      },
      'resource',
    );
    expect(
      decide({ principal: carlos, ...put, identityPolicies: [identity], resourcePolicy: bucket })
        .decision,
    ).toBe('allowed');
    expect(decide({ principal: carlos, ...put, identityPolicies: [identity] }).decision).toBe(
      'implicitDeny',
    );
  });

  it('a resource policy naming the user allows despite implicit denies in identity policies and the boundary', () => {
    const boundary = policy(allow('ec2:*'), 'managed');
    const result = decide({
      principal: ALICE,
      ...get,
      permissionsBoundary: boundary,
      resourcePolicy: bucketPolicy({ AWS: ALICE }),
    });
    expect(result.decision).toBe('allowed');
    expect(result.explanation).toMatchObject({
      resourcePolicyNamed: 'caller',
      overriddenDenials: ['identity', 'boundary'],
    });
  });

  it('a resource policy naming the exact role session allows despite a session policy implicit deny', () => {
    const result = decide({
      principal: SESSION,
      ...get,
      identityPolicies: [policy(allow('s3:*'))],
      sessionPolicies: [policy(allow('ec2:*'), 'session')],
      resourcePolicy: bucketPolicy({ AWS: SESSION }),
    });
    expect(result.decision).toBe('allowed');
    expect(result.explanation).toMatchObject({
      resourcePolicyNamed: 'caller',
      overriddenDenials: ['session'],
    });
  });

  it('a resource policy naming the role ARN is still limited by the session policy', () => {
    const result = decide({
      principal: SESSION,
      ...get,
      identityPolicies: [policy(allow('s3:*'))],
      sessionPolicies: [policy(allow('ec2:*'), 'session')],
      resourcePolicy: bucketPolicy({ AWS: ROLE }),
    });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('session');
    expect(result.explanation.resourcePolicyNamed).toBe('role');
    expect(result.explanation.overriddenDenials).toBeUndefined();
  });

  it('a resource policy naming the role ARN is limited by the boundary, not by the identity policies', () => {
    // policy-eval-denyallow: "Resource-based policies that grant permissions to an IAM role ARN are
    // limited by an implicit deny in a permissions boundary or session policy."
    const allowed = decide({
      principal: SESSION,
      ...get,
      resourcePolicy: bucketPolicy({ AWS: ROLE }),
    });
    expect(allowed.decision).toBe('allowed');
    expect(allowed.explanation).toMatchObject({
      resourcePolicyNamed: 'role',
      overriddenDenials: ['identity'],
    });
    const boundary = policy(allow('ec2:*'), 'managed');
    const limited = decide({
      principal: SESSION,
      ...get,
      permissionsBoundary: boundary,
      resourcePolicy: bucketPolicy({ AWS: ROLE }),
    });
    expect(limited.decision).toBe('implicitDeny');
    expect(limited.explanation).toMatchObject({
      decidedBy: 'boundary',
      resourcePolicyNamed: 'role',
      overriddenDenials: ['identity'],
    });
  });

  it('a resource policy naming the account delegates to identity policies', () => {
    const delegated = decide({
      principal: ALICE,
      ...get,
      resourcePolicy: bucketPolicy({ AWS: ACCOUNT_A }),
    });
    expect(delegated.decision).toBe('implicitDeny');
    expect(delegated.explanation).toMatchObject({
      decidedBy: 'identity',
      resourcePolicyNamed: 'account',
    });
    expect(delegated.explanation.overriddenDenials).toBeUndefined();
    expect(
      decide({
        principal: ALICE,
        ...get,
        resourcePolicy: bucketPolicy({ AWS: `arn:aws:iam::${ACCOUNT_A}:root` }),
        identityPolicies: [policy(allow('s3:GetObject'))],
      }).decision,
    ).toBe('allowed');
  });

  it('a public bucket policy lets anonymous callers in, and only it can', () => {
    expect(
      decide({ principal: 'anonymous', ...get, resourcePolicy: bucketPolicy('*') }).decision,
    ).toBe('allowed');
    const denied = decide({ principal: 'anonymous', ...get });
    expect(denied.decision).toBe('implicitDeny');
    expect(denied.explanation.decidedBy).toBe('resource');
  });
});

describe('access_policies_boundaries: the boundary caps identity permissions', () => {
  const identity = policy(allow('s3:*'));
  const boundary = policy(allow('s3:Get*', 'arn:aws:s3:::reports/*'), 'managed', 'boundary');

  it('allows what both allow', () => {
    expect(
      decide({
        principal: ALICE,
        ...get,
        identityPolicies: [identity],
        permissionsBoundary: boundary,
      }).decision,
    ).toBe('allowed');
  });

  it('denies what only the identity policy allows', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      action: 's3:PutObject',
      identityPolicies: [identity],
      permissionsBoundary: boundary,
    });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('boundary');
  });

  it('a boundary alone grants nothing', () => {
    const result = decide({ principal: ALICE, ...get, permissionsBoundary: boundary });
    expect(result.explanation.decidedBy).toBe('identity');
  });
});

describe('orgs_manage_policies_scps_evaluation: every level must allow', () => {
  const full = policy(allow('*'), 'scp', 'FullAWSAccess');
  const s3Only = policy(allow('s3:*'), 'scp', 's3-only');
  const ec2Only = policy(allow('ec2:*'), 'scp', 'ec2-only');
  const identityPolicies = [policy(allow('*'))];

  it('allows when each level from the root to the account allows', () => {
    expect(
      decide({ principal: ALICE, ...get, identityPolicies, scps: [[full], [s3Only], [full]] })
        .decision,
    ).toBe('allowed');
  });

  it('denies when one level has no Allow, naming that level', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies,
      scps: [[full], [ec2Only], [full]],
    });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('scp');
    expect(result.explanation.policyTypes.find((t) => t.type === 'scp')?.level).toBe(1);
  });

  it('SCPs do not apply to anonymous callers; RCPs do', () => {
    const publicBucket = bucketPolicy('*');
    expect(
      decide({ principal: 'anonymous', ...get, resourcePolicy: publicBucket, scps: [[ec2Only]] })
        .decision,
    ).toBe('allowed');
    const rcpDeny = policy(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }],
      },
      'rcp',
    );
    const result = decide({
      principal: 'anonymous',
      ...get,
      resourcePolicy: publicBucket,
      rcps: [[rcpDeny]],
    });
    expect(result.decision).toBe('explicitDeny');
    expect(result.explanation.decidedBy).toBe('rcp');
  });
});

describe('cross: both accounts must allow', () => {
  const bob = `arn:aws:iam::${ACCOUNT_B}:user/bob`;
  const identityPolicies = [policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))];

  it('allows when the resource policy trusts the other account and its identity policy allows', () => {
    const result = decide({
      principal: bob,
      ...get,
      identityPolicies,
      resourcePolicy: bucketPolicy({ AWS: ACCOUNT_B }),
    });
    expect(result.decision).toBe('allowed');
    expect(result.explanation.crossAccount).toBe(true);
  });

  it('denies without the resource policy, even with an identity Allow', () => {
    const result = decide({ principal: bob, ...get, identityPolicies });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('resource');
  });

  it('denies a resource policy naming the user directly when its own identity policy does not allow', () => {
    const result = decide({ principal: bob, ...get, resourcePolicy: bucketPolicy({ AWS: bob }) });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('identity');
  });
});

describe('role trust policies must allow explicitly (iam-facts.md: Trust policies)', () => {
  const assume = {
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${ACCOUNT_A}:role/admin`,
    resourcePolicyKind: 'trust' as const,
  };
  const trust = (principal: unknown, extra = {}) =>
    policy(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }],
      },
      'trust',
      'trust',
    );
  const canAssume = [policy(allow('sts:AssumeRole', `arn:aws:iam::${ACCOUNT_A}:role/admin`))];

  it('a trust naming the user is enough on its own in the same account', () => {
    expect(
      decide({ principal: ALICE, ...assume, resourcePolicy: trust({ AWS: ALICE }) }).decision,
    ).toBe('allowed');
  });

  it('a trust naming the account also needs the caller identity Allow', () => {
    const root = { AWS: `arn:aws:iam::${ACCOUNT_A}:root` };
    expect(
      decide({ principal: ALICE, ...assume, resourcePolicy: trust(root) }).explanation.decidedBy,
    ).toBe('identity');
    expect(
      decide({
        principal: ALICE,
        ...assume,
        resourcePolicy: trust(root),
        identityPolicies: canAssume,
      }).decision,
    ).toBe('allowed');
  });

  it('an identity Allow without the trust policy is not enough', () => {
    const result = decide({
      principal: ALICE,
      ...assume,
      resourcePolicy: trust({ Service: 'ec2.amazonaws.com' }),
      identityPolicies: canAssume,
    });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('resource');
  });

  it('a service principal assumes the role it is trusted by', () => {
    const result = decide({
      principal: 'ec2.amazonaws.com',
      ...assume,
      resourcePolicy: trust({ Service: 'ec2.amazonaws.com' }),
    });
    expect(result.decision).toBe('allowed');
  });

  it('an ExternalId condition keeps out a caller without it (confused-deputy)', () => {
    const vendor = `arn:aws:iam::${ACCOUNT_B}:root`;
    const withExternalId = trust(
      { AWS: vendor },
      { Condition: { StringEquals: { 'sts:ExternalId': 'customer-42' } } },
    );
    const vendorUser = `arn:aws:iam::${ACCOUNT_B}:user/vendor-app`;
    const scenario = {
      principal: vendorUser,
      ...assume,
      resourcePolicy: withExternalId,
      identityPolicies: canAssume,
    };
    expect(decide(scenario).decision).toBe('implicitDeny');
    expect(decide({ ...scenario, context: { 'sts:ExternalId': 'customer-42' } }).decision).toBe(
      'allowed',
    );
  });
});

describe('explanations carry the deciding statements and condition values', () => {
  it('shows a missing MFA key as missing, and the Deny that used it', () => {
    const mfaDeny = policy(
      deny('*', '*', {
        Sid: 'DenyWithoutMFA',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
      'inline',
      'require-mfa',
    );
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:*')), mfaDeny],
    });
    expect(result.decision).toBe('explicitDeny');
    const identity = result.explanation.policyTypes.find((t) => t.type === 'identity');
    expect(identity?.deciding).toHaveLength(1);
    const [statement] = identity?.deciding ?? [];
    expect(statement).toMatchObject({
      policyName: 'require-mfa',
      sid: 'DenyWithoutMFA',
      effect: 'Deny',
      applies: true,
    });
    expect(statement?.conditions).toEqual([
      {
        operator: 'BoolIfExists',
        key: 'aws:MultiFactorAuthPresent',
        values: ['false'],
        requestValue: null,
        result: true,
      },
    ]);
    const withMfa = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:*')), mfaDeny],
      context: { 'aws:MultiFactorAuthPresent': 'true' },
    });
    expect(withMfa.decision).toBe('allowed');
  });

  it('keeps near misses: a statement for another bucket is listed with the resource not matching', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:GetObject', 'arn:aws:s3:::other/*'))],
    });
    const identity = result.explanation.policyTypes.find((t) => t.type === 'identity');
    expect(identity?.relevant).toEqual([
      expect.objectContaining({ resourceMatched: false, applies: false }),
    ]);
    expect(identity?.deciding).toEqual([]);
  });

  it('lists every policy type in flowchart order', () => {
    const result = decide({ principal: ALICE, ...get });
    expect(result.explanation.policyTypes.map((t) => t.type)).toEqual([
      'rcp',
      'scp',
      'resource',
      'identity',
      'boundary',
      'session',
    ]);
    expect(
      result.explanation.policyTypes
        .filter((t) => t.verdict === 'notApplicable')
        .map((t) => t.type),
    ).toEqual(['rcp', 'scp', 'resource', 'boundary', 'session']);
  });
});

describe('principal-derived context keys', () => {
  it('${aws:username} resolves from the caller', () => {
    const home = policy(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'));
    const own = {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::home/alice/notes.txt',
      resourceAccount: ACCOUNT_A,
    };
    expect(decide({ principal: ALICE, ...own, identityPolicies: [home] }).decision).toBe('allowed');
    expect(
      decide({
        principal: ALICE,
        ...own,
        resource: 'arn:aws:s3:::home/bob/notes.txt',
        identityPolicies: [home],
      }).decision,
    ).toBe('implicitDeny');
  });

  it('aws:PrincipalArn of a role session is the role ARN', () => {
    const onlyRole = policy(
      allow('s3:GetObject', '*', { Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE } } }),
    );
    expect(decide({ principal: SESSION, ...get, identityPolicies: [onlyRole] }).decision).toBe(
      'allowed',
    );
  });

  it('a key given by the request wins over the derived one', () => {
    const tagged = policy(
      allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:username': 'mallory' } } }),
    );
    expect(
      decide({
        principal: ALICE,
        ...get,
        identityPolicies: [tagged],
        context: { 'AWS:UserName': 'mallory' },
      }).decision,
    ).toBe('allowed');
  });
});

describe('denyallow: session policies', () => {
  const carol = 'arn:aws:sts::111122223333:federated-user/carol';

  it('a federated user session without a session policy has no permissions', () => {
    const result = decide({ principal: carol, ...get, identityPolicies: [policy(allow('*'))] });
    expect(result.decision).toBe('implicitDeny');
    expect(result.explanation.decidedBy).toBe('session');
  });

  it('a federated user gets the intersection of its user policies and the session policy', () => {
    const sessionPolicies = [policy(allow('s3:GetObject'), 'session')];
    expect(
      decide({ principal: carol, ...get, identityPolicies: [policy(allow('*'))], sessionPolicies })
        .decision,
    ).toBe('allowed');
    expect(
      decide({
        principal: carol,
        ...get,
        action: 's3:PutObject',
        identityPolicies: [policy(allow('*'))],
        sessionPolicies,
      }).decision,
    ).toBe('implicitDeny');
  });

  it('a role session without a session policy keeps its role permissions', () => {
    expect(
      decide({ principal: SESSION, ...get, identityPolicies: [policy(allow('s3:*'))] }).decision,
    ).toBe('allowed');
  });
});

describe('reference_policies_elements_notprincipal and access_policies_boundaries', () => {
  const denyAllBut = policy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: [ALICE, `arn:aws:iam::${ACCOUNT_A}:root`] },
          Action: 's3:*',
          Resource: '*',
        },
        { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:GetObject', Resource: '*' },
      ],
    },
    'resource',
  );

  it('a Deny with NotPrincipal spares the listed caller', () => {
    expect(decide({ principal: ALICE, ...get, resourcePolicy: denyAllBut }).decision).toBe(
      'allowed',
    );
    expect(
      decide({
        principal: 'arn:aws:iam::111122223333:user/bob',
        ...get,
        resourcePolicy: denyAllBut,
      }).decision,
    ).toBe('explicitDeny');
  });

  it('but always denies a caller with a permissions boundary, listed or not', () => {
    const boundary = policy(allow('s3:*'), 'managed');
    const result = decide({
      principal: ALICE,
      ...get,
      resourcePolicy: denyAllBut,
      permissionsBoundary: boundary,
    });
    expect(result.decision).toBe('explicitDeny');
    expect(result.explanation.decidedBy).toBe('resource');
  });
});

describe('orgs_manage_policies_rcps_evaluation: RCPFullAWSAccess is always attached', () => {
  it('an RCP level with only a non-matching Deny still allows', () => {
    const rcp = policy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
      'rcp',
    );
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:*'))],
      rcps: [[rcp]],
      context: { 'aws:SecureTransport': 'true' },
    });
    expect(result.decision).toBe('allowed');
    expect(result.explanation.policyTypes.find((t) => t.type === 'rcp')?.verdict).toBe('allow');
  });
});

describe('reference_policies_variables: principal key values', () => {
  const denyWhen = (key: string, value: string) =>
    policy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: '*',
            Resource: '*',
            Condition: { StringEquals: { [key]: value } },
          },
        ],
      },
      'resource',
    );

  it('an anonymous caller has aws:PrincipalType Anonymous and aws:userid anonymous', () => {
    expect(
      decide({
        principal: 'anonymous',
        ...get,
        resourcePolicy: denyWhen('aws:PrincipalType', 'Anonymous'),
      }).decision,
    ).toBe('explicitDeny');
    expect(
      decide({
        principal: 'anonymous',
        ...get,
        resourcePolicy: denyWhen('aws:userid', 'anonymous'),
      }).decision,
    ).toBe('explicitDeny');
  });

  it('aws:PrincipalIsAWSService is false for IAM principals and true for services', () => {
    expect(
      decide({
        principal: ALICE,
        ...get,
        resourcePolicy: denyWhen('aws:PrincipalIsAWSService', 'false'),
      }).decision,
    ).toBe('explicitDeny');
    expect(
      decide({
        principal: 'ec2.amazonaws.com',
        ...get,
        resourcePolicy: denyWhen('aws:PrincipalIsAWSService', 'true'),
      }).decision,
    ).toBe('explicitDeny');
  });

  it('a federated user has aws:userid account:name', () => {
    const carol = 'arn:aws:sts::111122223333:federated-user/carol';
    expect(
      decide({
        principal: carol,
        ...get,
        resourcePolicy: denyWhen('aws:userid', '111122223333:carol'),
      }).decision,
    ).toBe('explicitDeny');
  });
});

describe('denyallow: session policies apply to session principals only', () => {
  it('a session policy given for an IAM user is not part of its evaluation', () => {
    const result = decide({
      principal: ALICE,
      ...get,
      identityPolicies: [policy(allow('s3:*'))],
      sessionPolicies: [policy(allow('ec2:*'), 'session')],
    });
    expect(result.decision).toBe('allowed');
    expect(result.explanation.policyTypes.find((t) => t.type === 'session')?.verdict).toBe(
      'notApplicable',
    );
  });
});
