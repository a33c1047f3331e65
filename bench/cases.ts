// The benchmark's inputs: a typical request (three identity policies of five statements with
// conditions, a permissions boundary, a bucket policy) in a few variants that end differently, and
// a customer-managed policy of about 6 KB for the validator.
import { ACCOUNT_A, ALICE, BOB, BUCKET, policy, request } from '../test/differential/builders.js';
import type { PolicyDocument, Scenario } from '../test/differential/translate.js';

const HOME = `${BUCKET}/home/\${aws:username}/*`;

const identityPolicies: PolicyDocument[] = [
  policy(
    {
      Sid: 'ReadReports',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: `${BUCKET}/*`,
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    },
    {
      Sid: 'ListHome',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: BUCKET,
      Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'home/'] } },
    },
    {
      Sid: 'WriteHome',
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:DeleteObject'],
      Resource: HOME,
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'FromOffice',
      Effect: 'Deny',
      Action: 's3:*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
    },
    {
      Sid: 'NoBucketAdmin',
      Effect: 'Deny',
      Action: ['s3:DeleteBucket', 's3:PutBucketPolicy'],
      Resource: '*',
    },
  ),
  policy(
    {
      Sid: 'Tables',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:Query'],
      Resource: `arn:aws:dynamodb:*:${ACCOUNT_A}:table/orders`,
      Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    {
      Sid: 'Tagged',
      Effect: 'Allow',
      Action: 'iam:CreateUser',
      Resource: `arn:aws:iam::${ACCOUNT_A}:user/*`,
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost-center'] } },
    },
    {
      Sid: 'TeamOnly',
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'dev' } },
    },
    {
      Sid: 'Recent',
      Effect: 'Deny',
      Action: 'iam:*',
      Resource: '*',
      Condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } },
    },
    {
      Sid: 'Window',
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: `arn:aws:iam::${ACCOUNT_A}:role/*`,
      Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
    },
  ),
  policy(
    {
      Sid: 'NoOther',
      Effect: 'Deny',
      NotAction: ['s3:*', 'dynamodb:*', 'iam:*', 'sts:*', 'ec2:*'],
      Resource: '*',
    },
    {
      Sid: 'Regions',
      Effect: 'Deny',
      Action: 'ec2:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    },
    {
      Sid: 'PassApp',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${ACCOUNT_A}:role/app`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    },
    { Sid: 'Public', Effect: 'Allow', Action: 's3:GetObject', NotResource: `${BUCKET}/private/*` },
    {
      Sid: 'Keys',
      Effect: 'Deny',
      Action: 'iam:CreateAccessKey',
      Resource: '*',
      Condition: { Null: { 'aws:MultiFactorAuthAge': 'true' } },
    },
  ),
];

const permissionsBoundary = policy(
  {
    Effect: 'Allow',
    Action: ['s3:*', 'dynamodb:*', 'sts:AssumeRole', 'iam:CreateUser', 'iam:PassRole'],
    Resource: '*',
  },
  { Effect: 'Deny', Action: 's3:PutObject', Resource: `${BUCKET}/audit/*` },
);

const resourcePolicy = policy(
  {
    Sid: 'Partner',
    Effect: 'Allow',
    Principal: { AWS: BOB },
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: [BUCKET, `${BUCKET}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'true' } },
  },
  {
    Sid: 'TlsOnly',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [BUCKET, `${BUCKET}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  },
);

const office = {
  'aws:SecureTransport': 'true',
  'aws:SourceIp': '203.0.113.7',
  'aws:PrincipalTag/team': 'dev',
};
const withPolicies = (scenario: Scenario): Scenario => ({
  ...scenario,
  identityPolicies,
  permissionsBoundary,
  resourcePolicy,
  resourceAccount: ACCOUNT_A,
});

/** One policy set, requests that end in each decision. */
export const TYPICAL_REQUESTS: readonly Scenario[] = [
  request(ALICE, 's3:GetObject', `${BUCKET}/q3.csv`, { context: office }),
  request(ALICE, 's3:ListBucket', BUCKET, {
    context: { ...office, 's3:prefix': 'home/alice/docs' },
  }),
  request(ALICE, 's3:PutObject', `${BUCKET}/home/alice/draft.txt`, { context: office }),
  request(ALICE, 's3:PutObject', `${BUCKET}/home/alice/draft.txt`, {
    context: { ...office, 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '120' },
  }),
  request(ALICE, 's3:GetObject', `${BUCKET}/q3.csv`, {
    context: { ...office, 'aws:SourceIp': '198.51.100.9' },
  }),
  request(BOB, 's3:GetObject', `${BUCKET}/q3.csv`, { context: office }),
].map(withPolicies);

/** Statements of a customer-managed policy, as big as CreatePolicy takes (6,144 characters). */
function largeStatement(index: number): Record<string, unknown> {
  return {
    Sid: `Statement${index}`,
    Effect: index % 4 === 3 ? 'Deny' : 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', `dynamodb:Get*`, `ec2:Describe*`],
    Resource: [
      `arn:aws:s3:::bucket-${index}/*`,
      `arn:aws:dynamodb:us-east-1:${ACCOUNT_A}:table/t${index}`,
    ],
    Condition: {
      StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] },
      IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
    },
  };
}

/** About 6 KB of policy text (compact JSON, which IAM counts without whitespace). */
export const LARGE_POLICY_TEXT: string = JSON.stringify(
  policy(...Array.from({ length: 18 }, (_, i) => largeStatement(i))),
);
