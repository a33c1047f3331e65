// Tab completion for a whole console line: the console's commands for the first word, then
// `aws` completion (complete.ts) with the names and ARNs that exist in the world.
import { AWS_MANAGED_POLICIES } from '../aws/aws-managed-policies.js';
import type { World } from '../aws/world.js';
import { BUILTINS } from './builtins.js';
import { complete, type ValueRequest } from './complete.js';
import { currentMachine } from './machine.js';
import type { ConsoleSession } from './session.js';

/** The values of every IAM entity of every account, picked by `pick`. */
function iamValues(world: World, pick: (iam: World['accounts'][string]['iam']) => string[]) {
  return Object.values(world.accounts).flatMap((account) => pick(account.iam));
}

/** What exists in the world for an API member, by the member's name. */
export function worldValues(world: World, { member }: Pick<ValueRequest, 'member'>): string[] {
  switch (member) {
    case 'UserName':
      return iamValues(world, (iam) => Object.values(iam.users).map((u) => u.userName));
    case 'GroupName':
      return iamValues(world, (iam) => Object.values(iam.groups).map((g) => g.groupName));
    case 'RoleName':
      return iamValues(world, (iam) => Object.values(iam.roles).map((r) => r.roleName));
    case 'RoleArn':
      return iamValues(world, (iam) => Object.values(iam.roles).map((r) => r.arn));
    case 'InstanceProfileName':
      return iamValues(world, (iam) =>
        Object.values(iam.instanceProfiles).map((p) => p.instanceProfileName),
      );
    case 'PolicyArn':
    case 'PermissionsBoundary':
      return [
        ...Object.keys(AWS_MANAGED_POLICIES),
        ...iamValues(world, (iam) => Object.values(iam.policies).map((p) => p.arn)),
      ];
    case 'SerialNumber':
      return iamValues(world, (iam) => Object.keys(iam.virtualMfaDevices));
    case 'SAMLProviderArn':
      return iamValues(world, (iam) => Object.keys(iam.samlProviders));
    case 'OpenIDConnectProviderArn':
      return iamValues(world, (iam) => Object.keys(iam.oidcProviders));
    case 'Bucket':
      return Object.keys(world.buckets);
    case 'AccessKeyId':
      return iamValues(world, (iam) =>
        Object.values(iam.users).flatMap((u) => u.accessKeys.map((k) => k.accessKeyId)),
      );
    case 'InstanceId':
    case 'InstanceIds':
      return Object.keys(world.instances);
    case 'AssociationId':
    case 'AssociationIds':
      return Object.values(world.instances).flatMap(
        (i) => i.profileAssociation?.associationId ?? [],
      );
    default:
      return [];
  }
}

/** readline's completer result: the candidates, and the part of the line they replace. */
export function completeLine(session: ConsoleSession, line: string): [string[], string] {
  // An answer to a question (a secret key, an MFA code) is not a command: nothing to offer.
  if (session.question !== undefined) return [[], line];
  const machine = currentMachine(session.state);
  if (!/\s/.test(line.trimStart())) {
    const word = line.trimStart();
    return [[...BUILTINS.keys()].filter((name) => name.startsWith(word)).sort(), word];
  }
  const { from, candidates } = complete(line, {
    env: machine.env,
    worldValues: (request) => worldValues(session.world, request),
  });
  return [candidates, line.slice(from)];
}
