// Access keys through callApi (id_credentials_access-keys; API_CreateAccessKey,
// API_ListAccessKeys, API_UpdateAccessKey, API_DeleteAccessKey, API_GetAccessKeyLastUsed).
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src/aws/api.js';
import type { Operation, Params } from '../../../src/aws/operation.js';
import { ListBuckets } from '../../../src/aws/s3.js';
import { GetCallerIdentity } from '../../../src/aws/sts.js';
import {
  CreateAccessKey,
  DeleteAccessKey,
  GetAccessKeyLastUsed,
  ListAccessKeys,
  UpdateAccessKey,
} from '../../../src/aws/iam/access-keys.js';
import { CreateUser } from '../../../src/aws/iam/users.js';
import {
  ACCOUNT,
  ADMIN_KEY,
  ROOT_KEY,
  START,
  allowing,
  call,
  deniedMessage,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };

/**
 * S3 refuses a key it has no active key for in its own words, where IAM and STS say
 * InvalidClientTokenId (iam-facts.md, "Error shapes"; S3 API reference, ErrorResponses).
 */
const S3_UNKNOWN_KEY = {
  code: 'InvalidAccessKeyId',
  message: 'The AWS Access Key Id you provided does not exist in our records.',
};

function keyOf(response: Record<string, unknown>) {
  const key = response.AccessKey as { AccessKeyId: string; SecretAccessKey: string };
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

describe('CreateAccessKey', () => {
  it('returns an active AKIA key with its 40-character secret, which then signs requests', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    const response = ok(call(world, CreateAccessKey, { UserName: 'alice' }));
    expect(response).toEqual({
      AccessKey: {
        UserName: 'alice',
        AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/) as unknown,
        Status: 'Active',
        SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/) as unknown,
        CreateDate: '2026-11-30T10:00:00Z',
      },
    });
    expect(ok(call(world, GetCallerIdentity, {}, keyOf(response))).Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:user/alice`,
    );
  });

  it('allows two keys per user, inactive ones counted', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    const first = keyOf(ok(call(world, CreateAccessKey, { UserName: 'alice' })));
    ok(
      call(world, UpdateAccessKey, {
        UserName: 'alice',
        AccessKeyId: first.accessKeyId,
        Status: 'Inactive',
      }),
    );
    ok(call(world, CreateAccessKey, { UserName: 'alice' }));
    expect(failure(call(world, CreateAccessKey, { UserName: 'alice' }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
  });

  it('creates a key for the calling user when no name is given', () => {
    const world = lessonWorld();
    expect(ok(call(world, CreateAccessKey, {})).AccessKey).toMatchObject({ UserName: 'admin' });
  });

  it('needs iam:CreateAccessKey on the user: a policy for ${aws:username} lets users make only their own', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {
      own: allowing('iam:CreateAccessKey', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`),
    });
    expect(call(world, CreateAccessKey, {}, BOB).ok).toBe(true);
    expect(failure(call(world, CreateAccessKey, { UserName: 'admin' }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreateAccessKey', `arn:aws:iam::${ACCOUNT}:user/admin`),
    });
  });
});

