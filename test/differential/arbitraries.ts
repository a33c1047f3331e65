// fast-check generators of differential scenarios, over fixed pools of real actions, ARNs that fit
// each action's resource type (iam-simulate checks the pair), real condition keys with values of
// their type, and principals of two accounts. Only what AWS lets each kind of policy contain is
// generated: no Principal in identity policies and SCPs, Principal "*" and Deny in RCPs, no
// Resource and only sts:AssumeRole in trust policies (orgs_manage_policies_rcps_syntax,
// reference_policies_elements_principal).
import fc from 'fast-check';
import type { ContextValue, ResourcePolicyKind } from '../../src/policy/types.js';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  ALICE,
  APP_ROLE,
  APP_SESSION,
  AUDIT_ROLE,
  BOB,
  FULL_AWS_ACCESS,
} from './builders.js';
import { resourcePolicyKindOf, type PolicyDocument, type Scenario } from './translate.js';

const CAROL = `arn:aws:iam::${ACCOUNT_A}:user/eng/carol`;
const AUDIT_SESSION = `arn:aws:sts::${ACCOUNT_B}:assumed-role/audit/s2`;
const SERVICE = 'ec2.amazonaws.com';

/** Callers with identity policies of their own, and those without (anonymous, a service). */
const SIGNED_CALLERS = [ALICE, CAROL, BOB, APP_SESSION, AUDIT_SESSION];
const BARE_CALLERS = ['anonymous', SERVICE];

interface ActionPool {
  resources: readonly string[];
  /** Action-specific condition keys this action accepts, with request values of their type. */
  keys?: Readonly<Record<string, readonly string[]>>;
}

const OBJECTS = [
  'arn:aws:s3:::reports/q3.csv',
  'arn:aws:s3:::reports/alice/notes.txt',
  'arn:aws:s3:::public-site/index.html',
];

