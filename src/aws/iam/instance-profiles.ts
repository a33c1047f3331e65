// Instance profiles (id_roles_use_switch-role-ec2_instance-profiles): the container that passes
// a role to an EC2 instance, with at most one role (`Cannot exceed quota for
// InstanceSessionsPerInstanceProfile: 1`, not adjustable). Adding a role passes it, so the caller
// also needs iam:PassRole on the role (API_AddRoleToInstanceProfile). A profile is deleted only
// without a role.
import { authorize } from '../authorize.js';
import { AwsError, limitExceeded, mustDeleteFirst } from '../errors.js';
import { newId } from '../ids.js';
import { requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, IamRole, InstanceProfile } from '../world.js';
import {
  callerAccount,
  entityArn,
  iamArn,
  nameTaken,
  requireInstanceProfile,
  requireRole,
} from './account.js';
import { listed } from './pages.js';
import { requestTags, tagContext } from './tags.js';
import { instanceProfileView } from './views.js';
import { checkPath } from './path.js';

const MAX_ROLES = 1;

const profileResource: Operation['resource'] = (env, params) =>
  entityArn(callerAccount(env), 'instance-profile', requiredText(params, 'InstanceProfileName'));

function rolesOf(account: Account, profile: InstanceProfile): IamRole[] {
  return profile.roles
    .map((name) => account.iam.roles[name.toLowerCase()])
    .filter((role): role is IamRole => role !== undefined);
}

export const CreateInstanceProfile: Operation = {
  service: 'iam',
  name: 'CreateInstanceProfile',
  ownChecks: { Path: checkPath },
  action: 'iam:CreateInstanceProfile',
  resource: (env, params) =>
    iamArn(
      callerAccount(env).id,
      'instance-profile',
      text(params, 'Path') ?? '/',
      requiredText(params, 'InstanceProfileName'),
    ),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const name = requiredText(params, 'InstanceProfileName');
    if (nameTaken(account, 'instance-profile', name)) {
      throw new AwsError('EntityAlreadyExists', `Instance Profile ${name} already exists.`);
    }
    const tags = requestTags(params);
    const path = text(params, 'Path') ?? '/';
    const profile: InstanceProfile = {
      instanceProfileName: name,
      instanceProfileId: newId(env.world, 'AIPA'),
      arn: iamArn(account.id, 'instance-profile', path, name),
      path,
      createDate: isoSeconds(env.world.now),
      roles: [],
      tags,
    };
    account.iam.instanceProfiles[name.toLowerCase()] = profile;
    return { InstanceProfile: instanceProfileView(profile, [], 'when-set') };
  },
};

export const GetInstanceProfile: Operation = {
  service: 'iam',
  name: 'GetInstanceProfile',
  action: 'iam:GetInstanceProfile',
  resource: profileResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const profile = requireInstanceProfile(account, requiredText(params, 'InstanceProfileName'));
    return { InstanceProfile: instanceProfileView(profile, rolesOf(account, profile), 'always') };
  },
};

export const ListInstanceProfiles: Operation = {
  service: 'iam',
  name: 'ListInstanceProfiles',
  action: 'iam:ListInstanceProfiles',
  resource: (env, params) =>
    `arn:aws:iam::${callerAccount(env).id}:instance-profile${text(params, 'PathPrefix') ?? '/'}`,
  run: (env, params) => {
    const account = callerAccount(env);
    const prefix = text(params, 'PathPrefix') ?? '/';
    const profiles = Object.values(account.iam.instanceProfiles).filter((profile) =>
      profile.path.startsWith(prefix),
    );
    return listed('InstanceProfiles', profiles, params, (profile) =>
      instanceProfileView(profile, rolesOf(account, profile), 'never'),
    );
  },
};

export const AddRoleToInstanceProfile: Operation = {
  service: 'iam',
  name: 'AddRoleToInstanceProfile',
  action: 'iam:AddRoleToInstanceProfile',
  resource: profileResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const profile = requireInstanceProfile(account, requiredText(params, 'InstanceProfileName'));
    const role = requireRole(account, requiredText(params, 'RoleName'));
    if (profile.roles.length >= MAX_ROLES) {
      throw limitExceeded('InstanceSessionsPerInstanceProfile', MAX_ROLES);
    }
    authorize(env, { service: 'iam', action: 'iam:PassRole', resource: role.arn });
    profile.roles.push(role.roleName);
    return {};
  },
};

export const RemoveRoleFromInstanceProfile: Operation = {
  service: 'iam',
  name: 'RemoveRoleFromInstanceProfile',
  action: 'iam:RemoveRoleFromInstanceProfile',
  resource: profileResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const profile = requireInstanceProfile(account, requiredText(params, 'InstanceProfileName'));
    const role = requireRole(account, requiredText(params, 'RoleName'));
    const index = profile.roles.findIndex(
      (name) => name.toLowerCase() === role.roleName.toLowerCase(),
    );
    if (index < 0) {
      throw new AwsError(
        'NoSuchEntity',
        `Role ${role.roleName} in Instance Profile ${profile.instanceProfileName} cannot be found.`,
      );
    }
    profile.roles.splice(index, 1);
    return {};
  },
};

export const DeleteInstanceProfile: Operation = {
  service: 'iam',
  name: 'DeleteInstanceProfile',
  action: 'iam:DeleteInstanceProfile',
  resource: profileResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const profile = requireInstanceProfile(account, requiredText(params, 'InstanceProfileName'));
    if (profile.roles.length > 0) throw mustDeleteFirst('remove roles from instance profile');
    Reflect.deleteProperty(account.iam.instanceProfiles, profile.instanceProfileName.toLowerCase());
    return {};
  },
};
