// Users through callApi: CreateUser, GetUser, ListUsers, DeleteUser and TagUser, with the shapes
// of the IAM API reference (API_CreateUser, API_User) and AWS's recorded errors.
import { describe, expect, it } from 'vitest';
import { CreateAccessKey } from '../../../src/aws/iam/access-keys.js';
import { AttachRolePolicy, AttachUserPolicy } from '../../../src/aws/iam/attached-policies.js';
import { AddUserToGroup, CreateGroup } from '../../../src/aws/iam/groups.js';
import { PutUserPolicy } from '../../../src/aws/iam/inline-policies.js';
import { CreateRole } from '../../../src/aws/iam/roles.js';
import { AssumeRole } from '../../../src/aws/sts.js';
import { CreateLoginProfile } from '../../../src/aws/iam/login-mfa.js';
import { TagUser } from '../../../src/aws/iam/tags.js';
import { CreateUser, DeleteUser, GetUser, ListUsers } from '../../../src/aws/iam/users.js';
import {
  ACCOUNT,
  ROOT_KEY,
  accountOf,
  allowing,
  call,
  deniedMessage,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };

describe('CreateUser', () => {
  it('creates the user with an AIDA id, its path in the ARN, and the simulated clock as date', () => {
    const world = lessonWorld();
    const { User } = ok(call(world, CreateUser, { UserName: 'alice', Path: '/engineering/' }));
    expect(User).toEqual({
      Path: '/engineering/',
      UserName: 'alice',
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/) as unknown,
      Arn: `arn:aws:iam::${ACCOUNT}:user/engineering/alice`,
      CreateDate: '2026-11-30T10:00:00Z',
    });
    expect(accountOf(world).iam.users.alice?.arn).toBe(
      `arn:aws:iam::${ACCOUNT}:user/engineering/alice`,
    );
  });

  it('shows tags and the permissions boundary it was created with', () => {
    const world = lessonWorld();
    const boundary = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    const { User } = ok(
      call(world, CreateUser, {
        UserName: 'alice',
        PermissionsBoundary: boundary,
        Tags: [{ Key: 'team', Value: 'data' }],
      }),
    );
    expect(User).toMatchObject({
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary },
      Tags: [{ Key: 'team', Value: 'data' }],
    });
  });

  it('refuses a name taken in another case: names are unique regardless of case', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'Alice' }));
    expect(failure(call(world, CreateUser, { UserName: 'alice' }))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'User with name alice already exists.',
    });
  });

  it('refuses names outside [\\w+=,.@-] and over 64 characters, in one ValidationError', () => {
    const world = lessonWorld();
    const before = Object.keys(accountOf(world).iam.users);
    expect(failure(call(world, CreateUser, { UserName: `bad name${'x'.repeat(60)}` }))).toEqual({
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64",
    });
    expect(failure(call(world, CreateUser, {}))).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must not be null",
    });
    expect(Object.keys(accountOf(world).iam.users)).toEqual(before);
  });

  it("explains a malformed path in IAM's words", () => {
    const world = lessonWorld();
    expect(failure(call(world, CreateUser, { UserName: 'alice', Path: 'engineering' }))).toEqual({
      code: 'ValidationError',
      message:
        'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    });
  });

  it('refuses a boundary that is not a policy ARN or names no policy', () => {
    const world = lessonWorld();
    expect(
      failure(
        call(world, CreateUser, {
          UserName: 'a',
          PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:role/x`,
        }),
      ),
    ).toEqual({
      code: 'InvalidInput',
      message: `ARN arn:aws:iam::${ACCOUNT}:role/x is not valid.`,
    });
    const missing = `arn:aws:iam::${ACCOUNT}:policy/nope`;
    expect(
      failure(call(world, CreateUser, { UserName: 'a', PermissionsBoundary: missing })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    });
  });

  it('is denied to a user without iam:CreateUser, with the ARN the user would have', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, CreateUser, { UserName: 'carol', Path: '/ops/' }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/ops/carol`),
    });
    expect(accountOf(world).iam.users.carol).toBeUndefined();
  });

  it('is allowed by a policy naming the user ARN, and root may do anything', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {
      create: allowing('iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/ops/*`),
    });
    expect(call(world, CreateUser, { UserName: 'carol', Path: '/ops/' }, BOB).ok).toBe(true);
    expect(call(world, CreateUser, { UserName: 'dave' }, BOB).ok).toBe(false);
    expect(call(world, CreateUser, { UserName: 'dave' }, ROOT_KEY).ok).toBe(true);
  });

  it('gives aws:RequestTag and aws:TagKeys to policies', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {
      create: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:CreateUser',
            Resource: '*',
            Condition: { StringEquals: { 'aws:RequestTag/team': 'data' } },
          },
        ],
      },
    });
    expect(
      call(world, CreateUser, { UserName: 'c', Tags: [{ Key: 'team', Value: 'web' }] }, BOB).ok,
    ).toBe(false);
    expect(
      call(world, CreateUser, { UserName: 'c', Tags: [{ Key: 'team', Value: 'data' }] }, BOB).ok,
    ).toBe(true);
  });
});

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('GetUser and ListUsers', () => {
  // API_GetUser: "If you do not specify a user name, IAM determines the user name implicitly
  // based on the Amazon Web Services access key ID used to sign the request". For root that is
  // the root user, which has no UserName (grycap/scar#181: "when AWS root account credentials are
  // used, the User object does not return a UserName field"): its UserId is the account id.
  it('GetUser without a name answers for the calling user, the root user included', () => {
    const world = lessonWorld();
    expect(ok(call(world, GetUser, {})).User).toMatchObject({ UserName: 'admin' });
    expect(ok(call(world, GetUser, {}, ROOT_KEY))).toEqual({
      User: {
        UserId: ACCOUNT,
        Arn: `arn:aws:iam::${ACCOUNT}:root`,
        CreateDate: '2026-11-30T10:00:00Z',
      },
    });
    expect(ok(call(world, GetUser, { UserName: 'admin' }, ROOT_KEY)).User).toMatchObject({
      UserName: 'admin',
    });
  });

  it('a role session must name the user', () => {
    const world = lessonWorld();
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` },
          Action: 'sts:AssumeRole',
        },
      ],
    };
    ok(
      call(world, CreateRole, { RoleName: 'ops', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    ok(call(world, AttachRolePolicy, { RoleName: 'ops', PolicyArn: ADMINISTRATOR_ACCESS }));
    const { Credentials } = ok(
      call(world, AssumeRole, {
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/ops`,
        RoleSessionName: 'ops',
      }),
    ) as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } };
    const session = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    };
    expect(failure(call(world, GetUser, {}, session))).toEqual({
      code: 'ValidationError',
      message: 'Must specify userName when calling with non-User credentials',
    });
  });

  it('finds a user by its name in any case, and says so when there is none', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'Alice' }));
    expect(ok(call(world, GetUser, { UserName: 'ALICE' })).User).toMatchObject({
      UserName: 'Alice',
    });
    expect(failure(call(world, GetUser, { UserName: 'nobody' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name nobody cannot be found.',
    });
  });

  it('lists users under a path prefix, without tags, in pages', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'a', Path: '/ops/', Tags: [{ Key: 'k', Value: 'v' }] }));
    ok(call(world, CreateUser, { UserName: 'b', Path: '/ops/' }));
    const first = ok(call(world, ListUsers, { PathPrefix: '/ops/', MaxItems: 1 }));
    expect(first).toEqual({
      Users: [
        {
          Path: '/ops/',
          UserName: 'a',
          UserId: expect.any(String) as unknown,
          Arn: `arn:aws:iam::${ACCOUNT}:user/ops/a`,
          CreateDate: '2026-11-30T10:00:00Z',
        },
      ],
      IsTruncated: true,
      Marker: expect.any(String) as unknown,
    });
    const rest = ok(call(world, ListUsers, { PathPrefix: '/ops/', Marker: first.Marker }));
    expect(rest).toMatchObject({ Users: [{ UserName: 'b' }], IsTruncated: false });
    expect(failure(call(world, ListUsers, { Marker: 'nonsense' }))).toEqual({
      code: 'ValidationError',
      message: 'Invalid Marker.',
    });
  });

  it('denies ListUsers on the user path, as IAM names it', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, ListUsers, {}, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:ListUsers', `arn:aws:iam::${ACCOUNT}:user/`),
    });
  });
});

