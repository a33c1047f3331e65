// What IAM's responses show of each entity, member by member in the model's order (the order the
// AWS CLI prints them in). Which members each operation includes follows AWS's recorded answers
// (localstack/localstack tests/aws/services/iam/*.snapshot.json): CreateRole shows no
// MaxSessionDuration, ListRoles no tags, GetRole an empty RoleLastUsed, ...
// Dates are the world's ISO strings (`2026-11-30T10:00:00Z`, what the API sends; the AWS CLI prints
// the same instant as `2026-11-30T10:00:00+00:00`). Policy documents are parsed JSON, as the AWS
// CLI and SDKs show them after decoding the API's URL-encoded text.
import type { IamGroup, IamRole, IamUser, InstanceProfile, Tag } from '../world.js';

/** A stored policy document (validated JSON text) as the CLI shows it. */
export function documentOf(json: string): unknown {
  return JSON.parse(json);
}

/** `Tags` when there are any: IAM leaves the member out rather than show an empty list. */
export function tagsView(tags: readonly Tag[] | undefined): { Tags?: Tag[] } {
  return tags && tags.length > 0 ? { Tags: tags.map(({ Key, Value }) => ({ Key, Value })) } : {};
}

function boundaryView(arn: string | undefined): Record<string, unknown> {
  return arn === undefined
    ? {}
    : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } };
}

/** A user; `full` (CreateUser, GetUser) adds its boundary and tags, which ListUsers leaves out. */
export function userView(user: IamUser, detail: 'full' | 'list'): Record<string, unknown> {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    ...(detail === 'full'
      ? { ...boundaryView(user.permissionsBoundary), ...tagsView(user.tags) }
      : {}),
  };
}

export function groupView(group: IamGroup): Record<string, unknown> {
  return {
    Path: group.path,
    GroupName: group.groupName,
    GroupId: group.groupId,
    Arn: group.arn,
    CreateDate: group.createDate,
  };
}

/**
 * A role as CreateRole, GetRole and ListRoles show it, or `embedded` in an instance profile
 * (identity and trust policy only).
 */
export function roleView(
  role: IamRole,
  detail: 'create' | 'get' | 'list' | 'embedded',
): Record<string, unknown> {
  const base = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: documentOf(role.assumeRolePolicyDocument),
  };
  if (detail === 'embedded') return base;
  const description = role.description === undefined ? {} : { Description: role.description };
  const duration = detail === 'create' ? {} : { MaxSessionDuration: role.maxSessionDuration };
  const extras =
    detail === 'list' ? {} : { ...boundaryView(role.permissionsBoundary), ...tagsView(role.tags) };
  return {
    ...base,
    ...description,
    ...duration,
    ...extras,
    ...(detail === 'get' ? { RoleLastUsed: {} } : {}),
  };
}

/**
 * An instance profile with its roles. Its tags: CreateInstanceProfile shows them when there are
 * any, GetInstanceProfile always (`Tags: []`), ListInstanceProfiles never.
 */
export function instanceProfileView(
  profile: InstanceProfile,
  roles: readonly IamRole[],
  tags: 'when-set' | 'always' | 'never',
): Record<string, unknown> {
  const profileTags = profile.tags ?? [];
  return {
    Path: profile.path,
    InstanceProfileName: profile.instanceProfileName,
    InstanceProfileId: profile.instanceProfileId,
    Arn: profile.arn,
    CreateDate: profile.createDate,
    Roles: roles.map((role) => roleView(role, 'embedded')),
    ...(tags === 'when-set' ? tagsView(profileTags) : {}),
    ...(tags === 'always' ? { Tags: profileTags.map(({ Key, Value }) => ({ Key, Value })) } : {}),
  };
}