const ACTIONS: Readonly<Record<string, ActionPool>> = {
  's3:GetObject': { resources: OBJECTS },
  's3:PutObject': { resources: OBJECTS },
  's3:ListBucket': {
    resources: ['arn:aws:s3:::reports', 'arn:aws:s3:::public-site'],
    keys: { 's3:prefix': ['home/', 'home/alice/docs', ''] },
  },
  'iam:CreateUser': {
    resources: [`arn:aws:iam::${ACCOUNT_A}:user/bob`, `arn:aws:iam::${ACCOUNT_A}:user/eng/carol`],
  },
  'iam:PassRole': {
    resources: [APP_ROLE, `arn:aws:iam::${ACCOUNT_A}:role/service/deploy`],
    keys: { 'iam:PassedToService': ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
  },
  'sts:AssumeRole': {
    resources: [APP_ROLE, AUDIT_ROLE],
    keys: { 'sts:ExternalId': ['ext-123', 'other'] },
  },
  'ec2:RunInstances': { resources: [`arn:aws:ec2:us-east-1:${ACCOUNT_A}:instance/i-0abc1234`] },
  'dynamodb:GetItem': {
    resources: [
      `arn:aws:dynamodb:us-east-1:${ACCOUNT_A}:table/orders`,
      `arn:aws:dynamodb:eu-west-1:${ACCOUNT_B}:table/orders`,
    ],
  },
  'kms:Decrypt': {
    resources: [`arn:aws:kms:us-east-1:${ACCOUNT_A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  },
};

const ACTION_PATTERNS = [
  ...Object.keys(ACTIONS),
  'S3:getobject',
  's3:Get*',
  's3:*Object',
  's3:*',
  'iam:*User',
  'iam:Pass*',
  'sts:*',
  'ec2:Run?nstances',
  'dynamodb:Get*',
  'kms:*',
  '*',
];

const RESOURCE_PATTERNS = [
  ...Object.values(ACTIONS).flatMap((pool) => pool.resources),
  '*',
  'arn:aws:s3:::reports/*',
  'arn:aws:s3:::*',
  'arn:aws:s3:::public-?ite/*',
  'arn:aws:s3:::reports/${aws:username}/*',
  `arn:aws:iam::${ACCOUNT_A}:*`,
  `arn:aws:iam::${ACCOUNT_A}:user/*`,
  'arn:aws:iam::*:role/app',
  'arn:aws:dynamodb:*:*:table/orders',
  `arn:aws:ec2:*:${ACCOUNT_A}:instance/*`,
  `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/*`,
];

/** Global keys any request may carry (reference_policies_condition-keys), with typed values. */
const GLOBAL_KEYS: Readonly<Record<string, readonly ContextValue[]>> = {
  'aws:SourceIp': ['203.0.113.7', '10.1.2.3', '198.51.100.7', '2001:db8::1'],
  'aws:MultiFactorAuthPresent': ['true', 'false'],
  'aws:SecureTransport': ['true', 'false'],
  'aws:PrincipalTag/team': ['dev', 'ops', 'Dev'],
  'aws:RequestedRegion': ['us-east-1', 'eu-west-1'],
  'aws:MultiFactorAuthAge': ['30', '7200'],
  'aws:CurrentTime': ['2023-06-01T12:00:00Z', '2025-06-01T12:00:00Z'],
  'aws:TagKeys': [[], ['team'], ['team', 'env'], ['cost']],
};

interface ConditionChoice {
  operators: readonly string[];
  values: readonly (readonly string[])[];
}

/** Operators and policy values that fit each key's type. */
const CONDITIONS: Readonly<Record<string, ConditionChoice>> = {
  'aws:username': {
    operators: [
      'StringEquals',
      'StringNotEquals',
      'StringLike',
      'StringNotLike',
      'StringEqualsIgnoreCase',
      'StringEqualsIfExists',
    ],
    values: [['alice'], ['ALICE'], ['a*'], ['bob', 'alice'], ['${aws:username}']],
  },
  'aws:PrincipalTag/team': {
    operators: ['StringEquals', 'StringLike', 'StringNotEquals', 'StringEqualsIfExists'],
    values: [['dev'], ['d*'], ['ops', 'dev']],
  },
  'aws:RequestedRegion': {
    operators: ['StringEquals', 'StringNotEquals', 'StringLike'],
    values: [['us-east-1'], ['eu-*'], ['us-east-1', 'eu-west-1']],
  },
  's3:prefix': {
    operators: ['StringLike', 'StringEquals', 'StringNotLike'],
    values: [['home/'], ['home/${aws:username}/*'], ['']],
  },
  'aws:SourceIp': {
    operators: ['IpAddress', 'NotIpAddress', 'IpAddressIfExists'],
    values: [['203.0.113.0/24'], ['10.0.0.0/8', '2001:db8::/32'], ['198.51.100.7/32']],
  },
  'aws:MultiFactorAuthPresent': {
    operators: ['Bool', 'BoolIfExists'],
    values: [['true'], ['false']],
  },
  'aws:SecureTransport': { operators: ['Bool', 'BoolIfExists'], values: [['true'], ['false']] },
  'aws:MultiFactorAuthAge': {
    operators: ['NumericLessThan', 'NumericGreaterThanEquals', 'NumericLessThanIfExists'],
    values: [['3600'], ['300']],
  },
  'aws:CurrentTime': {
    operators: ['DateGreaterThan', 'DateLessThan', 'DateGreaterThanEquals'],
    values: [['2024-01-01T00:00:00Z'], ['2030-01-01T00:00:00Z'], ['1704067200']],
  },
  'aws:TagKeys': {
    operators: [
      'ForAllValues:StringEquals',
      'ForAnyValue:StringEquals',
      'ForAnyValue:StringLike',
      'ForAllValues:StringLike',
    ],
    values: [['team'], ['team', 'env'], ['t*']],
  },
  'aws:PrincipalArn': {
    operators: ['ArnLike', 'ArnEquals', 'ArnNotLike'],
    values: [[`arn:aws:iam::${ACCOUNT_A}:user/*`], ['arn:aws:iam::*:role/app']],
  },
  'aws:PrincipalAccount': {
    operators: ['StringEquals', 'StringNotEqualsIfExists'],
    values: [[ACCOUNT_A]],
  },
  'sts:ExternalId': { operators: ['StringEquals'], values: [['ext-123']] },
};

interface ConditionEntry {
  operator: string;
  key: string;
  values: readonly string[];
}

const conditionEntry: fc.Arbitrary<ConditionEntry> = fc.oneof(
  ...Object.entries(CONDITIONS).map(([key, choice]) =>
    fc.record({
      operator: fc.constantFrom(...choice.operators),
      key: fc.constant(key),
      values: fc.constantFrom(...choice.values),
    }),
  ),
  fc.record({
    operator: fc.constant('Null'),
    key: fc.constantFrom(...Object.keys(CONDITIONS)),
    values: fc.constantFrom(['true'], ['false']),
  }),
);

/** A Condition element: 0-2 operator-key entries, no operator-key pair twice. */
const condition: fc.Arbitrary<Record<string, Record<string, string[]>> | undefined> = fc
  .uniqueArray(conditionEntry, {
    maxLength: 2,
    selector: (entry) => `${entry.operator} ${entry.key}`,
  })
  .map((entries) => {
    if (entries.length === 0) return undefined;
    const block: Record<string, Record<string, string[]>> = {};
    for (const { operator, key, values } of entries) {
      (block[operator] ??= {})[key] = [...values];
    }
    return block;
  });

/** One element or its Not... counterpart, with 1-n values from the pool. */
function element(name: string, pool: readonly string[], maxLength: number) {
  return fc
    .tuple(fc.boolean(), fc.subarray([...pool], { minLength: 1, maxLength }))
    .map(([negated, values]) => ({ [negated ? `Not${name}` : name]: values }));
}

function statement(
  parts: fc.Arbitrary<Record<string, unknown>>[],
  effect: fc.Arbitrary<'Allow' | 'Deny'> = fc.constantFrom('Allow', 'Deny'),
): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(effect, condition, ...parts).map(([Effect, Condition, ...rest]) => ({
    Effect,
    ...Object.fromEntries(rest.flatMap((part) => Object.entries(part))),
    ...(Condition === undefined ? {} : { Condition }),
  }));
}

function document(
  statements: fc.Arbitrary<Record<string, unknown>>,
  maxStatements: number,
  version: fc.Arbitrary<string> = fc.constant('2012-10-17'),
): fc.Arbitrary<PolicyDocument> {
  return fc
    .tuple(version, fc.array(statements, { minLength: 1, maxLength: maxStatements }))
    .map(([Version, Statement]) => ({ Version, Statement }));
}

const permissionStatement = statement([
  element('Action', ACTION_PATTERNS, 3),
  element('Resource', RESOURCE_PATTERNS, 2),
]);

/** Identity policies are inline here: Version 2008-10-17 is allowed and makes variables literal. */
const identityPolicy = document(
  permissionStatement,
  4,
  fc.constantFrom('2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17'),
);
const managedPolicy = document(permissionStatement, 4);

const PRINCIPALS: readonly unknown[] = [
  '*',
  { AWS: '*' },
  { AWS: ACCOUNT_A },
  { AWS: `arn:aws:iam::${ACCOUNT_A}:root` },
  { AWS: ACCOUNT_B },
  { AWS: ALICE },
  { AWS: [ALICE, BOB] },
  { AWS: APP_ROLE },
  { AWS: APP_SESSION },
  { AWS: AUDIT_ROLE },
  { Service: SERVICE },
];

/** Principal, or (with Deny only, as AWS advises: reference_policies_elements_notprincipal) NotPrincipal. */
const principalPart = fc
  .tuple(fc.boolean(), fc.constantFrom(...PRINCIPALS.filter((p) => p !== '*')))
  .map(([negated, value]) => (negated ? { NotPrincipal: value } : { Principal: value }));

const resourceStatement = fc.oneof(
  statement([
    fc.constantFrom(...PRINCIPALS).map((Principal) => ({ Principal })),
    element('Action', ACTION_PATTERNS, 2),
    element('Resource', RESOURCE_PATTERNS, 2),
  ]),
  statement(
    [
      principalPart,
      element('Action', ACTION_PATTERNS, 2),
      element('Resource', RESOURCE_PATTERNS, 2),
    ],
    fc.constant('Deny'),
  ),
);

const trustStatement = statement(
  [
    fc.constantFrom(...PRINCIPALS).map((Principal) => ({ Principal })),
    fc.constant({ Action: 'sts:AssumeRole' }),
  ],
  fc.constantFrom('Allow', 'Allow', 'Deny'),
);

/** One SCP level: FullAWSAccess, generated policies, or FullAWSAccess plus generated ones. */
const scpLevel: fc.Arbitrary<PolicyDocument[]> = fc.oneof(
  fc.constant<PolicyDocument[]>([FULL_AWS_ACCESS]),
  fc.array(managedPolicy, { minLength: 1, maxLength: 2 }),
  managedPolicy.map((policy) => [FULL_AWS_ACCESS, policy]),
);

const RCP_ACTIONS = ['s3:*', 's3:GetObject', 'sts:*', 'sts:AssumeRole', 'kms:*', 's3:Put*'];
const rcpStatement = statement(
  [
    fc.constant({ Principal: '*' }),
    fc.subarray(RCP_ACTIONS, { minLength: 1, maxLength: 2 }).map((Action) => ({ Action })),
    element('Resource', RESOURCE_PATTERNS, 2),
  ],
  fc.constant('Deny'),
);
const rcpLevel = fc.array(document(rcpStatement, 2), { minLength: 0, maxLength: 1 });

/** The request context: each key present or not, with values of its type. */
function requestContext(pool: ActionPool): fc.Arbitrary<Record<string, ContextValue>> {
  const keys = { ...GLOBAL_KEYS, ...pool.keys };
  return fc
    .record(
      Object.fromEntries(
        Object.entries(keys).map(([key, values]) => [
          key,
          fc.option(fc.constantFrom(...values), { nil: undefined }),
        ]),
      ),
    )
    .map((context) => {
      const present: Record<string, ContextValue> = {};
      for (const [key, value] of Object.entries(context))
        if (value !== undefined) present[key] = value;
      return present;
    });
}

function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined, freq: 2 });
}

