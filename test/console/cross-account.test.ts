// Cross-account access through the console (id_roles_common-scenarios_aws-accounts,
// confused-deputy, reference_policies_evaluation-logic-cross-account, id_roles_terms-and-concepts
// for role chaining): a role in production that trusts the sandbox account and requires an
// ExternalId, both sides having to allow, and chained sessions held to one hour.
import { describe, expect, it } from 'vitest';
import { createSandbox, PRODUCTION_ACCOUNT, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { json, ok, run, trustPolicy } from './helpers.js';

const ROLE = `arn:aws:iam::${PRODUCTION_ACCOUNT}:role/deployer`;
const TRUST = trustPolicy(
  { AWS: `arn:aws:iam::${SANDBOX_ACCOUNT}:root` },
  { StringEquals: { 'sts:ExternalId': 'tooling-7f3a' } },
);

function withProductionRole(): ConsoleSession {
  const session = createSandbox('cross-test', Date.UTC(2026, 10, 30, 10));
  ok(
    session,
    `aws iam create-role --role-name deployer --assume-role-policy-document '${TRUST}' --profile prod`,
  );
  ok(
    session,
    'aws iam attach-role-policy --role-name deployer --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess --profile prod',
  );
  return session;
}

const assume = `aws sts assume-role --role-arn ${ROLE} --role-session-name deploy`;

describe('a role in another account', () => {
  it('is assumed with the ExternalId its trust policy requires, and acts in that account', () => {
    const session = withProductionRole();
    const refused = run(session, assume);
    expect(refused.stderr).toBe(
      `\nAn error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::${SANDBOX_ACCOUNT}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${ROLE}\n`,
    );
    const assumed = json(session, `${assume} --external-id tooling-7f3a`) as {
      AssumedRoleUser: { Arn: string };
    };
    expect(assumed.AssumedRoleUser.Arn).toBe(
      `arn:aws:sts::${PRODUCTION_ACCOUNT}:assumed-role/deployer/deploy`,
    );
  });

  it('a role profile with external_id does the same for every command', () => {
    const session = withProductionRole();
    for (const line of [
      `aws configure set role_arn ${ROLE} --profile deploy`,
      'aws configure set source_profile default --profile deploy',
      'aws configure set external_id tooling-7f3a --profile deploy',
    ]) {
      ok(session, line);
    }
    expect(ok(session, 'whoami --profile deploy --query Account --output text')).toBe(
      PRODUCTION_ACCOUNT,
    );
  });

  it('both sides must allow: an identity policy without sts:AssumeRole is refused', () => {
    const session = withProductionRole();
    const readOnly = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }],
    });
    ok(session, 'aws iam create-user --user-name dev');
    ok(
      session,
      `aws iam put-user-policy --user-name dev --policy-name read --policy-document '${readOnly}'`,
    );
    const key = json(session, 'aws iam create-access-key --user-name dev') as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    const as = `AWS_ACCESS_KEY_ID=${key.AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${key.AccessKey.SecretAccessKey}`;
    expect(run(session, `${as} ${assume} --external-id tooling-7f3a`).exitCode).toBe(254);
    const explained = ok(session, 'explain');
    expect(explained).toContain('Cross-account request: both accounts must allow it.');
    expect(explained).toMatch(/^> Identity-based policies: +no statement allows/m);
  });

  it('role chaining is held to one hour', () => {
    const session = withProductionRole();
    const first = json(session, `${assume} --external-id tooling-7f3a`) as {
      Credentials: Record<string, string>;
    };
    const c = first.Credentials;
    ok(
      session,
      `export AWS_ACCESS_KEY_ID=${c.AccessKeyId} AWS_SECRET_ACCESS_KEY=${c.SecretAccessKey} AWS_SESSION_TOKEN=${c.SessionToken}`,
    );
    const chained = trustPolicy({ AWS: ROLE });
    ok(
      session,
      `aws iam create-role --role-name second --assume-role-policy-document '${chained}' --max-session-duration 7200 --profile prod`,
    );
    const second = `aws sts assume-role --role-arn arn:aws:iam::${PRODUCTION_ACCOUNT}:role/second --role-session-name chained`;
    expect(run(session, `${second} --duration-seconds 7200`).stderr).toContain(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    expect(run(session, `${second} --duration-seconds 3600`).exitCode).toBe(0);
  });
});
