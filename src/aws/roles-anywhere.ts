// IAM Roles Anywhere (rolesanywhere/latest/userguide: introduction, getting-started,
// trust-model, authentication-create-session): workloads outside AWS get a role's temporary
// credentials with an X.509 certificate instead of an IAM user's access key. A trust anchor names
// the CA; a profile names the roles; CreateSession (done by `aws_signing_helper`) checks the
// certificate against the anchor, proves the private key, and has Roles Anywhere assume the role
// with the certificate's fields as session tags and its subject's CN as source identity. So the
// role's trust policy must allow `rolesanywhere.amazonaws.com` all of `sts:AssumeRole`,
// `sts:TagSession` and `sts:SetSourceIdentity` ("Role trusts"), and may test the certificate's
// subject (`aws:PrincipalTag/x509Subject/CN`) and the anchor (`aws:SourceArn`).
import { callApi } from './api.js';
import { readCertificate, readPrivateKey } from './certificates.js';
import { AwsError, validationError } from './errors.js';
import { callerAccount } from './iam/account.js';
import { newHexId } from './ids.js';
import { structure } from './input.js';
import type { Operation } from './operation.js';
import { AssumeRole } from './sts.js';
import { isoSeconds } from './time.js';
import type { RolesAnywhereProfile, TrustAnchor, World } from './world.js';

const SERVICE = 'rolesanywhere.amazonaws.com';
const DEFAULT_DURATION = 3600;

