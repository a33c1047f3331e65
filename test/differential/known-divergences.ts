// Where iam-simulate and our engine decide differently and an AWS document says which is right.
// Each entry is a test of its own (our decision is the documented one, iam-simulate's the other),
// and `covers` recognises generated scenarios of the same kind, so that the generated comparison
// counts them apart instead of failing. Doc slugs are IAM User Guide pages unless another guide
// is named (https://docs.aws.amazon.com/IAM/latest/UserGuide/<slug>.html).
import type { Decision } from '../../src/policy/types.js';
import {
  ACCOUNT_A,
  ALICE,
  APP_SESSION,
  BUCKET,
  OBJECT,
  ROOT_A,
  APP_ROLE,
  policy,
  request,
} from './builders.js';
import type { PolicyDocument, Scenario } from './translate.js';

export interface Divergence {
  name: string;
  /** The AWS page that settles it. */
  doc: string;
  reason: string;
  /** What AWS does according to `doc`. */
  documented: Decision;
  /** What iam-simulate 0.1.173 answers. */
  iamSimulate: Decision;
  scenario: Scenario;
  /** Whether a scenario has the feature on which the engines part (a generated one, say). */
  covers: (scenario: Scenario) => boolean;
  /**
   * Whether this divergence can be why a scenario it covers got `ours` and `theirs`: where the
   * feature sits (an Allow or a Deny statement, which policy) decides the direction, so some
   * divergences explain one of our decisions only, others any.
   */
  explains: (ours: Decision, theirs: Decision) => boolean;
}

/** The feature can sit in an Allow or a Deny statement, so it can part the engines either way. */
const eitherWay = () => true;
const oursIs =
  (decision: Decision) =>
  (ours: Decision): boolean =>
    ours === decision;
/** Our reading makes the statement apply where iam-simulate's does not: allow or explicit deny. */
const oursApplies = (ours: Decision) => ours !== 'implicitDeny';

/** Every policy document of a scenario. */
export function documentsOf(scenario: Scenario): PolicyDocument[] {
  return [
    ...scenario.identityPolicies,
    ...[scenario.permissionsBoundary, scenario.sessionPolicy, scenario.resourcePolicy].filter(
      (doc): doc is PolicyDocument => doc !== undefined,
    ),
    ...(scenario.scps ?? []).flat(),
    ...(scenario.rcps ?? []).flat(),
  ];
}

interface ConditionUse {
  operator: string;
  key: string;
  values: unknown[];
}

export function statementsOf(doc: PolicyDocument): Record<string, unknown>[] {
  const statements = doc.Statement;
  return (Array.isArray(statements) ? statements : [statements]) as Record<string, unknown>[];
}

export function conditionsOf(scenario: Scenario): ConditionUse[] {
  return documentsOf(scenario)
    .flatMap(statementsOf)
    .flatMap((statement) =>
      Object.entries(
        (statement.Condition ?? {}) as Record<string, Record<string, unknown>>,
      ).flatMap(([operator, keys]) =>
        Object.entries(keys).map(([key, values]) => ({
          operator,
          key,
          values: [values].flat(),
        })),
      ),
    );
}

/** The caller's ARN, its account and, for a role session, its role (NotPrincipal checks each). */
function identitiesOf(principal: string): string[] {
  const [, , , , account = ''] = principal.split(':');
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  const role = session ? [`arn:aws:iam::${session[1] ?? ''}:role/${session[2] ?? ''}`] : [];
  return account === '' ? [] : [principal, `"${account}"`, `${account}:root`, ...role];
}

const isUser = (scenario: Scenario) => /^arn:aws:iam::\d{12}:user\//.test(scenario.principal);

