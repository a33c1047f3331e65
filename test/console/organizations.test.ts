// Service control policies through the console (orgs_manage_policies_scps,
// orgs_manage_policies_scps_evaluation): the sandbox's organization, an SCP made and attached by
// the management account, member-account principals limited by it (administrators included),
// the management account never limited, and the Organizations errors.
import { describe, expect, it } from 'vitest';
import { createSandbox, PRODUCTION_ACCOUNT, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { json, ok, run } from './helpers.js';

const DENY_S3 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoS3', Effect: 'Deny', Action: 's3:*', Resource: '*' }],
});

/** The sandbox with DENY_S3 attached where `targetOf` says (an account id, the root's id). */
function withScp(targetOf: (session: ConsoleSession) => string): ConsoleSession {
  const session = createSandbox('org-test', Date.UTC(2026, 10, 30, 10));
  const target = targetOf(session);
  const policy = json(
    session,
    `aws organizations create-policy --name no-s3 --description "No S3" --type SERVICE_CONTROL_POLICY --content '${DENY_S3}'`,
  ) as { Policy: { PolicySummary: { Id: string } } };
  ok(
    session,
    `aws organizations attach-policy --policy-id ${policy.Policy.PolicySummary.Id} --target-id ${target}`,
  );
  return session;
}

describe('service control policies', () => {
  it('the sandbox is an organization managed from the learner account', () => {
    const session = createSandbox('org-test', Date.UTC(2026, 10, 30, 10));
    expect(
      ok(
        session,
        'aws organizations describe-organization --query Organization.MasterAccountId --output text',
      ),
    ).toBe(SANDBOX_ACCOUNT);
    expect(
      ok(session, 'aws organizations list-accounts --query "Accounts[].Id" --output text'),
    ).toBe(`${SANDBOX_ACCOUNT}\t${PRODUCTION_ACCOUNT}`);
    expect(
      ok(
        session,
        'aws organizations list-policies --filter SERVICE_CONTROL_POLICY --query "Policies[].Name" --output text',
      ),
    ).toBe('FullAWSAccess');
    // The CLI pages the lists as botocore's paginators say (result key Accounts); in text output
    // the query also meets the NextToken part and prints None, as awscli/formatter.py does.
    expect(
      ok(
        session,
        'aws organizations list-accounts --max-items 1 --query "Accounts[].Id" --output text',
      ),
    ).toBe(`${SANDBOX_ACCOUNT}\nNone`);
  });

  it('an SCP on the member account denies even its administrator, and explain says so', () => {
    const session = withScp(() => PRODUCTION_ACCOUNT);
    const denied = run(session, 'aws s3api list-buckets --profile prod');
    expect(denied.stderr).toBe(
      `\nAn error occurred (AccessDenied) when calling the ListBuckets operation: User: arn:aws:iam::${PRODUCTION_ACCOUNT}:user/admin is not authorized to perform: s3:ListAllMyBuckets with an explicit deny in a service control policy\n`,
    );
    const explained = ok(session, 'explain');
    expect(explained).toMatch(/^> Service control policies \(SCPs\): +explicit deny at level 1/m);
    expect(explained).toContain(
      `Deny by SCP no-s3 on account ${PRODUCTION_ACCOUNT} statement 0 (Sid NoS3)`,
    );
    // Other services are untouched, and so is the management account.
    expect(run(session, 'aws iam list-users --profile prod').exitCode).toBe(0);
    expect(run(session, 'aws s3api list-buckets').exitCode).toBe(0);
  });

  it('attached at the root it limits every member account but not the management account', () => {
    const session = withScp((sandbox) => sandbox.world.organization?.rootId ?? '');
    expect(run(session, 'aws s3api list-buckets --profile prod').stderr).toContain(
      'service control policy',
    );
    expect(run(session, 'aws s3api list-buckets').exitCode).toBe(0);
  });

  it('only the management account manages it, with Organizations words', () => {
    const session = withScp(() => PRODUCTION_ACCOUNT);
    expect(run(session, 'aws organizations list-accounts --profile prod').stderr).toContain(
      "(AccessDeniedException) when calling the ListAccounts operation: You don't have permissions to access this resource.",
    );
    expect(
      run(
        session,
        'aws organizations attach-policy --policy-id p-FullAWSAccess --target-id 999988887777',
      ).stderr,
    ).toContain('(TargetNotFoundException)');
    expect(
      run(
        session,
        `aws organizations attach-policy --policy-id p-FullAWSAccess --target-id ${PRODUCTION_ACCOUNT}`,
      ).stderr,
    ).toContain('(DuplicatePolicyAttachmentException)');
    expect(
      run(
        session,
        `aws organizations create-policy --name bad --description x --type SERVICE_CONTROL_POLICY --content '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}'`,
      ).stderr,
    ).toContain(
      '(MalformedPolicyDocumentException) when calling the CreatePolicy operation: The provided policy document does not meet the requirements of the specified policy type.',
    );
  });
});