const ACTION_RESOURCE_PAIRS = Object.entries(ACTIONS).flatMap(([action, pool]) =>
  pool.resources.map((resource) => ({ action, resource, pool })),
);

/** A request and the policies around it, engine-neutral. */
export const scenario: fc.Arbitrary<Scenario> = fc
  .constantFrom(...ACTION_RESOURCE_PAIRS)
  .chain(({ action, resource, pool }) =>
    fc.record({
      action: fc.constant(action),
      resource: fc.constant(resource),
      bucketOwner: fc.constantFrom(ACCOUNT_A, ACCOUNT_B),
      caller: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...SIGNED_CALLERS) },
        { weight: 1, arbitrary: fc.constantFrom(...BARE_CALLERS) },
      ),
      context: requestContext(pool),
      identityPolicies: fc.array(identityPolicy, { minLength: 1, maxLength: 3 }),
      permissionsBoundary: optional(managedPolicy),
      sessionPolicy: optional(managedPolicy),
      resourcePolicy: optional(
        resourcePolicyKindOf({ action, resource }) === 'trust'
          ? document(trustStatement, 3)
          : document(resourceStatement, 3),
      ),
      scps: optional(fc.array(scpLevel, { minLength: 1, maxLength: 3 })),
      rcps: optional(fc.array(rcpLevel, { minLength: 1, maxLength: 2 })),
    }),
  )
  .map(toScenario);

