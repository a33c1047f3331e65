// Where an IAM operation acts: the caller's own account. Entities are found by name as IAM finds
// them, regardless of case (reference_iam-quotas, "names must be unique ... not distinguished by
// case"), and a missing one is AWS's NoSuchEntity (`The user with name X cannot be found.`).
import { AwsError, noSuchEntity, validationError } from '../errors.js';
import { text } from '../input.js';
import type { Operation, Params, RequestEnvironment } from '../operation.js';
import type { Account, IamGroup, IamRole, IamUser, InstanceProfile } from '../world.js';

/** The caller's account; IAM refuses requests without a signature. */
export function callerAccount({ world, caller }: RequestEnvironment): Account {
  const id =
    caller.kind === 'root' || caller.kind === 'user' || caller.kind === 'session'
      ? caller.account
      : undefined;
  const account = id === undefined ? undefined : world.accounts[id];
  if (!account) {
    throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  }
  return account;
}

/** An IAM ARN: `arn:aws:iam::ACCOUNT:user/division/alice` for type `user`, path `/division/`. */
export function iamArn(accountId: string, type: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${type}${path}${name}`;
}

export type EntityType = 'user' | 'group' | 'role' | 'instance-profile';

type Entity = IamUser | IamGroup | IamRole | InstanceProfile;

function tableOf(account: Account, type: EntityType): Record<string, Entity> {
  const { iam } = account;
  switch (type) {
    case 'user':
      return iam.users;
    case 'group':
      return iam.groups;
    case 'role':
      return iam.roles;
    case 'instance-profile':
      return iam.instanceProfiles;
  }
}

/**
 * The ARN an operation on a named entity is authorized against: the entity's own (with its
 * path), or, when there is none by that name, the ARN it would have at the root path.
 */
export function entityArn(account: Account, type: EntityType, name: string): string {
  return tableOf(account, type)[name.toLowerCase()]?.arn ?? iamArn(account.id, type, '/', name);
}

/** True when an entity of the type has this name in any case (names are case-insensitive). */
export function nameTaken(account: Account, type: EntityType, name: string): boolean {
  return tableOf(account, type)[name.toLowerCase()] !== undefined;
}

export function requireUser(account: Account, name: string): IamUser {
  const user = account.iam.users[name.toLowerCase()];
  if (!user) throw noSuchEntity('user', name);
  return user;
}

export function requireGroup(account: Account, name: string): IamGroup {
  const group = account.iam.groups[name.toLowerCase()];
  if (!group) throw noSuchEntity('group', name);
  return group;
}

export function requireRole(account: Account, name: string): IamRole {
  const role = account.iam.roles[name.toLowerCase()];
  if (!role) throw noSuchEntity('role', name);
  return role;
}

export function requireInstanceProfile(account: Account, name: string): InstanceProfile {
  const profile = account.iam.instanceProfiles[name.toLowerCase()];
  if (!profile) throw new AwsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);
  return profile;
}

/**
 * The user an operation is about: `UserName`, or when it is omitted the calling user ("the user
 * name is determined implicitly based on the Amazon Web Services access key ID used to sign the
 * request", API_CreateAccessKey). Other callers must name one; root too, but where an operation
 * takes root's own credentials instead (access keys), which it checks first.
 */
export function subjectUserName(env: RequestEnvironment, params: Params): string {
  const name = text(params, 'UserName');
  if (name !== undefined) return name;
  if (env.caller.kind === 'user') return env.caller.user.userName;
  throw validationError('Must specify userName when calling with non-User credentials');
}

/**
 * True when the root user calls without naming a user: the request is about root itself (its
 * own access keys; GetUser answers with root), not about an IAM user.
 */
export const rootSelf = (env: RequestEnvironment, params: Params): boolean =>
  env.caller.kind === 'root' && text(params, 'UserName') === undefined;

/** The resource of an operation on `UserName` or the caller: the user, or root itself. */
export const subjectResource: Operation['resource'] = (env, params) =>
  rootSelf(env, params)
    ? `arn:aws:iam::${callerAccount(env).id}:root`
    : entityArn(callerAccount(env), 'user', subjectUserName(env, params));
