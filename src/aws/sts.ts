// AWS STS: who am I, and temporary credentials for roles (STS API reference; iam-facts.md "STS").
import { callerArn, principalOf, type Caller } from './caller.js';
import { AwsError, constraintViolation, validationError, validationErrors } from './errors.js';
import { BASE64_CHARS, digestOf, newId, newSecret, newSessionToken } from './ids.js';
import { text } from './input.js';
import { verifyMfaCode } from './mfa.js';
import { verifySamlAssertion } from './saml.js';
import { verifyWebIdentityToken } from './web-identity.js';
import type { Operation, Params, RequestEnvironment, ResourcePolicy } from './operation.js';
import { isoSeconds } from './time.js';
import type { IamRole, Tag, TemporaryCredentials, UserSession, World } from './world.js';
import { validatePolicy } from '../policy/validate.js';

/** GetCallerIdentity needs no permission: AWS answers it even under an explicit deny. */
export const GetCallerIdentity: Operation = {
  service: 'sts',
  name: 'GetCallerIdentity',
  run: ({ caller }) => {
    const principal = principalOf(caller);
    const account = 'account' in principal ? principal.account : '';
    const userId =
      caller.kind === 'user'
        ? caller.user.userId
        : caller.kind === 'session'
          ? `${caller.session.roleId}:${caller.session.sessionName}`
          : account;
    return { UserId: userId, Account: account, Arn: callerArn(caller) };
  },
};

/** The `Credentials` structure of STS responses. */
function credentialsOf(session: TemporaryCredentials): Record<string, string> {
  return {
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secretAccessKey,
    SessionToken: session.sessionToken,
    Expiration: isoSeconds(session.expiration),
  };
}

const ONE_HOUR = 3600;

/** The role an ARN names, in the world, or undefined. */
export function roleByArn(world: World, arn: string): IamRole | undefined {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match) return undefined;
  const role = world.accounts[match[1] ?? '']?.iam.roles[(match[2] ?? '').toLowerCase()];
  return role?.arn === arn ? role : undefined;
}

/** STS's answer to a DurationSeconds that is no integer, which the model's type does not say. */
function notAnInteger(duration: unknown): AwsError {
  return validationErrors([
    constraintViolation('durationSeconds', 'Member must be an integer', `'${String(duration)}'`),
  ]);
}

/**
 * How long the new session lasts: DurationSeconds (default 3600), at most the role's
 * MaxSessionDuration, and at most one hour when a role session assumes a role (role chaining).
 */
