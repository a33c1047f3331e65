// ARN parsing, and turning a caller's ARN into the RequestPrincipal the engine reasons about.
// Formats: reference_identifiers ("IAM ARNs") and reference_policies_elements_principal.
import type { RequestPrincipal } from './types.js';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `user/division/alice` or `bucket/key:with:colons`. */
  resource: string;
}

/** Splits an ARN into its six parts, or returns undefined when it is not one. */
function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The account a resource ARN names, if any (S3 bucket ARNs have none). */
export function arnAccount(text: string): string | undefined {
  const account = parseArn(text)?.account;
  return account === undefined || account === '' ? undefined : account;
}

export type PrincipalParse =
  { ok: true; principal: RequestPrincipal } | { ok: false; message: string };

/**
 * The web identity providers a trust policy names by domain rather than by an IAM provider ARN
 * (reference_policies_elements_principal, "Web identity session principals").
 */
const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'www.amazon.com',
  'graph.facebook.com',
]);

/**
 * Reads a caller given as text: `anonymous`, a user, root, assumed-role or federated-user ARN, a
 * service principal (`ec2.amazonaws.com`), or an identity provider (a web-identity or SAML caller)
 * by its IAM provider ARN or, for Cognito, Google, Amazon and Facebook, by its domain. An assumed-role ARN has no role path, so the role ARN is taken as path-less unless
 * `roleArn` says otherwise.
 */
export function principalFromText(text: string, roleArn?: string): PrincipalParse {
  if (text === 'anonymous') return { ok: true, principal: { type: 'anonymous' } };
  if (WEB_IDENTITY_PROVIDERS.has(text)) {
    return { ok: true, principal: { type: 'federated', provider: text } };
  }
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) {
    return { ok: true, principal: { type: 'service', service: text } };
  }
  const arn = parseArn(text);
  if (!arn)
    return { ok: false, message: `${text} is not an ARN, "anonymous" or a service principal` };
  const { account, resource } = arn;
  const [kind = '', ...rest] = resource.split('/');
  const name = rest[rest.length - 1] ?? '';
  if (arn.service === 'iam') {
    if (resource === 'root') return { ok: true, principal: { type: 'root', arn: text, account } };
    if (kind === 'user' && name !== '') {
      return { ok: true, principal: { type: 'user', arn: text, account, name } };
    }
    if (kind === 'oidc-provider' || kind === 'saml-provider') {
      return { ok: true, principal: { type: 'federated', provider: text } };
    }
    if (kind === 'role') {
      return {
        ok: false,
        message: `a role does not sign requests, its sessions do: use arn:${arn.partition}:sts::${account}:assumed-role/${name}/SESSION_NAME`,
      };
    }
  }
  if (arn.service === 'sts' && kind === 'assumed-role' && rest.length === 2) {
    const [roleName = '', sessionName = ''] = rest;
    return {
      ok: true,
      principal: {
        type: 'assumed-role',
        arn: text,
        account,
        roleName,
        sessionName,
        roleArn: roleArn ?? `arn:${arn.partition}:iam::${account}:role/${roleName}`,
      },
    };
  }
  if (arn.service === 'sts' && kind === 'federated-user' && name !== '') {
    return { ok: true, principal: { type: 'federated-user', arn: text, account, name } };
  }
  return { ok: false, message: `${text} is not the ARN of a principal that can make a request` };
}

/** The account of a caller, for same- or cross-account reasoning; none for services and IdPs. */
export function principalAccount(principal: RequestPrincipal): string | undefined {
  return 'account' in principal ? principal.account : undefined;
}

/** The caller's name in AWS's AccessDenied messages (`User: <this> is not authorized ...`). */
export function principalLabel(principal: RequestPrincipal): string {
  switch (principal.type) {
    case 'anonymous':
      return 'anonymous';
    case 'service':
      return principal.service;
    case 'federated':
      return principal.provider;
    default:
      return principal.arn;
  }
}
