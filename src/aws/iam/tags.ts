// Tags on IAM entities (id_tags): the keys a tagging request carries into authorization
// (`aws:RequestTag/KEY`, `aws:TagKeys`, reference_policies_condition-keys), IAM's duplicate-key
// rule, the 50-tag limit, and TagUser / TagRole, which add tags or replace the values of keys the
// entity already has.
import { AwsError } from '../errors.js';
import { requiredText } from '../input.js';
import type { Operation, Params } from '../operation.js';
import type { Tag } from '../world.js';
import { callerAccount, entityArn, requireRole, requireUser } from './account.js';

const MAX_TAGS = 50;

/**
 * Users' and roles' tag keys are unique regardless of case; customer-managed policies' keys are
 * case-sensitive, and IAM words the refusal differently (localstack test_iam_roles and
 * test_iam_policies snapshots, recorded against AWS).
 */
export type KeyCase = 'insensitive' | 'sensitive';

const DUPLICATE_KEYS: Record<KeyCase, string> = {
  insensitive: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  sensitive: 'Duplicate tag keys found.',
};

const keyOf = (key: string, keyCase: KeyCase) =>
  keyCase === 'insensitive' ? key.toLowerCase() : key;

/** The request's `Tags`, refused with InvalidInput when a key repeats. */
export function requestTags(params: Params, keyCase: KeyCase = 'insensitive'): Tag[] {
  const raw = Array.isArray(params.Tags) ? (params.Tags as Tag[]) : [];
  const tags = raw.map(({ Key, Value }) => ({ Key, Value }));
  const keys = new Set(tags.map((tag) => keyOf(tag.Key, keyCase)));
  if (keys.size < tags.length) throw new AwsError('InvalidInput', DUPLICATE_KEYS[keyCase]);
  return tags;
}

/** `aws:RequestTag/KEY` for each tag and `aws:TagKeys`, when the request has tags. */
export function tagContext(params: Params): Record<string, string | string[]> {
  const tags = Array.isArray(params.Tags) ? (params.Tags as Tag[]) : [];
  if (tags.length === 0) return {};
  return {
    ...Object.fromEntries(tags.map((tag) => [`aws:RequestTag/${tag.Key}`, tag.Value])),
    'aws:TagKeys': tags.map((tag) => tag.Key),
  };
}

/**
 * The entity's tags after tagging: a key it has (in any case) gets the new value, others are
 * added. More than 50 is LimitExceeded (worded as IAM words it for OIDC providers, the one
 * recorded case).
 */
export function mergedTags(existing: readonly Tag[], incoming: readonly Tag[]): Tag[] {
  const merged = existing.map((tag) => ({ ...tag }));
  for (const tag of incoming) {
    const same = merged.find((t) => t.Key.toLowerCase() === tag.Key.toLowerCase());
    if (same) same.Value = tag.Value;
    else merged.push({ ...tag });
  }
  if (merged.length > MAX_TAGS) {
    throw new AwsError('LimitExceeded', 'The number of tags has reached the maximum limit.');
  }
  return merged;
}

export const TagUser: Operation = {
  service: 'iam',
  name: 'TagUser',
  action: 'iam:TagUser',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'user', requiredText(params, 'UserName')),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const user = requireUser(callerAccount(env), requiredText(params, 'UserName'));
    user.tags = mergedTags(user.tags, requestTags(params));
    return {};
  },
};

export const TagRole: Operation = {
  service: 'iam',
  name: 'TagRole',
  action: 'iam:TagRole',
  resource: (env, params) =>
    entityArn(callerAccount(env), 'role', requiredText(params, 'RoleName')),
  context: (_env, params) => tagContext(params),
  run: (env, params) => {
    const role = requireRole(callerAccount(env), requiredText(params, 'RoleName'));
    role.tags = mergedTags(role.tags, requestTags(params));
    return {};
  },
};
