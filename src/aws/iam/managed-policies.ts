// Managed policies: AWS's (src/aws/aws-managed-policies.ts) and the account's own, with versions
// (at most 5, one of them the default), as CreatePolicy, GetPolicy, the version operations,
// DeletePolicy and ListPolicies handle them (IAM API reference; iam-facts.md "Quotas"). Messages
// are AWS's as recorded in localstack's test_iam_policies snapshot and in public reports.
import { AWS_MANAGED_POLICIES } from '../aws-managed-policies.js';
import { AwsError, validationError } from '../errors.js';
import { newId } from '../ids.js';
import { flag, requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { Account, ManagedPolicy, ManagedPolicyVersion, Tag } from '../world.js';
import { callerAccount, iamArn } from './account.js';
import { requireValidDocument } from './documents.js';
import { listed } from './pages.js';
import { requestTags, tagContext } from './tags.js';
import { documentOf, tagsView } from './views.js';

export const MAX_VERSIONS = 5;

/** A managed policy as IAM shows it, whether AWS's or the account's own. */
export interface KnownPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  createDate: string;
  updateDate: string;
  tags: Tag[];
  /** AWS's policies keep only their default version here. */
  versions: ManagedPolicyVersion[];
}

function awsPolicies(): KnownPolicy[] {
  return Object.entries(AWS_MANAGED_POLICIES).map(([arn, policy]) => ({
    ...policy,
    arn,
    tags: [],
    versions: [
      {
        versionId: policy.defaultVersionId,
        document: policy.document,
        createDate: policy.updateDate,
      },
    ],
  }));
}

const ownPolicy = (policy: ManagedPolicy): KnownPolicy => ({ ...policy, tags: policy.tags ?? [] });

/** The policy an ARN names, if the caller's account can see it. */
export function findPolicy(account: Account, arn: string): KnownPolicy | undefined {
  if (AWS_MANAGED_POLICIES[arn]) return awsPolicies().find((policy) => policy.arn === arn);
  const own = account.iam.policies[arn];
  return own && ownPolicy(own);
}

const POLICY_ARN = /^arn:aws:iam::(?:aws|\d{12}):policy\/(?:.*\/)?[^/]+$/;

/** Refuses what is not a policy ARN as the attach and detach operations do. */
export function requirePolicyArn(arn: string): void {
  if (!POLICY_ARN.test(arn)) throw validationError(`ARN ${arn} is not valid.`);
}

/** A policy that can be attached (AttachUserPolicy...): a policy ARN of a policy that exists. */
export function requireAttachable(account: Account, arn: string): KnownPolicy {
  requirePolicyArn(arn);
  const policy = findPolicy(account, arn);
  if (!policy) {
    throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  }
  return policy;
}

/** The path of a policy ARN: `arn:aws:iam::aws:policy/job-function/X` -> `/job-function/`. */
export function policyPathOf(arn: string): string {
  const resource = arn.slice(arn.indexOf(':policy/') + ':policy'.length);
  return resource.slice(0, resource.lastIndexOf('/') + 1);
}

function holders(account: Account) {
  const { iam } = account;
  return [...Object.values(iam.users), ...Object.values(iam.groups), ...Object.values(iam.roles)];
}

/** Users, groups and roles of the account with the policy attached. */
export function attachmentCount(account: Account, arn: string): number {
  return holders(account).filter((holder) => holder.attachedPolicies.includes(arn)).length;
}

/** Users and roles of the account with the policy as their permissions boundary. */
export function boundaryUsageCount(account: Account, arn: string): number {
  const { iam } = account;
  return [...Object.values(iam.users), ...Object.values(iam.roles)].filter(
    (entity) => entity.permissionsBoundary === arn,
  ).length;
}

