// Permissions boundaries through callApi (access_policies_boundaries;
// API_PutUserPermissionsBoundary, API_PutRolePermissionsBoundary): the boundary caps what the
// identity policies grant, and the request carries iam:PermissionsBoundary.
import { describe, expect, it } from 'vitest';
import {
  PutRolePermissionsBoundary,
  PutUserPermissionsBoundary,
} from '../../../src/aws/iam/boundaries.js';
import { GetPolicy } from '../../../src/aws/iam/managed-policies.js';
import { CreateRole, GetRole } from '../../../src/aws/iam/roles.js';
import { CreateUser, GetUser, ListUsers } from '../../../src/aws/iam/users.js';
import { ACCOUNT, call, deniedMessage, failure, lessonWorld, ok, putUser } from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('permissions boundaries', () => {
  it('caps what the identity policies grant', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {}, [ADMIN]);
    expect(call(world, ListUsers, {}, BOB).ok).toBe(true);
    ok(call(world, PutUserPermissionsBoundary, { UserName: 'bob', PermissionsBoundary: S3_READ }));
    expect(ok(call(world, GetUser, { UserName: 'bob' })).User).toMatchObject({
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: S3_READ },
    });
    expect(failure(call(world, ListUsers, {}, BOB)).code).toBe('AccessDenied');
    expect(ok(call(world, GetPolicy, { PolicyArn: S3_READ })).Policy).toMatchObject({
      PermissionsBoundaryUsageCount: 1,
    });
  });

  it('sets a role boundary, refusing malformed and unknown policy ARNs', () => {
    const world = lessonWorld();
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    };
    ok(
      call(world, CreateRole, { RoleName: 'app', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    ok(call(world, PutRolePermissionsBoundary, { RoleName: 'app', PermissionsBoundary: S3_READ }));
    expect(ok(call(world, GetRole, { RoleName: 'app' })).Role).toMatchObject({
      PermissionsBoundary: { PermissionsBoundaryArn: S3_READ },
    });
    const notPolicy = `arn:aws:iam::${ACCOUNT}:not_a_policy/invalid`;
    expect(
      failure(
        call(world, PutRolePermissionsBoundary, {
          RoleName: 'app',
          PermissionsBoundary: notPolicy,
        }),
      ),
    ).toEqual({
      code: 'InvalidInput',
      message: `ARN ${notPolicy} is not valid.`,
    });
    const missing = `arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy`;
    expect(
      failure(
        call(world, PutRolePermissionsBoundary, { RoleName: 'app', PermissionsBoundary: missing }),
      ),
    ).toEqual({
      code: 'NoSuchEntity',
      message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    });
    expect(
      failure(
        call(world, PutRolePermissionsBoundary, {
          RoleName: 'nonexistent-role',
          PermissionsBoundary: S3_READ,
        }),
      ),
    ).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name nonexistent-role cannot be found.',
    });
  });

  it('lets a policy require a boundary on the users one creates (iam:PermissionsBoundary)', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {
      delegate: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['iam:CreateUser', 'iam:PutUserPermissionsBoundary'],
            Resource: '*',
            Condition: { StringEquals: { 'iam:PermissionsBoundary': S3_READ } },
          },
        ],
      },
    });
    expect(failure(call(world, CreateUser, { UserName: 'carol' }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/carol`),
    });
    expect(
      call(world, CreateUser, { UserName: 'carol', PermissionsBoundary: S3_READ }, BOB).ok,
    ).toBe(true);
    expect(
      failure(
        call(
          world,
          PutUserPermissionsBoundary,
          { UserName: 'carol', PermissionsBoundary: ADMIN },
          BOB,
        ),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage(
        'bob',
        'iam:PutUserPermissionsBoundary',
        `arn:aws:iam::${ACCOUNT}:user/carol`,
      ),
    });
  });
});
