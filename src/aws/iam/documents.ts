// Policy documents IAM stores: checked by the policy validator for their kind (managed 6,144
// characters, trust 2,048, inline up to the entity's allowance), with the validator's code and
// message, and, for trust policies, principals that must exist: IAM refuses a user, role or
// identity provider of a known account that is not there (`Invalid principal in policy:
// "AWS":"arn:..."`, reference_policies_elements_principal; iam-facts.md "Trust policies").
// A trust policy is stored with each account it names by id as that account's ARN, as GetRole
// then shows it (reference_policies_elements_principal, "AWS account principals").
import { memoize } from '../../policy/memo.js';
import type { Policy, PolicyKind, PrincipalElement } from '../../policy/types.js';
import { validatePolicy } from '../../policy/validate.js';
import { readJsonText } from '../../policy/validate/json-document.js';
import { AwsError } from '../errors.js';
import type { World } from '../world.js';

/** The validated policy, or the validator's MalformedPolicyDocument / LimitExceeded. */
export function requireValidDocument(
  document: string,
  kind: PolicyKind,
  options: { maxChars?: number } = {},
): Policy {
  const result = validatePolicy(document, kind, options);
  if (!result.ok) throw new AwsError(result.error.code, result.error.message);
  return result.policy;
}

/** The characters IAM counts against size quotas: all but the whitespace between tokens. */
export const countedSize = memoize((document: string): number => {
  const read = readJsonText(document);
  return read.ok ? read.significantCharacters : document.length;
});

const IAM_PRINCIPAL = /^arn:aws:iam::(\d{12}):(user|role)\//;
const PROVIDER = /^arn:aws:iam::(\d{12}):(saml-provider|oidc-provider)\//;

/** Whether the world knows the account of this ARN yet has no such principal in it. */
function missingPrincipal(world: World, key: 'AWS' | 'Federated', arn: string): boolean {
  if (arn.includes('*')) return false;
  const match = (key === 'AWS' ? IAM_PRINCIPAL : PROVIDER).exec(arn);
  const account = match ? world.accounts[match[1] ?? ''] : undefined;
  if (!match || !account) return false;
  const { iam } = account;
  switch (match[2]) {
    case 'user':
      return !Object.values(iam.users).some((user) => user.arn === arn);
    case 'role':
      return !Object.values(iam.roles).some((role) => role.arn === arn);
    case 'saml-provider':
      return iam.samlProviders[arn] === undefined;
    default:
      return iam.oidcProviders[arn] === undefined;
  }
}

function principalValues(element: PrincipalElement | undefined): ['AWS' | 'Federated', string][] {
  if (element === undefined || element === '*') return [];
  return [
    ...(element.AWS ?? []).map((arn): ['AWS', string] => ['AWS', arn]),
    ...(element.Federated ?? []).map((arn): ['Federated', string] => ['Federated', arn]),
  ];
}

/**
 * The first principal of the policy that names a user, role or identity provider of a known
 * account that is not there, as `"AWS":"arn:..."`; IAM and S3 both refuse such a policy.
 */
export function missingPrincipalOf(world: World, policy: Policy): string | undefined {
  for (const statement of policy.statements) {
    for (const [key, arn] of [
      ...principalValues(statement.principal),
      ...principalValues(statement.notPrincipal),
    ]) {
      if (missingPrincipal(world, key, arn)) return `"${key}":"${arn}"`;
    }
  }
  return undefined;
}

/** A role trust policy as CreateRole and UpdateAssumeRolePolicy accept it. */
function requireTrustPolicy(world: World, document: string): Policy {
  const policy = requireValidDocument(document, 'trust');
  const missing = missingPrincipalOf(world, policy);
  if (missing !== undefined) {
    throw new AwsError('MalformedPolicyDocument', `Invalid principal in policy: ${missing}`);
  }
  return policy;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The document with `"AWS": "123456789012"` written `"AWS": "arn:aws:iam::123456789012:root"`,
 * in Principal and NotPrincipal, the element keeping its shape (one value or a list). Both forms
 * name the whole account (not only its root user) and are evaluated alike; IAM stores the ARN.
 * A document with no account id is kept as it was given, spacing and all.
 */
function withAccountArns(document: string): string {
  const parsed = JSON.parse(document) as { Statement?: unknown };
  const asArn = (value: unknown) =>
    typeof value === 'string' && ACCOUNT_ID.test(value) ? `arn:aws:iam::${value}:root` : value;
  let changed = false;
  for (const statement of [parsed.Statement].flat()) {
    if (typeof statement !== 'object' || statement === null) continue;
    for (const key of ['Principal', 'NotPrincipal']) {
      const element = (statement as Record<string, unknown>)[key];
      if (typeof element !== 'object' || element === null || !('AWS' in element)) continue;
      const given = element.AWS;
      const stored = Array.isArray(given) ? given.map(asArn) : asArn(given);
      if (JSON.stringify(stored) === JSON.stringify(given)) continue;
      element.AWS = stored;
      changed = true;
    }
  }
  return changed ? JSON.stringify(parsed) : document;
}

/** The trust policy CreateRole and UpdateAssumeRolePolicy store, once IAM accepts it. */
export function storedTrustPolicy(world: World, document: string): string {
  requireTrustPolicy(world, document);
  return withAccountArns(document);
}
