// The one place every simulated request is authorized: it builds the request context AWS would
// (reference_policies_condition-keys) and gathers every policy that applies to the caller and the
// resource, then asks the policy engine. A denial becomes AWS's AccessDenied, with its message
// generated from the engine's explanation.
import { accessDeniedMessage } from '../policy/access-denied.js';
import { evaluate } from '../policy/evaluate.js';
import type {
  ContextValue,
  EvaluationInput,
  Explanation,
  Policy,
  Request,
} from '../policy/types.js';
import { principalOf, type Caller } from './caller.js';
import { AwsError, type Authorization } from './errors.js';
import { isoSeconds } from './time.js';
import type { RequestEnvironment, ResourcePolicy } from './operation.js';
import { scpLevels } from './organizations.js';
import { managedPolicy, parsedPolicy, policyNameOf } from './policies.js';
import type { PolicyHolder, Tag, World } from './world.js';

export interface AuthorizationRequest {
  /** The service's endpoint prefix: S3 words its denials its own way. */
  service: string;
  action: string;
  resource: string;
  resourcePolicy?: ResourcePolicy;
  /** Condition keys the operation adds. */
  context?: Record<string, ContextValue>;
}

function holderPolicies(world: World, holder: PolicyHolder, owner: string): Policy[] {
  const inline = Object.entries(holder.inlinePolicies).map(([name, doc]) =>
    parsedPolicy(doc, 'inline', `${owner} inline ${name}`),
  );
  const attached = holder.attachedPolicies.map((arn) =>
    managedPolicy(world, arn, policyNameOf(arn)),
  );
  return [...inline, ...attached].filter((p): p is Policy => p !== undefined);
}

function boundaryOf(world: World, arn: string | undefined): Policy | undefined {
  return arn === undefined ? undefined : managedPolicy(world, arn, `boundary ${policyNameOf(arn)}`);
}

function tagKeys(prefix: string, tags: readonly Tag[]): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [`${prefix}/${tag.Key}`, tag.Value]));
}

/** The caller's side: identity policies (with groups'), boundary, session policies, tags. */
function callerSide(
  world: World,
  caller: Caller,
): Omit<EvaluationInput, 'request'> & { tags: Tag[] } {
  switch (caller.kind) {
    case 'user': {
      const { user } = caller;
      const account = world.accounts[caller.account];
      const groups = user.groups.flatMap((name) => {
        const group = account?.iam.groups[name.toLowerCase()];
        return group ? holderPolicies(world, group, `group/${group.groupName}`) : [];
      });
      const boundary = boundaryOf(world, user.permissionsBoundary);
      return {
        identityPolicies: [...holderPolicies(world, user, `user/${user.userName}`), ...groups],
        ...(boundary ? { permissionsBoundary: boundary } : {}),
        tags: user.tags,
      };
    }
    case 'session': {
      const { session } = caller;
      const role = world.accounts[session.account]?.iam.roles[session.roleName.toLowerCase()];
      const boundary = boundaryOf(world, role?.permissionsBoundary);
      const sessionPolicies = session.sessionPolicies
        .map((doc, i) => parsedPolicy(doc, 'session', `session policy ${i}`))
        .filter((p): p is Policy => p !== undefined);
      return {
        identityPolicies: role ? holderPolicies(world, role, `role/${role.roleName}`) : [],
        ...(boundary ? { permissionsBoundary: boundary } : {}),
        ...(sessionPolicies.length > 0 ? { sessionPolicies } : {}),
        // A session tag replaces the role's tag of the same key (id_session-tags).
        tags: [...(role?.tags ?? []), ...(session.tags ?? [])],
      };
    }
    case 'root':
    case 'service':
    case 'anonymous':
    case 'federated':
      return { identityPolicies: [], tags: [] };
  }
}

