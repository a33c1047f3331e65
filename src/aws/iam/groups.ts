// IAM groups (id_groups): a user is in at most 10 (reference_iam-quotas); adding a member twice
// or removing a non-member succeeds without change (localstack test_iam_users snapshot).
// ListGroups lists the account's groups under a path prefix, as ListUsers lists users.
import { entityAlreadyExists, limitExceeded } from '../errors.js';
import { newId } from '../ids.js';
import { requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, IamGroup } from '../world.js';
import {
  callerAccount,
  entityArn,
  iamArn,
  nameTaken,
  requireGroup,
  requireUser,
} from './account.js';
import { listed } from './pages.js';
import { groupView, userView } from './views.js';
import { checkPath } from './path.js';

export const MAX_GROUPS_PER_USER = 10;

const groupResource: Operation['resource'] = (env, params) =>
  entityArn(callerAccount(env), 'group', requiredText(params, 'GroupName'));

const isGroup = (group: IamGroup) => (name: string) =>
  name.toLowerCase() === group.groupName.toLowerCase();

/** The users of the account that are members of the group. */
function members(account: Account, group: IamGroup) {
  return Object.values(account.iam.users).filter((user) => user.groups.some(isGroup(group)));
}

export const CreateGroup: Operation = {
  service: 'iam',
  name: 'CreateGroup',
  ownChecks: { Path: checkPath },
  action: 'iam:CreateGroup',
  resource: (env, params) =>
    iamArn(
      callerAccount(env).id,
      'group',
      text(params, 'Path') ?? '/',
      requiredText(params, 'GroupName'),
    ),
  run: (env, params) => {
    const account = callerAccount(env);
    const name = requiredText(params, 'GroupName');
    if (nameTaken(account, 'group', name)) throw entityAlreadyExists('group', name);
    const path = text(params, 'Path') ?? '/';
    const group: IamGroup = {
      groupName: name,
      groupId: newId(env.world, 'AGPA'),
      arn: iamArn(account.id, 'group', path, name),
      path,
      createDate: isoSeconds(env.world.now),
      attachedPolicies: [],
      inlinePolicies: {},
    };
    account.iam.groups[name.toLowerCase()] = group;
    return { Group: groupView(group) };
  },
};

export const GetGroup: Operation = {
  service: 'iam',
  name: 'GetGroup',
  action: 'iam:GetGroup',
  resource: groupResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const group = requireGroup(account, requiredText(params, 'GroupName'));
    return {
      Group: groupView(group),
      ...listed('Users', members(account, group), params, (user) => userView(user, 'list')),
    };
  },
};

export const ListGroups: Operation = {
  service: 'iam',
  name: 'ListGroups',
  action: 'iam:ListGroups',
  resource: (env, params) =>
    `arn:aws:iam::${callerAccount(env).id}:group${text(params, 'PathPrefix') ?? '/'}`,
  run: (env, params) => {
    const prefix = text(params, 'PathPrefix') ?? '/';
    const groups = Object.values(callerAccount(env).iam.groups).filter((group) =>
      group.path.startsWith(prefix),
    );
    return listed('Groups', groups, params, groupView);
  },
};

export const AddUserToGroup: Operation = {
  service: 'iam',
  name: 'AddUserToGroup',
  action: 'iam:AddUserToGroup',
  resource: groupResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const group = requireGroup(account, requiredText(params, 'GroupName'));
    if (user.groups.some(isGroup(group))) return {};
    if (user.groups.length >= MAX_GROUPS_PER_USER) {
      throw limitExceeded('GroupsPerUser', MAX_GROUPS_PER_USER);
    }
    user.groups.push(group.groupName);
    return {};
  },
};

export const RemoveUserFromGroup: Operation = {
  service: 'iam',
  name: 'RemoveUserFromGroup',
  action: 'iam:RemoveUserFromGroup',
  resource: groupResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const group = requireGroup(account, requiredText(params, 'GroupName'));
    const user = requireUser(account, requiredText(params, 'UserName'));
    user.groups = user.groups.filter((name) => !isGroup(group)(name));
    return {};
  },
};

export const ListGroupsForUser: Operation = {
  service: 'iam',
  name: 'ListGroupsForUser',
  action: 'iam:ListGroupsForUser',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const groups = user.groups
      .map((name) => account.iam.groups[name.toLowerCase()])
      .filter((group): group is IamGroup => group !== undefined);
    return listed('Groups', groups, params, groupView);
  },
};
