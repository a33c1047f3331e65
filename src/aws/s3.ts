// Amazon S3: buckets with bucket policies and Block Public Access, and objects (S3 API
// reference; access-control-block-public-access). Bucket names are global; a bucket belongs to the
// account that created it, which its ARN does not say, so the owner travels with the bucket
// policy into authorize().
import type { Policy } from '../policy/types.js';
import { validatePolicy } from '../policy/validate.js';
import { globMatch } from '../policy/wildcard.js';
import { callerArn, principalOf, type Caller } from './caller.js';
import { AwsError } from './errors.js';
import { missingPrincipalOf } from './iam/documents.js';
import { digestOf } from './ids.js';
import { requiredText } from './input.js';
import type { Operation, Params, RequestEnvironment, ResourcePolicy } from './operation.js';
import { parsedPolicy } from './policies.js';
import { isPublicPolicy } from './s3-public-policy.js';
import { isoSeconds } from './time.js';
import type { Bucket, PublicAccessBlock, World } from './world.js';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const bucketArn = (params: Params) => `arn:aws:s3:::${requiredText(params, 'Bucket')}`;
const objectArn = (params: Params) =>
  `arn:aws:s3:::${requiredText(params, 'Bucket')}/${requiredText(params, 'Key')}`;

function existingBucket(world: World, params: Params): Bucket {
  const bucket = world.buckets[requiredText(params, 'Bucket')];
  if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist');
  return bucket;
}

/** The caller's account, if it has one (anonymous callers and services do not). */
function callerAccount(caller: Caller): string | undefined {
  const principal = principalOf(caller);
  return 'account' in principal ? principal.account : undefined;
}

/**
 * The bucket policy for authorize(). A bucket that does not exist is taken as the caller's own,
 * so that its identity policies decide and an allowed caller learns NoSuchBucket.
 */
export function bucketPolicy(
  { world, caller }: RequestEnvironment,
  params: Params,
): ResourcePolicy {
  const bucket = world.buckets[requiredText(params, 'Bucket')];
  return {
    ...(bucket?.policy === undefined ? {} : { document: bucket.policy }),
    kind: 'resource',
    account: bucket?.account ?? callerAccount(caller) ?? '',
    name: `bucket policy of ${requiredText(params, 'Bucket')}`,
  };
}

/**
 * RestrictPublicBuckets: with a public bucket policy, only the owner's account (and AWS services)
 * get in. Checked after authorization, before the operation acts.
 */
function checkRestrictPublicBuckets(caller: Caller, bucket: Bucket): void {
  if (!bucket.publicAccessBlock.RestrictPublicBuckets || bucket.policy === undefined) return;
  if (caller.kind === 'service' || callerAccount(caller) === bucket.account) return;
  const policy = parsedPolicy(bucket.policy, 'resource', 'bucket policy');
  if (policy && isPublicPolicy(policy)) throw new AwsError('AccessDenied', 'Access Denied');
}

const ALL_BLOCKED: PublicAccessBlock = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export const CreateBucket: Operation = {
  service: 's3',
  name: 'CreateBucket',
  action: 's3:CreateBucket',
  resource: (_env, params) => bucketArn(params),
  run: ({ world, caller, region }, params) => {
    const name = requiredText(params, 'Bucket');
    if (!BUCKET_NAME.test(name) || name.includes('..')) {
      throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.');
    }
    const existing = world.buckets[name];
    const account = callerAccount(caller) ?? '';
    if (existing?.account === account) {
      throw new AwsError(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
      );
    }
    if (existing) {
      throw new AwsError(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      );
    }
    world.buckets[name] = {
      name,
      account,
      region,
      creationDate: isoSeconds(world.now),
      publicAccessBlock: { ...ALL_BLOCKED },
      objects: {},
    };
    return { Location: `/${name}` };
  },
};

/**
 * The Regions where S3 gave an owner's DisplayName, and the day it stopped (API_Owner, "End of
 * support notice": from November 21, 2025 S3 returns no DisplayName; other Regions never did).
 */
const DISPLAY_NAME_REGIONS = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
]);
const DISPLAY_NAME_END = Date.UTC(2025, 10, 21);

/**
 * The Owner S3 names: the account's canonical user ID, "an obfuscated form of the AWS account ID"
 * of 64 hex digits (accounts manage-acct-identifiers), and its name where and while S3 gave one.
 */
