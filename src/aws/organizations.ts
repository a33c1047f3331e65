// AWS Organizations, for service control policies (orgs_manage_policies_scps,
// orgs_manage_policies_scps_evaluation): an organization of accounts under a root (and OUs a
// lesson may set up), SCPs created and attached by the management account, and the levels of SCPs
// that apply to a member account's principals: every level from the root down to the account must
// allow, and the management account is never limited. FullAWSAccess is attached everywhere at
// first, as AWS does when SCPs are enabled.
import { validatePolicy } from '../policy/validate.js';
import type { Policy } from '../policy/types.js';
import { AwsError } from './errors.js';
import { callerAccount } from './iam/account.js';
import { newHexId } from './ids.js';
import { requiredText } from './input.js';
import type { Operation, RequestEnvironment } from './operation.js';
import { parsedPolicy } from './policies.js';
import type { Organization, OrganizationPolicy, World } from './world.js';

export const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';

const FULL_AWS_ACCESS: OrganizationPolicy = {
  id: FULL_AWS_ACCESS_ID,
  arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
  name: 'FullAWSAccess',
  description: 'Allows access to every operation',
  awsManaged: true,
  content: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  }),
};

/** A new organization of the accounts, the first one managing it, all directly under the root. */
export function createOrganization(world: World, accounts: readonly string[]): Organization {
  const [management = ''] = accounts;
  const rootId = `r-${newHexId(world).slice(0, 4)}`;
  const organization: Organization = {
    id: `o-${newHexId(world).slice(0, 10)}`,
    managementAccount: management,
    rootId,
    parents: Object.fromEntries(accounts.map((account) => [account, rootId])),
    organizationalUnits: {},
    policies: { [FULL_AWS_ACCESS_ID]: FULL_AWS_ACCESS },
    attachments: Object.fromEntries(
      [rootId, ...accounts].map((target) => [target, [FULL_AWS_ACCESS_ID]]),
    ),
  };
  world.organization = organization;
  return organization;
}

/** The targets from the root down to the account: root, OUs, the account itself. */
function pathToAccount(organization: Organization, account: string): string[] {
  const path = [account];
  let parent = organization.parents[account];
  while (parent !== undefined && path.length < 10) {
    path.unshift(parent);
    parent = organization.organizationalUnits[parent]?.parentId;
  }
  return path;
}

function targetName(organization: Organization, target: string): string {
  if (target === organization.rootId) return `the root ${target}`;
  const unit = organization.organizationalUnits[target];
  return unit ? `OU ${unit.name}` : `account ${target}`;
}

/**
 * The SCPs that limit principals of the account, by level from the root down; undefined when the
 * account is in no organization or manages it ("SCPs don't affect ... the management account").
 */
export function scpLevels(world: World, account: string): Policy[][] | undefined {
  const organization = world.organization;
  if (organization === undefined || organization.parents[account] === undefined) return undefined;
  if (organization.managementAccount === account) return undefined;
  return pathToAccount(organization, account).map((target) =>
    (organization.attachments[target] ?? []).flatMap((id) => {
      const policy = organization.policies[id];
      // Named with where it is attached: the same SCP may sit at several levels.
      const name = `SCP ${policy?.name ?? id} on ${targetName(organization, target)}`;
      const parsed = policy && parsedPolicy(policy.content, 'scp', name);
      return parsed ? [parsed] : [];
    }),
  );
}

/** The organization, for a caller of one of its accounts; AWS's errors otherwise. */
function organizationOf(env: RequestEnvironment, managementOnly: boolean): Organization {
  const account = callerAccount(env).id;
  const organization = env.world.organization;
  if (organization?.parents[account] === undefined) {
    throw new AwsError(
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
    );
  }
  if (managementOnly && organization.managementAccount !== account) {
    throw new AwsError(
      'AccessDeniedException',
      "You don't have permissions to access this resource.",
    );
  }
  return organization;
}

const organizationArn = (o: Organization) =>
  `arn:aws:organizations::${o.managementAccount}:organization/${o.id}`;

function policySummary(policy: OrganizationPolicy) {
  return {
    Id: policy.id,
    Arn: policy.arn,
    Name: policy.name,
    Description: policy.description,
    Type: 'SERVICE_CONTROL_POLICY',
    AwsManaged: policy.awsManaged,
  };
}

