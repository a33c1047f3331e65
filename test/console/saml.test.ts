// SAML 2.0 federation end to end (id_roles_providers_saml, id_roles_create_for-idp_saml,
// API_AssumeRoleWithSAML): the company IdP's metadata as an IAM SAML provider, a role for a
// workforce group that trusts it with `SAML:aud`, a user signing in at the IdP, and what STS
// refuses: an edited assertion, a role the assertion does not offer, a late one.
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/aws/base64.js';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { json, ok, run, trustPolicy } from './helpers.js';

const PROVIDER = `arn:aws:iam::${SANDBOX_ACCOUNT}:saml-provider/CorpIdP`;
const ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/developers`;
const TRUST = trustPolicy(
  { Federated: PROVIDER },
  { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  'sts:AssumeRoleWithSAML',
);

function withSamlRole(): ConsoleSession {
  const session = createSandbox('saml-test', Date.UTC(2026, 10, 30, 10));
  ok(session, 'saml-idp metadata --outfile idp.xml');
  ok(
    session,
    'aws iam create-saml-provider --name CorpIdP --saml-metadata-document file://idp.xml',
  );
  ok(
    session,
    `aws iam create-role --role-name developers --assume-role-policy-document '${TRUST}'`,
  );
  return session;
}

const assume = (file: string) =>
  `aws sts assume-role-with-saml --role-arn ${ROLE} --principal-arn ${PROVIDER} --saml-assertion file://${file}`;

describe('AssumeRoleWithSAML', () => {
  it('a user signed in at the IdP becomes a role session named after them', () => {
    const session = withSamlRole();
    ok(session, `saml-idp sign-in --user maria --role ${ROLE},${PROVIDER} --outfile saml.b64`);
    const response = json(session, assume('saml.b64'));
    expect(response).toMatchObject({
      AssumedRoleUser: { Arn: `arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/developers/maria` },
      Subject: 'maria',
      SubjectType: 'persistent',
      Issuer: 'https://idp.example.com/saml',
      Audience: 'https://signin.aws.amazon.com/saml',
    });
    expect(session.world.events.at(-1)?.userIdentity).toMatchObject({
      type: 'WebIdentityUser',
      identityProvider: PROVIDER,
    });
  });

  it('refuses an edited assertion, a role it does not offer, and one redeemed late', () => {
    const session = withSamlRole();
    ok(session, `saml-idp sign-in --user maria --role ${ROLE},${PROVIDER} --outfile saml.b64`);
    const original = decodeBase64(ok(session, 'cat saml.b64')) ?? '';
    const forged = encodeBase64(original.replace(/>maria</g, '>admin<'));
    expect(
      run(
        session,
        `aws sts assume-role-with-saml --role-arn ${ROLE} --principal-arn ${PROVIDER} --saml-assertion ${forged}`,
      ).stderr,
    ).toContain(
      '(InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Response signature invalid',
    );

    const other = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/other`;
    ok(session, `saml-idp sign-in --user maria --role ${other},${PROVIDER} --outfile other.b64`);
    expect(run(session, assume('other.b64')).stderr).toContain(
      '(AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML',
    );

    ok(session, 'wait 6m');
    expect(run(session, assume('saml.b64')).stderr).toContain(
      '(ExpiredTokenException) when calling the AssumeRoleWithSAML operation: Token must be redeemed within 5 minutes of issuance',
    );
  });

  it("an assertion from another IdP is not the provider's", () => {
    const session = withSamlRole();
    ok(
      session,
      `saml-idp sign-in --entity-id https://evil.example.net/saml --user maria --role ${ROLE},${PROVIDER} --outfile evil.b64`,
    );
    expect(run(session, assume('evil.b64')).stderr).toContain('Response signature invalid');
    expect(
      run(
        session,
        `aws sts assume-role-with-saml --role-arn ${ROLE} --principal-arn arn:aws:iam::${SANDBOX_ACCOUNT}:saml-provider/Nope --saml-assertion file://evil.b64`,
      ).stderr,
    ).toContain("Specified provider doesn't exist.");
  });
});
