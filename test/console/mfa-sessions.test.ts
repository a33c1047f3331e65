// MFA end to end through the console, as a learner sets it up (id_credentials_mfa_enable_virtual,
// id_credentials_mfa_configure-api-require, API_GetSessionToken, API_AssumeRole): a virtual device
// whose seed goes to a file, codes from it, GetSessionToken with and without MFA, and a role whose
// trust policy requires MFA.
import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { ADMIN_ARN, ok, run, trustPolicy } from './helpers.js';

const SERIAL = `arn:aws:iam::${SANDBOX_ACCOUNT}:mfa/admin-phone`;

/** The sandbox with a virtual MFA device enabled for admin, as the console's user would do it. */
function withMfa(): ConsoleSession {
  const session = createSandbox('mfa-test', Date.UTC(2026, 10, 30, 10));
  const created = ok(
    session,
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name admin-phone --outfile ~/seed.txt --bootstrap-method Base32StringSeed',
  );
  // The seed went to the file, not to the screen.
  expect(JSON.parse(created)).toEqual({ VirtualMFADevice: { SerialNumber: SERIAL } });
  const first = ok(session, 'mfa-code ~/seed.txt');
  ok(session, 'wait 30s');
  const second = ok(session, 'mfa-code ~/seed.txt');
  expect(second).not.toBe(first);
  ok(
    session,
    `aws iam enable-mfa-device --user-name admin --serial-number ${SERIAL} --authentication-code1 ${first} --authentication-code2 ${second}`,
  );
  return session;
}

function sessionToken(session: ConsoleSession, extra = ''): Record<string, string> {
  const out = ok(session, `aws sts get-session-token ${extra}`);
  return (JSON.parse(out) as { Credentials: Record<string, string> }).Credentials;
}

function exportCredentials(session: ConsoleSession, c: Record<string, string>): void {
  ok(
    session,
    `export AWS_ACCESS_KEY_ID=${c.AccessKeyId} AWS_SECRET_ACCESS_KEY=${c.SecretAccessKey} AWS_SESSION_TOKEN=${c.SessionToken}`,
  );
}

