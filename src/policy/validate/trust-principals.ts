// The principals a role trust policy may name (reference_policies_elements_principal), and IAM's
// answer for any other: `Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/X"`
// (hashicorp/terraform-provider-aws#8905, databrickslabs/ucx#2269), `"SERVICE":"amazonaws.com"`
// for a service (aws-samples/aws-cdk-examples#801). The `"FEDERATED"` label is by analogy: no
// report of it was found.
// - AWS: `*`, an account id, an account root, user or role ARN (the role's path allowed), or a
//   role session or federated user session ARN; "You cannot use a wildcard to match part of a
//   principal name or ARN". IAM also rejects a user or role that does not exist, which only the
//   simulated IAM can tell: that check belongs to the aws/ layer.
// - Service: a service principal such as `ec2.amazonaws.com`.
// - Federated: an IAM SAML or OIDC provider ARN, or a web identity provider's domain such as
//   `cognito-identity.amazonaws.com` or `accounts.google.com`.
// CanonicalUser is an S3 concept and left to the resource policies that use it.
import type { JsonNode } from './json-document.js';
import { childPath, findItem, problemAt, type Problem } from './problem.js';
import type { StatementRef } from './syntax.js';

const PARTITION = 'arn:aws(?:-cn|-us-gov)?';
const NAME = '[\\w+=,.@-]+';
const PATH = '(?:/[\\x21-\\x29\\x2B-\\x3E\\x40-\\x7E]+)*'; // printable ASCII without * and ?

const AWS_PRINCIPAL = new RegExp(
  `^(?:\\*|\\d{12}|${PARTITION}:iam::\\d{12}:(?:root|(?:user|role)${PATH}/${NAME})` +
    `|${PARTITION}:sts::\\d{12}:(?:assumed-role/${NAME}/${NAME}|federated-user/${NAME}))$`,
);
const SERVICE_PRINCIPAL =
  /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:amazonaws\.com(?:\.cn)?|amazon\.com)$/;
const FEDERATED_PRINCIPAL = new RegExp(
  `^(?:${PARTITION}:iam::\\d{12}:(?:saml-provider/[\\w.-]+|oidc-provider/[^*?\\s]+)` +
    `|[a-z0-9-]+(?:\\.[a-z0-9-]+)+)$`,
);

const CHECKS: ReadonlyMap<string, { label: string; valid: RegExp }> = new Map([
  ['AWS', { label: 'AWS', valid: AWS_PRINCIPAL }],
  ['Service', { label: 'SERVICE', valid: SERVICE_PRINCIPAL }],
  ['Federated', { label: 'FEDERATED', valid: FEDERATED_PRINCIPAL }],
]);

/** The first principal of the statement that a trust policy may not name. */
export function trustPrincipals({ node, path }: StatementRef): Problem | undefined {
  const element = node.members.get('Principal')?.value;
  if (element?.type !== 'object') return undefined; // "*"
  for (const member of element.members.values()) {
    const type = member.key;
    const check = CHECKS.get(type);
    if (check === undefined) continue;
    const invalid = (item: JsonNode) => item.type !== 'string' || !check.valid.test(item.value);
    const bad = findItem(
      member.value,
      () => childPath(childPath(path, 'Principal'), type),
      invalid,
    );
    if (bad?.node.type === 'string') {
      const message = `Invalid principal in policy: "${check.label}":"${bad.node.value}"`;
      return problemAt(message, bad.path, bad.node);
    }
  }
  return undefined;
}
