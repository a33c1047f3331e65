// One scenario, given as the raw JSON documents a learner would write, put to both engines: ours
// (src/policy) and @cloud-copilot/iam-simulate (AGPL: imported only from test/ and bench/).
// The translation fills in what the two take differently:
// - iam-simulate does not derive the principal's global condition keys (its README lists
//   "automatically populating context keys" as coming soon), so they are added here from the
//   caller's ARN, as AWS sets them (reference_policies_condition-keys); our engine derives them.
// - iam-simulate attaches RCPFullAWSAccess to every RCP level by itself; AWS does too and it cannot
//   be detached (orgs_manage_policies_rcps), so our input gets it explicitly at every level.
// - A role trust policy and a KMS key policy must allow explicitly even in the same account
//   (reference_policies_evaluation-logic_policy-eval-denyallow): our input says which it is.
import {
  anonymousPrincipal,
  runSimulation,
  type RunSimulationResults,
  type Simulation,
} from '@cloud-copilot/iam-simulate';
import { principalFromText } from '../../src/policy/arn.js';
import { evaluate } from '../../src/policy/evaluate.js';
import type {
  ContextValue,
  Decision,
  EvaluationInput,
  Policy,
  PolicyKind,
  ResourcePolicyKind,
} from '../../src/policy/types.js';
import { validatePolicy } from '../../src/policy/validate.js';

/** A policy document as JSON, exactly as written. */
export type PolicyDocument = Record<string, unknown>;

/** One request and the policies that apply to it, engine-neutral. */
export interface Scenario {
  /** An IAM or STS ARN, `anonymous`, or a service principal such as `ec2.amazonaws.com`. */
  principal: string;
  action: string;
  /** A resource ARN without wildcards (iam-simulate runs one simulation per pattern otherwise). */
  resource: string;
  /** The account that owns the resource (iam-simulate needs it; S3 ARNs have none). */
  resourceAccount: string;
  context: Record<string, ContextValue>;
  identityPolicies: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  sessionPolicy?: PolicyDocument;
  resourcePolicy?: PolicyDocument;
  /** Organization levels, root first; each level's list of attached policies. */
  scps?: PolicyDocument[][];
  rcps?: PolicyDocument[][];
}

/** A decision, or why an engine would not decide (an input it rejects or would alter). */
export type Outcome = { decision: Decision } | { rejected: string };

export const RCP_FULL_AWS_ACCESS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};

const ROLE_ARN = /^arn:[^:]+:iam::\d{12}:role\//;
const TRUST_ACTION = /^sts:AssumeRole(WithSAML|WithWebIdentity)?$/i;

/** What the resource policy is, as the request's action and resource tell. */
export function resourcePolicyKindOf(
  scenario: Pick<Scenario, 'action' | 'resource'>,
): ResourcePolicyKind {
  if (TRUST_ACTION.test(scenario.action) && ROLE_ARN.test(scenario.resource)) return 'trust';
  return scenario.action.toLowerCase().startsWith('kms:') ? 'kms' : 'resource';
}

class Rejected extends Error {}

function ourPolicy(document: PolicyDocument, kind: PolicyKind, name: string): Policy {
  const result = validatePolicy(document, kind, { name });
  if (!result.ok) {
    throw new Rejected(
      `our validator rejects ${name} as ${kind}: ${result.error.message} at ${result.error.path}`,
    );
  }
  return result.policy;
}

/** Our engine's input, policies validated by kind; throws when our validator refuses a document. */
export function toEvaluationInput(scenario: Scenario): EvaluationInput {
  const caller = principalFromText(scenario.principal);
  if (!caller.ok) throw new Rejected(caller.message);
  const kind = resourcePolicyKindOf(scenario);
  const levels = (docs: PolicyDocument[][], policyKind: PolicyKind, extra: PolicyDocument[]) =>
    docs.map((level, l) =>
      [...level, ...extra].map((doc, i) => ourPolicy(doc, policyKind, `${policyKind}[${l}][${i}]`)),
    );
  const input: EvaluationInput = {
    request: {
      principal: caller.principal,
      action: scenario.action,
      resource: scenario.resource,
      resourceAccount: scenario.resourceAccount,
      context: scenario.context,
    },
    // Identity policies are inline policies here, the kind that still accepts Version 2008-10-17.
    identityPolicies: scenario.identityPolicies.map((doc, i) =>
      ourPolicy(doc, 'inline', `identity[${i}]`),
    ),
  };
  if (scenario.permissionsBoundary) {
    input.permissionsBoundary = ourPolicy(scenario.permissionsBoundary, 'managed', 'boundary');
  }
  if (scenario.sessionPolicy) {
    input.sessionPolicies = [ourPolicy(scenario.sessionPolicy, 'session', 'session')];
  }
  // Said even without a policy: a role or key with no policy that allows is closed to everyone.
  input.resourcePolicyKind = kind;
  if (scenario.resourcePolicy) {
    const validateAs = kind === 'trust' ? 'trust' : 'resource';
    input.resourcePolicy = ourPolicy(scenario.resourcePolicy, validateAs, 'resource');
  }
  if (scenario.scps) input.scps = levels(scenario.scps, 'scp', []);
  if (scenario.rcps) input.rcps = levels(scenario.rcps, 'rcp', [RCP_FULL_AWS_ACCESS]);
  return input;
}

