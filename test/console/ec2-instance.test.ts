// The application on EC2, end to end through the console (id_roles_use_switch-role-ec2,
// id_roles_use_passrole, configuring-instance-metadata-service, instancedata-data-retrieval):
// a role trusting ec2.amazonaws.com in an instance profile, launching with it (iam:PassRole),
// IMDSv2 from the instance with curl, the SDK chain on the instance, rotation, changing a running
// instance's profile (attach-replace-ec2-instance-profile; API_ReplaceIamInstanceProfileAssociation,
// API_DisassociateIamInstanceProfile, API_AssociateIamInstanceProfile,
// API_DescribeIamInstanceProfileAssociations), and the mistakes.
import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { ADMIN_ARN, ok, run, trustPolicy } from './helpers.js';

const IMDS = 'http://169.254.169.254/latest';
const EC2_TRUST = trustPolicy({ Service: 'ec2.amazonaws.com' });

/** The sandbox with role `app` (S3 read-only) in instance profile `app`, trusting `trust`. */
function withInstanceProfile(trust = EC2_TRUST): ConsoleSession {
  const session = createSandbox('ec2-test', Date.UTC(2026, 10, 30, 10));
  for (const line of [
    `aws iam create-role --role-name app --assume-role-policy-document '${trust}'`,
    'aws iam attach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    'aws iam create-instance-profile --instance-profile-name app',
    'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app',
  ]) {
    ok(session, line);
  }
  return session;
}

function launch(session: ConsoleSession, extra = ''): string {
  return ok(
    session,
    `aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --iam-instance-profile Name=app ${extra} --query Instances[0].InstanceId --output text`,
  );
}

function token(session: ConsoleSession): string {
  return ok(
    session,
    `curl -s -X PUT ${IMDS}/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"`,
  );
}

