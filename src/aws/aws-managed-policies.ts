// AWS-managed policies the lessons use, with their default versions as AWS publishes them: the
// AWS Managed Policy Reference Guide (docs.aws.amazon.com/aws-managed-policy/latest/reference/
// <Name>.html: description, version, creation and edit time, JSON document), cross-checked with the
// zoph-io/MAMIP mirror of the policies. Policy ids are AWS's (GetPolicy output quoted in public
// code and docs). Where the reference guide gives a time only to the minute, so does this file.
// ReadOnlyAccess and ViewOnlyAccess are left out: their documents run to tens of thousands of
// characters, far beyond what a lesson needs to show, and a shortened copy would not be AWS's.

export interface AwsManagedPolicy {
  policyName: string;
  policyId: string;
  path: string;
  description: string;
  defaultVersionId: string;
  createDate: string;
  /** When the default version was published. */
  updateDate: string;
  /** The default version's document, as JSON text. */
  document: string;
}

interface Published {
  policyId: string;
  description: string;
  version: string;
  created: string;
  edited: string;
}

function managed(
  name: string,
  published: Published,
  statements: unknown[],
): [string, AwsManagedPolicy] {
  const document = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
  return [
    `arn:aws:iam::aws:policy/${name}`,
    {
      policyName: name,
      policyId: published.policyId,
      path: '/',
      description: published.description,
      defaultVersionId: published.version,
      createDate: published.created,
      updateDate: published.edited,
      document,
    },
  ];
}

export const AWS_MANAGED_POLICIES: Readonly<Record<string, AwsManagedPolicy>> = Object.fromEntries([
  managed(
    'AdministratorAccess',
    {
      policyId: 'ANPAIWMBCKSKIEE64ZLYK',
      description: 'Provides full access to AWS services and resources.',
      version: 'v1',
      created: '2015-02-06T18:39:46Z',
      edited: '2015-02-06T18:39:46Z',
    },
    [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  ),
  managed(
    'PowerUserAccess',
    {
      policyId: 'ANPAJYRXTHIB4FOVS3ZXS',
      description:
        'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
      version: 'v12',
      created: '2015-02-06T18:39:00Z',
      edited: '2026-02-12T17:59:14Z',
    },
    [
      {
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*', 'account:*'],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: [
          'account:GetAccountInformation',
          'account:GetGovCloudAccountInformation',
          'account:GetPrimaryEmail',
          'account:ListRegions',
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeEffectivePolicy',
          'organizations:DescribeOrganization',
        ],
        Resource: '*',
      },
    ],
  ),
  managed(
    'IAMUserChangePassword',
    {
      policyId: 'ANPAJ4L4MM2A7QIEB56MS',
      description: 'Provides the ability for an IAM user to change their own password.',
      version: 'v3',
      created: '2016-11-15T00:25:00Z',
      edited: '2025-05-29T21:52:00Z',
    },
    [
      {
        Effect: 'Allow',
        Action: ['iam:ChangePassword'],
        Resource: ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*/${aws:username}'],
      },
      { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' },
    ],
  ),
  managed(
    'AmazonS3ReadOnlyAccess',
    {
      policyId: 'ANPAIZTJ4DXE7G6AGAE6M',
      description: 'Provides read only access to all buckets via the AWS Management Console.',
      version: 'v3',
      created: '2015-02-06T18:40:59Z',
      edited: '2023-08-10T21:31:39Z',
    },
    [
      {
        Effect: 'Allow',
        Action: [
          's3:Get*',
          's3:List*',
          's3:Describe*',
          's3-object-lambda:Get*',
          's3-object-lambda:List*',
        ],
        Resource: '*',
      },
    ],
  ),
  managed(
    'AmazonS3FullAccess',
    {
      policyId: 'ANPAIFIR6V6BVTRAHWINE',
      description: 'Provides full access to all buckets via the AWS Management Console.',
      version: 'v2',
      created: '2015-02-06T18:40:58Z',
      edited: '2021-09-27T20:16:37Z',
    },
    [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }],
  ),
  managed(
    'AmazonDynamoDBReadOnlyAccess',
    {
      policyId: 'ANPAIY2XFNA232XJ6J7X2',
      description: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
      version: 'v15',
      created: '2015-02-06T18:40:00Z',
      edited: '2024-11-18T17:38:00Z',
    },
    [
      {
        Sid: 'GeneralReadOnlyAccess',
        Action: [
          'application-autoscaling:DescribeScalableTargets',
          'application-autoscaling:DescribeScalingActivities',
          'application-autoscaling:DescribeScalingPolicies',
          'cloudwatch:DescribeAlarmHistory',
          'cloudwatch:DescribeAlarms',
          'cloudwatch:DescribeAlarmsForMetric',
          'cloudwatch:GetMetricStatistics',
          'cloudwatch:ListMetrics',
          'cloudwatch:GetMetricData',
          'datapipeline:DescribeObjects',
          'datapipeline:DescribePipelines',
          'datapipeline:GetPipelineDefinition',
          'datapipeline:ListPipelines',
          'datapipeline:QueryObjects',
          'dynamodb:BatchGetItem',
          'dynamodb:Describe*',
          'dynamodb:List*',
          'dynamodb:GetAbacStatus',
          'dynamodb:GetItem',
          'dynamodb:GetResourcePolicy',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:PartiQLSelect',
          'dax:Describe*',
          'dax:List*',
          'dax:GetItem',
          'dax:BatchGetItem',
          'dax:Query',
          'dax:Scan',
          'ec2:DescribeVpcs',
          'ec2:DescribeSubnets',
          'ec2:DescribeSecurityGroups',
          'iam:GetRole',
          'iam:ListRoles',
          'kms:DescribeKey',
          'kms:ListAliases',
          'sns:ListSubscriptionsByTopic',
          'sns:ListTopics',
          'lambda:ListFunctions',
          'lambda:ListEventSourceMappings',
          'lambda:GetFunctionConfiguration',
          'resource-groups:ListGroups',
          'resource-groups:ListGroupResources',
          'resource-groups:GetGroup',
          'resource-groups:GetGroupQuery',
          'tag:GetResources',
          'kinesis:ListStreams',
          'kinesis:DescribeStream',
          'kinesis:DescribeStreamSummary',
        ],
        Effect: 'Allow',
        Resource: '*',
      },
      {
        Sid: 'CCIAccess',
        Action: 'cloudwatch:GetInsightRuleReport',
        Effect: 'Allow',
        Resource: 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*',
      },
    ],
  ),
]);
