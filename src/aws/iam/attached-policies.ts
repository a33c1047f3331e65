// Attaching managed policies to users, groups and roles, detaching them, and listing them
// (API_AttachUserPolicy, API_DetachUserPolicy, API_ListAttachedUserPolicies and their group and
// role twins). Attaching an attached policy again changes nothing; the eleventh is refused with
// `Cannot exceed quota for PoliciesPerUser: 10`.
import { AwsError, limitExceeded } from '../errors.js';
import { requiredText, text } from '../input.js';
import type { Operation } from '../operation.js';
import { callerAccount } from './account.js';
import { GROUP_KIND, holderResource, ROLE_KIND, USER_KIND, type HolderKind } from './holders.js';
import { policyPathOf, requireAttachable, requirePolicyArn } from './managed-policies.js';
import { listed } from './pages.js';
import { policyNameOf } from '../policies.js';

export const MAX_ATTACHED = 10;

function attach(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `Attach${kind.title}Policy`,
    action: `iam:Attach${kind.title}Policy`,
    resource: holderResource(kind),
    context: (_env, params) => ({ 'iam:PolicyARN': requiredText(params, 'PolicyArn') }),
    run: (env, params) => {
      const account = callerAccount(env);
      const holder = kind.require(account, requiredText(params, kind.nameParam));
      const { arn } = requireAttachable(account, requiredText(params, 'PolicyArn'));
      if (holder.attachedPolicies.includes(arn)) return {};
      if (holder.attachedPolicies.length >= MAX_ATTACHED) {
        throw limitExceeded(kind.attachQuota, MAX_ATTACHED);
      }
      holder.attachedPolicies.push(arn);
      return {};
    },
  };
}

function detach(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `Detach${kind.title}Policy`,
    action: `iam:Detach${kind.title}Policy`,
    resource: holderResource(kind),
    context: (_env, params) => ({ 'iam:PolicyARN': requiredText(params, 'PolicyArn') }),
    run: (env, params) => {
      const holder = kind.require(callerAccount(env), requiredText(params, kind.nameParam));
      const arn = requiredText(params, 'PolicyArn');
      requirePolicyArn(arn);
      const index = holder.attachedPolicies.indexOf(arn);
      if (index < 0) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`);
      holder.attachedPolicies.splice(index, 1);
      return {};
    },
  };
}

function listAttached(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `ListAttached${kind.title}Policies`,
    action: `iam:ListAttached${kind.title}Policies`,
    resource: holderResource(kind),
    run: (env, params) => {
      const holder = kind.require(callerAccount(env), requiredText(params, kind.nameParam));
      const prefix = text(params, 'PathPrefix') ?? '/';
      const arns = holder.attachedPolicies.filter((arn) => policyPathOf(arn).startsWith(prefix));
      return listed('AttachedPolicies', arns, params, (arn) => ({
        PolicyName: policyNameOf(arn),
        PolicyArn: arn,
      }));
    },
  };
}

export const AttachUserPolicy = attach(USER_KIND);
export const AttachGroupPolicy = attach(GROUP_KIND);
export const AttachRolePolicy = attach(ROLE_KIND);
export const DetachUserPolicy = detach(USER_KIND);
export const DetachGroupPolicy = detach(GROUP_KIND);
export const DetachRolePolicy = detach(ROLE_KIND);
export const ListAttachedUserPolicies = listAttached(USER_KIND);
export const ListAttachedGroupPolicies = listAttached(GROUP_KIND);
export const ListAttachedRolePolicies = listAttached(ROLE_KIND);
