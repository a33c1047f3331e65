// The on-premises application with IAM Roles Anywhere instead of an access key
// (rolesanywhere/latest/userguide getting-started, trust-model, credential_process): a company
// CA, a trust anchor for it, a role trusting rolesanywhere.amazonaws.com for one certificate
// subject, a profile, and the server signing with its certificate through credential_process.
import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { json, ok, run } from './helpers.js';

const ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/onprem-app`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'rolesanywhere.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Condition: { StringEquals: { 'aws:PrincipalTag/x509Subject/CN': 'app01.corp.example' } },
    },
  ],
});

interface Setup {
  session: ConsoleSession;
  helper: string;
}

/** The trust policy of the role, with only these of the three actions allowed. */
const trustAllowing = (actions: string[]) =>
  TRUST.replace(
    '["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]',
    JSON.stringify(actions),
  );

function withRolesAnywhere(trust = TRUST): Setup {
  const session = createSandbox('ra-test', Date.UTC(2026, 10, 30, 10));
  ok(session, 'ca create --name "Corp Root CA" --cert-out ca.pem --key-out ca.key');
  ok(
    session,
    'ca issue --ca-cert ca.pem --ca-key ca.key --cn app01.corp.example --cert-out app01.pem --key-out app01.key',
  );
  ok(
    session,
    `aws iam create-role --role-name onprem-app --assume-role-policy-document '${trust}'`,
  );
  const anchor = json(
    session,
    // The CLI reads file:// only for a whole parameter, so the PEM goes in as a quoted value.
    `aws rolesanywhere create-trust-anchor --name corp --enabled --source "sourceType=CERTIFICATE_BUNDLE,sourceData={x509CertificateData='$(cat ca.pem)'}"`,
  ) as { trustAnchor: { trustAnchorArn: string } };
  const profile = json(
    session,
    `aws rolesanywhere create-profile --name app --enabled --role-arns ${ROLE}`,
  ) as { profile: { profileArn: string } };
  const helper = `aws_signing_helper credential-process --trust-anchor-arn ${anchor.trustAnchor.trustAnchorArn} --profile-arn ${profile.profile.profileArn} --role-arn ${ROLE}`;
  return { session, helper };
}

describe('IAM Roles Anywhere', () => {
  it('a certificate of the trusted CA gets the role credentials, as credential_process output', () => {
    const { session, helper } = withRolesAnywhere();
    const credentials = JSON.parse(
      ok(session, `${helper} --certificate app01.pem --private-key app01.key`),
    ) as Record<string, unknown>;
    expect(credentials).toMatchObject({ Version: 1 });
    expect(credentials.AccessKeyId).toMatch(/^ASIA/);
  });

  it('the AWS CLI signs with it through credential_process, with no access key on the server', () => {
    const { session, helper } = withRolesAnywhere();
    ok(
      session,
      `aws configure set credential_process "${helper} --certificate app01.pem --private-key app01.key" --profile app`,
    );
    expect(ok(session, 'whoami --profile app --query Arn --output text')).toMatch(
      new RegExp(`^arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/onprem-app/[0-9a-f]{17}$`),
    );
  });

  it('refuses another subject, a foreign CA, a wrong key and an expired certificate', () => {
    const { session, helper } = withRolesAnywhere();
    ok(
      session,
      'ca issue --ca-cert ca.pem --ca-key ca.key --cn db01.corp.example --cert-out db01.pem --key-out db01.key',
    );
    const otherSubject = run(session, `${helper} --certificate db01.pem --private-key db01.key`);
    expect(otherSubject).toMatchObject({
      exitCode: 1,
      stderr: `AccessDeniedException: Unable to assume role for ${ROLE}.\n`,
    });
    // The decision behind it is the trust policy's, and explain says so.
    expect(ok(session, 'explain')).toContain('is not authorized to perform: sts:AssumeRole');

    ok(session, 'ca create --name "Evil CA" --cert-out evil.pem --key-out evil.key');
    ok(
      session,
      'ca issue --ca-cert evil.pem --ca-key evil.key --cn app01.corp.example --cert-out fake.pem --key-out fake.key',
    );
    expect(
      run(session, `${helper} --certificate fake.pem --private-key fake.key`).stderr,
    ).toContain('Untrusted signing certificate.');

    expect(
      run(session, `${helper} --certificate app01.pem --private-key db01.key`).stderr,
    ).toContain('Signature does not match the certificate.');

    ok(session, 'wait 366d');
    expect(
      run(session, `${helper} --certificate app01.pem --private-key app01.key`).stderr,
    ).toContain('Certificate is expired');
  });

  // Trust model, "Role trusts": the trust policy "must grant the permissions sts:AssumeRole,
  // sts:SetSourceIdentity, sts:TagSession" to rolesanywhere.amazonaws.com, since the session
  // carries the certificate's fields as tags and its subject's CN as source identity.
  it.each([
    ['sts:TagSession', ['sts:AssumeRole', 'sts:SetSourceIdentity']],
    ['sts:SetSourceIdentity', ['sts:AssumeRole', 'sts:TagSession']],
    ['sts:AssumeRole', ['sts:TagSession', 'sts:SetSourceIdentity']],
  ])('a trust policy without %s gets no session', (missing, actions) => {
    const { session, helper } = withRolesAnywhere(trustAllowing(actions));
    expect(run(session, `${helper} --certificate app01.pem --private-key app01.key`)).toMatchObject(
      { exitCode: 1, stderr: `AccessDeniedException: Unable to assume role for ${ROLE}.\n` },
    );
    expect(ok(session, 'explain')).toContain(`is not authorized to perform: ${missing}`);
  });

  it("the session carries the certificate's subject as source identity and principal tags", () => {
    const { session, helper } = withRolesAnywhere();
    ok(
      session,
      `aws configure set credential_process "${helper} --certificate app01.pem --private-key app01.key" --profile app`,
    );
    // A policy of the role that tests the tag the session carries: it reads only its own folder.
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::shared/${aws:PrincipalTag/x509Subject/CN}/*',
        },
      ],
    });
    ok(session, 'aws s3api create-bucket --bucket shared');
    ok(
      session,
      'aws s3api put-object --bucket shared --key app01.corp.example/a.txt --body ca.pem',
    );
    ok(session, 'aws s3api put-object --bucket shared --key db01.corp.example/a.txt --body ca.pem');
    ok(
      session,
      `aws iam put-role-policy --role-name onprem-app --policy-name own-folder --policy-document '${policy}'`,
    );
    const get = (key: string) =>
      run(session, `aws s3api get-object --bucket shared --key ${key} out.txt --profile app`);
    expect(get('app01.corp.example/a.txt').exitCode).toBe(0);
    expect(get('db01.corp.example/a.txt').stderr).toContain('(AccessDenied)');
    const sessions = Object.values(session.world.sessions);
    expect(sessions.at(-1)?.sourceIdentity).toBe('app01.corp.example');
  });
});
