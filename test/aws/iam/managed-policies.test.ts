// Managed policies through callApi (access_policies_managed-versioning; API_CreatePolicy,
// API_GetPolicy, API_CreatePolicyVersion, API_DeletePolicyVersion, API_DeletePolicy,
// API_ListPolicies), AWS's own among them.
import { describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICIES } from '../../../src/aws/aws-managed-policies.js';
import { AttachUserPolicy, DetachUserPolicy } from '../../../src/aws/iam/attached-policies.js';
import {
  CreatePolicy,
  CreatePolicyVersion,
  DeletePolicy,
  DeletePolicyVersion,
  GetPolicy,
  GetPolicyVersion,
  ListPolicies,
} from '../../../src/aws/iam/managed-policies.js';
import { ListUsers } from '../../../src/aws/iam/users.js';
import { validatePolicy } from '../../../src/policy/validate.js';
import {
  ACCOUNT,
  allowing,
  call,
  deniedMessage,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const ARN = `arn:aws:iam::${ACCOUNT}:policy/list-users`;

function create(
  world: ReturnType<typeof lessonWorld>,
  document: unknown = allowing('iam:ListUsers'),
) {
  return ok(
    call(world, CreatePolicy, {
      PolicyName: 'list-users',
      PolicyDocument: JSON.stringify(document),
    }),
  );
}

describe('CreatePolicy and GetPolicy', () => {
  it('creates v1 as the default version, with an ANPA id', () => {
    const world = lessonWorld();
    expect(create(world)).toEqual({
      Policy: {
        PolicyName: 'list-users',
        PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/) as unknown,
        Arn: ARN,
        Path: '/',
        DefaultVersionId: 'v1',
        AttachmentCount: 0,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: '2026-11-30T10:00:00Z',
        UpdateDate: '2026-11-30T10:00:00Z',
      },
    });
  });

  it('GetPolicy adds the description and tags, and counts attachments', () => {
    const world = lessonWorld();
    ok(
      call(world, CreatePolicy, {
        PolicyName: 'list-users',
        PolicyDocument: JSON.stringify(allowing('iam:ListUsers')),
        Description: 'lets people list users',
      }),
    );
    ok(call(world, AttachUserPolicy, { UserName: 'admin', PolicyArn: ARN }));
    expect(ok(call(world, GetPolicy, { PolicyArn: ARN })).Policy).toMatchObject({
      AttachmentCount: 1,
      Description: 'lets people list users',
      Tags: [],
    });
  });

  it('refuses a name taken in any case, documents IAM rejects, and documents over 6,144 characters', () => {
    const world = lessonWorld();
    create(world);
    expect(
      failure(
        call(world, CreatePolicy, {
          PolicyName: 'LIST-USERS',
          PolicyDocument: JSON.stringify(allowing('s3:*')),
        }),
      ),
    ).toEqual({
      code: 'EntityAlreadyExists',
      message: 'A policy called LIST-USERS already exists. Duplicate names are not allowed.',
    });
    const noVersion = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    expect(
      failure(call(world, CreatePolicy, { PolicyName: 'x', PolicyDocument: noVersion })),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Policy document must be version 2012-10-17 or greater.',
    });
    const huge = JSON.stringify(allowing('s3:GetObject', `arn:aws:s3:::${'b'.repeat(6200)}`));
    expect(failure(call(world, CreatePolicy, { PolicyName: 'x', PolicyDocument: huge }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
  });

  it("tags policies with case-sensitive keys, refusing exact duplicates in IAM's words", () => {
    const world = lessonWorld();
    const document = JSON.stringify(allowing('s3:GetObject'));
    const tags = [
      { Key: 'a', Value: 'lower' },
      { Key: 'A', Value: 'upper' },
    ];
    expect(
      ok(call(world, CreatePolicy, { PolicyName: 'p', PolicyDocument: document, Tags: tags }))
        .Policy,
    ).toMatchObject({ Tags: tags });
    expect(
      failure(
        call(world, CreatePolicy, {
          PolicyName: 'q',
          PolicyDocument: document,
          Tags: [tags[0], tags[0]],
        }),
      ),
    ).toEqual({ code: 'InvalidInput', message: 'Duplicate tag keys found.' });
  });

  it('GetPolicy of an unknown ARN: not found', () => {
    const world = lessonWorld();
    expect(failure(call(world, GetPolicy, { PolicyArn: ARN }))).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${ARN} was not found.`,
    });
  });

  it('is denied without iam:CreatePolicy on the policy ARN', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(
        call(
          world,
          CreatePolicy,
          { PolicyName: 'list-users', PolicyDocument: JSON.stringify(allowing('*')) },
          BOB,
        ),
      ),
    ).toEqual({ code: 'AccessDenied', message: deniedMessage('bob', 'iam:CreatePolicy', ARN) });
  });
});

describe('policy versions', () => {
  it('a new default version changes what the policy grants at once', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    create(world, allowing('s3:ListBucket'));
    ok(call(world, AttachUserPolicy, { UserName: 'bob', PolicyArn: ARN }));
    expect(call(world, ListUsers, {}, BOB).ok).toBe(false);
    expect(
      ok(
        call(world, CreatePolicyVersion, {
          PolicyArn: ARN,
          PolicyDocument: JSON.stringify(allowing('iam:ListUsers')),
          SetAsDefault: true,
        }),
      ),
    ).toEqual({
      PolicyVersion: {
        VersionId: 'v2',
        IsDefaultVersion: true,
        CreateDate: '2026-11-30T10:00:00Z',
      },
    });
    expect(call(world, ListUsers, {}, BOB).ok).toBe(true);
    expect(ok(call(world, GetPolicyVersion, { PolicyArn: ARN, VersionId: 'v1' }))).toEqual({
      PolicyVersion: {
        Document: allowing('s3:ListBucket'),
        VersionId: 'v1',
        IsDefaultVersion: false,
        CreateDate: '2026-11-30T10:00:00Z',
      },
    });
  });

  it('keeps at most five versions and never deletes the default one', () => {
    const world = lessonWorld();
    create(world);
    for (let i = 2; i <= 5; i++) {
      ok(
        call(world, CreatePolicyVersion, {
          PolicyArn: ARN,
          PolicyDocument: JSON.stringify(allowing(`s3:Get${i}`)),
        }),
      );
    }
    expect(
      failure(
        call(world, CreatePolicyVersion, {
          PolicyArn: ARN,
          PolicyDocument: JSON.stringify(allowing('s3:*')),
        }),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message:
        'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    expect(failure(call(world, DeletePolicyVersion, { PolicyArn: ARN, VersionId: 'v1' }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete the default version of a policy.',
    });
    expect(failure(call(world, DeletePolicyVersion, { PolicyArn: ARN, VersionId: 'v9' }))).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${ARN} version v9 does not exist or is not attachable.`,
    });
    expect(failure(call(world, GetPolicyVersion, { PolicyArn: ARN, VersionId: 'first' }))).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?",
    });
    ok(call(world, DeletePolicyVersion, { PolicyArn: ARN, VersionId: 'v3' }));
    expect(
      ok(
        call(world, CreatePolicyVersion, {
          PolicyArn: ARN,
          PolicyDocument: JSON.stringify(allowing('s3:*')),
        }),
      ),
    ).toMatchObject({ PolicyVersion: { VersionId: 'v6' } });
  });
});

