// Instance profiles through callApi (id_roles_use_switch-role-ec2_instance-profiles;
// API_AddRoleToInstanceProfile: one role, and the caller passes it, so it needs iam:PassRole).
import { describe, expect, it } from 'vitest';
import {
  AddRoleToInstanceProfile,
  CreateInstanceProfile,
  DeleteInstanceProfile,
  GetInstanceProfile,
  ListInstanceProfiles,
  RemoveRoleFromInstanceProfile,
} from '../../../src/aws/iam/instance-profiles.js';
import { CreateRole } from '../../../src/aws/iam/roles.js';
import { ACCOUNT, call, deniedMessage, failure, lessonWorld, ok, putUser } from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

function setUp() {
  const world = lessonWorld();
  for (const name of ['web', 'batch']) {
    ok(
      call(world, CreateRole, {
        RoleName: name,
        AssumeRolePolicyDocument: JSON.stringify(EC2_TRUST),
      }),
    );
  }
  return world;
}

describe('instance profiles', () => {
  it('creates an AIPA profile, holds one role, and shows it', () => {
    const world = setUp();
    expect(
      ok(call(world, CreateInstanceProfile, { InstanceProfileName: 'web', Path: '/app/' })),
    ).toEqual({
      InstanceProfile: {
        Path: '/app/',
        InstanceProfileName: 'web',
        InstanceProfileId: expect.stringMatching(/^AIPA[A-Z2-7]{17}$/) as unknown,
        Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app/web`,
        CreateDate: '2026-11-30T10:00:00Z',
        Roles: [],
      },
    });
    ok(call(world, AddRoleToInstanceProfile, { InstanceProfileName: 'web', RoleName: 'web' }));
    expect(
      ok(call(world, GetInstanceProfile, { InstanceProfileName: 'web' })).InstanceProfile,
    ).toMatchObject({
      Roles: [
        {
          Path: '/',
          RoleName: 'web',
          Arn: `arn:aws:iam::${ACCOUNT}:role/web`,
          AssumeRolePolicyDocument: EC2_TRUST,
        },
      ],
      Tags: [],
    });
    expect(ok(call(world, ListInstanceProfiles, { PathPrefix: '/app/' }))).toMatchObject({
      InstanceProfiles: [{ InstanceProfileName: 'web', Roles: [{ RoleName: 'web' }] }],
      IsTruncated: false,
    });
  });

  it('refuses a second role: one role per instance profile', () => {
    const world = setUp();
    ok(call(world, CreateInstanceProfile, { InstanceProfileName: 'web' }));
    ok(call(world, AddRoleToInstanceProfile, { InstanceProfileName: 'web', RoleName: 'web' }));
    expect(
      failure(
        call(world, AddRoleToInstanceProfile, { InstanceProfileName: 'web', RoleName: 'batch' }),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    });
  });

  it('says which part is missing', () => {
    const world = setUp();
    ok(call(world, CreateInstanceProfile, { InstanceProfileName: 'web' }));
    expect(failure(call(world, GetInstanceProfile, { InstanceProfileName: 'nope' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'Instance Profile nope cannot be found.',
    });
    expect(failure(call(world, CreateInstanceProfile, { InstanceProfileName: 'WEB' }))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Instance Profile WEB already exists.',
    });
    expect(
      failure(
        call(world, RemoveRoleFromInstanceProfile, { InstanceProfileName: 'web', RoleName: 'web' }),
      ),
    ).toEqual({
      code: 'NoSuchEntity',
      message: 'Role web in Instance Profile web cannot be found.',
    });
  });

  it('deletes a profile only once its role is removed', () => {
    const world = setUp();
    ok(call(world, CreateInstanceProfile, { InstanceProfileName: 'web' }));
    ok(call(world, AddRoleToInstanceProfile, { InstanceProfileName: 'web', RoleName: 'web' }));
    expect(failure(call(world, DeleteInstanceProfile, { InstanceProfileName: 'web' }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
    ok(call(world, RemoveRoleFromInstanceProfile, { InstanceProfileName: 'web', RoleName: 'web' }));
    ok(call(world, DeleteInstanceProfile, { InstanceProfileName: 'web' }));
    expect(failure(call(world, GetInstanceProfile, { InstanceProfileName: 'web' })).code).toBe(
      'NoSuchEntity',
    );
  });

  it('adding a role needs iam:PassRole on it as well as iam:AddRoleToInstanceProfile', () => {
    const world = setUp();
    ok(call(world, CreateInstanceProfile, { InstanceProfileName: 'web' }));
    const add = { Effect: 'Allow', Action: 'iam:AddRoleToInstanceProfile', Resource: '*' };
    putUser(world, 'bob', BOB, { add: { Version: '2012-10-17', Statement: [add] } });
    const request = { InstanceProfileName: 'web', RoleName: 'web' };
    expect(failure(call(world, AddRoleToInstanceProfile, request, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/web`),
    });
    const pass = {
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${ACCOUNT}:role/web`,
    };
    putUser(world, 'bob', BOB, { add: { Version: '2012-10-17', Statement: [add, pass] } });
    expect(call(world, AddRoleToInstanceProfile, request, BOB).ok).toBe(true);
  });

  it('is denied without iam:CreateInstanceProfile', () => {
    const world = setUp();
    putUser(world, 'bob', BOB);
    expect(
      failure(call(world, CreateInstanceProfile, { InstanceProfileName: 'web' }, BOB)),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage(
        'bob',
        'iam:CreateInstanceProfile',
        `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
      ),
    });
  });
});