export function decideOurs(scenario: Scenario): Outcome {
  try {
    return { decision: evaluate(toEvaluationInput(scenario)).decision };
  } catch (error) {
    if (error instanceof Rejected) return { rejected: error.message };
    throw error;
  }
}

/**
 * The global keys AWS puts in every request from this caller (reference_policies_condition-keys:
 * aws:PrincipalArn is the role's ARN for a role session; aws:username exists only for IAM users),
 * plus aws:ResourceAccount.
 */
export function principalContextKeys(scenario: Scenario): Record<string, string> {
  const keys: Record<string, string> = { 'aws:ResourceAccount': scenario.resourceAccount };
  const arn = scenario.principal.split(':');
  const [, partition, service, , account = ''] = arn;
  const path = arn.slice(5).join(':').split('/');
  const kind = path[0];
  const name = path[path.length - 1] ?? '';
  if (scenario.principal.endsWith('.amazonaws.com')) {
    keys['aws:PrincipalServiceName'] = scenario.principal;
  } else if (service === 'iam' && kind === 'user') {
    Object.assign(keys, {
      'aws:PrincipalArn': scenario.principal,
      'aws:PrincipalAccount': account,
      'aws:PrincipalType': 'User',
      'aws:username': name,
    });
  } else if (service === 'iam' && kind === 'root') {
    Object.assign(keys, {
      'aws:PrincipalArn': scenario.principal,
      'aws:PrincipalAccount': account,
      'aws:PrincipalType': 'Account',
      'aws:userid': account,
    });
  } else if (service === 'sts' && kind === 'assumed-role') {
    Object.assign(keys, {
      'aws:PrincipalArn': `arn:${partition ?? 'aws'}:iam::${account}:role/${path[1] ?? ''}`,
      'aws:PrincipalAccount': account,
      'aws:PrincipalType': 'AssumedRole',
    });
  } else if (service === 'sts' && kind === 'federated-user') {
    Object.assign(keys, {
      'aws:PrincipalArn': scenario.principal,
      'aws:PrincipalAccount': account,
      'aws:PrincipalType': 'FederatedUser',
    });
  }
  return keys;
}

/** iam-simulate's input for the same scenario. */
export function toSimulation(scenario: Scenario): Simulation {
  const given = new Set(Object.keys(scenario.context).map((key) => key.toLowerCase()));
  const derived = Object.entries(principalContextKeys(scenario)).filter(
    ([key]) => !given.has(key.toLowerCase()),
  );
  const orgLevels = (docs: PolicyDocument[][] | undefined, kind: string) =>
    (docs ?? []).map((level, l) => ({
      orgIdentifier: `${kind}-level-${l}`,
      policies: level.map((policy, i) => ({ name: `${kind}[${l}][${i}]`, policy })),
    }));
  const simulation: Simulation = {
    request: {
      principal: scenario.principal === 'anonymous' ? anonymousPrincipal : scenario.principal,
      action: scenario.action,
      resource: { resource: scenario.resource, accountId: scenario.resourceAccount },
      contextVariables: { ...Object.fromEntries(derived), ...scenario.context },
    },
    identityPolicies: scenario.identityPolicies.map((policy, i) => ({
      name: `identity[${i}]`,
      policy,
    })),
    serviceControlPolicies: orgLevels(scenario.scps, 'scp'),
    resourceControlPolicies: orgLevels(scenario.rcps, 'rcp'),
  };
  if (scenario.permissionsBoundary) {
    simulation.permissionBoundaryPolicies = [
      { name: 'boundary', policy: scenario.permissionsBoundary },
    ];
  }
  if (scenario.sessionPolicy) simulation.sessionPolicy = scenario.sessionPolicy;
  if (scenario.resourcePolicy) simulation.resourcePolicy = scenario.resourcePolicy;
  return simulation;
}

const THEIR_DECISION = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitDeny',
  ImplicitlyDenied: 'implicitDeny',
} as const satisfies Record<string, Decision>;

/** iam-simulate's answer, or why it gave none we can compare (errors, context keys it dropped). */
export function theirOutcome(result: RunSimulationResults): Outcome {
  if (result.resultType === 'error')
    return { rejected: `iam-simulate: ${JSON.stringify(result.errors)}` };
  if (result.resultType === 'wildcard')
    return { rejected: 'iam-simulate ran a wildcard simulation' };
  const ignored = result.result.ignoredContextKeys ?? [];
  if (ignored.length > 0) {
    return { rejected: `iam-simulate ignores context keys for this action: ${ignored.join(', ')}` };
  }
  return { decision: THEIR_DECISION[result.overallResult] };
}

export async function decideTheirs(scenario: Scenario): Promise<Outcome> {
  return theirOutcome(await runSimulation(toSimulation(scenario), {}));
}

/** The whole scenario and both answers, for a failure message. */
export function describeDisagreement(scenario: Scenario, ours: Outcome, theirs: Outcome): string {
  const show = (outcome: Outcome) =>
    'decision' in outcome ? outcome.decision : `rejected (${outcome.rejected})`;
  return [
    `ours: ${show(ours)}; iam-simulate: ${show(theirs)}`,
    `scenario: ${JSON.stringify(scenario, null, 2)}`,
  ].join('\n');
}
