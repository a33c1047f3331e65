// Groups through callApi (id_groups; API_CreateGroup, API_GetGroup, API_ListGroups,
// API_AddUserToGroup, API_RemoveUserFromGroup, API_ListGroupsForUser): membership gives the
// group's policies.
import { describe, expect, it } from 'vitest';
import { AttachGroupPolicy } from '../../../src/aws/iam/attached-policies.js';
import {
  AddUserToGroup,
  CreateGroup,
  GetGroup,
  ListGroups,
  ListGroupsForUser,
  RemoveUserFromGroup,
} from '../../../src/aws/iam/groups.js';
import { ListUsers } from '../../../src/aws/iam/users.js';
import { ACCOUNT, call, deniedMessage, failure, lessonWorld, ok, putUser } from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };

describe('groups', () => {
  it('creates a group with an AGPA id and shows its members', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(ok(call(world, CreateGroup, { GroupName: 'devs', Path: '/eng/' }))).toEqual({
      Group: {
        Path: '/eng/',
        GroupName: 'devs',
        GroupId: expect.stringMatching(/^AGPA[A-Z2-7]{17}$/) as unknown,
        Arn: `arn:aws:iam::${ACCOUNT}:group/eng/devs`,
        CreateDate: '2026-11-30T10:00:00Z',
      },
    });
    ok(call(world, AddUserToGroup, { GroupName: 'devs', UserName: 'bob' }));
    ok(call(world, AddUserToGroup, { GroupName: 'DEVS', UserName: 'bob' }));
    const group = ok(call(world, GetGroup, { GroupName: 'devs' }));
    expect(group).toMatchObject({ Users: [{ UserName: 'bob' }], IsTruncated: false });
    expect(ok(call(world, ListGroupsForUser, { UserName: 'bob' }))).toMatchObject({
      Groups: [{ GroupName: 'devs' }],
      IsTruncated: false,
    });
  });

  it("gives members the group's policies, until they are removed", () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    ok(call(world, CreateGroup, { GroupName: 'readers' }));
    ok(
      call(world, AttachGroupPolicy, {
        GroupName: 'readers',
        PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      }),
    );
    ok(call(world, AddUserToGroup, { GroupName: 'readers', UserName: 'bob' }));
    expect(call(world, ListUsers, {}, BOB).ok).toBe(false);
    ok(
      call(world, AttachGroupPolicy, {
        GroupName: 'readers',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    );
    expect(call(world, ListUsers, {}, BOB).ok).toBe(true);
    ok(call(world, RemoveUserFromGroup, { GroupName: 'readers', UserName: 'bob' }));
    expect(call(world, ListUsers, {}, BOB).ok).toBe(false);
    expect(ok(call(world, RemoveUserFromGroup, { GroupName: 'readers', UserName: 'bob' }))).toEqual(
      {},
    );
  });

  it('refuses an eleventh group, duplicates and unknown names', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    for (let i = 0; i < 11; i++) ok(call(world, CreateGroup, { GroupName: `g${i}` }));
    for (let i = 0; i < 10; i++)
      ok(call(world, AddUserToGroup, { GroupName: `g${i}`, UserName: 'bob' }));
    expect(failure(call(world, AddUserToGroup, { GroupName: 'g10', UserName: 'bob' }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
    expect(failure(call(world, CreateGroup, { GroupName: 'G1' }))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Group with name G1 already exists.',
    });
    expect(failure(call(world, AddUserToGroup, { GroupName: 'nope', UserName: 'bob' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The group with name nope cannot be found.',
    });
    expect(failure(call(world, AddUserToGroup, { GroupName: 'g1', UserName: 'nobody' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name nobody cannot be found.',
    });
  });

  it('AddUserToGroup is authorized on the group', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB, {
      join: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:AddUserToGroup',
            Resource: `arn:aws:iam::${ACCOUNT}:group/open`,
          },
        ],
      },
    });
    ok(call(world, CreateGroup, { GroupName: 'open' }));
    ok(call(world, CreateGroup, { GroupName: 'admins' }));
    expect(call(world, AddUserToGroup, { GroupName: 'open', UserName: 'bob' }, BOB).ok).toBe(true);
    expect(
      failure(call(world, AddUserToGroup, { GroupName: 'admins', UserName: 'bob' }, BOB)),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:AddUserToGroup', `arn:aws:iam::${ACCOUNT}:group/admins`),
    });
  });
});

describe('ListGroups', () => {
  // API_ListGroups: "Lists the IAM groups that have the specified path prefix", paged by
  // MaxItems and Marker like every IAM list.
  it("lists the account's groups, under a path prefix, a page at a time", () => {
    const world = lessonWorld();
    ok(call(world, CreateGroup, { GroupName: 'devs', Path: '/eng/' }));
    ok(call(world, CreateGroup, { GroupName: 'admins' }));
    const names = (params: Record<string, unknown>) => {
      const { Groups, ...rest } = ok(call(world, ListGroups, params));
      return { names: (Groups as { GroupName: string }[]).map((g) => g.GroupName), ...rest };
    };
    expect(names({})).toEqual({ names: ['devs', 'admins'], IsTruncated: false });
    expect(names({ PathPrefix: '/eng/' })).toEqual({ names: ['devs'], IsTruncated: false });
    expect(names({ MaxItems: 1 })).toEqual({ names: ['devs'], IsTruncated: true, Marker: '1' });
    expect(names({ MaxItems: 1, Marker: '1' })).toEqual({ names: ['admins'], IsTruncated: false });
    expect(ok(call(world, ListGroups, { PathPrefix: '/eng/' })).Groups).toEqual([
      {
        Path: '/eng/',
        GroupName: 'devs',
        GroupId: expect.stringMatching(/^AGPA/) as unknown,
        Arn: `arn:aws:iam::${ACCOUNT}:group/eng/devs`,
        CreateDate: '2026-11-30T10:00:00Z',
      },
    ]);
  });

  it('is denied without iam:ListGroups', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, ListGroups, {}, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:ListGroups', `arn:aws:iam::${ACCOUNT}:group/`),
    });
  });
});
