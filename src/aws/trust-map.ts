// Who can assume what, read from the world: per account its users, its identity providers and its
// roles, each role with the principals its trust policy allows (and on which conditions), the
// instances that run with it and the Roles Anywhere profiles that hand it out. This is the trust
// half only: an IAM user or role in another account also needs its own policy to allow
// sts:AssumeRole, which the Why view of a request shows.
import { parsedPolicy } from './policies.js';
import type { PrincipalElement, Statement } from '../policy/types.js';
import type { World } from './world.js';

export type TrustedKind =
  'anyone' | 'account' | 'user' | 'role' | 'service' | 'saml' | 'oidc' | 'other';

export interface TrustArrow {
  kind: TrustedKind;
  /** As a learner reads it: `account 444455556666`, `user alice (111122223333)`, `ec2.amazonaws.com`. */
  label: string;
  /** The statement's conditions as written, e.g. `StringEquals sts:ExternalId ["x"]`. */
  conditions: string[];
  /** `Deny` statements take trust away; shown so the diagram does not overstate it. */
  effect: 'Allow' | 'Deny';
}

export interface RoleNode {
  name: string;
  arn: string;
  trustedBy: TrustArrow[];
  /** Running instances whose instance profile holds this role. */
  instances: string[];
  /** Roles Anywhere profiles that list this role. */
  rolesAnywhereProfiles: string[];
}

export interface AccountNode {
  id: string;
  name: string;
  users: { name: string; activeKeys: number; mfa: boolean }[];
  identityProviders: string[];
  roles: RoleNode[];
}

const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;
const IAM_PRINCIPAL = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/;

function awsLabel(value: string): Pick<TrustArrow, 'kind' | 'label'> {
  if (value === '*') return { kind: 'anyone', label: 'ANYONE ("*")' };
  const root = ACCOUNT_ROOT.exec(value) ?? /^(\d{12})$/.exec(value);
  if (root) return { kind: 'account', label: `account ${root[1] ?? ''} (whom its policies allow)` };
  const iam = IAM_PRINCIPAL.exec(value);
  if (iam) {
    const kind = iam[2] === 'user' ? 'user' : 'role';
    return { kind, label: `${kind} ${iam[3] ?? ''} (${iam[1] ?? ''})` };
  }
  return { kind: 'other', label: value };
}

function federatedLabel(value: string): Pick<TrustArrow, 'kind' | 'label'> {
  if (value.includes(':saml-provider/'))
    return { kind: 'saml', label: `SAML ${value.split('/').pop() ?? value}` };
  if (value.includes(':oidc-provider/'))
    return { kind: 'oidc', label: `OIDC ${value.split(':oidc-provider/')[1] ?? value}` };
  return { kind: 'other', label: value };
}

function principalLabels(principal: PrincipalElement): Pick<TrustArrow, 'kind' | 'label'>[] {
  if (principal === '*') return [awsLabel('*')];
  return [
    ...(principal.AWS ?? []).map(awsLabel),
    ...(principal.Service ?? []).map((service) => ({ kind: 'service' as const, label: service })),
    ...(principal.Federated ?? []).map(federatedLabel),
  ];
}

const assumes = (statement: Statement) =>
  (statement.action ?? []).some((action) => /^(sts:assumerole|sts:\*|\*)/i.test(action));

function trustArrows(document: string, roleName: string): TrustArrow[] {
  const policy = parsedPolicy(document, 'trust', roleName);
  if (policy === undefined) return [];
  return policy.statements.filter(assumes).flatMap((statement) =>
    statement.principal === undefined
      ? []
      : principalLabels(statement.principal).map((who) => ({
          ...who,
          effect: statement.effect,
          conditions: statement.conditions.map(
            (c) => `${c.operator} ${c.key} ${JSON.stringify(c.values)}`,
          ),
        })),
  );
}

function instancesOf(world: World, account: string, roleName: string): string[] {
  const profiles = Object.values(world.accounts[account]?.iam.instanceProfiles ?? {})
    .filter((profile) => profile.roles.includes(roleName))
    .map((profile) => profile.arn);
  return Object.values(world.instances)
    .filter((i) => i.state === 'running' && profiles.includes(i.instanceProfileArn ?? ''))
    .map((i) => i.instanceId);
}

export function trustMap(world: World): AccountNode[] {
  return Object.values(world.accounts).map((account) => {
    const iam = account.iam;
    return {
      id: account.id,
      name: account.name,
      users: Object.values(iam.users).map((user) => ({
        name: user.userName,
        activeKeys: user.accessKeys.filter((key) => key.status === 'Active').length,
        mfa: user.mfaDevices.length > 0,
      })),
      identityProviders: [
        ...Object.values(iam.samlProviders).map((p) => federatedLabel(p.arn).label),
        ...Object.values(iam.oidcProviders).map((p) => federatedLabel(p.arn).label),
      ],
      roles: Object.values(iam.roles).map((role) => ({
        name: role.roleName,
        arn: role.arn,
        trustedBy: trustArrows(role.assumeRolePolicyDocument, role.roleName),
        instances: instancesOf(world, account.id, role.roleName),
        rolesAnywhereProfiles: Object.values(world.rolesAnywhere.profiles)
          .filter((p) => p.enabled && p.roleArns.includes(role.arn))
          .map((p) => p.name),
      })),
    };
  });
}