function sessionSeconds(caller: Caller, role: IamRole, params: Params): number {
  const duration = params.DurationSeconds;
  if (duration !== undefined && !Number.isInteger(duration)) {
    throw notAnInteger(duration);
  }
  const requested = typeof duration === 'number' ? duration : ONE_HOUR;
  // An AWS service assuming a role for its own use (EC2 for an instance) is not held to the
  // role's MaxSessionDuration: instance credentials last about six hours whatever it says.
  if (caller.kind === 'service') return requested;
  if (caller.kind === 'session' && requested > ONE_HOUR) {
    throw validationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (requested > role.maxSessionDuration) {
    throw validationError(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  return requested;
}

function sessionPolicy(params: Params): string[] {
  const policy = text(params, 'Policy');
  if (policy === undefined) return [];
  const result = validatePolicy(policy, 'session');
  if (!result.ok) throw new AwsError('MalformedPolicyDocument', result.error.message);
  return [policy];
}

/** Whether the request carries MFA: a TokenCode with the SerialNumber of the device it is from. */
function mfaGiven(params: Params): boolean {
  return text(params, 'SerialNumber') !== undefined && text(params, 'TokenCode') !== undefined;
}

/** SerialNumber with TokenCode: the code must be the caller's device's, before anything else. */
function verifyMfa(env: RequestEnvironment, params: Params): void {
  const serialNumber = text(params, 'SerialNumber');
  const tokenCode = text(params, 'TokenCode');
  if (serialNumber !== undefined && tokenCode !== undefined) {
    verifyMfaCode(env, serialNumber, tokenCode);
  }
}

/** The session tags a request passes (`Tags`, each `{Key, Value}`). */
function sessionTags(params: Params): Tag[] {
  const tags: unknown = params.Tags;
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((tag: unknown) => {
    const { Key, Value } = (tag ?? {}) as Record<string, unknown>;
    return typeof Key === 'string' && typeof Value === 'string' ? [{ Key, Value }] : [];
  });
}

/**
 * What AssumeRole asks beyond sts:AssumeRole: sts:TagSession to pass session tags
 * (id_session-tags, "Permissions required to add session tags") and sts:SetSourceIdentity to set
 * a source identity (id_credentials_temp_control-access_monitor), both in the trust policy.
 */
function assumeRoleExtras(_env: RequestEnvironment, params: Params): string[] {
  return [
    ...(sessionTags(params).length > 0 ? ['sts:TagSession'] : []),
    ...(text(params, 'SourceIdentity') === undefined ? [] : ['sts:SetSourceIdentity']),
  ];
}

function assumeRoleContext(
  _env: RequestEnvironment,
  params: Params,
): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  const tags = sessionTags(params);
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  if (tags.length > 0) context['aws:TagKeys'] = tags.map((tag) => tag.Key);
  const sessionName = text(params, 'RoleSessionName');
  if (sessionName !== undefined) context['sts:RoleSessionName'] = sessionName;
  const externalId = text(params, 'ExternalId');
  if (externalId !== undefined) context['sts:ExternalId'] = externalId;
  const sourceIdentity = text(params, 'SourceIdentity');
  if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity;
  if (mfaGiven(params)) {
    // MFA given with the call (and verified before): the trust policy sees it present and fresh.
    context['aws:MultiFactorAuthPresent'] = 'true';
    context['aws:MultiFactorAuthAge'] = '0';
  }
  return context;
}

/** A role's trust policy, the resource policy of every way to assume it. */
export function trustPolicyOf({ world }: RequestEnvironment, params: Params): ResourcePolicy {
  const arn = text(params, 'RoleArn') ?? '';
  const role = roleByArn(world, arn);
  // A role that does not exist has no trust policy, and a trust policy must allow explicitly.
  return {
    ...(role ? { document: role.assumeRolePolicyDocument } : {}),
    kind: 'trust',
    account: arn.split(':')[4] ?? '',
    name: role ? `trust policy of role/${role.roleName}` : 'trust policy',
  };
}

/** A new session of the role, once the request is authorized: AssumeRole's response. */
function startRoleSession({ world, caller }: RequestEnvironment, params: Params) {
  const role = roleByArn(world, text(params, 'RoleArn') ?? '');
  if (!role) {
    // Unreachable for signed callers (authorization denies first); kept for AWS services.
    throw new AwsError(
      'AccessDenied',
      `User: ${callerArn(caller)} is not authorized to perform: sts:AssumeRole on resource: ${text(params, 'RoleArn') ?? ''}`,
    );
  }
  const seconds = sessionSeconds(caller, role, params);
  const policies = sessionPolicy(params);
  const sessionName = text(params, 'RoleSessionName') ?? '';
  const account = role.arn.split(':')[4] ?? '';
  const inherited = caller.kind === 'session' ? caller.session.sourceIdentity : undefined;
  const sourceIdentity = inherited ?? text(params, 'SourceIdentity');
  const tags = sessionTags(params);
  const accessKeyId = newId(world, 'ASIA');
  const session = {
    accessKeyId,
    secretAccessKey: newSecret(world),
    sessionToken: newSessionToken(world),
    expiration: world.now + seconds * 1000,
    issuedAt: world.now,
    account,
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    mfaAuthenticated: mfaGiven(params),
    chained: caller.kind === 'session',
    sessionPolicies: policies,
    ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
    ...(tags.length > 0 ? { tags } : {}),
  };
  const credentials = credentialsOf(session);
  world.sessions[accessKeyId] = session;
  return {
    Credentials: credentials,
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${sessionName}`,
      Arn: `arn:aws:sts::${account}:assumed-role/${role.roleName}/${sessionName}`,
    },
    ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity }),
  };
}

export const AssumeRole: Operation = {
  service: 'sts',
  name: 'AssumeRole',
  action: 'sts:AssumeRole',
  resource: (_env, params) => text(params, 'RoleArn') ?? '',
  resourcePolicy: trustPolicyOf,
  verify: verifyMfa,
  alsoAuthorize: assumeRoleExtras,
  context: assumeRoleContext,
  run: startRoleSession,
};

/**
 * AssumeRoleWithWebIdentity (API_AssumeRoleWithWebIdentity): sent unsigned; the token says who
 * the request is for, and its claims become condition keys of the trust policy
 * (reference_policies_iam-condition-keys, "Available keys for OIDC federation": `HOST:aud`,
 * `HOST:sub`). A trust policy that does not allow it: `Not authorized to perform
 * sts:AssumeRoleWithWebIdentity`, the message GitHub Actions users know.
 */
export const AssumeRoleWithWebIdentity: Operation = {
  service: 'sts',
  name: 'AssumeRoleWithWebIdentity',
  identify: (world, params) => {
    const account = (text(params, 'RoleArn') ?? '').split(':')[4] ?? '';
    const token = verifyWebIdentityToken(world, account, text(params, 'WebIdentityToken') ?? '');
    const { claims, issuer, provider } = token;
    return {
      kind: 'federated',
      provider: provider.arn,
      subject: claims.sub ?? '',
      context: {
        'aws:FederatedProvider': provider.arn,
        [`${issuer}:sub`]: claims.sub ?? '',
        [`${issuer}:aud`]: claims.aud ?? '',
      },
    };
  },
  action: 'sts:AssumeRoleWithWebIdentity',
  resource: (_env, params) => text(params, 'RoleArn') ?? '',
  resourcePolicy: trustPolicyOf,
  context: assumeRoleContext,
  run: (env, params) => {
    const { caller } = env;
    const issuer =
      caller.kind === 'federated' ? caller.provider.replace(/^.*:oidc-provider\//, '') : '';
    return {
      ...startRoleSession(env, params),
      SubjectFromWebIdentityToken: caller.kind === 'federated' ? caller.subject : '',
      Provider: `https://${issuer}`,
      Audience: caller.kind === 'federated' ? (caller.context[`${issuer}:aud`] ?? '') : '',
    };
  },
};

/** The SAML provider the request names, in the account of its ARN. */
function samlProviderOf(world: World, arn: string) {
  const account = arn.split(':')[4] ?? '';
  return world.accounts[account]?.iam.samlProviders[arn];
}

/**
 * AssumeRoleWithSAML (API_AssumeRoleWithSAML): sent unsigned with the IdP's assertion, which must
 * offer this role with this provider; its subject and issuer become the trust policy's `SAML:`
 * keys (reference_policies_iam-condition-keys, "Available keys for SAML federation").
 */
export const AssumeRoleWithSAML: Operation = {
  service: 'sts',
  name: 'AssumeRoleWithSAML',
  identify: (world, params) => {
    const providerArn = text(params, 'PrincipalArn') ?? '';
    const roleArn = text(params, 'RoleArn') ?? '';
    const provider = samlProviderOf(world, providerArn);
    const assertion = verifySamlAssertion(
      world,
      provider?.samlMetadataDocument,
      text(params, 'SAMLAssertion') ?? '',
    );
    const offered = assertion.roles.some((pair) => {
      const parts = pair.split(',').map((part) => part.trim());
      return parts.includes(roleArn) && parts.includes(providerArn);
    });
    if (!offered)
      throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
    return {
      kind: 'federated',
      provider: providerArn,
      subject: assertion.subject,
      sessionName: assertion.sessionName,
      context: {
        'aws:FederatedProvider': providerArn,
        'SAML:aud': assertion.audience,
        'SAML:iss': assertion.issuer,
        'SAML:sub': assertion.subject,
        'SAML:sub_type': 'persistent',
      },
    };
  },
  action: 'sts:AssumeRoleWithSAML',
  resource: (_env, params) => text(params, 'RoleArn') ?? '',
  resourcePolicy: trustPolicyOf,
  run: (env, params) => {
    const { caller } = env;
    const federated = caller.kind === 'federated' ? caller : undefined;
    const response = startRoleSession(env, {
      ...params,
      RoleSessionName: federated?.sessionName ?? '',
    });
    const issuer = federated?.context['SAML:iss'] ?? '';
    return {
      ...response,
      Subject: federated?.subject ?? '',
      SubjectType: 'persistent',
      Issuer: issuer,
      Audience: federated?.context['SAML:aud'] ?? '',
      // Base64 of a hash of the issuer, the account and the provider's name.
      NameQualifier: `${digestOf(`${issuer}:${text(params, 'PrincipalArn') ?? ''}`, 27, BASE64_CHARS)}=`,
    };
  },
};

const SESSION_TOKEN_DEFAULT = 43_200;

/**
 * GetSessionToken (API_GetSessionToken): temporary credentials for an IAM user or the root user,
 * typically to prove MFA. It needs no permission ("You cannot use policies to control
 * authentication operations"); session credentials cannot call it; root sessions last at most
 * an hour, a longer request being cut to one.
 */
export const GetSessionToken: Operation = {
  service: 'sts',
  name: 'GetSessionToken',
  verify: verifyMfa,
  run: ({ world, caller }, params) => {
    if (
      (caller.kind !== 'user' && caller.kind !== 'root') ||
      caller.sessionIssuedAt !== undefined
    ) {
      throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
    }
    // The model bounds DurationSeconds to 900..129600 (checked before the call: src/aws/input.ts).
    const duration = params.DurationSeconds;
    const requested = typeof duration === 'number' ? duration : SESSION_TOKEN_DEFAULT;
    const seconds = caller.kind === 'root' ? Math.min(requested, ONE_HOUR) : requested;
    const accessKeyId = newId(world, 'ASIA');
    const session: UserSession = {
      accessKeyId,
      secretAccessKey: newSecret(world),
      sessionToken: newSessionToken(world),
      expiration: world.now + seconds * 1000,
      issuedAt: world.now,
      account: caller.account,
      mfaAuthenticated: mfaGiven(params),
      ...(caller.kind === 'user' ? { userName: caller.user.userName } : {}),
    };
    world.userSessions[accessKeyId] = session;
    return {
      Credentials: credentialsOf(session),
    };
  },
};

export const STS_OPERATIONS: readonly Operation[] = [
  GetCallerIdentity,
  AssumeRole,
  AssumeRoleWithWebIdentity,
  AssumeRoleWithSAML,
  GetSessionToken,
];