function ownerOf(world: World, account: string, region: string) {
  const name = world.accounts[account]?.name;
  const displayed =
    name !== undefined && DISPLAY_NAME_REGIONS.has(region) && world.now < DISPLAY_NAME_END;
  return {
    ...(displayed ? { DisplayName: name } : {}),
    ID: digestOf(`canonical-user:${account}`, 64, '0123456789abcdef'),
  };
}

export const ListBuckets: Operation = {
  service: 's3',
  name: 'ListBuckets',
  action: 's3:ListAllMyBuckets',
  resource: () => '*',
  run: ({ world, caller, region }) => {
    const account = callerAccount(caller) ?? '';
    const buckets = Object.values(world.buckets)
      .filter((b) => b.account === account)
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      Buckets: buckets.map((b) => ({ Name: b.name, CreationDate: b.creationDate })),
      Owner: ownerOf(world, account, region),
    };
  },
};

export const DeleteBucket: Operation = {
  service: 's3',
  name: 'DeleteBucket',
  action: 's3:DeleteBucket',
  resource: (_env, params) => bucketArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world }, params) => {
    const bucket = existingBucket(world, params);
    if (Object.keys(bucket.objects).length > 0) {
      throw new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty');
    }
    delete world.buckets[bucket.name];
    return {};
  },
};

/** A bucket ARN, or an object ARN, with the bucket part (which may hold wildcards) apart. */
const S3_RESOURCE = /^arn:aws:s3:::([^/]*)(?:\/.*)?$/s;

/**
 * Whether a Resource of a bucket policy is within the bucket: the bucket's ARN or its objects'
 * (wildcards allowed where they still cover this bucket), or `*`.
 */
function withinBucket(bucket: string, resource: string): boolean {
  if (resource === '*') return true;
  const bucketPart = S3_RESOURCE.exec(resource)?.[1];
  return bucketPart !== undefined && globMatch(bucketPart, bucket, false);
}

/**
 * What S3 refuses in a policy IAM's grammar accepts, with S3's own MalformedPolicy messages: a
 * resource outside the bucket, and a principal that does not exist (AWS's words as the CLI prints
 * them, e.g. aws-samples/aws-serverless-appsync-app#4; knowledge-center
 * s3-invalid-principal-in-policy-error). S3 names neither the resource nor the principal.
 */
function requireBucketPolicyTargets(world: World, bucket: string, policy: Policy): void {
  const resources = policy.statements.flatMap((s) => [
    ...(s.resource ?? []),
    ...(s.notResource ?? []),
  ]);
  if (!resources.every((resource) => withinBucket(bucket, resource))) {
    throw new AwsError('MalformedPolicy', 'Policy has invalid resource');
  }
  if (missingPrincipalOf(world, policy) !== undefined) {
    throw new AwsError('MalformedPolicy', 'Invalid principal in policy');
  }
}