export const DescribeOrganization: Operation = {
  service: 'organizations',
  name: 'DescribeOrganization',
  action: 'organizations:DescribeOrganization',
  resource: () => '*',
  run: (env) => {
    const organization = organizationOf(env, false);
    return {
      Organization: {
        Id: organization.id,
        Arn: organizationArn(organization),
        FeatureSet: 'ALL',
        MasterAccountArn: `arn:aws:organizations::${organization.managementAccount}:account/${organization.id}/${organization.managementAccount}`,
        MasterAccountId: organization.managementAccount,
        MasterAccountEmail: `aws+${organization.managementAccount}@example.com`,
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    };
  },
};

export const ListAccounts: Operation = {
  service: 'organizations',
  name: 'ListAccounts',
  action: 'organizations:ListAccounts',
  resource: () => '*',
  run: (env) => {
    const organization = organizationOf(env, true);
    return {
      Accounts: Object.keys(organization.parents).map((id) => ({
        Id: id,
        Arn: `arn:aws:organizations::${organization.managementAccount}:account/${organization.id}/${id}`,
        Email: `aws+${id}@example.com`,
        Name: env.world.accounts[id]?.name ?? id,
        Status: 'ACTIVE',
        JoinedMethod: id === organization.managementAccount ? 'CREATED' : 'INVITED',
      })),
    };
  },
};

export const CreatePolicy: Operation = {
  service: 'organizations',
  name: 'CreatePolicy',
  action: 'organizations:CreatePolicy',
  resource: () => '*',
  run: (env, params) => {
    const organization = organizationOf(env, true);
    if (requiredText(params, 'Type') !== 'SERVICE_CONTROL_POLICY') {
      throw new AwsError(
        'PolicyTypeNotEnabledException',
        'This operation can be performed only for enabled policy types.',
      );
    }
    const content = requiredText(params, 'Content');
    const valid = validatePolicy(content, 'scp');
    if (!valid.ok) throw new AwsError('MalformedPolicyDocumentException', valid.error.message);
    const name = requiredText(params, 'Name');
    if (Object.values(organization.policies).some((p) => p.name === name && !p.awsManaged)) {
      throw new AwsError('DuplicatePolicyException', 'A policy with the same name already exists.');
    }
    const id = `p-${newHexId(env.world).slice(0, 8)}`;
    const policy: OrganizationPolicy = {
      id,
      arn: `arn:aws:organizations::${organization.managementAccount}:policy/${organization.id}/service_control_policy/${id}`,
      name,
      description: requiredText(params, 'Description'),
      awsManaged: false,
      content,
    };
    organization.policies[id] = policy;
    return { Policy: { PolicySummary: policySummary(policy), Content: content } };
  },
};

export const AttachPolicy: Operation = {
  service: 'organizations',
  name: 'AttachPolicy',
  action: 'organizations:AttachPolicy',
  resource: () => '*',
  run: (env, params) => {
    const organization = organizationOf(env, true);
    const policyId = requiredText(params, 'PolicyId');
    const targetId = requiredText(params, 'TargetId');
    if (organization.policies[policyId] === undefined) {
      throw new AwsError(
        'PolicyNotFoundException',
        "We can't find a policy with the PolicyId that you specified.",
      );
    }
    const isTarget =
      targetId === organization.rootId ||
      organization.organizationalUnits[targetId] !== undefined ||
      organization.parents[targetId] !== undefined;
    if (!isTarget) {
      throw new AwsError(
        'TargetNotFoundException',
        "We can't find a root, OU, account, or policy with the TargetId that you specified.",
      );
    }
    const attached = (organization.attachments[targetId] ??= []);
    if (attached.includes(policyId)) {
      throw new AwsError(
        'DuplicatePolicyAttachmentException',
        'The selected policy is already attached to the specified target.',
      );
    }
    attached.push(policyId);
    return {};
  },
};

export const ListPolicies: Operation = {
  service: 'organizations',
  name: 'ListPolicies',
  action: 'organizations:ListPolicies',
  resource: () => '*',
  run: (env, params) => {
    const organization = organizationOf(env, true);
    const filter = requiredText(params, 'Filter');
    const policies =
      filter === 'SERVICE_CONTROL_POLICY' ? Object.values(organization.policies) : [];
    return { Policies: policies.map(policySummary) };
  },
};

export const ORGANIZATIONS_OPERATIONS: readonly Operation[] = [
  DescribeOrganization,
  ListAccounts,
  CreatePolicy,
  AttachPolicy,
  ListPolicies,
];
