// Attaching managed policies (access_policies_managed-vs-inline; API_AttachUserPolicy,
// API_DetachRolePolicy, API_ListAttachedGroupPolicies and twins; reference_iam-quotas).
import { describe, expect, it } from 'vitest';
import {
  AttachRolePolicy,
  AttachUserPolicy,
  DetachRolePolicy,
  DetachUserPolicy,
  ListAttachedRolePolicies,
  ListAttachedUserPolicies,
} from '../../../src/aws/iam/attached-policies.js';
import { CreatePolicy } from '../../../src/aws/iam/managed-policies.js';
import { CreateRole } from '../../../src/aws/iam/roles.js';
import { ListUsers } from '../../../src/aws/iam/users.js';
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
const READ_ONLY_S3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

function policies(world: ReturnType<typeof lessonWorld>, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const { Policy } = ok(
      call(world, CreatePolicy, {
        PolicyName: `p${i}`,
        PolicyDocument: JSON.stringify(allowing('s3:GetObject')),
      }),
    );
    return (Policy as { Arn: string }).Arn;
  });
}

describe('attaching managed policies', () => {
  it('attaching grants the policy; attaching again changes nothing; detaching takes it away', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    expect(call(world, ListUsers, {}, BOB).ok).toBe(false);
    ok(call(world, AttachUserPolicy, { UserName: 'bob', PolicyArn: admin }));
    ok(call(world, AttachUserPolicy, { UserName: 'bob', PolicyArn: admin }));
    expect(ok(call(world, ListAttachedUserPolicies, { UserName: 'bob' }))).toEqual({
      AttachedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: admin }],
      IsTruncated: false,
    });
    expect(call(world, ListUsers, {}, BOB).ok).toBe(true);
    ok(call(world, DetachUserPolicy, { UserName: 'bob', PolicyArn: admin }));
    expect(call(world, ListUsers, {}, BOB).ok).toBe(false);
  });

  it('allows ten per role and refuses the eleventh', () => {
    const world = lessonWorld();
    ok(call(world, CreateRole, { RoleName: 'app', AssumeRolePolicyDocument: TRUST }));
    for (const arn of policies(world, 10))
      ok(call(world, AttachRolePolicy, { RoleName: 'app', PolicyArn: arn }));
    expect(
      failure(call(world, AttachRolePolicy, { RoleName: 'app', PolicyArn: READ_ONLY_S3 })),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerRole: 10',
    });
    expect(
      (ok(call(world, ListAttachedRolePolicies, { RoleName: 'app' })).AttachedPolicies as unknown[])
        .length,
    ).toBe(10);
  });

  it('refuses what is not a policy ARN, a policy that does not exist, and detaching one not attached', () => {
    const world = lessonWorld();
    expect(
      failure(
        call(world, AttachUserPolicy, { UserName: 'admin', PolicyArn: 'longpolicynamebutnoarn' }),
      ),
    ).toEqual({
      code: 'ValidationError',
      message: 'ARN longpolicynamebutnoarn is not valid.',
    });
    const missing = `arn:aws:iam::${ACCOUNT}:policy/nonexistent`;
    expect(
      failure(call(world, AttachUserPolicy, { UserName: 'admin', PolicyArn: missing })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    expect(
      failure(call(world, DetachUserPolicy, { UserName: 'admin', PolicyArn: READ_ONLY_S3 })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${READ_ONLY_S3} was not found.`,
    });
    expect(
      failure(call(world, DetachRolePolicy, { RoleName: 'ghost', PolicyArn: READ_ONLY_S3 })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name ghost cannot be found.',
    });
  });

  it('filters the list by the policy path', () => {
    const world = lessonWorld();
    ok(
      call(world, CreatePolicy, {
        PolicyName: 'team',
        Path: '/team/',
        PolicyDocument: JSON.stringify(allowing('s3:GetObject')),
      }),
    );
    ok(
      call(world, AttachUserPolicy, {
        UserName: 'admin',
        PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team/team`,
      }),
    );
    expect(
      ok(call(world, ListAttachedUserPolicies, { UserName: 'admin', PathPrefix: '/team/' })),
    ).toEqual({
      AttachedPolicies: [
        { PolicyName: 'team', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team/team` },
      ],
      IsTruncated: false,
    });
  });

  it('is authorized on the user, with iam:PolicyARN for conditions', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {
      s3only: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:AttachUserPolicy',
            Resource: '*',
            Condition: { ArnEquals: { 'iam:PolicyARN': READ_ONLY_S3 } },
          },
        ],
      },
    });
    expect(
      call(world, AttachUserPolicy, { UserName: 'bob', PolicyArn: READ_ONLY_S3 }, BOB).ok,
    ).toBe(true);
    expect(
      failure(
        call(
          world,
          AttachUserPolicy,
          { UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          BOB,
        ),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:AttachUserPolicy', `arn:aws:iam::${ACCOUNT}:user/bob`),
    });
  });
});
