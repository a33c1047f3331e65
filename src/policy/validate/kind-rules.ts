// What each kind of policy may and must contain, beyond the checks all kinds share (PolicyKind in
// types.ts). These run after the shared checks, as in moto's later revision (seen in LocalStack's
// port of it), where Resource presence is checked only for permission policies, after the action
// prefixes, and trust policies instead check their actions and prohibit Resource. Messages are
// AWS's where a report of them was found:
// - Identity policies with a Principal: IAM's `Policy document should not specify a principal.`
//   (CreatePolicy, PutRolePolicy, PutGroupPolicy: hashicorp/terraform#13449,
//   hashicorp/terraform-provider-aws#10419); "You cannot use the Principal element in an
//   identity-based policy" (reference_policies_elements_principal).
// - Permission policies (all but trust policies): `Policy statement must contain resources.`
// - Trust policies (reference_policies_elements_principal; iam-facts.md): only STS actions
//   (moto: `Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,
//   and sts:AssumeRoleWithWebIdentity`, two spaces before "and" as in moto's tests; the actions
//   accepted are those of list_awssecuritytokenservice, by name, ignoring case, as action names
//   are; wildcards are not accepted); a Resource gives `Has prohibited field Resource`
//   (CreateRole, as the AWS CLI prints it); a statement without principal gives IAM's
//   `Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in
//   policy has a statement with no principals!` (CreateRole, terraform-aws-modules/terraform-aws-iam#47).
//   "You cannot use the NotPrincipal element in an IAM identity-based policy nor in an IAM role
//   trust policy" (reference_policies_elements_notprincipal): no report of IAM's words for it was
//   found, so it gets the words IAM uses for the other prohibited field, `Has prohibited field
//   NotPrincipal`.
// - Resource-based policies: S3's `Missing required field Principal` (the bucket policy editor,
//   spantaleev/matrix-docker-ansible-deploy#1869). "NotPrincipal must be used with
//   "Effect":"Deny". Using it with "Effect":"Allow" is not supported"
//   (reference_policies_elements_notprincipal): no report of S3's words for it was found, so the
//   message is the documentation's sentence.
// - SCPs and RCPs: AWS Organizations answers every malformed document with one message,
//   `The provided policy document does not meet the requirements of the specified policy type.`
//   (MalformedPolicyDocumentException; an SCP with Principal, infiquetra-aws-infra; an SCP
//   condition Organizations then refused, org-formation/org-formation-cli#225; bad wildcards,
//   awsdocs/aws-organizations-docs#4). SCPs support neither Principal nor NotPrincipal
//   (orgs_manage_policies_scps_syntax). RCPs must name Principal "*", must not use NotPrincipal
//   or NotAction, must Deny, and cannot use "*" alone as an action; the one Allow RCP is the
//   AWS-managed RCPFullAWSAccess (Allow, Principal "*", Action "*", Resource "*"), which is
//   accepted so that the simulator can be given it (orgs_manage_policies_rcps_syntax).
import type { PolicyKind } from '../types.js';
import type { JsonNode, ObjectNode } from './json-document.js';
import {
  childPath,
  findItem,
  listItems,
  problemAt,
  problemAtKey,
  type Problem,
} from './problem.js';
import { firstProblem, missingResources } from './statement-rules.js';
import type { StatementRef } from './syntax.js';
import { trustPrincipals } from './trust-principals.js';

export const ORGANIZATIONS_MALFORMED =
  'The provided policy document does not meet the requirements of the specified policy type.';
const NO_PRINCIPAL_IN_IDENTITY_POLICY = 'Policy document should not specify a principal.';
const TRUST_WITHOUT_PRINCIPAL =
  'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!';
const RESOURCE_POLICY_WITHOUT_PRINCIPAL = 'Missing required field Principal';

type StatementRule = (statement: StatementRef) => Problem | undefined;

/** A statement must not have any of the elements. */
function forbids(keys: readonly string[], message: (key: string) => string): StatementRule {
  return ({ node, path }) => {
    for (const key of keys) {
      const member = node.members.get(key);
      if (member) return problemAtKey(message(key), childPath(path, key), member);
    }
    return undefined;
  };
}

/** A statement must have Principal or NotPrincipal. */
function requiresPrincipal(message: string): StatementRule {
  return ({ node, path }) =>
    node.members.has('Principal') || node.members.has('NotPrincipal')
      ? undefined
      : problemAt(message, path, node);
}

const isStar = (node: JsonNode): boolean => node.type === 'string' && node.value === '*';

const isWildcard = (node: JsonNode | undefined): boolean =>
  node !== undefined && listItems(node).every(isStar);

