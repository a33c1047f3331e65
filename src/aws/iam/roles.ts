// IAM roles (id_roles; API_CreateRole, API_GetRole, API_ListRoles, API_DeleteRole,
// API_UpdateAssumeRolePolicy, API_UpdateRole). The trust policy is checked as a trust policy
// (2,048 characters, Principal required, Resource prohibited, principals that exist); sessions
// last up to MaxSessionDuration, one hour unless set to up to twelve. A role is deleted only
// once it is in no instance profile and has no inline or attached policies (API_DeleteRole).
import { entityAlreadyExists, mustDeleteFirst } from '../errors.js';
import { newId } from '../ids.js';
import { integer, requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, IamRole } from '../world.js';
import { callerAccount, entityArn, iamArn, nameTaken, requireRole } from './account.js';
import { boundaryContext, requireBoundary } from './boundaries.js';
import { storedTrustPolicy } from './documents.js';
import { listed } from './pages.js';
import { requestTags, tagContext } from './tags.js';
import { roleView } from './views.js';
import { checkPath } from './path.js';

const DEFAULT_SESSION_SECONDS = 3600;

const roleResource: Operation['resource'] = (env, params) =>
  entityArn(callerAccount(env), 'role', requiredText(params, 'RoleName'));

export const CreateRole: Operation = {
  service: 'iam',
  name: 'CreateRole',
  ownChecks: { Path: checkPath },
  action: 'iam:CreateRole',
  resource: (env, params) =>
    iamArn(
      callerAccount(env).id,
      'role',
      text(params, 'Path') ?? '/',
      requiredText(params, 'RoleName'),
    ),
  context: (_env, params) => ({ ...tagContext(params), ...boundaryContext(params) }),
  run: (env, params) => {
    const account = callerAccount(env);
    const name = requiredText(params, 'RoleName');
    if (nameTaken(account, 'role', name)) throw entityAlreadyExists('role', name);
    const tags = requestTags(params);
    const trust = storedTrustPolicy(env.world, requiredText(params, 'AssumeRolePolicyDocument'));
    const boundary = text(params, 'PermissionsBoundary');
    if (boundary !== undefined) requireBoundary(account, boundary);
    const path = text(params, 'Path') ?? '/';
    const description = text(params, 'Description');
    const role: IamRole = {
      roleName: name,
      roleId: newId(env.world, 'AROA'),
      arn: iamArn(account.id, 'role', path, name),
      path,
      createDate: isoSeconds(env.world.now),
      assumeRolePolicyDocument: trust,
      ...(description === undefined ? {} : { description }),
      maxSessionDuration: integer(params, 'MaxSessionDuration') ?? DEFAULT_SESSION_SECONDS,
      ...(boundary === undefined ? {} : { permissionsBoundary: boundary }),
      tags,
      attachedPolicies: [],
      inlinePolicies: {},
    };
    account.iam.roles[name.toLowerCase()] = role;
    return { Role: roleView(role, 'create') };
  },
};

export const GetRole: Operation = {
  service: 'iam',
  name: 'GetRole',
  action: 'iam:GetRole',
  resource: roleResource,
  run: (env, params) => ({
    Role: roleView(requireRole(callerAccount(env), requiredText(params, 'RoleName')), 'get'),
  }),
};

export const ListRoles: Operation = {
  service: 'iam',
  name: 'ListRoles',
  action: 'iam:ListRoles',
  resource: (env, params) =>
    `arn:aws:iam::${callerAccount(env).id}:role${text(params, 'PathPrefix') ?? '/'}`,
  run: (env, params) => {
    const prefix = text(params, 'PathPrefix') ?? '/';
    const roles = Object.values(callerAccount(env).iam.roles).filter((role) =>
      role.path.startsWith(prefix),
    );
    return listed('Roles', roles, params, (role) => roleView(role, 'list'));
  },
};

/** Whether an instance profile of the account holds the role. */
function inInstanceProfile(account: Account, role: IamRole): boolean {
  return Object.values(account.iam.instanceProfiles).some((profile) =>
    profile.roles.some((name) => name.toLowerCase() === role.roleName.toLowerCase()),
  );
}

export const DeleteRole: Operation = {
  service: 'iam',
  name: 'DeleteRole',
  action: 'iam:DeleteRole',
  resource: roleResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const role = requireRole(account, requiredText(params, 'RoleName'));
    if (inInstanceProfile(account, role))
      throw mustDeleteFirst('remove roles from instance profile');
    if (Object.keys(role.inlinePolicies).length > 0) throw mustDeleteFirst('delete policies');
    if (role.attachedPolicies.length > 0) throw mustDeleteFirst('detach all policies');
    Reflect.deleteProperty(account.iam.roles, role.roleName.toLowerCase());
    return {};
  },
};

export const UpdateAssumeRolePolicy: Operation = {
  service: 'iam',
  name: 'UpdateAssumeRolePolicy',
  action: 'iam:UpdateAssumeRolePolicy',
  resource: roleResource,
  run: (env, params) => {
    const role = requireRole(callerAccount(env), requiredText(params, 'RoleName'));
    role.assumeRolePolicyDocument = storedTrustPolicy(
      env.world,
      requiredText(params, 'PolicyDocument'),
    );
    return {};
  },
};

export const UpdateRole: Operation = {
  service: 'iam',
  name: 'UpdateRole',
  action: 'iam:UpdateRole',
  resource: roleResource,
  run: (env, params) => {
    const role = requireRole(callerAccount(env), requiredText(params, 'RoleName'));
    const description = text(params, 'Description');
    const duration = integer(params, 'MaxSessionDuration');
    if (description !== undefined) role.description = description;
    if (duration !== undefined) role.maxSessionDuration = duration;
    return {};
  },
};
