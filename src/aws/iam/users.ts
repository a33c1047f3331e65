// IAM users (id_users; API_CreateUser, API_GetUser, API_ListUsers, API_DeleteUser). GetUser
// without UserName answers for the caller: the root user too, which is no IAM user and shows only
// its account id as UserId, its ARN and when the account was created. A user is
// deleted only once nothing hangs on it any more, each refusal a DeleteConflict naming the first
// thing left, in the order API_DeleteUser lists them: password, access keys, MFA devices, inline
// policies, attached policies, group memberships.
import { entityAlreadyExists, mustDeleteFirst } from '../errors.js';
import { newId } from '../ids.js';
import { requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, IamUser } from '../world.js';
import {
  callerAccount,
  entityArn,
  iamArn,
  nameTaken,
  requireUser,
  rootSelf,
  subjectResource,
  subjectUserName,
} from './account.js';
import { boundaryContext, requireBoundary } from './boundaries.js';
import { listed } from './pages.js';
import { requestTags, tagContext } from './tags.js';
import { userView } from './views.js';
import { checkPath } from './path.js';

export const CreateUser: Operation = {
  service: 'iam',
  name: 'CreateUser',
  ownChecks: { Path: checkPath },
  action: 'iam:CreateUser',
  resource: (env, params) =>
    iamArn(
      callerAccount(env).id,
      'user',
      text(params, 'Path') ?? '/',
      requiredText(params, 'UserName'),
    ),
  context: (_env, params) => ({ ...tagContext(params), ...boundaryContext(params) }),
  run: (env, params) => {
    const account = callerAccount(env);
    const name = requiredText(params, 'UserName');
    if (nameTaken(account, 'user', name)) throw entityAlreadyExists('user', name);
    const tags = requestTags(params);
    const boundary = text(params, 'PermissionsBoundary');
    if (boundary !== undefined) requireBoundary(account, boundary);
    const path = text(params, 'Path') ?? '/';
    const user: IamUser = {
      userName: name,
      userId: newId(env.world, 'AIDA'),
      arn: iamArn(account.id, 'user', path, name),
      path,
      createDate: isoSeconds(env.world.now),
      tags,
      groups: [],
      accessKeys: [],
      attachedPolicies: [],
      inlinePolicies: {},
      mfaDevices: [],
      ...(boundary === undefined ? {} : { permissionsBoundary: boundary }),
    };
    account.iam.users[name.toLowerCase()] = user;
    return { User: userView(user, 'full') };
  },
};

/** The root user as GetUser shows it: no UserName or Path, the account id as its UserId. */
function rootUserView(account: Account): Record<string, unknown> {
  return {
    UserId: account.id,
    Arn: `arn:aws:iam::${account.id}:root`,
    ...(account.createDate === undefined ? {} : { CreateDate: account.createDate }),
  };
}

export const GetUser: Operation = {
  service: 'iam',
  name: 'GetUser',
  action: 'iam:GetUser',
  resource: subjectResource,
  run: (env, params) => {
    const account = callerAccount(env);
    if (rootSelf(env, params)) return { User: rootUserView(account) };
    return { User: userView(requireUser(account, subjectUserName(env, params)), 'full') };
  },
};

export const ListUsers: Operation = {
  service: 'iam',
  name: 'ListUsers',
  action: 'iam:ListUsers',
  resource: (env, params) =>
    `arn:aws:iam::${callerAccount(env).id}:user${text(params, 'PathPrefix') ?? '/'}`,
  run: (env, params) => {
    const prefix = text(params, 'PathPrefix') ?? '/';
    const users = Object.values(callerAccount(env).iam.users).filter((user) =>
      user.path.startsWith(prefix),
    );
    return listed('Users', users, params, (user) => userView(user, 'list'));
  },
};

/** The DeleteConflict for the first thing that still hangs on the user, if any. */
function deleteConflict(user: IamUser) {
  if (user.loginProfile) return mustDeleteFirst('delete login profile');
  if (user.accessKeys.length > 0) return mustDeleteFirst('delete access keys');
  if (user.mfaDevices.length > 0) return mustDeleteFirst('delete MFA device');
  if (Object.keys(user.inlinePolicies).length > 0) return mustDeleteFirst('delete policies');
  if (user.attachedPolicies.length > 0) return mustDeleteFirst('detach all policies');
  if (user.groups.length > 0) return mustDeleteFirst('remove users from group');
  return undefined;
}

export const DeleteUser: Operation = {
  service: 'iam',
  name: 'DeleteUser',
  action: 'iam:DeleteUser',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  run: (env, params) => {
    const account = callerAccount(env);
    const user = requireUser(account, requiredText(params, 'UserName'));
    const conflict = deleteConflict(user);
    if (conflict) throw conflict;
    Reflect.deleteProperty(account.iam.users, user.userName.toLowerCase());
    return {};
  },
};
