// OpenID Connect tokens for AssumeRoleWithWebIdentity (id_roles_providers_oidc,
// API_AssumeRoleWithWebIdentity), from simulated identity providers such as GitHub Actions'
// (`token.actions.githubusercontent.com`): JWTs whose claims a lesson or the learner chooses, signed
// with a key only the world knows, so that STS can tell them from forgeries. STS checks them as AWS
// does: an IAM OIDC provider for the issuer in the role's account, the audience in its client ids,
// the signature, and the time. AWS's answers: `InvalidIdentityToken` `No OpenIDConnect provider
// found in your account for https://...` and `Incorrect token audience`, `ExpiredTokenException`
// `Token expired: current date/time ... must be before the expiration date/time ...`.
import { decodeBase64url, encodeBase64url } from './base64.js';
import { AwsError } from './errors.js';
import { digestOf } from './ids.js';
import type { OidcProvider, World } from './world.js';

/** GitHub's tokens are good for a few minutes; the simulated ones for five. */
const TOKEN_LIFETIME_SECONDS = 300;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface TokenClaims {
  /** The issuer's host and path, without `https://`. */
  issuer: string;
  sub: string;
  aud: string;
  /** Further claims (`repository`, `ref`, `environment`...), as strings. */
  extra?: Record<string, string>;
}

/** The claims STS read from a token it accepted. */
export interface VerifiedToken {
  provider: OidcProvider;
  /** The issuer's host and path: the prefix of its condition keys (`...:sub`, `...:aud`). */
  issuer: string;
  claims: Record<string, string>;
}

/** The signature of the IdP of `issuer` over the token's first two parts. */
function signature(world: World, issuer: string, signed: string): string {
  return digestOf(`${world.seed}:idp:${issuer}:${signed}`, 86, BASE64URL);
}

/** A token the IdP of `claims.issuer` issues now, good for five minutes. */
export function issueWebIdentityToken(world: World, claims: TokenClaims): string {
  const now = Math.floor(world.now / 1000);
  const header = encodeBase64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'simulated' }));
  const payload = encodeBase64url(
    JSON.stringify({
      iss: `https://${claims.issuer}`,
      sub: claims.sub,
      aud: claims.aud,
      ...claims.extra,
      iat: now,
      nbf: now,
      exp: now + TOKEN_LIFETIME_SECONDS,
    }),
  );
  return `${header}.${payload}.${signature(world, claims.issuer, `${header}.${payload}`)}`;
}

const invalid = (message: string) => new AwsError('InvalidIdentityToken', message);

/** The token's claims if STS accepts it for a role of `account`; AWS's error if not. */
export function verifyWebIdentityToken(
  world: World,
  account: string,
  token: string,
): VerifiedToken {
  const [header, payload, signed, ...rest] = token.split('.');
  const json = payload === undefined ? undefined : decodeBase64url(payload);
  let claims: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = json === undefined ? undefined : JSON.parse(json);
    claims =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
  } catch {
    claims = undefined;
  }
  if (header === undefined || signed === undefined || rest.length > 0 || claims === undefined) {
    throw invalid(
      'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
    );
  }
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const issuer = iss.replace(/^https:\/\//, '');
  const provider = Object.values(world.accounts[account]?.iam.oidcProviders ?? {}).find(
    (p) => p.url.replace(/^https:\/\//, '') === issuer,
  );
  if (provider === undefined) {
    throw invalid(`No OpenIDConnect provider found in your account for ${iss}`);
  }
  if (signed !== signature(world, issuer, `${header}.${payload ?? ''}`)) {
    throw invalid(
      "Couldn't verify the signature of the token with the keys of its identity provider",
    );
  }
  const aud = typeof claims.aud === 'string' ? claims.aud : '';
  if (!provider.clientIdList.includes(aud)) throw invalid('Incorrect token audience');
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  const now = Math.floor(world.now / 1000);
  if (now >= exp) {
    throw new AwsError(
      'ExpiredTokenException',
      `Token expired: current date/time ${now} must be before the expiration date/time${exp}`,
    );
  }
  const strings = Object.fromEntries(
    Object.entries(claims).map(([key, value]) => [key, String(value)]),
  );
  return { provider, issuer, claims: strings };
}