/** The Policy member of CreatePolicy (tags when given), GetPolicy (description, tags) or lists. */
function policyView(
  account: Account,
  policy: KnownPolicy,
  detail: 'create' | 'get' | 'list',
): Record<string, unknown> {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount(account, policy.arn),
    PermissionsBoundaryUsageCount: boundaryUsageCount(account, policy.arn),
    IsAttachable: true,
    ...(detail === 'get' && policy.description !== undefined
      ? { Description: policy.description }
      : {}),
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    ...(detail === 'create' ? tagsView(policy.tags) : {}),
    ...(detail === 'get' ? { Tags: policy.tags.map(({ Key, Value }) => ({ Key, Value })) } : {}),
  };
}

const notFound = (arn: string) => new AwsError('NoSuchEntity', `Policy ${arn} was not found.`);

const noSuchVersion = (arn: string, versionId: string) =>
  new AwsError(
    'NoSuchEntity',
    `Policy ${arn} version ${versionId} does not exist or is not attachable.`,
  );

/** The account's own policy: AWS's policies cannot be changed or deleted. */
function requireOwnPolicy(account: Account, arn: string): ManagedPolicy {
  const policy = account.iam.policies[arn];
  if (!policy) throw notFound(arn);
  return policy;
}

const policyArnResource: Operation['resource'] = (_env, params) =>
  requiredText(params, 'PolicyArn');

export const CreatePolicy: Operation = {
  service: 'iam',
  name: 'CreatePolicy',
  action: 'iam:CreatePolicy',
  resource: (env, params) =>
    iamArn(
      callerAccount(env).id,
      'policy',
      text(params, 'Path') ?? '/',
      requiredText(params, 'PolicyName'),
    ),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const account = callerAccount(env);
    const name = requiredText(params, 'PolicyName');
    const path = text(params, 'Path') ?? '/';
    const tags = requestTags(params, 'sensitive');
    const taken = Object.values(account.iam.policies).some(
      (policy) => policy.policyName.toLowerCase() === name.toLowerCase(),
    );
    if (taken) {
      throw new AwsError(
        'EntityAlreadyExists',
        `A policy called ${name} already exists. Duplicate names are not allowed.`,
      );
    }
    const document = requiredText(params, 'PolicyDocument');
    requireValidDocument(document, 'managed');
    const now = isoSeconds(env.world.now);
    const description = text(params, 'Description');
    const policy: ManagedPolicy = {
      policyName: name,
      policyId: newId(env.world, 'ANPA'),
      arn: iamArn(account.id, 'policy', path, name),
      path,
      ...(description === undefined ? {} : { description }),
      defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', document, createDate: now }],
      createDate: now,
      updateDate: now,
      tags,
    };
    account.iam.policies[policy.arn] = policy;
    return { Policy: policyView(account, ownPolicy(policy), 'create') };
  },
};

export const GetPolicy: Operation = {
  service: 'iam',
  name: 'GetPolicy',
  action: 'iam:GetPolicy',
  resource: policyArnResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const arn = requiredText(params, 'PolicyArn');
    const policy = findPolicy(account, arn);
    if (!policy) throw notFound(arn);
    return { Policy: policyView(account, policy, 'get') };
  },
};

export const GetPolicyVersion: Operation = {
  service: 'iam',
  name: 'GetPolicyVersion',
  action: 'iam:GetPolicyVersion',
  resource: policyArnResource,
  run: (env, params) => {
    const arn = requiredText(params, 'PolicyArn');
    const versionId = requiredText(params, 'VersionId');
    const policy = findPolicy(callerAccount(env), arn);
    const version = policy?.versions.find((v) => v.versionId === versionId);
    if (!policy || !version) throw noSuchVersion(arn, versionId);
    return {
      PolicyVersion: {
        Document: documentOf(version.document),
        VersionId: version.versionId,
        IsDefaultVersion: version.versionId === policy.defaultVersionId,
        CreateDate: version.createDate,
      },
    };
  },
};

/** Version ids count up from v1 and are not reused while a higher one exists. */
function nextVersionId(policy: ManagedPolicy): string {
  const numbers = policy.versions.map((v) => Number(v.versionId.slice(1)));
  return `v${Math.max(0, ...numbers) + 1}`;
}