/** Global condition keys of the request (reference_policies_condition-keys). */
function globalContext(
  env: RequestEnvironment,
  tags: readonly Tag[],
): Record<string, ContextValue> {
  const { world, caller } = env;
  const context: Record<string, ContextValue> = {
    'aws:CurrentTime': isoSeconds(world.now),
    'aws:EpochTime': String(Math.floor(world.now / 1000)),
    'aws:SecureTransport': 'true',
    'aws:SourceIp': env.sourceIp,
    'aws:RequestedRegion': env.region,
    ...tagKeys('aws:PrincipalTag', tags),
  };
  // aws:MultiFactorAuthPresent is absent with long-term access keys (iam-facts.md); temporary
  // credentials (a role session, GetSessionToken's) carry it, true or false as MFA was used or
  // not (reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
  const userLike = caller.kind === 'user' || caller.kind === 'root';
  if (caller.kind === 'session')
    context['aws:MultiFactorAuthPresent'] = String(caller.session.mfaAuthenticated);
  else if (userLike && (caller.mfa || caller.sessionIssuedAt !== undefined))
    context['aws:MultiFactorAuthPresent'] = String(caller.mfa);
  if (caller.kind === 'session' && caller.session.mfaAuthenticated) {
    context['aws:MultiFactorAuthAge'] = String(
      Math.floor((world.now - caller.session.issuedAt) / 1000),
    );
  }
  if ((caller.kind === 'user' || caller.kind === 'root') && caller.sessionIssuedAt !== undefined) {
    context['aws:TokenIssueTime'] = isoSeconds(caller.sessionIssuedAt);
    if (caller.mfa) {
      context['aws:MultiFactorAuthAge'] = String(
        Math.floor((world.now - caller.sessionIssuedAt) / 1000),
      );
    }
  }
  if (caller.kind === 'federated' || caller.kind === 'service') {
    Object.assign(context, caller.context);
  }
  if (caller.kind === 'session') {
    context['aws:TokenIssueTime'] = isoSeconds(caller.session.issuedAt);
    if (caller.session.sourceIdentity)
      context['aws:SourceIdentity'] = caller.session.sourceIdentity;
  }
  return context;
}

/** Decides the request; throws AWS's AccessDenied when it is denied. */
export function authorize(env: RequestEnvironment, request: AuthorizationRequest): Authorization {
  const { world, caller } = env;
  const side = callerSide(world, caller);
  const { tags, ...policies } = side;
  // Only an account id makes a resource another account's: AWS-managed policies
  // (`arn:aws:iam::aws:policy/...`) are everyone's, so they count as the caller's own.
  const principal = principalOf(caller);
  const arnAccount = request.resource.split(':')[4] ?? '';
  const resourceAccount =
    request.resourcePolicy?.account ??
    (arnAccount === 'aws' && 'account' in principal ? principal.account : arnAccount);
  const evaluationRequest: Request = {
    principal,
    action: request.action,
    resource: request.resource,
    context: { ...globalContext(env, tags), ...request.context },
    ...(resourceAccount ? { resourceAccount } : {}),
  };
  const input: EvaluationInput = { request: evaluationRequest, ...policies };
  // SCPs limit the principals of member accounts, whatever the resource.
  const scps = 'account' in principal ? scpLevels(world, principal.account) : undefined;
  if (scps) input.scps = scps;
  const resourcePolicy = request.resourcePolicy;
  if (resourcePolicy) {
    input.resourcePolicyKind = resourcePolicy.kind;
    const { document, kind, name } = resourcePolicy;
    const parsed = document === undefined ? undefined : parsedPolicy(document, kind, name);
    if (parsed) input.resourcePolicy = parsed;
  }
  const { decision, explanation } = evaluate(input);
  const authorization = { request: evaluationRequest, explanation };
  if (decision !== 'allowed') {
    const message = deniedMessage(request.service, evaluationRequest, explanation);
    // EC2 has its own code and preamble (and adds an encoded message, left out here).
    if (request.service === 'ec2') {
      throw new AwsError(
        'UnauthorizedOperation',
        `You are not authorized to perform this operation. ${message}`,
        authorization,
      );
    }
    throw new AwsError('AccessDenied', message, authorization);
  }
  return authorization;
}

/**
 * AWS's AccessDenied text. S3 quotes the resource ARN, and says only `Access Denied` to callers
 * from another account or without credentials (iam-facts.md, "Error shapes").
 */
function deniedMessage(service: string, request: Request, explanation: Explanation): string {
  // Federation requests are denied without naming anyone: the caller is not an AWS principal.
  if (request.principal.type === 'federated') return `Not authorized to perform ${request.action}`;
  const message = accessDeniedMessage(request, explanation) ?? 'Access Denied';
  if (service !== 's3') return message;
  if (explanation.crossAccount || request.principal.type === 'anonymous') return 'Access Denied';
  return message.replace(`on resource: ${request.resource}`, `on resource: "${request.resource}"`);
}
