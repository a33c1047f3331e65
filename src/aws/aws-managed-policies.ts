// AWS-managed policies the lessons use, with their documents as AWS publishes them
// (policy-reference pages of the AWS Managed Policy Reference Guide).

export interface AwsManagedPolicy {
  policyName: string;
  policyId: string;
  path: string;
  document: string;
}

function managed(
  name: string,
  policyId: string,
  statements: unknown[],
  path = '/',
): [string, AwsManagedPolicy] {
  const arn = `arn:aws:iam::aws:policy${path}${name}`;
  const document = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
  return [arn, { policyName: name, policyId, path, document }];
}

export const AWS_MANAGED_POLICIES: Readonly<Record<string, AwsManagedPolicy>> = Object.fromEntries([
  managed('AdministratorAccess', 'ANPAIWMBCKSKIEE64ZLYK', [
    { Effect: 'Allow', Action: '*', Resource: '*' },
  ]),
  managed('PowerUserAccess', 'ANPAJYRXTHIB4FOVS3ZXS', [
    {
      Effect: 'Allow',
      NotAction: ['iam:*', 'organizations:*', 'account:*'],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Action: [
        'account:GetAccountInformation',
        'account:GetPrimaryEmail',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
      ],
      Resource: '*',
    },
  ]),
  managed('IAMUserChangePassword', 'ANPAJ4L4MM2A7QIEB56MS', [
    {
      Effect: 'Allow',
      Action: ['iam:ChangePassword'],
      Resource: ['arn:aws:iam::*:user/${aws:username}'],
    },
    { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' },
  ]),
  managed('AmazonS3ReadOnlyAccess', 'ANPAIZTJ4DXE7G6AGAE6M', [
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
  ]),
  managed('AmazonS3FullAccess', 'ANPAIFIR6V6BVTRAHWINE', [
    { Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' },
  ]),
]);
