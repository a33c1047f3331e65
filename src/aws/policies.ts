// Policy documents of the world, parsed for the engine once and remembered: the world stores the
// JSON text the learner wrote (what GetPolicyVersion returns), the engine needs Policy objects.
import { memoize } from '../policy/memo.js';
import type { Policy, PolicyKind } from '../policy/types.js';
import { validatePolicy } from '../policy/validate.js';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import type { World } from './world.js';

const parse = memoize((key: string): Policy | undefined => {
  const [kind = 'inline', name = '', document = ''] = key.split('\u0000');
  const result = validatePolicy(document, kind as PolicyKind, { name });
  // Documents were validated when they were stored; one that no longer parses grants nothing.
  return result.ok ? result.policy : undefined;
});

/** A stored document as the engine's Policy, named for explanations. */
export function parsedPolicy(document: string, kind: PolicyKind, name: string): Policy | undefined {
  return parse(`${kind}\u0000${name}\u0000${document}`);
}

/** The default version's document of a managed policy (customer-managed or AWS-managed). */
export function managedPolicyDocument(world: World, arn: string): string | undefined {
  const aws = AWS_MANAGED_POLICIES[arn];
  if (aws) return aws.document;
  const account = arn.split(':')[4] ?? '';
  const policy = world.accounts[account]?.iam.policies[arn];
  return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

/** The name of a managed policy from its ARN (`arn:aws:iam::aws:policy/job-function/X` -> `X`). */
export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