describe('GetSessionToken', () => {
  it('gives temporary credentials (ASIA, 12 hours by default) that act as the user', () => {
    const session = withMfa();
    const c = sessionToken(session);
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c.Expiration).toBe('2026-11-30T22:00:30+00:00');
    exportCredentials(session, c);
    expect(JSON.parse(ok(session, 'whoami'))).toMatchObject({
      Arn: `arn:aws:iam::${SANDBOX_ACCOUNT}:user/admin`,
    });
  });

  it('without MFA its credentials cannot call IAM; with a valid code they can', () => {
    const session = withMfa();
    exportCredentials(session, sessionToken(session));
    const refused = run(session, 'aws iam list-users');
    expect(refused.exitCode).toBe(254);
    expect(refused.stderr).toContain('(InvalidClientTokenId)');
    ok(session, 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN');
    const code = ok(session, 'mfa-code ~/seed.txt');
    exportCredentials(
      session,
      sessionToken(session, `--serial-number ${SERIAL} --token-code ${code}`),
    );
    expect(run(session, 'aws iam list-users').exitCode).toBe(0);
  });

  it("a wrong code or a device that is not the caller's is refused with STS's words", () => {
    const session = withMfa();
    const code = ok(session, 'mfa-code ~/seed.txt');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(
      run(session, `aws sts get-session-token --serial-number ${SERIAL} --token-code ${wrong}`)
        .stderr,
    ).toBe(
      '\nAn error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed with invalid MFA one time pass code.\n',
    );
    const other = `arn:aws:iam::${SANDBOX_ACCOUNT}:mfa/someone-else`;
    expect(
      run(session, `aws sts get-session-token --serial-number ${other} --token-code ${code}`)
        .stderr,
    ).toContain(
      'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    );
  });

  it('session credentials cannot call it again', () => {
    const session = withMfa();
    exportCredentials(session, sessionToken(session));
    expect(run(session, 'aws sts get-session-token').stderr).toContain(
      '(AccessDenied) when calling the GetSessionToken operation: Cannot call GetSessionToken with session credentials',
    );
  });
});

describe('a role that requires MFA (id_credentials_mfa_configure-api-require)', () => {
  const trust = trustPolicy({ AWS: ADMIN_ARN }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  const assume = `aws sts assume-role --role-arn arn:aws:iam::${SANDBOX_ACCOUNT}:role/breakglass --role-session-name admin`;

  it('is assumed only with a valid code, and explain shows the failed condition', () => {
    const session = withMfa();
    ok(
      session,
      `aws iam create-role --role-name breakglass --assume-role-policy-document '${trust}'`,
    );
    const without = run(session, assume);
    expect(without.exitCode).toBe(254);
    expect(without.stderr).toContain('(AccessDenied) when calling the AssumeRole operation');
    expect(ok(session, 'explain')).toContain(
      'Bool aws:MultiFactorAuthPresent ["true"]; request: missing -> false',
    );
    const code = ok(session, 'mfa-code ~/seed.txt');
    expect(
      run(
        session,
        `${assume} --serial-number ${SERIAL} --token-code ${code === '000000' ? '111111' : '000000'}`,
      ).stderr,
    ).toContain('MultiFactorAuthentication failed');
    expect(run(session, `${assume} --serial-number ${SERIAL} --token-code ${code}`).exitCode).toBe(
      0,
    );
  });
});

// GetSessionToken's credentials got without MFA cannot call IAM at all: the probe is S3's.
describe('aws:MultiFactorAuthPresent (reference_policies_condition-keys, MultiFactorAuthPresent)', () => {
  const presentIs = (session: ConsoleSession) => {
    run(session, 'aws s3api list-buckets');
    return /Bool aws:MultiFactorAuthPresent \["false"\]; request: (\S+)/.exec(
      ok(session, 'explain'),
    )?.[1];
  };
  const denyWithoutMfa = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  });

  it('is absent with long-term keys, so a Bool "false" Deny does not apply to them', () => {
    const session = withMfa();
    ok(
      session,
      `aws iam put-user-policy --user-name admin --policy-name no-mfa --policy-document '${denyWithoutMfa}'`,
    );
    expect(presentIs(session)).toBe('missing');
    expect(run(session, 'aws s3api list-buckets').exitCode).toBe(0);
  });

  it('is "false" in temporary credentials got without MFA, and "true" with it', () => {
    const session = withMfa();
    ok(
      session,
      `aws iam put-user-policy --user-name admin --policy-name no-mfa --policy-document '${denyWithoutMfa}'`,
    );
    exportCredentials(session, sessionToken(session));
    expect(presentIs(session)).toBe('"false"');
    expect(run(session, 'aws s3api list-buckets').exitCode).toBe(254);
    ok(session, 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN');
    const code = ok(session, 'mfa-code ~/seed.txt');
    exportCredentials(
      session,
      sessionToken(session, `--serial-number ${SERIAL} --token-code ${code}`),
    );
    expect(presentIs(session)).toBe('"true"');
  });

  it('is "false" in a role session assumed without MFA', () => {
    const session = withMfa();
    ok(
      session,
      `aws iam create-role --role-name ops --assume-role-policy-document '${trustPolicy({ AWS: ADMIN_ARN })}'`,
    );
    ok(
      session,
      `aws iam put-role-policy --role-name ops --policy-name no-mfa --policy-document '${denyWithoutMfa}'`,
    );
    const out = ok(
      session,
      `aws sts assume-role --role-arn arn:aws:iam::${SANDBOX_ACCOUNT}:role/ops --role-session-name ops-session`,
    );
    exportCredentials(
      session,
      (JSON.parse(out) as { Credentials: Record<string, string> }).Credentials,
    );
    expect(presentIs(session)).toBe('"false"');
  });
});
