// GitHub Actions OIDC federation end to end (id_roles_providers_create_oidc,
// id_roles_create_for-idp_oidc, API_AssumeRoleWithWebIdentity): an OIDC provider, a deploy role
// whose trust policy pins `aud` and a `sub` of one repository and branch, tokens from the
// simulated GitHub, and the classic mistake of a trust without a `sub` condition.
import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { ok, run, trustPolicy } from './helpers.js';

const GITHUB = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::${SANDBOX_ACCOUNT}:oidc-provider/${GITHUB}`;
const ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/deploy`;
const PINNED = trustPolicy(
  { Federated: PROVIDER },
  {
    StringEquals: {
      [`${GITHUB}:aud`]: 'sts.amazonaws.com',
      [`${GITHUB}:sub`]: 'repo:acme/app:ref:refs/heads/main',
    },
  },
  'sts:AssumeRoleWithWebIdentity',
);
const AUD_ONLY = trustPolicy(
  { Federated: PROVIDER },
  { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } },
  'sts:AssumeRoleWithWebIdentity',
);

function withDeployRole(trust: string): ConsoleSession {
  const session = createSandbox('oidc-test', Date.UTC(2026, 10, 30, 10));
  ok(
    session,
    `aws iam create-open-id-connect-provider --url https://${GITHUB} --client-id-list sts.amazonaws.com --thumbprint-list 6938fd4d98bab03faadb97b34396831e3780aea1`,
  );
  ok(session, `aws iam create-role --role-name deploy --assume-role-policy-document '${trust}'`);
  return session;
}

const assume = (tokenFile: string) =>
  `aws sts assume-role-with-web-identity --role-arn ${ROLE} --role-session-name gh-run --web-identity-token file://${tokenFile}`;

describe('AssumeRoleWithWebIdentity from GitHub Actions', () => {
  it('the pinned repository and branch get in, unsigned, as a role session', () => {
    const session = withDeployRole(PINNED);
    ok(session, 'oidc-token --repo acme/app --ref refs/heads/main --outfile token.jwt');
    // No credentials are needed: the request is unsigned.
    ok(session, 'export AWS_PROFILE=nobody');
    const response = JSON.parse(ok(session, assume('token.jwt'))) as Record<string, unknown>;
    expect(response).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:acme/app:ref:refs/heads/main',
      Provider: `https://${GITHUB}`,
      Audience: 'sts.amazonaws.com',
      AssumedRoleUser: { Arn: `arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/deploy/gh-run` },
    });
    expect((response.Credentials as Record<string, string>).AccessKeyId).toMatch(/^ASIA/);
    const event = session.world.events.at(-1);
    expect(event?.userIdentity).toMatchObject({
      type: 'WebIdentityUser',
      identityProvider: PROVIDER,
    });
  });

  it('another branch or repository is refused with the message GitHub users know', () => {
    const session = withDeployRole(PINNED);
    for (const flags of ['--repo acme/app --ref refs/heads/feature', '--repo evil/fork']) {
      ok(session, `oidc-token ${flags} --outfile other.jwt`);
      const refused = run(session, assume('other.jwt'));
      expect(refused.exitCode).toBe(254);
      expect(refused.stderr).toBe(
        '\nAn error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\n',
      );
    }
    // explain repeats the denial as the service worded it.
    expect(ok(session, 'explain')).toContain(
      'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n',
    );
    expect(ok(session, 'explain')).toContain(
      `StringEquals ${GITHUB}:sub ["repo:acme/app:ref:refs/heads/main"]; request: "repo:evil/fork:ref:refs/heads/main" -> false`,
    );
  });

  it('the classic mistake: without a sub condition, any repository on GitHub gets in', () => {
    const session = withDeployRole(AUD_ONLY);
    ok(session, 'oidc-token --repo someone-else/anything --outfile foreign.jwt');
    expect(JSON.parse(ok(session, assume('foreign.jwt')))).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:someone-else/anything:ref:refs/heads/main',
    });
  });

  it('tokens are checked: provider, audience, signature, expiry', () => {
    const session = withDeployRole(PINNED);
    ok(
      session,
      'oidc-token --issuer gitlab.example.com --sub project_path:acme/app --outfile t.jwt',
    );
    expect(run(session, assume('t.jwt')).stderr).toContain(
      '(InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://gitlab.example.com',
    );

    ok(session, 'oidc-token --repo acme/app --aud https://github.com/acme --outfile aud.jwt');
    expect(run(session, assume('aud.jwt')).stderr).toContain('Incorrect token audience');

    const token = ok(session, 'oidc-token --repo acme/app');
    const [header, payload] = token.split('.');
    expect(
      run(
        session,
        `aws sts assume-role-with-web-identity --role-arn ${ROLE} --role-session-name x1 --web-identity-token ${header}.${payload}.forged`,
      ).stderr,
    ).toContain('(InvalidIdentityToken)');

    ok(session, 'oidc-token --repo acme/app --outfile late.jwt');
    ok(session, 'wait 6m');
    expect(run(session, assume('late.jwt')).stderr).toContain('(ExpiredTokenException)');
  });
});