describe('DeleteUser', () => {
  const conflict = (message: string) => ({ code: 'DeleteConflict', message });

  it('refuses while anything hangs on the user, naming it, then deletes', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice' }));
    ok(call(world, CreateGroup, { GroupName: 'devs' }));
    ok(call(world, AddUserToGroup, { GroupName: 'devs', UserName: 'alice' }));
    const user = accountOf(world).iam.users.alice;
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual(
      conflict('Cannot delete entity, must remove users from group first.'),
    );
    if (user) user.groups = [];
    ok(
      call(world, AttachUserPolicy, {
        UserName: 'alice',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    );
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual(
      conflict('Cannot delete entity, must detach all policies first.'),
    );
    ok(
      call(world, PutUserPolicy, {
        UserName: 'alice',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify(allowing('s3:ListBucket')),
      }),
    );
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual(
      conflict('Cannot delete entity, must delete policies first.'),
    );
    ok(call(world, CreateAccessKey, { UserName: 'alice' }));
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual(
      conflict('Cannot delete entity, must delete access keys first.'),
    );
    ok(call(world, CreateLoginProfile, { UserName: 'alice', Password: 'Correct-Horse-1' }));
    expect(failure(call(world, DeleteUser, { UserName: 'alice' }))).toEqual(
      conflict('Cannot delete entity, must delete login profile first.'),
    );
    if (user) {
      delete user.loginProfile;
      user.accessKeys = [];
      user.inlinePolicies = {};
      user.attachedPolicies = [];
    }
    expect(ok(call(world, DeleteUser, { UserName: 'alice' }))).toEqual({});
    expect(failure(call(world, GetUser, { UserName: 'alice' })).code).toBe('NoSuchEntity');
  });

  it('is denied without iam:DeleteUser on the user', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, DeleteUser, { UserName: 'admin' }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:DeleteUser', `arn:aws:iam::${ACCOUNT}:user/admin`),
    });
  });
});

