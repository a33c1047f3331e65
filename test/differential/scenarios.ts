// Hand-written scenarios with the decision the AWS documentation gives for each (doc slugs are IAM
// User Guide pages). Both engines must give that decision.
import type { Decision } from '../../src/policy/types.js';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  ALICE,
  APP_ROLE,
  APP_SESSION,
  AUDIT_ROLE,
  BOB,
  BUCKET,
  FULL_AWS_ACCESS,
  OBJECT,
  ROOT_A,
  policy,
  request,
} from './builders.js';
import type { Scenario } from './translate.js';

export interface DocumentedScenario {
  name: string;
  doc: string;
  expected: Decision;
  scenario: Scenario;
}

const allowGet = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` });
const allowAssume = (role: string) =>
  policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role });
const bucketPolicy = (principal: unknown, extra: Record<string, unknown> = {}) =>
  policy({
    Effect: 'Allow',
    Principal: principal,
    Action: 's3:GetObject',
    Resource: `${BUCKET}/*`,
    ...extra,
  });
const trust = (principal: unknown, extra: Record<string, unknown> = {}) =>
  policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });
/** An Allow of s3:GetObject on the bucket under one condition. */
const allowGetIf = (condition: Record<string, unknown>) =>
  policy({
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: `${BUCKET}/*`,
    Condition: condition,
  });

const EVAL_BASICS = 'reference_policies_evaluation-logic_policy-eval-basics';
const DENY_ALLOW = 'reference_policies_evaluation-logic_policy-eval-denyallow';
const CROSS_ACCOUNT = 'reference_policies_evaluation-logic-cross-account';
const OPERATORS = 'reference_policies_elements_condition_operators';

