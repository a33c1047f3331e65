// Roles through callApi (id_roles; API_CreateRole, API_GetRole, API_ListRoles, API_DeleteRole,
// API_UpdateAssumeRolePolicy, API_UpdateRole, API_TagRole; reference_policies_elements_principal).
import { describe, expect, it } from 'vitest';
import { AttachRolePolicy } from '../../../src/aws/iam/attached-policies.js';
import { PutRolePolicy } from '../../../src/aws/iam/inline-policies.js';
import {
  AddRoleToInstanceProfile,
  CreateInstanceProfile,
} from '../../../src/aws/iam/instance-profiles.js';
import {
  CreateRole,
  DeleteRole,
  GetRole,
  ListRoles,
  UpdateAssumeRolePolicy,
  UpdateRole,
} from '../../../src/aws/iam/roles.js';
import { TagRole } from '../../../src/aws/iam/tags.js';
import { AssumeRole } from '../../../src/aws/sts.js';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  ROOT_KEY,
  allowing,
  call,
  deniedMessage,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const trusting = (principal: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
});
const EC2_TRUST = trusting({ Service: 'ec2.amazonaws.com' });

function createRole(
  world: ReturnType<typeof lessonWorld>,
  name = 'app',
  extra: Record<string, unknown> = {},
) {
  return ok(
    call(world, CreateRole, {
      RoleName: name,
      AssumeRolePolicyDocument: JSON.stringify(EC2_TRUST),
      ...extra,
    }),
  );
}

