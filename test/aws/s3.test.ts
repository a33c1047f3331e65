// S3 through callApi: buckets, bucket policies, Block Public Access, objects, and S3's own denial
// messages (S3 API reference; access-control-block-public-access; iam-facts.md "Error shapes").
import { describe, expect, it } from 'vitest';
import {
  CreateBucket,
  DeleteBucket,
  GetBucketPolicy,
  GetObject,
  ListBuckets,
  ListObjectsV2,
  PutBucketPolicy,
  PutObject,
  PutPublicAccessBlock,
} from '../../src/aws/s3.js';
import { callApi } from '../../src/aws/api.js';
import { ACCOUNT, ALICE_KEY, OTHER_ACCOUNT, allowing, call, ok, user, world } from './builders.js';
import type { Credentials } from '../../src/aws/caller.js';
import type { World } from '../../src/aws/world.js';

const BOB_KEY: Credentials = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };

/** alice may do anything in S3; bob lives in the other account with his own policies. */
function s3World(bobPolicies: Record<string, unknown> = {}): World {
  const w = world([], { s3: allowing('s3:*') });
  const bob = user('bob', bobPolicies, OTHER_ACCOUNT);
  bob.accessKeys = [{ ...BOB_KEY, status: 'Active', createDate: '2026-11-30T09:00:00Z' }];
  const other = w.accounts[OTHER_ACCOUNT];
  if (other) other.iam.users.bob = bob;
  ok(call(w, CreateBucket, { Bucket: 'reports' }));
  ok(call(w, PutObject, { Bucket: 'reports', Key: 'q3.csv', Body: 'region,total\n' }));
  return w;
}