export const DOCUMENTED_SCENARIOS: readonly DocumentedScenario[] = [
  // Within one account.
  {
    name: 'an identity policy allows within the account',
    doc: EVAL_BASICS,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, { identityPolicies: [allowGet] }),
  },
  {
    name: 'nothing allows: implicit deny',
    doc: EVAL_BASICS,
    expected: 'implicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' })],
    }),
  },
  {
    name: 'an explicit deny wins over an allow',
    doc: DENY_ALLOW,
    expected: 'explicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [allowGet, policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' })],
    }),
  },
  {
    name: 'a same-account resource policy naming the user allows on its own',
    doc: DENY_ALLOW,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      resourcePolicy: bucketPolicy({ AWS: ALICE }),
    }),
  },
  {
    name: 'a same-account resource policy naming the role allows its session without an identity allow',
    doc: DENY_ALLOW,
    expected: 'allowed',
    scenario: request(APP_SESSION, 's3:GetObject', OBJECT, {
      resourcePolicy: bucketPolicy({ AWS: APP_ROLE }),
    }),
  },
  {
    name: 'a resource policy naming the role is limited by an implicit deny in the boundary',
    doc: DENY_ALLOW,
    expected: 'implicitDeny',
    scenario: request(APP_SESSION, 's3:GetObject', OBJECT, {
      permissionsBoundary: policy({ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }),
      resourcePolicy: bucketPolicy({ AWS: APP_ROLE }),
    }),
  },
  {
    name: 'a resource policy naming the user is not limited by an implicit deny in the boundary',
    doc: DENY_ALLOW,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      permissionsBoundary: policy({ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }),
      resourcePolicy: bucketPolicy({ AWS: ALICE }),
    }),
  },
  {
    name: 'a resource policy naming the account needs an identity allow',
    doc: DENY_ALLOW,
    expected: 'implicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      resourcePolicy: bucketPolicy({ AWS: ROOT_A }),
    }),
  },
  {
    name: 'a resource policy naming the account with an identity allow',
    doc: DENY_ALLOW,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [allowGet],
      resourcePolicy: bucketPolicy({ AWS: ACCOUNT_A }),
    }),
  },
  // Across accounts.
  {
    name: 'across accounts the resource policy alone is not enough',
    doc: CROSS_ACCOUNT,
    expected: 'implicitDeny',
    scenario: request(BOB, 's3:GetObject', OBJECT, {
      resourceAccount: ACCOUNT_A,
      resourcePolicy: bucketPolicy({ AWS: BOB }),
    }),
  },
  {
    name: 'across accounts the identity policy alone is not enough',
    doc: CROSS_ACCOUNT,
    expected: 'implicitDeny',
    scenario: request(BOB, 's3:GetObject', OBJECT, {
      resourceAccount: ACCOUNT_A,
      identityPolicies: [allowGet],
    }),
  },
  {
    name: 'across accounts both sides allow',
    doc: CROSS_ACCOUNT,
    expected: 'allowed',
    scenario: request(BOB, 's3:GetObject', OBJECT, {
      resourceAccount: ACCOUNT_A,
      identityPolicies: [allowGet],
      resourcePolicy: bucketPolicy({ AWS: ACCOUNT_B }),
    }),
  },
  // Permissions boundaries, SCPs, RCPs.
  {
    name: 'a permissions boundary intersects: the action it leaves out is denied',
    doc: 'access_policies_boundaries',
    expected: 'implicitDeny',
    scenario: request(ALICE, 's3:PutObject', OBJECT, {
      identityPolicies: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
      permissionsBoundary: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    }),
  },
  {
    name: 'a permissions boundary intersects: the action both allow is allowed',
    doc: 'access_policies_boundaries',
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
      permissionsBoundary: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    }),
  },
  {
    name: 'an SCP level that does not allow the action denies it',
    doc: 'orgs_manage_policies_scps_evaluation (AWS Organizations User Guide)',
    expected: 'implicitDeny',
    scenario: request(ALICE, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT_A}:user/bob`, {
      identityPolicies: [FULL_AWS_ACCESS],
      scps: [
        [FULL_AWS_ACCESS],
        [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
        [FULL_AWS_ACCESS],
      ],
    }),
  },
  {
    name: 'every SCP level allows the action',
    doc: 'orgs_manage_policies_scps_evaluation (AWS Organizations User Guide)',
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [FULL_AWS_ACCESS],
      scps: [
        [FULL_AWS_ACCESS],
        [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
        [FULL_AWS_ACCESS],
      ],
    }),
  },
  {
    name: 'an RCP denies requests without TLS',
    doc: 'orgs_manage_policies_rcps_examples (AWS Organizations User Guide)',
    expected: 'explicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      context: { 'aws:SecureTransport': 'false' },
      identityPolicies: [allowGet],
      rcps: [
        [
          policy({
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      ],
    }),
  },
  {
    name: 'RCPFullAWSAccess at every level: an RCP Deny that does not apply leaves the allow',
    doc: 'orgs_manage_policies_rcps (AWS Organizations User Guide)',
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      context: { 'aws:SecureTransport': 'true' },
      identityPolicies: [allowGet],
      rcps: [
        [],
        [
          policy({
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      ],
    }),
  },
  // Role trust policies (id_roles_terms-and-concepts; reference_policies_elements_principal).
  {
    name: 'a trust policy naming the user is enough in the same account',
    doc: 'reference_policies_elements_principal',
    expected: 'allowed',
    scenario: request(ALICE, 'sts:AssumeRole', APP_ROLE, { resourcePolicy: trust({ AWS: ALICE }) }),
  },
  {
    name: 'a trust policy naming the account needs an identity allow',
    doc: 'reference_policies_elements_principal',
    expected: 'implicitDeny',
    scenario: request(ALICE, 'sts:AssumeRole', APP_ROLE, {
      resourcePolicy: trust({ AWS: ACCOUNT_A }),
    }),
  },
  {
    name: 'a trust policy naming the account, with an identity allow',
    doc: 'reference_policies_elements_principal',
    expected: 'allowed',
    scenario: request(ALICE, 'sts:AssumeRole', APP_ROLE, {
      identityPolicies: [allowAssume(APP_ROLE)],
      resourcePolicy: trust({ AWS: ACCOUNT_A }),
    }),
  },
  {
    name: 'a trust policy that does not name the caller denies even with an identity allow',
    doc: DENY_ALLOW,
    expected: 'implicitDeny',
    scenario: request(ALICE, 'sts:AssumeRole', APP_ROLE, {
      identityPolicies: [allowAssume('*')],
      resourcePolicy: trust({ Service: 'ec2.amazonaws.com' }),
    }),
  },
  {
    name: 'cross-account AssumeRole with the external id the trust policy requires',
    doc: 'id_roles_create_for-user_externalid',
    expected: 'allowed',
    scenario: request(ALICE, 'sts:AssumeRole', AUDIT_ROLE, {
      context: { 'sts:ExternalId': 'ext-123' },
      identityPolicies: [allowAssume(AUDIT_ROLE)],
      resourcePolicy: trust(
        { AWS: ACCOUNT_A },
        { Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } } },
      ),
    }),
  },
  {
    name: 'cross-account AssumeRole without the external id',
    doc: 'id_roles_create_for-user_externalid',
    expected: 'implicitDeny',
    scenario: request(ALICE, 'sts:AssumeRole', AUDIT_ROLE, {
      identityPolicies: [allowAssume(AUDIT_ROLE)],
      resourcePolicy: trust(
        { AWS: ACCOUNT_A },
        { Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } } },
      ),
    }),
  },
  {
    name: 'the EC2 service assumes a role that trusts it',
    doc: 'id_roles_use_switch-role-ec2',
    expected: 'allowed',
    scenario: request('ec2.amazonaws.com', 'sts:AssumeRole', APP_ROLE, {
      resourcePolicy: trust({ Service: 'ec2.amazonaws.com' }),
    }),
  },
  // Conditions.
  {
    name: 'StringEquals on aws:username',
    doc: OPERATORS,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [allowGetIf({ StringEquals: { 'aws:username': 'alice' } })],
    }),
  },
  {
    name: 'StringLike with a policy variable on s3:prefix',
    doc: 'reference_policies_variables',
    expected: 'allowed',
    scenario: request(ALICE, 's3:ListBucket', BUCKET, {
      context: { 's3:prefix': 'home/alice/photos' },
      identityPolicies: [
        policy({
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: BUCKET,
          Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } },
        }),
      ],
    }),
  },
  {
    name: 'Bool aws:MultiFactorAuthPresent "true" is false when the key is missing (long-term keys)',
    doc: 'reference_policies_condition-keys',
    expected: 'implicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [allowGetIf({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })],
    }),
  },
  {
    name: 'BoolIfExists "false" in a Deny also denies when the key is missing (long-term keys)',
    doc: 'reference_policies_condition-keys',
    expected: 'explicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [
        allowGet,
        policy({
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ],
    }),
  },
  {
    name: 'Null "true" holds when the key is missing',
    doc: OPERATORS,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [allowGetIf({ Null: { 'aws:MultiFactorAuthAge': 'true' } })],
    }),
  },
  {
    name: 'ForAllValues holds when every request value is listed',
    doc: 'reference_policies_condition-single-vs-multi-valued-context-keys',
    expected: 'allowed',
    scenario: request(ALICE, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT_A}:user/bob`, {
      context: { 'aws:TagKeys': ['team', 'env'] },
      identityPolicies: [
        policy({
          Effect: 'Allow',
          Action: 'iam:CreateUser',
          Resource: '*',
          Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env', 'cost'] } },
        }),
      ],
    }),
  },
  {
    name: 'ForAnyValue fails when no request value is listed',
    doc: 'reference_policies_condition-single-vs-multi-valued-context-keys',
    expected: 'implicitDeny',
    scenario: request(ALICE, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT_A}:user/bob`, {
      context: { 'aws:TagKeys': ['cost'] },
      identityPolicies: [
        policy({
          Effect: 'Allow',
          Action: 'iam:CreateUser',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
        }),
      ],
    }),
  },
  {
    name: 'NumericLessThan on aws:MultiFactorAuthAge',
    doc: OPERATORS,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      context: { 'aws:MultiFactorAuthAge': '300' },
      identityPolicies: [allowGetIf({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } })],
    }),
  },
  {
    name: 'DateGreaterThan on aws:CurrentTime',
    doc: OPERATORS,
    expected: 'implicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      context: { 'aws:CurrentTime': '2023-06-01T12:00:00Z' },
      identityPolicies: [
        allowGetIf({ DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } }),
      ],
    }),
  },
  {
    name: 'IpAddress with a CIDR on aws:SourceIp',
    doc: OPERATORS,
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      context: { 'aws:SourceIp': '203.0.113.7' },
      identityPolicies: [
        allowGetIf({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }),
      ],
    }),
  },
  // NotAction, NotResource, NotPrincipal, anonymous callers.
  {
    name: 'NotAction allows everything but the actions it lists',
    doc: 'reference_policies_elements_notaction',
    expected: 'implicitDeny',
    scenario: request(ALICE, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT_A}:user/bob`, {
      identityPolicies: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })],
    }),
  },
  {
    name: 'NotResource in a Deny spares only the resources it lists',
    doc: 'reference_policies_elements_notresource',
    expected: 'explicitDeny',
    scenario: request(ALICE, 's3:GetObject', 'arn:aws:s3:::secrets/key', {
      resourceAccount: ACCOUNT_A,
      identityPolicies: [
        policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
        policy({ Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] }),
      ],
    }),
  },
  {
    name: 'a Deny with NotPrincipal spares a user listed with its account',
    doc: 'reference_policies_elements_notprincipal',
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [allowGet],
      resourcePolicy: policy({
        Effect: 'Deny',
        NotPrincipal: { AWS: [ALICE, ROOT_A] },
        Action: 's3:*',
        Resource: `${BUCKET}/*`,
      }),
    }),
  },
  {
    name: 'a policy variable in Resource resolves to the caller',
    doc: 'reference_policies_variables',
    expected: 'allowed',
    scenario: request(ALICE, 's3:GetObject', 'arn:aws:s3:::reports/alice/q3.csv', {
      resourceAccount: ACCOUNT_A,
      identityPolicies: [
        policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: `${BUCKET}/\${aws:username}/*`,
        }),
      ],
    }),
  },
  {
    name: 'an anonymous caller reads a public bucket',
    doc: 'reference_policies_elements_principal',
    expected: 'allowed',
    scenario: request('anonymous', 's3:GetObject', OBJECT, { resourcePolicy: bucketPolicy('*') }),
  },
  {
    name: 'an anonymous caller is not named by an account principal',
    doc: 'reference_policies_elements_principal',
    expected: 'implicitDeny',
    scenario: request('anonymous', 's3:GetObject', OBJECT, {
      resourcePolicy: bucketPolicy({ AWS: ACCOUNT_A }),
    }),
  },
  {
    name: 'a resource-policy Deny with NotPrincipal denies a listed caller that has a boundary',
    doc: 'access_policies_boundaries',
    expected: 'explicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })],
      permissionsBoundary: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      resourcePolicy: policy({
        Effect: 'Deny',
        NotPrincipal: { AWS: [ALICE, ROOT_A] },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
      }),
    }),
  },
];