export const CreatePolicyVersion: Operation = {
  service: 'iam',
  name: 'CreatePolicyVersion',
  action: 'iam:CreatePolicyVersion',
  resource: policyArnResource,
  run: (env, params) => {
    const policy = requireOwnPolicy(callerAccount(env), requiredText(params, 'PolicyArn'));
    if (policy.versions.length >= MAX_VERSIONS) {
      throw new AwsError(
        'LimitExceeded',
        `A managed policy can have up to ${MAX_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const document = requiredText(params, 'PolicyDocument');
    requireValidDocument(document, 'managed');
    const now = isoSeconds(env.world.now);
    const version = { versionId: nextVersionId(policy), document, createDate: now };
    policy.versions.push(version);
    const isDefault = flag(params, 'SetAsDefault') === true;
    if (isDefault) {
      policy.defaultVersionId = version.versionId;
      policy.updateDate = now;
    }
    return {
      PolicyVersion: { VersionId: version.versionId, IsDefaultVersion: isDefault, CreateDate: now },
    };
  },
};

export const DeletePolicyVersion: Operation = {
  service: 'iam',
  name: 'DeletePolicyVersion',
  action: 'iam:DeletePolicyVersion',
  resource: policyArnResource,
  run: (env, params) => {
    const arn = requiredText(params, 'PolicyArn');
    const versionId = requiredText(params, 'VersionId');
    const policy = callerAccount(env).iam.policies[arn];
    const index = policy?.versions.findIndex((v) => v.versionId === versionId) ?? -1;
    if (!policy || index < 0) throw noSuchVersion(arn, versionId);
    if (policy.defaultVersionId === versionId) {
      throw new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.');
    }
    policy.versions.splice(index, 1);
    return {};
  },
};

export const DeletePolicy: Operation = {
  service: 'iam',
  name: 'DeletePolicy',
  action: 'iam:DeletePolicy',
  resource: policyArnResource,
  run: (env, params) => {
    const account = callerAccount(env);
    const arn = requiredText(params, 'PolicyArn');
    const policy = requireOwnPolicy(account, arn);
    // A policy in use as a permissions boundary is in use too: deleting it would silently lift
    // the boundary of the users and roles that have it.
    if (attachmentCount(account, arn) + boundaryUsageCount(account, arn) > 0) {
      throw new AwsError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    }
    if (policy.versions.length > 1) {
      throw new AwsError(
        'DeleteConflict',
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    Reflect.deleteProperty(account.iam.policies, arn);
    return {};
  },
};

export const ListPolicies: Operation = {
  service: 'iam',
  name: 'ListPolicies',
  action: 'iam:ListPolicies',
  // ListPolicies acts on no resource type; IAM names it by the path in its denials.
  resource: (_env, params) => `policy path ${text(params, 'PathPrefix') ?? '/'}`,
  run: (env, params) => {
    const account = callerAccount(env);
    const scope = text(params, 'Scope') ?? 'All';
    const prefix = text(params, 'PathPrefix') ?? '/';
    const usage = text(params, 'PolicyUsageFilter');
    const attachments = (p: KnownPolicy) => attachmentCount(account, p.arn);
    const boundaries = (p: KnownPolicy) => boundaryUsageCount(account, p.arn);
    const policies = [
      ...(scope === 'Local' ? [] : awsPolicies()),
      ...(scope === 'AWS' ? [] : Object.values(account.iam.policies).map(ownPolicy)),
    ].filter(
      (p) =>
        p.path.startsWith(prefix) &&
        (flag(params, 'OnlyAttached') !== true || attachments(p) + boundaries(p) > 0) &&
        (usage !== 'PermissionsPolicy' || attachments(p) > 0) &&
        (usage !== 'PermissionsBoundary' || boundaries(p) > 0),
    );
    return listed('Policies', policies, params, (p) => policyView(account, p, 'list'));
  },
};