/** A UUID drawn from the world's ids. */
function newUuid(world: World): string {
  const hex = `${newHexId(world)}${newHexId(world)}`.slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function trustAnchorView(anchor: TrustAnchor) {
  return {
    trustAnchorId: anchor.trustAnchorId,
    trustAnchorArn: anchor.trustAnchorArn,
    name: anchor.name,
    enabled: anchor.enabled,
    source: {
      sourceType: 'CERTIFICATE_BUNDLE',
      sourceData: { x509CertificateData: anchor.certificateBundle },
    },
    createdAt: anchor.createdAt,
    updatedAt: anchor.createdAt,
  };
}

function profileView(profile: RolesAnywhereProfile) {
  return {
    profileId: profile.profileId,
    profileArn: profile.profileArn,
    name: profile.name,
    enabled: profile.enabled,
    roleArns: profile.roleArns,
    durationSeconds: profile.durationSeconds,
    createdAt: profile.createdAt,
    updatedAt: profile.createdAt,
  };
}

export const CreateTrustAnchor: Operation = {
  service: 'rolesanywhere',
  name: 'CreateTrustAnchor',
  action: 'rolesanywhere:CreateTrustAnchor',
  resource: () => '*',
  run: (env, params) => {
    const account = callerAccount(env).id;
    const source = structure(params, 'source');
    const bundle = structure(source, 'sourceData').x509CertificateData;
    if (source.sourceType !== 'CERTIFICATE_BUNDLE' || typeof bundle !== 'string') {
      throw validationError(
        'Only CERTIFICATE_BUNDLE sources are simulated; give the CA certificate as x509CertificateData.',
      );
    }
    if (readCertificate(env.world, bundle)?.isCa !== true) {
      throw validationError(
        'Invalid certificate bundle: the x509CertificateData is not a CA certificate.',
      );
    }
    const id = newUuid(env.world);
    const anchor: TrustAnchor = {
      trustAnchorId: id,
      trustAnchorArn: `arn:aws:rolesanywhere:${env.region}:${account}:trust-anchor/${id}`,
      account,
      name: typeof params.name === 'string' ? params.name : id,
      enabled: params.enabled === true,
      certificateBundle: bundle,
      createdAt: isoSeconds(env.world.now),
    };
    env.world.rolesAnywhere.trustAnchors[anchor.trustAnchorArn] = anchor;
    return { trustAnchor: trustAnchorView(anchor) };
  },
};

export const CreateProfile: Operation = {
  service: 'rolesanywhere',
  name: 'CreateProfile',
  action: 'rolesanywhere:CreateProfile',
  resource: () => '*',
  run: (env, params) => {
    const account = callerAccount(env).id;
    const id = newUuid(env.world);
    const profile: RolesAnywhereProfile = {
      profileId: id,
      profileArn: `arn:aws:rolesanywhere:${env.region}:${account}:profile/${id}`,
      account,
      name: typeof params.name === 'string' ? params.name : id,
      enabled: params.enabled === true,
      roleArns: Array.isArray(params.roleArns) ? (params.roleArns as string[]) : [],
      durationSeconds:
        typeof params.durationSeconds === 'number' ? params.durationSeconds : DEFAULT_DURATION,
      createdAt: isoSeconds(env.world.now),
    };
    env.world.rolesAnywhere.profiles[profile.profileArn] = profile;
    return { profile: profileView(profile) };
  },
};

export const ListTrustAnchors: Operation = {
  service: 'rolesanywhere',
  name: 'ListTrustAnchors',
  action: 'rolesanywhere:ListTrustAnchors',
  resource: () => '*',
  run: (env) => {
    const account = callerAccount(env).id;
    const anchors = Object.values(env.world.rolesAnywhere.trustAnchors);
    return { trustAnchors: anchors.filter((a) => a.account === account).map(trustAnchorView) };
  },
};

export const ListProfiles: Operation = {
  service: 'rolesanywhere',
  name: 'ListProfiles',
  action: 'rolesanywhere:ListProfiles',
  resource: () => '*',
  run: (env) => {
    const account = callerAccount(env).id;
    const profiles = Object.values(env.world.rolesAnywhere.profiles);
    return { profiles: profiles.filter((p) => p.account === account).map(profileView) };
  },
};

export const ROLES_ANYWHERE_OPERATIONS: readonly Operation[] = [
  CreateTrustAnchor,
  CreateProfile,
  ListTrustAnchors,
  ListProfiles,
];

export interface SessionRequest {
  certificate: string;
  privateKey: string;
  trustAnchorArn: string;
  profileArn: string;
  roleArn: string;
  region: string;
  sourceIp: string;
}

/** The credential_process output of `aws_signing_helper` (Version 1). */
export interface ProcessCredentials {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

const denied = (message: string) => new AwsError('AccessDenied', message);

/**
 * CreateSession: the certificate is checked against the trust anchor and the key against the
 * certificate, then Roles Anywhere assumes the role for the workload; AccessDenied otherwise.
 */
export function createSession(world: World, request: SessionRequest): ProcessCredentials {
  const anchor = world.rolesAnywhere.trustAnchors[request.trustAnchorArn];
  const profile = world.rolesAnywhere.profiles[request.profileArn];
  if (anchor?.enabled !== true) throw denied('Trust anchor is not found or is disabled.');
  if (profile?.enabled !== true || profile.account !== anchor.account) {
    throw denied('Profile is not found or is disabled.');
  }
  const certificate = readCertificate(world, request.certificate);
  const ca = readCertificate(world, anchor.certificateBundle);
  if (certificate === undefined || ca === undefined || certificate.issuerKeyId !== ca.keyId) {
    throw denied('Untrusted signing certificate.');
  }
  const now = world.now;
  if (now < Date.parse(certificate.notBefore) || now >= Date.parse(certificate.notAfter)) {
    throw denied('Certificate is expired or not yet valid.');
  }
  if (readPrivateKey(request.privateKey) !== certificate.keyId) {
    throw denied('Signature does not match the certificate.');
  }
  if (!profile.roleArns.includes(request.roleArn)) {
    throw denied('The profile does not allow the requested role.');
  }
  // The certificate's subject and issuer, as the session's tags and the trust policy's keys.
  const tags = [
    ...Object.entries(certificate.subject).map(([field, value]) => ({
      Key: `x509Subject/${field}`,
      Value: value,
    })),
    { Key: 'x509Issuer/CN', Value: certificate.issuer },
  ];
  const principalTags = Object.fromEntries(
    tags.map((tag) => [`aws:PrincipalTag/${tag.Key}`, tag.Value]),
  );
  const result = callApi(world, {
    caller: {
      service: SERVICE,
      context: {
        'aws:SourceArn': anchor.trustAnchorArn,
        'aws:SourceAccount': anchor.account,
        ...principalTags,
      },
    },
    operation: AssumeRole,
    params: {
      RoleArn: request.roleArn,
      // Roles Anywhere names the session after the certificate's serial number.
      RoleSessionName: certificate.serialNumber,
      DurationSeconds: profile.durationSeconds,
      Tags: tags,
      SourceIdentity: certificate.subject.CN,
    },
    region: request.region,
    sourceIp: request.sourceIp,
  });
  // Whatever STS refused (the trust policy, the duration), Roles Anywhere says only this, as
  // `aws_signing_helper` users report it; `explain` shows the decision behind it.
  if (!result.ok) throw denied(`Unable to assume role for ${request.roleArn}.`);
  const credentials = result.response.Credentials as Record<string, string>;
  return {
    Version: 1,
    AccessKeyId: credentials.AccessKeyId ?? '',
    SecretAccessKey: credentials.SecretAccessKey ?? '',
    SessionToken: credentials.SessionToken ?? '',
    Expiration: credentials.Expiration ?? '',
  };
}
