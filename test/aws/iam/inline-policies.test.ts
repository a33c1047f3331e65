// Inline policies (access_policies_managed-vs-inline; API_PutUserPolicy, API_GetRolePolicy,
// API_DeleteUserPolicy, API_ListRolePolicies and twins), and the entity's size allowance
// (reference_iam-quotas: user 2,048, group 5,120, role 10,240 characters, whitespace not counted).
import { describe, expect, it } from 'vitest';
import { CreateGroup } from '../../../src/aws/iam/groups.js';
import {
  DeleteRolePolicy,
  DeleteUserPolicy,
  GetRolePolicy,
  GetUserPolicy,
  ListRolePolicies,
  ListUserPolicies,
  PutGroupPolicy,
  PutRolePolicy,
  PutUserPolicy,
} from '../../../src/aws/iam/inline-policies.js';
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
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** A policy of exactly `size` counted characters: one statement allowing s3 actions on a long ARN. */
function policyOfSize(size: number): string {
  const empty = JSON.stringify(allowing('s3:GetObject', 'arn:aws:s3:::'));
  return JSON.stringify(
    allowing('s3:GetObject', `arn:aws:s3:::${'b'.repeat(size - empty.length)}`),
  );
}

describe('inline policies', () => {
  it('put, get (the document parsed, as the CLI shows it), list and delete', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    const document = allowing('iam:ListUsers');
    ok(
      call(world, PutUserPolicy, {
        UserName: 'bob',
        PolicyName: 'list',
        PolicyDocument: JSON.stringify(document),
      }),
    );
    expect(call(world, ListUsers, {}, BOB).ok).toBe(true);
    expect(ok(call(world, GetUserPolicy, { UserName: 'bob', PolicyName: 'list' }))).toEqual({
      UserName: 'bob',
      PolicyName: 'list',
      PolicyDocument: document,
    });
    expect(ok(call(world, ListUserPolicies, { UserName: 'bob' }))).toEqual({
      PolicyNames: ['list'],
      IsTruncated: false,
    });
    ok(call(world, DeleteUserPolicy, { UserName: 'bob', PolicyName: 'list' }));
    expect(call(world, ListUsers, {}, BOB).ok).toBe(false);
    expect(failure(call(world, GetUserPolicy, { UserName: 'bob', PolicyName: 'list' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user policy with name list cannot be found.',
    });
  });

  it('replaces a policy put again under the same name', () => {
    const world = lessonWorld();
    ok(call(world, CreateRole, { RoleName: 'app', AssumeRolePolicyDocument: TRUST }));
    ok(
      call(world, PutRolePolicy, {
        RoleName: 'app',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify(allowing('s3:GetObject')),
      }),
    );
    ok(
      call(world, PutRolePolicy, {
        RoleName: 'app',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify(allowing('s3:PutObject')),
      }),
    );
    expect(ok(call(world, ListRolePolicies, { RoleName: 'app' })).PolicyNames).toEqual(['p']);
    expect(
      ok(call(world, GetRolePolicy, { RoleName: 'app', PolicyName: 'p' })).PolicyDocument,
    ).toEqual(allowing('s3:PutObject'));
    expect(
      failure(call(world, DeleteRolePolicy, { RoleName: 'app', PolicyName: 'other' })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: 'The role policy with name other cannot be found.',
    });
  });

  it("counts all of a user's inline policies together against 2,048 characters, whitespace not counted", () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    ok(
      call(world, PutUserPolicy, {
        UserName: 'bob',
        PolicyName: 'a',
        PolicyDocument: policyOfSize(1000),
      }),
    );
    const spaced = JSON.stringify(JSON.parse(policyOfSize(1048)), null, 8);
    ok(call(world, PutUserPolicy, { UserName: 'bob', PolicyName: 'b', PolicyDocument: spaced }));
    expect(
      failure(
        call(world, PutUserPolicy, {
          UserName: 'bob',
          PolicyName: 'c',
          PolicyDocument: policyOfSize(200),
        }),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user bob',
    });
    ok(
      call(world, PutUserPolicy, {
        UserName: 'bob',
        PolicyName: 'b',
        PolicyDocument: policyOfSize(900),
      }),
    );
  });

  it('allows a role 10,240 and a group 5,120 characters', () => {
    const world = lessonWorld();
    ok(call(world, CreateRole, { RoleName: 'app', AssumeRolePolicyDocument: TRUST }));
    ok(call(world, CreateGroup, { GroupName: 'devs' }));
    ok(
      call(world, PutRolePolicy, {
        RoleName: 'app',
        PolicyName: 'p',
        PolicyDocument: policyOfSize(10240),
      }),
    );
    expect(
      failure(
        call(world, PutRolePolicy, {
          RoleName: 'app',
          PolicyName: 'p',
          PolicyDocument: policyOfSize(10241),
        }),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 10240 bytes exceeded for role app',
    });
    ok(
      call(world, PutGroupPolicy, {
        GroupName: 'devs',
        PolicyName: 'p',
        PolicyDocument: policyOfSize(5120),
      }),
    );
    expect(
      failure(
        call(world, PutGroupPolicy, {
          GroupName: 'devs',
          PolicyName: 'p',
          PolicyDocument: policyOfSize(5121),
        }),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 5120 bytes exceeded for group devs',
    });
  });

  it("refuses malformed documents with the validator's MalformedPolicyDocument", () => {
    const world = lessonWorld();
    expect(
      failure(
        call(world, PutUserPolicy, {
          UserName: 'admin',
          PolicyName: 'p',
          PolicyDocument: '{"Statement": [',
        }),
      ),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Syntax errors in policy.',
    });
    const noAction = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Resource: '*' }],
    });
    expect(
      failure(
        call(world, PutUserPolicy, {
          UserName: 'admin',
          PolicyName: 'p',
          PolicyDocument: noAction,
        }),
      ),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Policy statement must contain actions.',
    });
  });

  it('is denied without iam:PutUserPolicy on the user', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(
        call(
          world,
          PutUserPolicy,
          { UserName: 'bob', PolicyName: 'p', PolicyDocument: JSON.stringify(allowing('*')) },
          BOB,
        ),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:PutUserPolicy', `arn:aws:iam::${ACCOUNT}:user/bob`),
    });
  });
});