export const KNOWN_DIVERGENCES: readonly Divergence[] = [
  {
    name: 'a same-account resource policy naming the exact session ARN allows despite the session policy',
    doc: 'reference_policies_evaluation-logic_policy-eval-denyallow',
    reason:
      '"Permissions granted directly to a session are not limited by an implicit deny in an ' +
      'identity-based policy, a permissions boundary, or session policy." iam-simulate stops at ' +
      'any session-policy result other than Allowed before it looks at the resource policy, so the ' +
      'same holds for a resource policy with Principal "*".',
    documented: 'allowed',
    iamSimulate: 'implicitDeny',
    scenario: request(APP_SESSION, 's3:GetObject', OBJECT, {
      sessionPolicy: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET }),
      resourcePolicy: policy({
        Effect: 'Allow',
        Principal: { AWS: APP_SESSION },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
      }),
    }),
    // Principal "*" names the session too, as it does for the boundary in iam-simulate.
    covers: (scenario) =>
      scenario.sessionPolicy !== undefined &&
      statementsOf(scenario.resourcePolicy ?? { Statement: [] }).some((statement) => {
        const named = JSON.stringify(statement.Principal ?? null);
        return named.includes('"*"') || named.includes(`"${scenario.principal}"`);
      }),
    explains: oursIs('allowed'),
  },
  {
    name: 'with Version 2008-10-17 (or none) policy variables are literal text',
    doc: 'reference_policies_variables',
    reason:
      '"If you don\'t include the Version element and set it to an appropriate version date, ' +
      'variables like ${aws:username} are treated as literal strings in the policy." iam-simulate ' +
      'substitutes them whatever the Version.',
    documented: 'implicitDeny',
    iamSimulate: 'allowed',
    scenario: request(ALICE, 's3:GetObject', 'arn:aws:s3:::reports/alice/q3.csv', {
      identityPolicies: [
        {
          Version: '2008-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/\${aws:username}/*` },
          ],
        },
      ],
    }),
    covers: (scenario) =>
      documentsOf(scenario).some(
        (doc) => doc.Version !== '2012-10-17' && JSON.stringify(doc).includes('${'),
      ),
    explains: eitherWay,
  },
  {
    name: 'the root user has full access without any policy',
    doc: 'reference_policies_evaluation-logic_policy-eval-denyallow',
    reason:
      '"By default, all requests are implicitly denied with the exception of the AWS account root ' +
      'user, which has full access." iam-simulate evaluates root like any principal without policies.',
    documented: 'allowed',
    iamSimulate: 'implicitDeny',
    scenario: request(ROOT_A, 's3:GetObject', OBJECT, { resourceAccount: ACCOUNT_A }),
    covers: (scenario) => scenario.principal.endsWith(':root'),
    explains: oursIs('allowed'),
  },
  {
    name: 'a Date condition value in epoch time is in seconds',
    doc: 'reference_policies_elements_condition_operators',
    reason:
      'Date operators take "one of the W3C implementations of the ISO 8601 date formats or ... epoch ' +
      '(UNIX) time", which counts seconds; iam-simulate reads 1704067200 (2024-01-01) as ' +
      'milliseconds, a day in January 1970.',
    documented: 'allowed',
    iamSimulate: 'implicitDeny',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      context: { 'aws:CurrentTime': '2023-06-01T12:00:00Z' },
      identityPolicies: [
        policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': '1704067200' } },
        }),
      ],
    }),
    covers: (scenario) =>
      conditionsOf(scenario).some(
        ({ operator, values }) =>
          operator.includes('Date') && values.some((value) => /^\d+$/.test(String(value))),
      ),
    explains: eitherWay,
  },
  {
    name: 'Null "false" is false for a multivalued key with no values',
    doc: 'reference_policies_condition_examples-multi-valued-context-keys',
    reason:
      '"You can prevent missing context keys or context keys with empty values from evaluating to ' +
      'true by including a Null condition operator in your policy with a value of false": an empty ' +
      'aws:TagKeys is null. iam-simulate counts the key as present.',
    documented: 'implicitDeny',
    iamSimulate: 'allowed',
    scenario: request(ALICE, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT_A}:user/bob`, {
      context: { 'aws:TagKeys': [] },
      identityPolicies: [
        policy({
          Effect: 'Allow',
          Action: 'iam:CreateUser',
          Resource: '*',
          Condition: {
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
            Null: { 'aws:TagKeys': 'false' },
          },
        }),
      ],
    }),
    covers: (scenario) =>
      conditionsOf(scenario).some(({ operator }) => operator === 'Null') &&
      Object.values(scenario.context).some((value) => Array.isArray(value) && value.length === 0),
    explains: eitherWay,
  },
  {
    name: 'an inverted operator matches a policy value whose variable has no value',
    doc: 'reference_policies_variables',
    reason:
      '"Policy variables with no value": the value "is effectively null. There is no equal or like ' +
      'value. Inverted condition operators like StringNotEquals or StringNotLike do match against a ' +
      'null value". iam-simulate makes the whole condition false.',
    documented: 'explicitDeny',
    iamSimulate: 'allowed',
    scenario: request(APP_SESSION, 's3:ListBucket', BUCKET, {
      context: { 's3:prefix': 'home/alice/' },
      identityPolicies: [
        policy(
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
          {
            Effect: 'Deny',
            Action: 's3:ListBucket',
            Resource: BUCKET,
            Condition: { StringNotLike: { 's3:prefix': 'home/${aws:username}/*' } },
          },
        ),
      ],
    }),
    covers: (scenario) =>
      !isUser(scenario) &&
      conditionsOf(scenario).some(
        ({ operator, values }) =>
          operator.includes('Not') &&
          values.some((value) => String(value).includes('${aws:username}')),
      ),
    explains: oursApplies,
  },
  {
    name: 'a NotResource pattern whose variable has no value excludes nothing',
    doc: 'reference_policies_variables',
    reason:
      'An unresolvable variable has "no equal or like value", so the pattern matches no resource ' +
      'and NotResource holds for every resource. The page also says such a variable "might cause ' +
      'the entire statement to be invalid", which is iam-simulate\'s reading: it drops the statement.',
    documented: 'explicitDeny',
    iamSimulate: 'allowed',
    scenario: request(APP_SESSION, 's3:GetObject', OBJECT, {
      identityPolicies: [
        policy(
          { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
          { Effect: 'Deny', Action: 's3:GetObject', NotResource: `${BUCKET}/\${aws:username}/*` },
        ),
      ],
    }),
    covers: (scenario) =>
      !isUser(scenario) &&
      documentsOf(scenario)
        .flatMap(statementsOf)
        .some((statement) =>
          JSON.stringify(statement.NotResource ?? '').includes('${aws:username}'),
        ),
    explains: oursApplies,
  },
  {
    name: 'a Deny with NotPrincipal spares a user only when the account is listed too',
    doc: 'reference_policies_elements_notprincipal',
    reason:
      '"When you use NotPrincipal, you must also specify the account ARN of the not-denied ' +
      'principal. Otherwise, the policy might deny access to the entire account containing the ' +
      'principal." AWS checks the account, then the user (or the role, then the session). ' +
      'iam-simulate spares any caller that one listed value names, the account alone included.',
    documented: 'explicitDeny',
    iamSimulate: 'allowed',
    scenario: request(ALICE, 's3:GetObject', OBJECT, {
      identityPolicies: [policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })],
      resourcePolicy: policy({
        Effect: 'Deny',
        NotPrincipal: { AWS: ALICE },
        Action: 's3:*',
        Resource: `${BUCKET}/*`,
      }),
    }),
    // Only a NotPrincipal that names one of the caller's identities is read differently.
    covers: (scenario) =>
      scenario.permissionsBoundary === undefined &&
      statementsOf(scenario.resourcePolicy ?? { Statement: [] }).some((statement) => {
        const listed = JSON.stringify(statement.NotPrincipal ?? null);
        return identitiesOf(scenario.principal).some((identity) => listed.includes(identity));
      }),
    explains: oursIs('explicitDeny'),
  },
  {
    name: 'SCPs do not limit an AWS service principal',
    doc: 'orgs_manage_policies_authorization_policies (AWS Organizations User Guide)',
    reason:
      'SCPs "set limits on the maximum permissions available to principals in your member ' +
      'accounts"; ec2.amazonaws.com is no principal of the account. iam-simulate applies the SCPs ' +
      'to every authenticated caller.',
    documented: 'allowed',
    iamSimulate: 'implicitDeny',
    scenario: request('ec2.amazonaws.com', 'sts:AssumeRole', APP_ROLE, {
      resourcePolicy: policy({
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
      scps: [[policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]],
    }),
    covers: (scenario) =>
      scenario.principal.endsWith('.amazonaws.com') && scenario.scps !== undefined,
    explains: oursIs('allowed'),
  },
  {
    name: 'a federated user session without a session policy has no permissions',
    doc: 'API_GetFederationToken (AWS STS API Reference)',
    reason:
      '"If you do not pass any session policies, then the resulting federated user session has no ' +
      'permissions." iam-simulate lets the user\'s identity policies apply on their own.',
    documented: 'implicitDeny',
    iamSimulate: 'allowed',
    scenario: request(`arn:aws:sts::${ACCOUNT_A}:federated-user/alice`, 's3:GetObject', OBJECT, {
      identityPolicies: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
    }),
    covers: (scenario) =>
      scenario.principal.includes(':federated-user/') && !scenario.sessionPolicy,
    explains: oursIs('implicitDeny'),
  },
];