describe('CreateRole and GetRole', () => {
  it('creates an AROA role; CreateRole shows no MaxSessionDuration, GetRole does, with RoleLastUsed', () => {
    const world = lessonWorld();
    expect(createRole(world, 'app', { Path: '/service/', Description: 'the app' })).toEqual({
      Role: {
        Path: '/service/',
        RoleName: 'app',
        RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/) as unknown,
        Arn: `arn:aws:iam::${ACCOUNT}:role/service/app`,
        CreateDate: '2026-11-30T10:00:00Z',
        AssumeRolePolicyDocument: EC2_TRUST,
        Description: 'the app',
      },
    });
    expect(ok(call(world, GetRole, { RoleName: 'app' })).Role).toMatchObject({
      MaxSessionDuration: 3600,
      RoleLastUsed: {},
      AssumeRolePolicyDocument: EC2_TRUST,
    });
  });

  it('refuses a taken name, a name over 64 characters and a missing role', () => {
    const world = lessonWorld();
    createRole(world, 'App');
    expect(
      failure(
        call(world, CreateRole, {
          RoleName: 'app',
          AssumeRolePolicyDocument: JSON.stringify(EC2_TRUST),
        }),
      ),
    ).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Role with name app already exists.',
    });
    expect(failure(call(world, GetRole, { RoleName: 'r'.repeat(65) }))).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
    });
    expect(failure(call(world, GetRole, { RoleName: 'test-nonexistent-role' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name test-nonexistent-role cannot be found.',
    });
  });

  it('checks the trust policy as a trust policy', () => {
    const world = lessonWorld();
    const withResource = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Resource: '*',
        },
      ],
    };
    expect(
      failure(
        call(world, CreateRole, {
          RoleName: 'x',
          AssumeRolePolicyDocument: JSON.stringify(withResource),
        }),
      ),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Has prohibited field Resource',
    });
    const long = trusting({
      AWS: Array.from(
        { length: 60 },
        (_, i) => `arn:aws:iam::${OTHER_ACCOUNT}:role/r${'x'.repeat(10)}${i}`,
      ),
    });
    expect(
      failure(
        call(world, CreateRole, { RoleName: 'x', AssumeRolePolicyDocument: JSON.stringify(long) }),
      ),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
  });

  it('refuses a trust policy naming a user, role or provider that does not exist in a known account', () => {
    const world = lessonWorld();
    const missingRole = `arn:aws:iam::${OTHER_ACCOUNT}:role/pipeline`;
    expect(
      failure(
        call(world, CreateRole, {
          RoleName: 'x',
          AssumeRolePolicyDocument: JSON.stringify(trusting({ AWS: missingRole })),
        }),
      ),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: `Invalid principal in policy: "AWS":"${missingRole}"`,
    });
    const ghost = `arn:aws:iam::${ACCOUNT}:user/ghost`;
    expect(
      failure(
        call(world, CreateRole, {
          RoleName: 'x',
          AssumeRolePolicyDocument: JSON.stringify(trusting({ AWS: ghost })),
        }),
      ),
    ).toEqual({
      code: 'MalformedPolicyDocument',
      message: `Invalid principal in policy: "AWS":"${ghost}"`,
    });
    const github = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    expect(
      failure(
        call(world, CreateRole, {
          RoleName: 'x',
          AssumeRolePolicyDocument: JSON.stringify(trusting({ Federated: github })),
        }),
      ).message,
    ).toBe(`Invalid principal in policy: "Federated":"${github}"`);
    const admin = `arn:aws:iam::${ACCOUNT}:user/admin`;
    expect(
      call(world, CreateRole, {
        RoleName: 'x',
        AssumeRolePolicyDocument: JSON.stringify(trusting({ AWS: admin })),
      }).ok,
    ).toBe(true);
  });

  // reference_policies_elements_principal, "AWS account principals": an account id and the
  // account's ARN both name the account; IAM stores and shows the ARN.
  it('stores an account named by its id as the account ARN, keeping one value or a list', () => {
    const world = lessonWorld();
    const principalOf = (name: string) =>
      (
        ok(call(world, GetRole, { RoleName: name })).Role as {
          AssumeRolePolicyDocument: { Statement: { Principal: unknown }[] };
        }
      ).AssumeRolePolicyDocument.Statement[0]?.Principal;
    ok(
      call(world, CreateRole, {
        RoleName: 'auditor',
        AssumeRolePolicyDocument: JSON.stringify(trusting({ AWS: '999988887777' })),
      }),
    );
    expect(principalOf('auditor')).toEqual({ AWS: 'arn:aws:iam::999988887777:root' });
    ok(
      call(world, UpdateAssumeRolePolicy, {
        RoleName: 'auditor',
        PolicyDocument: JSON.stringify(
          trusting({
            AWS: [ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/admin`],
            Service: 'ec2.amazonaws.com',
          }),
        ),
      }),
    );
    expect(principalOf('auditor')).toEqual({
      AWS: [`arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${ACCOUNT}:user/admin`],
      Service: 'ec2.amazonaws.com',
    });
    // Stored as the ARN, it still lets the account in (with the caller's own allow).
    expect(
      call(world, AssumeRole, {
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/auditor`,
        RoleSessionName: 'admin',
      }).ok,
    ).toBe(true);
  });

  it('a role created for a user can be assumed by that user, for up to MaxSessionDuration', () => {
    const world = lessonWorld();
    const trust = JSON.stringify(trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }));
    ok(
      call(world, CreateRole, {
        RoleName: 'ops',
        AssumeRolePolicyDocument: trust,
        MaxSessionDuration: 7200,
      }),
    );
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/ops`;
    expect(
      call(world, AssumeRole, {
        RoleArn: roleArn,
        RoleSessionName: 'admin-session',
        DurationSeconds: 7200,
      }).ok,
    ).toBe(true);
    ok(call(world, UpdateRole, { RoleName: 'ops', MaxSessionDuration: 3600 }));
    expect(
      failure(
        call(world, AssumeRole, {
          RoleArn: roleArn,
          RoleSessionName: 'admin-session',
          DurationSeconds: 7200,
        }),
      ),
    ).toEqual({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });

  it('is denied without iam:CreateRole', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(
        call(
          world,
          CreateRole,
          { RoleName: 'app', AssumeRolePolicyDocument: JSON.stringify(EC2_TRUST) },
          BOB,
        ),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/app`),
    });
  });
});