export const PutBucketPolicy: Operation = {
  service: 's3',
  name: 'PutBucketPolicy',
  action: 's3:PutBucketPolicy',
  resource: (_env, params) => bucketArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world, caller }, params) => {
    const bucket = existingBucket(world, params);
    const document = requiredText(params, 'Policy');
    const result = validatePolicy(document, 'resource', { name: 'bucket policy' });
    if (!result.ok) throw new AwsError('MalformedPolicy', result.error.message);
    requireBucketPolicyTargets(world, bucket.name, result.policy);
    if (bucket.publicAccessBlock.BlockPublicPolicy && isPublicPolicy(result.policy)) {
      throw new AwsError(
        'AccessDenied',
        `User: ${callerArn(caller)} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket.name}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
      );
    }
    bucket.policy = document;
    return {};
  },
};

export const GetBucketPolicy: Operation = {
  service: 's3',
  name: 'GetBucketPolicy',
  action: 's3:GetBucketPolicy',
  resource: (_env, params) => bucketArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world }, params) => {
    const bucket = existingBucket(world, params);
    if (bucket.policy === undefined) {
      throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist');
    }
    return { Policy: bucket.policy };
  },
};

export const DeleteBucketPolicy: Operation = {
  service: 's3',
  name: 'DeleteBucketPolicy',
  action: 's3:DeleteBucketPolicy',
  resource: (_env, params) => bucketArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world }, params) => {
    delete existingBucket(world, params).policy;
    return {};
  },
};

export const PutPublicAccessBlock: Operation = {
  service: 's3',
  name: 'PutPublicAccessBlock',
  action: 's3:PutBucketPublicAccessBlock',
  resource: (_env, params) => bucketArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world }, params) => {
    const bucket = existingBucket(world, params);
    const given = (params.PublicAccessBlockConfiguration ?? {}) as Partial<PublicAccessBlock>;
    // Settings left out of the configuration are turned off, as S3 replaces the whole block.
    bucket.publicAccessBlock = {
      BlockPublicAcls: given.BlockPublicAcls === true,
      IgnorePublicAcls: given.IgnorePublicAcls === true,
      BlockPublicPolicy: given.BlockPublicPolicy === true,
      RestrictPublicBuckets: given.RestrictPublicBuckets === true,
    };
    return {};
  },
};

/**
 * How every object is stored without a request for more: since January 5, 2023 S3 encrypts new
 * objects with SSE-S3 and says so in the x-amz-server-side-encryption header of PutObject and
 * GetObject, which the CLI prints as ServerSideEncryption (userguide default-encryption-faq).
 */
const DEFAULT_ENCRYPTION = 'AES256';

/** A stable ETag from the body (S3's is the MD5; any stable digest serves the simulation). */
function etagOf(body: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193);
  return `"${(hash >>> 0).toString(16).padStart(8, '0').repeat(4)}"`;
}

export const PutObject: Operation = {
  service: 's3',
  name: 'PutObject',
  action: 's3:PutObject',
  resource: (_env, params) => objectArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world, caller }, params) => {
    const bucket = existingBucket(world, params);
    checkRestrictPublicBuckets(caller, bucket);
    const body = requiredText(params, 'Body');
    const etag = etagOf(body);
    bucket.objects[requiredText(params, 'Key')] = {
      body,
      lastModified: isoSeconds(world.now),
      etag,
    };
    return { ETag: etag, ServerSideEncryption: DEFAULT_ENCRYPTION };
  },
};

export const GetObject: Operation = {
  service: 's3',
  name: 'GetObject',
  action: 's3:GetObject',
  resource: (_env, params) => objectArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world, caller }, params) => {
    const bucket = existingBucket(world, params);
    checkRestrictPublicBuckets(caller, bucket);
    const object = bucket.objects[requiredText(params, 'Key')];
    if (!object) throw new AwsError('NoSuchKey', 'The specified key does not exist.');
    return {
      AcceptRanges: 'bytes',
      LastModified: object.lastModified,
      ContentLength: object.body.length,
      ETag: object.etag,
      ContentType: 'binary/octet-stream',
      ServerSideEncryption: DEFAULT_ENCRYPTION,
      Metadata: {},
      Body: object.body,
    };
  },
};

export const DeleteObject: Operation = {
  service: 's3',
  name: 'DeleteObject',
  action: 's3:DeleteObject',
  resource: (_env, params) => objectArn(params),
  resourcePolicy: bucketPolicy,
  run: ({ world, caller }, params) => {
    const bucket = existingBucket(world, params);
    checkRestrictPublicBuckets(caller, bucket);
    // S3 answers a delete of a missing key with success too.
    delete bucket.objects[requiredText(params, 'Key')];
    return {};
  },
};

export const ListObjectsV2: Operation = {
  service: 's3',
  name: 'ListObjectsV2',
  action: 's3:ListBucket',
  resource: (_env, params) => bucketArn(params),
  resourcePolicy: bucketPolicy,
  context: (_env, params) => ({ 's3:prefix': requiredText(params, 'Prefix') }),
  run: ({ world, caller }, params) => {
    const bucket = existingBucket(world, params);
    checkRestrictPublicBuckets(caller, bucket);
    const prefix = requiredText(params, 'Prefix');
    const keys = Object.keys(bucket.objects)
      .filter((key) => key.startsWith(prefix))
      .sort();
    return {
      IsTruncated: false,
      ...(keys.length > 0
        ? {
            Contents: keys.map((key) => {
              const object = bucket.objects[key];
              return {
                Key: key,
                LastModified: object?.lastModified,
                ETag: object?.etag,
                Size: object?.body.length ?? 0,
                StorageClass: 'STANDARD',
              };
            }),
          }
        : {}),
      Name: bucket.name,
      Prefix: prefix,
      MaxKeys: 1000,
      KeyCount: keys.length,
    };
  },
};

export const S3_OPERATIONS: readonly Operation[] = [
  CreateBucket,
  ListBuckets,
  DeleteBucket,
  PutBucketPolicy,
  GetBucketPolicy,
  DeleteBucketPolicy,
  PutPublicAccessBlock,
  PutObject,
  GetObject,
  DeleteObject,
  ListObjectsV2,
];
