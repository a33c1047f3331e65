// EC2 instance profile associations through callApi (attach-replace-ec2-instance-profile;
// API_DescribeIamInstanceProfileAssociations, API_ReplaceIamInstanceProfileAssociation,
// API_DisassociateIamInstanceProfile): the associations an account has, found by id or by the
// `instance-id` and `state` filters, and the role IMDS hands out following each change.
import { describe, expect, it } from 'vitest';
import {
  DescribeIamInstanceProfileAssociations,
  DisassociateIamInstanceProfile,
  ReplaceIamInstanceProfileAssociation,
  RunInstances,
  TerminateInstances,
} from '../../src/aws/ec2.js';
import { instanceRoleCredentials } from '../../src/aws/imds.js';
import {
  AddRoleToInstanceProfile,
  CreateInstanceProfile,
} from '../../src/aws/iam/instance-profiles.js';
import { CreateRole } from '../../src/aws/iam/roles.js';
import type { World } from '../../src/aws/world.js';
import { ACCOUNT, call, failure, lessonWorld, ok } from './fixtures.js';

const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** Roles `app` and `reports`, each in an instance profile of its name, and one instance per name. */
function withInstances(): { world: World; app: string; reports: string } {
  const world = lessonWorld();
  const launch = (name: string) => {
    ok(call(world, CreateRole, { RoleName: name, AssumeRolePolicyDocument: EC2_TRUST }));
    ok(call(world, CreateInstanceProfile, { InstanceProfileName: name }));
    ok(call(world, AddRoleToInstanceProfile, { InstanceProfileName: name, RoleName: name }));
    const { Instances } = ok(
      call(world, RunInstances, {
        ImageId: 'ami-0fff1b9a61dec8a5f',
        IamInstanceProfile: { Name: name },
      }),
    );
    return (Instances as { InstanceId: string }[])[0]?.InstanceId ?? '';
  };
  return { world, app: launch('app'), reports: launch('reports') };
}

interface Association {
  AssociationId: string;
  InstanceId: string;
  IamInstanceProfile: { Arn: string };
  State: string;
}

const associations = (world: World, params: Record<string, unknown> = {}) =>
  ok(call(world, DescribeIamInstanceProfileAssociations, params))
    .IamInstanceProfileAssociations as Association[];

describe('DescribeIamInstanceProfileAssociations', () => {
  it('shows the associations made at launch, by id or filtered by instance id and state', () => {
    const { world, app, reports } = withInstances();
    const all = associations(world);
    expect(all.map((a) => [a.InstanceId, a.IamInstanceProfile.Arn, a.State])).toEqual([
      [app, `arn:aws:iam::${ACCOUNT}:instance-profile/app`, 'associated'],
      [reports, `arn:aws:iam::${ACCOUNT}:instance-profile/reports`, 'associated'],
    ]);
    const first = all[0]?.AssociationId;
    expect(associations(world, { AssociationIds: [first] }).map((a) => a.InstanceId)).toEqual([
      app,
    ]);
    expect(
      associations(world, { Filters: [{ Name: 'instance-id', Values: [reports] }] }).map(
        (a) => a.InstanceId,
      ),
    ).toEqual([reports]);
    expect(
      associations(world, { Filters: [{ Name: 'state', Values: ['disassociated'] }] }),
    ).toEqual([]);
    expect(
      failure(call(world, DescribeIamInstanceProfileAssociations, { Filters: [{ Name: 'role' }] })),
    ).toEqual({ code: 'InvalidParameterValue', message: "The filter 'role' is invalid" });
    expect(
      failure(
        call(world, DescribeIamInstanceProfileAssociations, { AssociationIds: ['iip-assoc-0'] }),
      ),
    ).toEqual({
      code: 'InvalidAssociationID.NotFound',
      message: "An invalid association-id of 'iip-assoc-0' was given",
    });
  });

  it("a terminated instance's association goes with it", () => {
    const { world, app, reports } = withInstances();
    ok(call(world, TerminateInstances, { InstanceIds: [app] }));
    expect(associations(world).map((a) => a.InstanceId)).toEqual([reports]);
  });
});

describe('ReplaceIamInstanceProfileAssociation and DisassociateIamInstanceProfile', () => {
  it("IMDS follows the instance's profile: the new role at once, then no role", () => {
    const { world, app } = withInstances();
    const instance = world.instances[app];
    if (!instance) throw new Error('no instance');
    expect(instanceRoleCredentials(world, instance)?.roleName).toBe('app');
    const [launched] = associations(world, { Filters: [{ Name: 'instance-id', Values: [app] }] });
    const replaced = ok(
      call(world, ReplaceIamInstanceProfileAssociation, {
        AssociationId: launched?.AssociationId,
        IamInstanceProfile: { Name: 'reports' },
      }),
    ).IamInstanceProfileAssociation as Association;
    expect(replaced.AssociationId).not.toBe(launched?.AssociationId);
    expect(instanceRoleCredentials(world, instance)?.roleName).toBe('reports');
    // The old association is gone: it can no longer be replaced or disassociated.
    expect(
      failure(
        call(world, DisassociateIamInstanceProfile, { AssociationId: launched?.AssociationId }),
      ).code,
    ).toBe('InvalidAssociationID.NotFound');
    expect(
      ok(call(world, DisassociateIamInstanceProfile, { AssociationId: replaced.AssociationId }))
        .IamInstanceProfileAssociation,
    ).toMatchObject({ InstanceId: app, State: 'disassociating' });
    expect(instanceRoleCredentials(world, instance)).toBeUndefined();
  });
});