interface Drawn {
  action: string;
  resource: string;
  bucketOwner: string;
  caller: string;
  context: Record<string, ContextValue>;
  identityPolicies: PolicyDocument[];
  permissionsBoundary: PolicyDocument | undefined;
  sessionPolicy: PolicyDocument | undefined;
  resourcePolicy: PolicyDocument | undefined;
  scps: PolicyDocument[][] | undefined;
  rcps: PolicyDocument[][] | undefined;
}

/**
 * Keeps only what makes sense for the caller: anonymous callers and services have no identity
 * policies, boundary, session policy or SCPs; only role sessions have session policies.
 */
function toScenario(drawn: Drawn): Scenario {
  const { action, resource, caller } = drawn;
  const resourceAccount = resource.split(':')[4] || drawn.bucketOwner;
  const bare = BARE_CALLERS.includes(caller);
  const scenario: Scenario = {
    principal: caller,
    action,
    resource,
    resourceAccount,
    context: drawn.context,
    identityPolicies: bare ? [] : drawn.identityPolicies,
  };
  if (!bare && drawn.permissionsBoundary) scenario.permissionsBoundary = drawn.permissionsBoundary;
  if (caller.includes(':assumed-role/') && drawn.sessionPolicy) {
    scenario.sessionPolicy = drawn.sessionPolicy;
  }
  const resourcePolicy =
    drawn.resourcePolicy ?? DEFAULT_POLICY[resourcePolicyKindOf(scenario)]?.(resourceAccount);
  if (resourcePolicy) scenario.resourcePolicy = resourcePolicy;
  if (!bare && drawn.scps) scenario.scps = drawn.scps;
  if (drawn.rcps) scenario.rcps = drawn.rcps;
  return scenario;
}

/**
 * Every role has a trust policy and every KMS key a key policy; when none was drawn, the one that
 * delegates to the owner account's IAM policies (kms key-policy-default, id_roles_create_for-user).
 */
const DEFAULT_POLICY: Partial<Record<ResourcePolicyKind, (account: string) => PolicyDocument>> = {
  trust: (account) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: account }, Action: 'sts:AssumeRole' }],
  }),
  kms: (account) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  }),
};
