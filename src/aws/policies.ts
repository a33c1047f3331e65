// Policy documents of the world, parsed for the engine once and remembered: the world stores the
// JSON text the learner wrote (what GetPolicyVersion returns), the engine needs Policy objects.
import { memoize } from '../policy/memo.js';
import type { Policy, PolicyKind } from '../policy/types.js';
import { validatePolicy } from '../policy/validate.js';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import type { World } from './world.js';

function parse(document: string, kind: PolicyKind, name: string): Policy | undefined {
  const result = validatePolicy(document, kind, { name });
  // Documents were validated when they were stored; one that no longer parses grants nothing.
  return result.ok ? result.policy : undefined;
}

const parseStored = memoize((key: string): Policy | undefined => {
  const [kind = 'inline', name = '', document = ''] = key.split('\u0000');
  return parse(document, kind as PolicyKind, name);
});

/** A stored document as the engine's Policy, named for explanations. */
export function parsedPolicy(document: string, kind: PolicyKind, name: string): Policy | undefined {
  return parseStored(`${kind}\u0000${name}\u0000${document}`);
}

/** The default version's document of a customer-managed policy. */
function customerPolicyDocument(world: World, arn: string): string | undefined {
  const account = arn.split(':')[4] ?? '';
  const policy = world.accounts[account]?.iam.policies[arn];
  return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

// AWS's own documents never change, and some are long (ReadOnlyAccess is 90 KB): keyed by ARN
// rather than by text, so a request does not hash the whole document to find its parse.
const awsPolicy = memoize((key: string): Policy | undefined => {
  const [arn = '', name = ''] = key.split('\u0000');
  const document = AWS_MANAGED_POLICIES[arn]?.document;
  return document === undefined ? undefined : parse(document, 'inline', name);
});

/**
 * The default version of a managed policy (AWS's or the account's) as the engine's Policy, named
 * for explanations; attached policies and boundaries are read without the size quota of
 * CreatePolicy, which AWS's own policies exceed.
 */
export function managedPolicy(world: World, arn: string, name: string): Policy | undefined {
  if (AWS_MANAGED_POLICIES[arn]) return awsPolicy(`${arn}\u0000${name}`);
  const document = customerPolicyDocument(world, arn);
  return document === undefined ? undefined : parsedPolicy(document, 'inline', name);
}

/** The name of a managed policy from its ARN (`arn:aws:iam::aws:policy/job-function/X` -> `X`). */
export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