describe('TagUser', () => {
  it('adds tags and replaces the value of a key the user has, in any case', () => {
    const world = lessonWorld();
    ok(call(world, CreateUser, { UserName: 'alice', Tags: [{ Key: 'Team', Value: 'web' }] }));
    ok(
      call(world, TagUser, {
        UserName: 'alice',
        Tags: [
          { Key: 'team', Value: 'data' },
          { Key: 'cost', Value: '42' },
        ],
      }),
    );
    expect(accountOf(world).iam.users.alice?.tags).toEqual([
      { Key: 'Team', Value: 'data' },
      { Key: 'cost', Value: '42' },
    ]);
  });

  it('refuses duplicate keys and keys IAM does not allow', () => {
    const world = lessonWorld();
    const twice = [
      { Key: 'a', Value: '1' },
      { Key: 'A', Value: '2' },
    ];
    expect(failure(call(world, TagUser, { UserName: 'admin', Tags: twice }))).toEqual({
      code: 'InvalidInput',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    expect(
      failure(call(world, TagUser, { UserName: 'admin', Tags: [{ Key: 'bad*key', Value: '' }] })),
    ).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expect(failure(call(world, TagUser, { UserName: 'admin', Tags: many }))).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
  });

  it('is denied without iam:TagUser', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(call(world, TagUser, { UserName: 'bob', Tags: [{ Key: 'a', Value: 'b' }] }, BOB))
        .code,
    ).toBe('AccessDenied');
  });
});