/** The statement of RCPFullAWSAccess, the AWS-managed RCP every RCP-enabled target has. */
function isRcpFullAccess(node: ObjectNode): boolean {
  const value = (key: string) => node.members.get(key)?.value;
  const effect = value('Effect');
  return (
    effect?.type === 'string' &&
    effect.value === 'Allow' &&
    !node.members.has('Condition') &&
    ['Principal', 'Action', 'Resource'].every((key) => isWildcard(value(key)))
  );
}

const NOT_PRINCIPAL_NEEDS_DENY = 'NotPrincipal must be used with "Effect":"Deny"';

/** NotPrincipal only in Deny statements. */
const notPrincipalDenies: StatementRule = ({ node, path }) => {
  const notPrincipal = node.members.get('NotPrincipal');
  const effect = node.members.get('Effect')?.value;
  if (notPrincipal === undefined || (effect?.type === 'string' && effect.value === 'Deny')) {
    return undefined;
  }
  return problemAtKey(NOT_PRINCIPAL_NEEDS_DENY, childPath(path, 'NotPrincipal'), notPrincipal);
};

const rcpUnsupported = forbids(['NotPrincipal', 'NotAction'], () => ORGANIZATIONS_MALFORMED);

const rcpRule: StatementRule = (statement) => {
  const unsupported = rcpUnsupported(statement);
  if (unsupported) return unsupported;
  const { node, path } = statement;
  const principal = node.members.get('Principal')?.value;
  if (principal === undefined) return problemAt(ORGANIZATIONS_MALFORMED, path, node);
  if (principal.type !== 'string')
    return problemAt(ORGANIZATIONS_MALFORMED, childPath(path, 'Principal'), principal);
  if (isRcpFullAccess(node)) return undefined;
  const effect = node.members.get('Effect')?.value;
  if (effect?.type === 'string' && effect.value !== 'Deny') {
    return problemAt(ORGANIZATIONS_MALFORMED, childPath(path, 'Effect'), effect);
  }
  const action = node.members.get('Action')?.value;
  const bareWildcard = action && findItem(action, () => childPath(path, 'Action'), isStar);
  return bareWildcard && problemAt(ORGANIZATIONS_MALFORMED, bareWildcard.path, bareWildcard.node);
};

const TRUST_ACTIONS = new Set(
  [
    'AssumeRole',
    'AssumeRoleWithSAML',
    'AssumeRoleWithWebIdentity',
    'DecodeAuthorizationMessage',
    'GetAccessKeyInfo',
    'GetCallerIdentity',
    'GetFederationToken',
    'GetServiceBearerToken',
    'GetSessionToken',
    'SetSourceIdentity',
    'TagSession',
  ].map((action) => `sts:${action}`.toLowerCase()),
);
const TRUST_ACTIONS_ONLY =
  'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity';

/** A trust policy statement must name its actions, all of them STS actions. */
const trustActions: StatementRule = ({ node, path }) => {
  const action = node.members.get('Action')?.value;
  if (action === undefined) return problemAt(TRUST_ACTIONS_ONLY, path, node);
  const bad = findItem(
    action,
    () => childPath(path, 'Action'),
    (item) => item.type !== 'string' || !TRUST_ACTIONS.has(item.value.toLowerCase()),
  );
  return bad && problemAt(TRUST_ACTIONS_ONLY, bad.path, bad.node);
};

const forbidsPrincipal = forbids(
  ['Principal', 'NotPrincipal'],
  () => NO_PRINCIPAL_IN_IDENTITY_POLICY,
);

/** Each kind's rules, in order; every rule is applied to all statements before the next one. */
const RULES: Readonly<Record<PolicyKind, readonly StatementRule[]>> = {
  managed: [forbidsPrincipal, missingResources],
  inline: [forbidsPrincipal, missingResources],
  session: [forbidsPrincipal, missingResources],
  scp: [forbidsPrincipal, missingResources],
  rcp: [rcpRule, missingResources],
  resource: [
    requiresPrincipal(RESOURCE_POLICY_WITHOUT_PRINCIPAL),
    notPrincipalDenies,
    missingResources,
  ],
  trust: [
    trustActions,
    forbids(['Resource', 'NotResource', 'NotPrincipal'], (key) => `Has prohibited field ${key}`),
    requiresPrincipal(TRUST_WITHOUT_PRINCIPAL),
    trustPrincipals,
  ],
};

/** The first problem with the kind's own rules. */
export function kindProblem(
  kind: PolicyKind,
  statements: readonly StatementRef[],
): Problem | undefined {
  for (const rule of RULES[kind]) {
    const problem = firstProblem(statements, rule);
    if (problem) return problem;
  }
  return undefined;
}