describe('DeletePolicy', () => {
  it('refuses while attached or with other versions, then deletes', () => {
    const world = lessonWorld();
    create(world);
    ok(call(world, AttachUserPolicy, { UserName: 'admin', PolicyArn: ARN }));
    expect(failure(call(world, DeletePolicy, { PolicyArn: ARN }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete a policy attached to entities.',
    });
    ok(call(world, DetachUserPolicy, { UserName: 'admin', PolicyArn: ARN }));
    ok(
      call(world, CreatePolicyVersion, {
        PolicyArn: ARN,
        PolicyDocument: JSON.stringify(allowing('s3:*')),
      }),
    );
    expect(failure(call(world, DeletePolicy, { PolicyArn: ARN }))).toEqual({
      code: 'DeleteConflict',
      message:
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    });
    ok(call(world, DeletePolicyVersion, { PolicyArn: ARN, VersionId: 'v2' }));
    expect(ok(call(world, DeletePolicy, { PolicyArn: ARN }))).toEqual({});
    expect(failure(call(world, GetPolicy, { PolicyArn: ARN })).code).toBe('NoSuchEntity');
  });
});

describe('AWS-managed policies', () => {
  const awsArns = Object.keys(AWS_MANAGED_POLICIES);

  it("ListPolicies --scope AWS lists them, --scope Local only the account's", () => {
    const world = lessonWorld();
    create(world);
    const aws = ok(call(world, ListPolicies, { Scope: 'AWS' })).Policies as { Arn: string }[];
    expect(aws.map((p) => p.Arn)).toEqual(awsArns);
    const local = ok(call(world, ListPolicies, { Scope: 'Local' })).Policies as { Arn: string }[];
    expect(local.map((p) => p.Arn)).toEqual([ARN]);
    const attached = ok(call(world, ListPolicies, { OnlyAttached: true })).Policies as {
      Arn: string;
      AttachmentCount: number;
    }[];
    expect(attached).toEqual([
      expect.objectContaining({
        Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        AttachmentCount: 1,
      }),
    ]);
  });

  it("GetPolicy and GetPolicyVersion show AWS's published version and document", () => {
    const world = lessonWorld();
    expect(
      ok(call(world, GetPolicy, { PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' })).Policy,
    ).toMatchObject({
      PolicyName: 'PowerUserAccess',
      PolicyId: 'ANPAJYRXTHIB4FOVS3ZXS',
      DefaultVersionId: 'v12',
      AttachmentCount: 0,
      Description:
        'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    });
    const version = ok(
      call(world, GetPolicyVersion, {
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        VersionId: 'v1',
      }),
    );
    expect(version.PolicyVersion).toMatchObject({
      Document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      },
      IsDefaultVersion: true,
    });
  });

  // AWS's own policies obey the policy grammar but not the customer quota (PolicySize 6,144):
  // ReadOnlyAccess alone is about 15 times that, so the engine reads them without a size limit.
  it.each(awsArns)('%s is a valid policy document', (arn) => {
    const result = validatePolicy(AWS_MANAGED_POLICIES[arn]?.document, 'inline');
    expect(result.ok).toBe(true);
  });

  it('ReadOnlyAccess is larger than a customer-managed policy may be, and still grants', () => {
    const document = AWS_MANAGED_POLICIES['arn:aws:iam::aws:policy/ReadOnlyAccess']?.document;
    expect(validatePolicy(document, 'managed')).toMatchObject({
      ok: false,
      error: { code: 'LimitExceeded', message: 'Cannot exceed quota for PolicySize: 6144' },
    });
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    ok(
      call(world, AttachUserPolicy, {
        UserName: 'bob',
        PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );
    const users = ok(call(world, ListUsers, {}, BOB)).Users as { UserName: string }[];
    expect(users.map((user) => user.UserName)).toContain('bob');
    expect(
      failure(call(world, CreatePolicy, { PolicyName: 'p', PolicyDocument: '{}' }, BOB)),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreatePolicy', `arn:aws:iam::${ACCOUNT}:policy/p`),
    });
  });

  it('ListPolicies is denied on "policy path /", as IAM words it', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, ListPolicies, {}, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:ListPolicies', 'policy path /'),
    });
  });
});