describe('an instance with a role', () => {
  it('launches with the profile; its software signs as the role session named after it', () => {
    const session = withInstanceProfile();
    const id = launch(session);
    expect(id).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(
      ok(
        session,
        `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].[State.Name,IamInstanceProfile.Arn,MetadataOptions.HttpTokens] --output text`,
      ),
    ).toBe(`running\tarn:aws:iam::${SANDBOX_ACCOUNT}:instance-profile/app\trequired`);
    expect(ok(session, `ssh ${id}`)).toContain(`Amazon Linux 2023 on ${id}`);
    expect(ok(session, 'whoami --query Arn --output text')).toBe(
      `arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/app/${id}`,
    );
    // No key anywhere on the instance: the credentials come from the metadata service.
    expect(ok(session, 'ls ~')).toBe('');
    expect(ok(session, 'aws s3api list-buckets --query Buckets --output json')).toBe('[]');
    const denied = run(session, 'aws iam list-users');
    expect(denied.stderr).toContain(
      `assumed-role/app/${id} is not authorized to perform: iam:ListUsers`,
    );
    expect(ok(session, 'exit')).toBe(`logout\nConnection to ${id} closed.`);
    expect(ok(session, 'whoami --query Arn --output text')).toContain(':user/admin');
  });

  it('IMDSv2: a token from PUT opens the GETs; without it, 401', () => {
    const session = withInstanceProfile();
    ok(session, `ssh ${launch(session)}`);
    expect(run(session, `curl -s ${IMDS}/meta-data/iam/security-credentials/`).stdout).toContain(
      '401 - Unauthorized',
    );
    expect(run(session, `curl -sf ${IMDS}/meta-data/iam/security-credentials/`).exitCode).toBe(22);
    const t = token(session);
    const header = `-H "X-aws-ec2-metadata-token: ${t}"`;
    expect(ok(session, `curl -s ${header} ${IMDS}/meta-data/iam/security-credentials/`)).toBe(
      'app',
    );
    const document = JSON.parse(
      ok(session, `curl -s ${header} ${IMDS}/meta-data/iam/security-credentials/app`),
    ) as Record<string, string>;
    expect(Object.keys(document)).toEqual([
      'Code',
      'LastUpdated',
      'Type',
      'AccessKeyId',
      'SecretAccessKey',
      'Token',
      'Expiration',
    ]);
    expect(document).toMatchObject({
      Code: 'Success',
      Type: 'AWS-HMAC',
      LastUpdated: '2026-11-30T10:00:00Z',
      Expiration: '2026-11-30T16:00:00Z',
    });
    expect(document.AccessKeyId).toMatch(/^ASIA/);
    // The token expires with its TTL.
    ok(session, 'wait 6h');
    expect(run(session, `curl -s ${header} ${IMDS}/meta-data/instance-id`).stdout).toContain('401');
  });

  it('the credentials are renewed before they expire', () => {
    const session = withInstanceProfile();
    ok(session, `ssh ${launch(session)}`);
    const keyNow = () => {
      const header = `-H "X-aws-ec2-metadata-token: ${token(session)}"`;
      return (
        JSON.parse(
          ok(session, `curl -s ${header} ${IMDS}/meta-data/iam/security-credentials/app`),
        ) as Record<string, string>
      ).AccessKeyId;
    };
    const first = keyNow();
    ok(session, 'wait 4h');
    expect(keyNow()).toBe(first);
    ok(session, 'wait 1h30m');
    const renewed = keyNow();
    expect(renewed).not.toBe(first);
    expect(ok(session, 'whoami --query Arn --output text')).toContain('assumed-role/app/');
  });

  it('IMDSv1 works only where HttpTokens is optional', () => {
    const session = withInstanceProfile();
    ok(session, `ssh ${launch(session, '--metadata-options HttpTokens=optional')}`);
    expect(ok(session, `curl -s ${IMDS}/meta-data/iam/security-credentials/`)).toBe('app');
  });

  it('keys exported on the instance win over its role (the credential chain)', () => {
    const session = withInstanceProfile();
    const key = JSON.parse(ok(session, 'aws iam create-access-key --user-name admin')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    ok(session, `ssh ${launch(session)}`);
    ok(
      session,
      `export AWS_ACCESS_KEY_ID=${key.AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${key.AccessKey.SecretAccessKey}`,
    );
    expect(ok(session, 'whoami --query Arn --output text')).toBe(
      `arn:aws:iam::${SANDBOX_ACCOUNT}:user/admin`,
    );
  });
  it('with the key file removed from the instance, the CLI falls back to its role', () => {
    const session = withInstanceProfile();
    const key = JSON.parse(ok(session, 'aws iam create-access-key --user-name admin')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    const id = launch(session);
    ok(session, `ssh ${id}`);
    ok(session, `aws configure set aws_access_key_id ${key.AccessKey.AccessKeyId}`);
    ok(session, `aws configure set aws_secret_access_key ${key.AccessKey.SecretAccessKey}`);
    expect(ok(session, 'whoami --query Arn --output text')).toBe(ADMIN_ARN);
    ok(session, 'rm ~/.aws/credentials');
    expect(ok(session, 'whoami --query Arn --output text')).toBe(
      `arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/app/${id}`,
    );
  });
});

describe("changing a running instance's role", () => {
  /** withInstanceProfile, plus role `reports` (ReadOnlyAccess) in profile `reports`. */
  function withTwoProfiles(): ConsoleSession {
    const session = withInstanceProfile();
    for (const line of [
      `aws iam create-role --role-name reports --assume-role-policy-document '${EC2_TRUST}'`,
      'aws iam attach-role-policy --role-name reports --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
      'aws iam create-instance-profile --instance-profile-name reports',
      'aws iam add-role-to-instance-profile --instance-profile-name reports --role-name reports',
    ]) {
      ok(session, line);
    }
    return session;
  }
  const associationOf = (session: ConsoleSession, id: string) =>
    ok(
      session,
      `aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=${id} --query IamInstanceProfileAssociations[0].AssociationId --output text`,
    );
  const roleOnInstance = (session: ConsoleSession) => {
    const header = `-H "X-aws-ec2-metadata-token: ${token(session)}"`;
    return ok(session, `curl -s ${header} ${IMDS}/meta-data/iam/security-credentials/`);
  };

  it('replace gives it the new role at once; disassociate leaves it none; associate gives one back', () => {
    const session = withTwoProfiles();
    const id = launch(session);
    const launched = associationOf(session, id);
    expect(launched).toMatch(/^iip-assoc-0[0-9a-f]{16}$/);
    ok(session, `ssh ${id}`);
    expect(roleOnInstance(session)).toBe('app');
    ok(session, 'exit');

    const replaced = JSON.parse(
      ok(
        session,
        `aws ec2 replace-iam-instance-profile-association --association-id ${launched} --iam-instance-profile Name=reports`,
      ),
    ) as { IamInstanceProfileAssociation: Record<string, unknown> };
    expect(replaced.IamInstanceProfileAssociation).toEqual({
      AssociationId: expect.stringMatching(/^iip-assoc-/) as unknown,
      InstanceId: id,
      IamInstanceProfile: {
        Arn: `arn:aws:iam::${SANDBOX_ACCOUNT}:instance-profile/reports`,
        Id: expect.stringMatching(/^AIPA/) as unknown,
      },
      State: 'associating',
      Timestamp: '2026-11-30T10:00:00+00:00',
    });
    const current = associationOf(session, id);
    expect(current).not.toBe(launched);
    // The software on the instance now signs as the new role, with no restart.
    ok(session, `ssh ${id}`);
    expect(roleOnInstance(session)).toBe('reports');
    expect(ok(session, 'whoami --query Arn --output text')).toBe(
      `arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/reports/${id}`,
    );
    expect(ok(session, 'aws iam list-users --query Users[0].UserName --output text')).toBe('admin');
    ok(session, 'exit');

    expect(
      ok(
        session,
        `aws ec2 disassociate-iam-instance-profile --association-id ${current} --query IamInstanceProfileAssociation.State --output text`,
      ),
    ).toBe('disassociating');
    expect(ok(session, 'aws ec2 describe-iam-instance-profile-associations --output json')).toBe(
      '{\n    "IamInstanceProfileAssociations": []\n}',
    );
    ok(session, `ssh ${id}`);
    expect(
      run(
        session,
        `curl -s -H "X-aws-ec2-metadata-token: ${token(session)}" ${IMDS}/meta-data/iam/`,
      ).stdout,
    ).toContain('404 - Not Found');
    ok(session, 'exit');

    ok(
      session,
      `aws ec2 associate-iam-instance-profile --instance-id ${id} --iam-instance-profile Name=app`,
    );
    ok(session, `ssh ${id}`);
    expect(roleOnInstance(session)).toBe('app');
  });

  it('an instance with a profile cannot get a second one; an unknown association is not found', () => {
    const session = withTwoProfiles();
    const id = launch(session);
    expect(
      run(
        session,
        `aws ec2 associate-iam-instance-profile --instance-id ${id} --iam-instance-profile Name=reports`,
      ).stderr,
    ).toBe(
      `\nAn error occurred (IncorrectState) when calling the AssociateIamInstanceProfile operation: There is an existing association for instance ${id}\n`,
    );
    expect(
      run(
        session,
        'aws ec2 disassociate-iam-instance-profile --association-id iip-assoc-0123456789abcdef0',
      ).stderr,
    ).toBe(
      "\nAn error occurred (InvalidAssociationID.NotFound) when calling the DisassociateIamInstanceProfile operation: An invalid association-id of 'iip-assoc-0123456789abcdef0' was given\n",
    );
  });

  it('replacing the profile passes its role: it takes iam:PassRole, as launching does', () => {
    const session = withTwoProfiles();
    const association = associationOf(session, launch(session));
    const noPassRole = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
    });
    ok(session, 'aws iam create-user --user-name dev');
    ok(
      session,
      `aws iam put-user-policy --user-name dev --policy-name ec2 --policy-document '${noPassRole}'`,
    );
    const key = JSON.parse(ok(session, 'aws iam create-access-key --user-name dev')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    const as = `AWS_ACCESS_KEY_ID=${key.AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${key.AccessKey.SecretAccessKey}`;
    expect(
      run(
        session,
        `${as} aws ec2 replace-iam-instance-profile-association --association-id ${association} --iam-instance-profile Name=reports`,
      ).stderr,
    ).toBe(
      `\nAn error occurred (UnauthorizedOperation) when calling the ReplaceIamInstanceProfileAssociation operation: You are not authorized to perform this operation. User: arn:aws:iam::${SANDBOX_ACCOUNT}:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${SANDBOX_ACCOUNT}:role/reports because no identity-based policy allows the iam:PassRole action\n`,
    );
    expect(
      ok(
        session,
        'aws ec2 describe-iam-instance-profile-associations --query IamInstanceProfileAssociations[].IamInstanceProfile.Arn --output text',
      ),
    ).toBe(`arn:aws:iam::${SANDBOX_ACCOUNT}:instance-profile/app`);
  });
});

describe('what goes wrong', () => {
  it('launching with a role takes iam:PassRole', () => {
    const session = withInstanceProfile();
    const noPassRole = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ec2:*', 'sts:GetCallerIdentity'], Resource: '*' }],
    });
    ok(session, 'aws iam create-user --user-name dev');
    ok(
      session,
      `aws iam put-user-policy --user-name dev --policy-name ec2 --policy-document '${noPassRole}'`,
    );
    const key = JSON.parse(ok(session, 'aws iam create-access-key --user-name dev')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    const as = `AWS_ACCESS_KEY_ID=${key.AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${key.AccessKey.SecretAccessKey}`;
    const result = run(
      session,
      `${as} aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --iam-instance-profile Name=app`,
    );
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe(
      `\nAn error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::${SANDBOX_ACCOUNT}:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${SANDBOX_ACCOUNT}:role/app because no identity-based policy allows the iam:PassRole action\n`,
    );
    expect(ok(session, `${as} aws ec2 describe-instances --query Reservations --output json`)).toBe(
      '[]',
    );
  });

  it('a role that does not trust EC2: IMDS reports AssumeRoleUnauthorizedAccess and there are no credentials', () => {
    const trustsAdmin = trustPolicy({ AWS: ADMIN_ARN });
    const session = withInstanceProfile(trustsAdmin);
    ok(session, `ssh ${launch(session)}`);
    const header = `-H "X-aws-ec2-metadata-token: ${token(session)}"`;
    expect(JSON.parse(ok(session, `curl -s ${header} ${IMDS}/meta-data/iam/info`))).toMatchObject({
      Code: 'AssumeRoleUnauthorizedAccess',
      Message: expect.stringContaining('EC2 cannot assume the role app.') as unknown,
    });
    expect(run(session, 'whoami').stderr).toContain('Unable to locate credentials');
  });

  it('curl and ssh fail as they would: no metadata off an instance, no unknown hosts', () => {
    const session = withInstanceProfile();
    expect(run(session, `curl ${IMDS}/meta-data/`)).toMatchObject({
      exitCode: 28,
      stderr: expect.stringContaining('Failed to connect to 169.254.169.254') as unknown,
    });
    expect(run(session, 'curl -s https://example.com/')).toMatchObject({ exitCode: 6, stderr: '' });
    expect(run(session, 'ssh i-0123456789abcdef0')).toMatchObject({
      exitCode: 255,
      stderr: 'ssh: Could not resolve hostname i-0123456789abcdef0: Name or service not known\n',
    });
    const id = launch(session);
    expect(
      ok(
        session,
        `aws ec2 terminate-instances --instance-ids ${id} --query TerminatingInstances[0].CurrentState.Name --output text`,
      ),
    ).toBe('shutting-down');
    expect(run(session, `ssh ${id}`).stderr).toContain('Connection timed out');
    expect(
      run(session, 'aws ec2 describe-instances --instance-ids i-0000000000000000a').stderr,
    ).toContain(
      "(InvalidInstanceID.NotFound) when calling the DescribeInstances operation: The instance ID 'i-0000000000000000a' does not exist",
    );
  });

  it("an unknown instance profile is EC2's InvalidParameterValue", () => {
    const session = withInstanceProfile();
    expect(
      run(
        session,
        'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --iam-instance-profile Name=nope',
      ).stderr,
    ).toContain(
      '(InvalidParameterValue) when calling the RunInstances operation: Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    );
  });
});