describe('ListAccessKeys, UpdateAccessKey, DeleteAccessKey', () => {
  it('lists keys without their secrets', () => {
    const world = lessonWorld();
    const listed = ok(call(world, ListAccessKeys, { UserName: 'admin' }));
    expect(listed).toEqual({
      AccessKeyMetadata: [
        {
          UserName: 'admin',
          AccessKeyId: ADMIN_KEY.accessKeyId,
          Status: 'Active',
          CreateDate: '2026-11-30T09:00:00Z',
        },
      ],
      IsTruncated: false,
    });
    expect(JSON.stringify(listed)).not.toContain(ADMIN_KEY.secretAccessKey);
  });

  // API_ListAccessKeys: "If the UserName is not specified, the user name is determined
  // implicitly based on the AWS access key ID used to sign the request ... you can use this
  // operation to manage AWS account root user credentials"; root is no IAM user, so its keys have
  // no UserName (the member is optional in AccessKeyMetadata).
  it("root without a user name lists, sets inactive and deletes root's own keys", () => {
    const world = lessonWorld();
    const region = 'us-east-1';
    const sourceIp = '203.0.113.7';
    // The root user signed in to the console, with no key of its own signing.
    const signedInRoot = (operation: Operation, params: Params) =>
      callApi(world, { caller: { rootOf: ACCOUNT }, operation, params, region, sourceIp });
    expect(ok(call(world, ListAccessKeys, {}, ROOT_KEY))).toEqual({
      AccessKeyMetadata: [
        { AccessKeyId: ROOT_KEY.accessKeyId, Status: 'Active', CreateDate: '2026-11-30T09:00:00Z' },
      ],
      IsTruncated: false,
    });
    expect(ok(call(world, ListAccessKeys, { UserName: 'admin' }, ROOT_KEY))).toMatchObject({
      AccessKeyMetadata: [{ UserName: 'admin', AccessKeyId: ADMIN_KEY.accessKeyId }],
    });
    // Without a name, the administrator's request is about the administrator's own keys.
    expect(failure(call(world, DeleteAccessKey, { AccessKeyId: ROOT_KEY.accessKeyId }))).toEqual({
      code: 'NoSuchEntity',
      message: `The Access Key with id ${ROOT_KEY.accessKeyId} cannot be found.`,
    });
    const key = { AccessKeyId: ROOT_KEY.accessKeyId };
    ok(call(world, UpdateAccessKey, { ...key, Status: 'Inactive' }, ROOT_KEY));
    expect(failure(call(world, GetCallerIdentity, {}, ROOT_KEY)).code).toBe('InvalidClientTokenId');
    ok(signedInRoot(DeleteAccessKey, key));
    expect(ok(signedInRoot(ListAccessKeys, {}))).toEqual({
      AccessKeyMetadata: [],
      IsTruncated: false,
    });
  });

  it('an inactive key no longer signs requests; set active again, it does', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    const key = keyOf(ok(call(world, CreateAccessKey, { UserName: 'alice' })));
    ok(
      call(world, UpdateAccessKey, {
        UserName: 'alice',
        AccessKeyId: key.accessKeyId,
        Status: 'Inactive',
      }),
    );
    expect(failure(call(world, GetCallerIdentity, {}, key)).code).toBe('InvalidClientTokenId');
    expect(failure(call(world, ListBuckets, {}, key))).toEqual(S3_UNKNOWN_KEY);
    ok(
      call(world, UpdateAccessKey, {
        UserName: 'alice',
        AccessKeyId: key.accessKeyId,
        Status: 'Active',
      }),
    );
    expect(call(world, GetCallerIdentity, {}, key).ok).toBe(true);
  });

  it('refuses a status other than Active or Inactive, and a key the user does not have', () => {
    const world = lessonWorld();
    expect(
      failure(
        call(world, UpdateAccessKey, { AccessKeyId: ADMIN_KEY.accessKeyId, Status: 'Disabled' }),
      ),
    ).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
    });
    expect(failure(call(world, DeleteAccessKey, { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.',
    });
  });

  it('deletes a key: it stops working, and its slot is free again', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    const a = keyOf(ok(call(world, CreateAccessKey, { UserName: 'alice' })));
    ok(call(world, CreateAccessKey, { UserName: 'alice' }));
    ok(call(world, DeleteAccessKey, { UserName: 'alice', AccessKeyId: a.accessKeyId }));
    expect(failure(call(world, GetCallerIdentity, {}, a)).code).toBe('InvalidClientTokenId');
    expect(failure(call(world, ListBuckets, {}, a))).toEqual(S3_UNKNOWN_KEY);
    expect(call(world, CreateAccessKey, { UserName: 'alice' }).ok).toBe(true);
  });

  it('is denied without the permission', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, ListAccessKeys, {}, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:ListAccessKeys', `arn:aws:iam::${ACCOUNT}:user/bob`),
    });
  });
});

describe('GetAccessKeyLastUsed', () => {
  it('answers N/A before the first use, then the time, service and region of the last request', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    const key = keyOf(ok(call(world, CreateAccessKey, { UserName: 'alice' })));
    expect(ok(call(world, GetAccessKeyLastUsed, { AccessKeyId: key.accessKeyId }))).toEqual({
      UserName: 'alice',
      AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' },
    });
    world.now = START + 3_600_000;
    ok(call(world, GetCallerIdentity, {}, key));
    world.now = START + 7_200_000;
    expect(ok(call(world, GetAccessKeyLastUsed, { AccessKeyId: key.accessKeyId }))).toEqual({
      UserName: 'alice',
      AccessKeyLastUsed: {
        LastUsedDate: '2026-11-30T11:00:00Z',
        ServiceName: 'sts',
        Region: 'us-east-1',
      },
    });
  });

  it('refuses an unknown key as IAM does, before asking any policy', () => {
    const world = lessonWorld();
    expect(
      failure(call(world, GetAccessKeyLastUsed, { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' })),
    ).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIAIOSFODNN7EXAMPLE`,
    });
  });
});
