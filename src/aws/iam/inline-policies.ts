// Inline policies of users, groups and roles: PutUserPolicy adds or replaces one by name, Get
// shows it, Delete removes it, List names them (API_PutUserPolicy and twins). All of an entity's
// inline policies together must fit its allowance, whitespace not counted (reference_iam-quotas);
// past it IAM answers `LimitExceeded: Maximum policy size of 2048 bytes exceeded for user NAME`
// (public reports: aws/aws-cdk#18531, HumanCellAtlas/data-store#1963, and the role and group
// wordings in several deployment logs).
import { AwsError, noSuchEntity } from '../errors.js';
import { requiredText } from '../input.js';
import type { Operation } from '../operation.js';
import { callerAccount } from './account.js';
import { countedSize, requireValidDocument } from './documents.js';
import {
  GROUP_KIND,
  holderResource,
  ROLE_KIND,
  USER_KIND,
  type Holder,
  type HolderKind,
} from './holders.js';
import { listed } from './pages.js';
import { documentOf } from './views.js';

/** The inline policy, or `The user policy with name X cannot be found.` */
function requireInline(kind: HolderKind, holder: Holder, name: string): string {
  const document = holder.inlinePolicies[name];
  if (document === undefined) throw noSuchEntity(`${kind.type} policy`, name);
  return document;
}

/** The allowance left for one policy: the entity's, less its other inline policies. */
function allowanceFor(kind: HolderKind, holder: Holder, name: string): number {
  const others = Object.entries(holder.inlinePolicies)
    .filter(([other]) => other !== name)
    .reduce((total, [, document]) => total + countedSize(document), 0);
  return kind.inlineLimit - others;
}

function put(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `Put${kind.title}Policy`,
    action: `iam:Put${kind.title}Policy`,
    resource: holderResource(kind),
    run: (env, params) => {
      const holder = kind.require(callerAccount(env), requiredText(params, kind.nameParam));
      const name = requiredText(params, 'PolicyName');
      const document = requiredText(params, 'PolicyDocument');
      try {
        requireValidDocument(document, 'inline', { maxChars: allowanceFor(kind, holder, name) });
      } catch (error) {
        if (!(error instanceof AwsError) || error.code !== 'LimitExceeded') throw error;
        throw new AwsError(
          'LimitExceeded',
          `Maximum policy size of ${kind.inlineLimit} bytes exceeded for ${kind.type} ${kind.nameOf(holder)}`,
        );
      }
      holder.inlinePolicies[name] = document;
      return {};
    },
  };
}

function get(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `Get${kind.title}Policy`,
    action: `iam:Get${kind.title}Policy`,
    resource: holderResource(kind),
    run: (env, params) => {
      const holder = kind.require(callerAccount(env), requiredText(params, kind.nameParam));
      const name = requiredText(params, 'PolicyName');
      const document = requireInline(kind, holder, name);
      return {
        [kind.nameParam]: kind.nameOf(holder),
        PolicyName: name,
        PolicyDocument: documentOf(document),
      };
    },
  };
}

function remove(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `Delete${kind.title}Policy`,
    action: `iam:Delete${kind.title}Policy`,
    resource: holderResource(kind),
    run: (env, params) => {
      const holder = kind.require(callerAccount(env), requiredText(params, kind.nameParam));
      const name = requiredText(params, 'PolicyName');
      requireInline(kind, holder, name);
      Reflect.deleteProperty(holder.inlinePolicies, name);
      return {};
    },
  };
}

function list(kind: HolderKind): Operation {
  return {
    service: 'iam',
    name: `List${kind.title}Policies`,
    action: `iam:List${kind.title}Policies`,
    resource: holderResource(kind),
    run: (env, params) => {
      const holder = kind.require(callerAccount(env), requiredText(params, kind.nameParam));
      return listed('PolicyNames', Object.keys(holder.inlinePolicies), params, (name) => name);
    },
  };
}

export const PutUserPolicy = put(USER_KIND);
export const PutGroupPolicy = put(GROUP_KIND);
export const PutRolePolicy = put(ROLE_KIND);
export const GetUserPolicy = get(USER_KIND);
export const GetGroupPolicy = get(GROUP_KIND);
export const GetRolePolicy = get(ROLE_KIND);
export const DeleteUserPolicy = remove(USER_KIND);
export const DeleteGroupPolicy = remove(GROUP_KIND);
export const DeleteRolePolicy = remove(ROLE_KIND);
export const ListUserPolicies = list(USER_KIND);
export const ListGroupPolicies = list(GROUP_KIND);
export const ListRolePolicies = list(ROLE_KIND);