const readReports = (principal: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::reports/*',
      },
    ],
  });

describe('buckets', () => {
  // API_Owner: the ID is the account's canonical user ID (accounts manage-acct-identifiers: 64 hex
  // digits, an obfuscated form of the account ID); DisplayName came only from eight Regions, and S3
  // stopped returning it on November 21, 2025 ("End of support notice").
  it("names the owner by the account's canonical user ID, with a DisplayName only before its end", () => {
    const w = s3World({ list: allowing('s3:ListAllMyBuckets') });
    const list = (region: string) =>
      ok(
        callApi(w, {
          caller: ALICE_KEY,
          operation: ListBuckets,
          params: {},
          region,
          sourceIp: '203.0.113.7',
        }),
      ).Owner as Record<string, string>;
    const { ID } = list('us-east-1');
    expect(list('us-east-1')).toEqual({ ID });
    expect(ok(call(w, ListBuckets, {}, BOB_KEY)).Owner).not.toEqual({ ID });
    w.now = Date.UTC(2025, 6, 1);
    expect(list('us-east-1')).toEqual({ DisplayName: 'dev', ID });
    expect(list('eu-central-1')).toEqual({ ID });
  });

  it('creates, lists and refuses duplicate or invalid names with S3 errors', () => {
    const w = s3World();
    expect(ok(call(w, ListBuckets, {}))).toEqual({
      Buckets: [{ Name: 'reports', CreationDate: '2026-11-30T10:00:00Z' }],
      Owner: { ID: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
    });
    expect(call(w, CreateBucket, { Bucket: 'reports' })).toMatchObject({
      ok: false,
      error: { code: 'BucketAlreadyOwnedByYou', status: 409 },
    });
    expect(call(w, CreateBucket, { Bucket: 'Bad_Name' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidBucketName', message: 'The specified bucket is not valid.' },
    });
    expect(call(w, DeleteBucket, { Bucket: 'reports' })).toMatchObject({
      ok: false,
      error: { code: 'BucketNotEmpty' },
    });
    expect(call(w, GetObject, { Bucket: 'nope', Key: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NoSuchBucket', status: 404 },
    });
  });

  // userguide default-encryption-faq: since January 5, 2023 every new object is stored with SSE-S3,
  // and PutObject and GetObject say so (x-amz-server-side-encryption: AES256).
  it('objects are encrypted with SSE-S3 by default, and the responses say so', () => {
    const w = s3World();
    const put = ok(call(w, PutObject, { Bucket: 'reports', Key: 'q4.csv', Body: 'x' }));
    expect(put.ServerSideEncryption).toBe('AES256');
    const got = ok(call(w, GetObject, { Bucket: 'reports', Key: 'q4.csv' }));
    expect(got.ServerSideEncryption).toBe('AES256');
  });

  it('new buckets block public policies (BlockPublicPolicy is on by default)', () => {
    const w = s3World();
    const result = call(w, PutBucketPolicy, { Bucket: 'reports', Policy: readReports('*') });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::reports" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
      },
    });
    expect(call(w, GetBucketPolicy, { Bucket: 'reports' })).toMatchObject({
      ok: false,
      error: { code: 'NoSuchBucketPolicy' },
    });
  });

  it('a policy that names an account is not public and is accepted; malformed ones get MalformedPolicy', () => {
    const w = s3World();
    ok(
      call(w, PutBucketPolicy, { Bucket: 'reports', Policy: readReports({ AWS: OTHER_ACCOUNT }) }),
    );
    expect(ok(call(w, GetBucketPolicy, { Bucket: 'reports' }))).toEqual({
      Policy: readReports({ AWS: OTHER_ACCOUNT }),
    });
    const noPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
    });
    expect(call(w, PutBucketPolicy, { Bucket: 'reports', Policy: noPrincipal })).toMatchObject({
      ok: false,
      error: { code: 'MalformedPolicy' },
    });
  });
});

describe('what PutBucketPolicy refuses beyond the policy grammar', () => {
  const policyOn = (
    resource: unknown,
    principal: unknown = { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  ) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: resource },
      ],
    });
  const put = (w: World, policy: string) =>
    call(w, PutBucketPolicy, { Bucket: 'reports', Policy: policy });
  const refused = (message: string) => ({ ok: false, error: { code: 'MalformedPolicy', message } });

  // The CLI's output for a resource naming another bucket (aws-samples/aws-serverless-appsync-app#4):
  // `An error occurred (MalformedPolicy) when calling the PutBucketPolicy operation: Policy has
  // invalid resource`.
  it('a Resource outside the bucket: "Policy has invalid resource"', () => {
    const w = s3World();
    for (const resource of [
      'arn:aws:s3:::other-bucket/*',
      'arn:aws:s3:::reportsx',
      ['arn:aws:s3:::reports/*', `arn:aws:iam::${ACCOUNT}:user/alice`],
    ]) {
      expect(put(w, policyOn(resource))).toMatchObject(refused('Policy has invalid resource'));
    }
    for (const resource of [
      'arn:aws:s3:::reports',
      'arn:aws:s3:::reports/2026/*',
      'arn:aws:s3:::rep*/*',
    ]) {
      expect(put(w, policyOn(resource)).ok).toBe(true);
    }
  });

  // knowledge-center s3-invalid-principal-in-policy-error: "Error: Invalid principal in policy"
  // when the principal is not valid, e.g. an IAM user or role that was deleted.
  it('a principal that does not exist: "Invalid principal in policy"', () => {
    const w = s3World();
    for (const principal of [
      `arn:aws:iam::${OTHER_ACCOUNT}:user/ghost`,
      `arn:aws:iam::${ACCOUNT}:role/gone`,
    ]) {
      expect(put(w, policyOn('arn:aws:s3:::reports/*', { AWS: principal }))).toMatchObject(
        refused('Invalid principal in policy'),
      );
    }
    expect(
      put(w, policyOn('arn:aws:s3:::reports/*', { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:user/bob` }))
        .ok,
    ).toBe(true);
    // Nothing was stored by the refused requests.
    expect(ok(call(w, GetBucketPolicy, { Bucket: 'reports' })).Policy).toContain('user/bob');
  });
});

describe('objects across accounts and without credentials', () => {
  it('a cross-account read needs the bucket policy and the caller identity policy; S3 says only Access Denied', () => {
    const w = s3World({ read: allowing('s3:GetObject', 'arn:aws:s3:::reports/*') });
    const denied = call(w, GetObject, { Bucket: 'reports', Key: 'q3.csv' }, BOB_KEY);
    expect(denied).toMatchObject({
      ok: false,
      error: { code: 'AccessDenied', message: 'Access Denied' },
    });
    ok(
      call(w, PutBucketPolicy, {
        Bucket: 'reports',
        Policy: readReports({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }),
      }),
    );
    expect(ok(call(w, GetObject, { Bucket: 'reports', Key: 'q3.csv' }, BOB_KEY)).Body).toBe(
      'region,total\n',
    );

    const withoutIdentity = s3World();
    ok(
      call(withoutIdentity, PutBucketPolicy, {
        Bucket: 'reports',
        Policy: readReports({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }),
      }),
    );
    expect(call(withoutIdentity, GetObject, { Bucket: 'reports', Key: 'q3.csv' }, BOB_KEY).ok).toBe(
      false,
    );
  });

  it('same-account denials quote the resource ARN', () => {
    const w = world([], {});
    w.buckets.reports = {
      name: 'reports',
      account: ACCOUNT,
      region: 'us-east-1',
      creationDate: '2026-11-30T09:00:00Z',
      publicAccessBlock: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
      objects: {},
    };
    expect(call(w, GetObject, { Bucket: 'reports', Key: 'q3.csv' }, ALICE_KEY)).toMatchObject({
      ok: false,
      error: {
        message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports/q3.csv" because no identity-based policy allows the s3:GetObject action`,
      },
    });
  });

  it('anonymous reads work only with a public policy and Block Public Access turned off', () => {
    const w = s3World();
    const anonymousGet = () =>
      call(w, GetObject, { Bucket: 'reports', Key: 'q3.csv' }, 'anonymous');
    expect(anonymousGet()).toMatchObject({ ok: false, error: { message: 'Access Denied' } });
    ok(
      call(w, PutPublicAccessBlock, {
        Bucket: 'reports',
        PublicAccessBlockConfiguration: { RestrictPublicBuckets: true },
      }),
    );
    ok(call(w, PutBucketPolicy, { Bucket: 'reports', Policy: readReports('*') }));
    // The policy is public, but RestrictPublicBuckets keeps everyone outside the account out.
    expect(anonymousGet()).toMatchObject({ ok: false, error: { message: 'Access Denied' } });
    ok(call(w, PutPublicAccessBlock, { Bucket: 'reports', PublicAccessBlockConfiguration: {} }));
    expect(anonymousGet()).toMatchObject({ ok: true, response: { Body: 'region,total\n' } });
    expect(w.events.at(-1)?.userIdentity).toEqual({ type: 'AWSAccount', accountId: 'anonymous' });
  });
});

describe('ListObjectsV2', () => {
  it('lists by prefix and passes s3:prefix to the policy conditions', () => {
    const w = world([], {
      home: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:CreateBucket', 's3:PutObject'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: 'arn:aws:s3:::homes',
            Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } },
          },
        ],
      },
    });
    ok(call(w, CreateBucket, { Bucket: 'homes' }));
    ok(call(w, PutObject, { Bucket: 'homes', Key: 'home/alice/a.txt', Body: 'a' }));
    ok(call(w, PutObject, { Bucket: 'homes', Key: 'home/bob/b.txt', Body: 'b' }));
    const mine = ok(call(w, ListObjectsV2, { Bucket: 'homes', Prefix: 'home/alice/' }));
    expect(mine).toMatchObject({
      KeyCount: 1,
      Contents: [{ Key: 'home/alice/a.txt', Size: 1, StorageClass: 'STANDARD' }],
    });
    expect(call(w, ListObjectsV2, { Bucket: 'homes', Prefix: 'home/bob/' }).ok).toBe(false);
  });
});