describe('ListRoles, UpdateRole, UpdateAssumeRolePolicy, TagRole', () => {
  it('lists roles under a prefix with their trust policy and duration, without tags', () => {
    const world = lessonWorld();
    createRole(world, 'a', { Path: '/svc/', Tags: [{ Key: 'k', Value: 'v' }] });
    createRole(world, 'b');
    const roles = ok(call(world, ListRoles, { PathPrefix: '/svc/' }));
    expect(roles).toEqual({
      Roles: [
        {
          Path: '/svc/',
          RoleName: 'a',
          RoleId: expect.any(String) as unknown,
          Arn: `arn:aws:iam::${ACCOUNT}:role/svc/a`,
          CreateDate: '2026-11-30T10:00:00Z',
          AssumeRolePolicyDocument: EC2_TRUST,
          MaxSessionDuration: 3600,
        },
      ],
      IsTruncated: false,
    });
  });

  it('UpdateRole refuses a MaxSessionDuration outside one to twelve hours', () => {
    const world = lessonWorld();
    createRole(world);
    expect(
      failure(call(world, UpdateRole, { RoleName: 'app', MaxSessionDuration: 50000 })),
    ).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    });
    ok(call(world, UpdateRole, { RoleName: 'app', Description: 'new' }));
    expect(ok(call(world, GetRole, { RoleName: 'app' })).Role).toMatchObject({
      Description: 'new',
      MaxSessionDuration: 3600,
    });
  });

  it('UpdateAssumeRolePolicy changes who may assume the role', () => {
    const world = lessonWorld();
    createRole(world, 'ops');
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/ops`;
    expect(
      failure(call(world, AssumeRole, { RoleArn: roleArn, RoleSessionName: 'admin-session' })).code,
    ).toBe('AccessDenied');
    const trust = trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/admin` });
    ok(
      call(world, UpdateAssumeRolePolicy, {
        RoleName: 'ops',
        PolicyDocument: JSON.stringify(trust),
      }),
    );
    expect(ok(call(world, GetRole, { RoleName: 'ops' })).Role).toMatchObject({
      AssumeRolePolicyDocument: trust,
    });
    expect(call(world, AssumeRole, { RoleArn: roleArn, RoleSessionName: 'admin-session' }).ok).toBe(
      true,
    );
    expect(
      failure(
        call(world, UpdateAssumeRolePolicy, {
          RoleName: 'ops',
          PolicyDocument: JSON.stringify(allowing('s3:*')),
        }),
      ).code,
    ).toBe('MalformedPolicyDocument');
  });

  it('TagRole adds tags, which GetRole shows', () => {
    const world = lessonWorld();
    createRole(world);
    ok(call(world, TagRole, { RoleName: 'app', Tags: [{ Key: 'env', Value: 'prod' }] }));
    expect(ok(call(world, GetRole, { RoleName: 'app' })).Role).toMatchObject({
      Tags: [{ Key: 'env', Value: 'prod' }],
    });
    expect(
      failure(call(world, TagRole, { RoleName: 'ghost', Tags: [{ Key: 'a', Value: 'b' }] })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name ghost cannot be found.',
    });
  });
});

describe('DeleteRole', () => {
  it('refuses while in an instance profile or with policies, then deletes', () => {
    const world = lessonWorld();
    createRole(world);
    ok(call(world, CreateInstanceProfile, { InstanceProfileName: 'app' }));
    ok(call(world, AddRoleToInstanceProfile, { InstanceProfileName: 'app', RoleName: 'app' }));
    ok(
      call(world, PutRolePolicy, {
        RoleName: 'app',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify(allowing('s3:*')),
      }),
    );
    ok(
      call(world, AttachRolePolicy, {
        RoleName: 'app',
        PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      }),
    );
    const conflict = (message: string) => ({ code: 'DeleteConflict', message });
    expect(failure(call(world, DeleteRole, { RoleName: 'app' }))).toEqual(
      conflict('Cannot delete entity, must remove roles from instance profile first.'),
    );
    const iam = world.accounts[ACCOUNT]?.iam;
    const profile = iam?.instanceProfiles.app;
    if (profile) profile.roles = [];
    expect(failure(call(world, DeleteRole, { RoleName: 'app' }))).toEqual(
      conflict('Cannot delete entity, must delete policies first.'),
    );
    const role = iam?.roles.app;
    if (role) role.inlinePolicies = {};
    expect(failure(call(world, DeleteRole, { RoleName: 'app' }))).toEqual(
      conflict('Cannot delete entity, must detach all policies first.'),
    );
    if (role) role.attachedPolicies = [];
    expect(ok(call(world, DeleteRole, { RoleName: 'app' }, ROOT_KEY))).toEqual({});
    expect(failure(call(world, GetRole, { RoleName: 'app' })).code).toBe('NoSuchEntity');
  });
});
