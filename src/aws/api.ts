// One API call against the world: authenticate the credentials, authorize the action with the
// operation's resource and resource policy, run it, and record the event (CloudTrail's shape,
// with the engine's explanation) whether it succeeded or failed.
import { authenticate, callerArn, invalidToken, type Caller, type Credentials } from './caller.js';
import { authorize } from './authorize.js';
import { AwsError } from './errors.js';
import { checkInput } from './input.js';
import type { Operation, Params, RequestEnvironment } from './operation.js';
import { isoSeconds } from './time.js';
import type { AwsEvent, World } from './world.js';

export interface ApiRequest {
  /**
   * The signing credentials, an AWS service acting itself, the root user of an account signed in
   * (lesson set-up acts so), or an unsigned request.
   */
  caller:
    | Credentials
    | { service: string; context?: Record<string, string> }
    | { rootOf: string }
    | 'anonymous';
  operation: Operation;
  params: Params;
  region: string;
  sourceIp: string;
}

export type ApiResult =
  { ok: true; response: Record<string, unknown> } | { ok: false; error: AwsError };

/** CloudTrail's userIdentity.type for each kind of caller (cloudtrail-event-reference-user-identity). */
function userIdentity(caller: Caller): AwsEvent['userIdentity'] {
  switch (caller.kind) {
    case 'root':
      return { type: 'Root', arn: callerArn(caller), accountId: caller.account };
    case 'user':
      return {
        type: 'IAMUser',
        arn: caller.user.arn,
        accountId: caller.account,
        ...(caller.accessKeyId ? { accessKeyId: caller.accessKeyId } : {}),
      };
    case 'session':
      return {
        type: 'AssumedRole',
        arn: callerArn(caller),
        accountId: caller.account,
        accessKeyId: caller.session.accessKeyId,
      };
    case 'service':
      return { type: 'AWSService' };
    case 'anonymous':
      return { type: 'AWSAccount', accountId: 'anonymous' };
    case 'federated':
      return {
        type: 'WebIdentityUser',
        principalId: caller.subject,
        identityProvider: caller.provider,
      };
  }
}

function resolveCaller(world: World, caller: ApiRequest['caller'], service: string): Caller {
  if (caller === 'anonymous') return { kind: 'anonymous' };
  if ('rootOf' in caller) {
    if (world.accounts[caller.rootOf] === undefined) {
      throw new AwsError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    }
    return { kind: 'root', account: caller.rootOf, mfa: false };
  }
  return 'service' in caller
    ? {
        kind: 'service',
        service: caller.service,
        ...(caller.context ? { context: caller.context } : {}),
      }
    : authenticate(world, caller, service);
}

/**
 * GetAccessKeyLastUsed reports the last request a long-term key signed: its time, the service's
 * endpoint prefix and the region (API_AccessKeyLastUsed).
 */
function recordKeyUse(world: World, caller: Caller, service: string, region: string): void {
  if ((caller.kind !== 'user' && caller.kind !== 'root') || !caller.accessKeyId) return;
  const keys =
    caller.kind === 'user'
      ? caller.user.accessKeys
      : world.accounts[caller.account]?.rootAccessKeys;
  const key = keys?.find((k) => k.accessKeyId === caller.accessKeyId);
  if (key) key.lastUsed = { date: isoSeconds(world.now), serviceName: service, region };
}

/**
 * GetSessionToken's credentials "cannot call any IAM API operations unless MFA authentication
 * information is included in the request" (API_GetSessionToken); IAM refuses the token itself.
 */
function limitSessionCredentials(caller: Caller, service: string): void {
  const signedWithSessionToken =
    (caller.kind === 'user' || caller.kind === 'root') && caller.sessionIssuedAt !== undefined;
  if (signedWithSessionToken && !caller.mfa && service === 'iam') throw invalidToken();
}

/**
 * Calls one operation. The world changes only when the call succeeds, but for the event and the
 * signing key's last use, which AWS records for every authenticated request.
 */
export function callApi(world: World, request: ApiRequest): ApiResult {
  const { operation, params } = request;
  const event: AwsEvent = {
    eventTime: isoSeconds(world.now),
    eventSource: `${operation.service}.amazonaws.com`,
    eventName: operation.name,
    userIdentity: { type: 'Unknown' },
  };
  try {
    let caller: Caller;
    if (operation.identify === undefined) {
      // Only S3 takes unsigned requests (for public buckets); the other services refuse them.
      if (request.caller === 'anonymous' && operation.service !== 's3') {
        throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
      }
      caller = resolveCaller(world, request.caller, operation.service);
      recordKeyUse(world, caller, operation.service, request.region);
      event.userIdentity = userIdentity(caller);
      checkInput(operation, params);
    } else {
      // Unsigned: the request proves who it is for with what it carries, once it is well formed.
      checkInput(operation, params);
      caller = operation.identify(world, params);
      event.userIdentity = userIdentity(caller);
    }
    const env: RequestEnvironment = {
      world,
      caller,
      region: request.region,
      sourceIp: request.sourceIp,
    };
    limitSessionCredentials(caller, operation.service);
    operation.verify?.(env, params);
    if (operation.action && operation.resource) {
      const resourcePolicy = operation.resourcePolicy?.(env, params);
      const request = {
        service: operation.service,
        resource: operation.resource(env, params),
        ...(resourcePolicy ? { resourcePolicy } : {}),
        ...(operation.context ? { context: operation.context(env, params) } : {}),
      };
      for (const action of [operation.action, ...(operation.alsoAuthorize?.(env, params) ?? [])])
        event.authorization = authorize(env, { ...request, action });
    }
    const response = operation.run(env, params);
    world.events.push(event);
    return { ok: true, response };
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    event.errorCode = error.code;
    event.errorMessage = error.message;
    if (error.authorization) event.authorization = error.authorization;
    world.events.push(event);
    return { ok: false, error };
  }
}
