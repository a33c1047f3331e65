// Who is calling: the credentials of a request resolved against the world, as AWS authenticates
// them (iam-facts.md, "Error shapes": InvalidClientTokenId, ExpiredToken).
import type { RequestPrincipal } from '../policy/types.js';
import { AwsError } from './errors.js';
import type { AccessKey, IamUser, StsSession, UserSession, World } from './world.js';

/** Credentials as an SDK holds them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** For a user or root caller signing with GetSessionToken's credentials: when they were issued. */
interface SessionTokenIssue {
  sessionIssuedAt?: number;
}

export type Caller =
  | ({ kind: 'root'; account: string; accessKeyId?: string; mfa: boolean } & SessionTokenIssue)
  | ({
      kind: 'user';
      account: string;
      user: IamUser;
      accessKeyId?: string;
      mfa: boolean;
    } & SessionTokenIssue)
  | { kind: 'session'; account: string; session: StsSession }
  /**
   * An AWS service acting for itself, e.g. EC2 assuming an instance's role; `context` holds the
   * condition keys it brings (Roles Anywhere: `aws:SourceArn`, `aws:PrincipalTag/x509Subject/CN`).
   */
  | { kind: 'service'; service: string; context?: Record<string, string> }
  /** An unsigned request (`--no-sign-request`), which only S3 resource policies can allow. */
  | { kind: 'anonymous' }
  /**
   * Someone an identity provider vouches for (AssumeRoleWithWebIdentity): the IAM provider's ARN,
   * and the token's claims as the condition keys they become (`token.actions...:sub`).
   */
  | {
      kind: 'federated';
      provider: string;
      subject: string;
      context: Record<string, string>;
      /** The session name the identity provider chose (SAML's RoleSessionName attribute). */
      sessionName?: string;
    };

export const invalidToken = (): AwsError =>
  new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.');

/**
 * An access key id AWS has no active key for (never made, deleted, or set Inactive): IAM and STS
 * call the token invalid, S3 says the key id is not in its records (iam-facts.md, "Error shapes").
 */
function unknownKey(service: string): AwsError {
  return service === 's3'
    ? new AwsError(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
      )
    : invalidToken();
}

/**
 * A secret that does not go with its access key id: the request's signature is not the one AWS
 * computes. Each service says so in its own words: S3 as its error responses put it, IAM, STS and
 * EC2 as the query APIs do (the CLI's output quoted in aws/aws-cli#4356 and #5166).
 */
function signatureMismatch(service: string): AwsError {
  return new AwsError(
    'SignatureDoesNotMatch',
    service === 's3'
      ? 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
      : 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );
}

/** The long-term key (AKIA) with this id, of a user or of an account's root user, and its owner. */
function findLongTermKey(
  world: World,
  accessKeyId: string,
): { key: AccessKey; caller: Caller } | undefined {
  for (const account of Object.values(world.accounts)) {
    const rootKey = account.rootAccessKeys?.find((k) => k.accessKeyId === accessKeyId);
    if (rootKey)
      return {
        key: rootKey,
        caller: { kind: 'root', account: account.id, accessKeyId, mfa: false },
      };
    for (const user of Object.values(account.iam.users)) {
      const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
      if (key)
        return {
          key,
          caller: { kind: 'user', account: account.id, user, accessKeyId, mfa: false },
        };
    }
  }
  return undefined;
}

/** A session's credentials must match and be unexpired on the world's clock. */
function checkTemporary(
  world: World,
  session: StsSession | UserSession,
  credentials: Credentials,
  service: string,
): void {
  if (session.sessionToken !== credentials.sessionToken) throw invalidToken();
  if (session.secretAccessKey !== credentials.secretAccessKey) throw signatureMismatch(service);
  if (world.now >= session.expiration) {
    throw new AwsError('ExpiredToken', 'The security token included in the request is expired');
  }
}

/** The user or root caller of GetSessionToken's credentials. */
function userSessionCaller(world: World, session: UserSession): Caller {
  const common = {
    account: session.account,
    accessKeyId: session.accessKeyId,
    mfa: session.mfaAuthenticated,
    sessionIssuedAt: session.issuedAt,
  };
  if (session.userName === undefined) return { kind: 'root', ...common };
  const user = world.accounts[session.account]?.iam.users[session.userName.toLowerCase()];
  // A user deleted since: its credentials stop working.
  if (!user) throw invalidToken();
  return { kind: 'user', user, ...common };
}

/**
 * The caller that signed a request to `service` (its endpoint prefix) with these credentials.
 * Long-term keys (AKIA) belong to users and root; temporary ones (ASIA) to STS sessions, which
 * also need their session token and expire on the world's clock.
 */
export function authenticate(world: World, credentials: Credentials, service: string): Caller {
  const { accessKeyId, secretAccessKey } = credentials;
  if (accessKeyId.startsWith('ASIA')) {
    const userSession = world.userSessions[accessKeyId];
    if (userSession) {
      checkTemporary(world, userSession, credentials, service);
      return userSessionCaller(world, userSession);
    }
    const session = world.sessions[accessKeyId];
    if (!session) throw unknownKey(service);
    checkTemporary(world, session, credentials, service);
    return { kind: 'session', account: session.account, session };
  }
  const found = findLongTermKey(world, accessKeyId);
  // An inactive key is refused like an unknown one.
  if (found?.key.status !== 'Active') throw unknownKey(service);
  if (found.key.secretAccessKey !== secretAccessKey) throw signatureMismatch(service);
  return found.caller;
}

/** The caller as the policy engine sees it. */
export function principalOf(caller: Caller): RequestPrincipal {
  switch (caller.kind) {
    case 'root':
      return { type: 'root', arn: `arn:aws:iam::${caller.account}:root`, account: caller.account };
    case 'user':
      return {
        type: 'user',
        arn: caller.user.arn,
        account: caller.account,
        name: caller.user.userName,
        id: caller.user.userId,
      };
    case 'session': {
      const { session } = caller;
      return {
        type: 'assumed-role',
        arn: `arn:aws:sts::${session.account}:assumed-role/${session.roleName}/${session.sessionName}`,
        account: session.account,
        roleArn: session.roleArn,
        roleName: session.roleName,
        sessionName: session.sessionName,
        roleId: session.roleId,
      };
    }
    case 'service':
      return { type: 'service', service: caller.service };
    case 'anonymous':
      return { type: 'anonymous' };
    case 'federated':
      return { type: 'federated', provider: caller.provider };
  }
}

/** The ARN AWS prints for the caller (`User: <this> is not authorized ...`, GetCallerIdentity). */
export function callerArn(caller: Caller): string {
  const principal = principalOf(caller);
  if ('arn' in principal) return principal.arn;
  return caller.kind === 'service' ? caller.service : 'anonymous';
}
